import type { Metadata } from "next";
import { CreateDraftButton, DraftEditor, PublishButton } from "@/components/questionnaires/questionnaire-forms";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { DataTable, type Column } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { formatDate } from "@/lib/format";
import { FEEDBACK_PARTY_LABEL, QUESTIONNAIRE_STATE_LABEL } from "@/lib/labels";
import { questionnaireVersions, type QuestionnaireVersion } from "@/lib/questionnaires/queries";
import { QUESTION_KIND_LABEL, type Question } from "@/lib/questionnaires/questions";

export const metadata: Metadata = { title: "服务评价问卷" };

function QuestionList({ questions }: { questions: Question[] }) {
  return (
    <ol className="list-decimal space-y-1 pl-5 text-sm text-slate-800">
      {questions.map((q) => <li key={q.key}>{q.label}<span className="text-slate-600">（{QUESTION_KIND_LABEL[q.kind]}，{q.required ? "必答" : "可选"}）</span></li>)}
    </ol>
  );
}

const STATE_TONE = { DRAFT: "warning", PUBLISHED: "success", RETIRED: "neutral" } as const;

export default async function QuestionnairesPage() {
  await requirePermission("/ministry/questionnaires", "questionnaire.manage");
  const versions = await questionnaireVersions();
  const columns: Column<QuestionnaireVersion>[] = [
    { header: "版本", className: "whitespace-nowrap", cell: (q) => `第 ${q.version} 版` },
    { header: "名称", cell: (q) => q.title },
    { header: "状态", className: "whitespace-nowrap", cell: (q) => <Badge tone={STATE_TONE[q.state]}>{QUESTIONNAIRE_STATE_LABEL[q.state]}</Badge> },
    { header: "发布日期", className: "whitespace-nowrap", cell: (q) => formatDate(q.publishedAt) },
    { header: "停用日期", className: "whitespace-nowrap", cell: (q) => formatDate(q.retiredAt) },
    { header: "已收评价", className: "whitespace-nowrap", cell: (q) => `${q.answers} 份` },
    { header: "题目", cell: (q) => <details><summary className="cursor-pointer text-brand-700">{q.questions.length} 题</summary><div className="mt-2"><QuestionList questions={q.questions} /></div></details> },
  ];
  return (
    <>
      <PageHeader title="服务评价问卷" subtitle="服务结束后服务单位和专家填写的评价问卷。修改须新建版本并发布；已有评价始终按其回答时的版本显示，含义不变。" />
      <div className="space-y-8">
        {(["UNIT", "EXPERT"] as const).map((party) => {
          const all = versions[party];
          const current = all.find((q) => q.state === "PUBLISHED");
          const draft = all.find((q) => q.state === "DRAFT");
          const name = `${FEEDBACK_PARTY_LABEL[party]}问卷`;
          return (
            <section key={party} aria-labelledby={`h-${party}`} className="space-y-4">
              <h2 id={`h-${party}`} className="text-lg font-semibold text-slate-900">{name}（{party === "UNIT" ? "服务单位评价专家" : "专家评价服务单位"}）</h2>
              <Card title={current ? `使用中：第 ${current.version} 版 · ${current.title}` : "尚无使用中的版本"}>
                {current ? <QuestionList questions={current.questions} /> : <p className="text-sm text-slate-600">请新建并发布一个版本。</p>}
                {!draft && <div className="mt-4"><CreateDraftButton party={party} label={`新建第 ${(all[0]?.version ?? 0) + 1} 版（在使用中的版本基础上修改）`} /></div>}
              </Card>
              {draft && (
                <Card title={`草稿：第 ${draft.version} 版`} action={<PublishButton id={draft.id} rowVersion={draft.rowVersion} version={draft.version} />}>
                  <DraftEditor id={draft.id} rowVersion={draft.rowVersion} title={draft.title} questions={draft.questions} party={name} />
                </Card>
              )}
              <DataTable caption={`${name}的全部版本`} columns={columns} rows={all} rowKey={(q) => q.id} />
            </section>
          );
        })}
      </div>
    </>
  );
}
