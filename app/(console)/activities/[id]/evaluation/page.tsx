import type { Metadata } from "next";
import Link from "next/link";
import { ActivityFeedbackForm, EvaluationForm } from "@/components/activities-review/evaluation-forms";
import { toneOf } from "@/components/dashboard/state-tone";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { loadInScope } from "@/lib/auth/load-in-scope";
import { formatDate } from "@/lib/format";
import { ACTIVITY_STATE_LABEL, EVALUATION_GRADE_LABEL } from "@/lib/labels";
import { evaluationPage } from "@/lib/activities/evaluation-queries";
import { trackedInScopeFor } from "@/lib/activities/progress-queries";

export const metadata: Metadata = { title: "评估与评价" };

const LEVEL = { PROVINCE: "省级评估", MINISTRY: "部级评估" } as const;

export default async function EvaluationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user, record: a } = await loadInScope({ path: `/activities/${id}/evaluation`, ...trackedInScopeFor(id) });
  const e = await evaluationPage(user, a);
  return (
    <>
      <PageHeader
        title={a.title}
        subtitle={<span className="inline-flex flex-wrap items-center gap-2"><Badge tone={toneOf(a.state)}>{ACTIVITY_STATE_LABEL[a.state]}</Badge>
          <span>{a.isDemonstration ? "先由省级评估，再由部级评估" : "地方示范活动：由省级评估"}{a.completedAt ? ` · ${formatDate(a.completedAt)} 完成` : ""}</span></span>}
        actions={<>
          <Link href={`/activities/${a.id}`} className="text-sm text-brand-700 underline underline-offset-2">活动详情</Link>
          <Link href={`/activities/${a.id}/progress`} className="text-sm text-brand-700 underline underline-offset-2">进展报送</Link>
        </>}
      />
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-3">
        <div className="min-w-0 space-y-6 xl:col-span-2">
          <Card title="评估结果">
            <DataTable
              caption="评估结果"
              columns={[
                { header: "层级", className: "whitespace-nowrap", cell: (x) => LEVEL[x.level] },
                { header: "等次", className: "whitespace-nowrap", cell: (x) => <Badge tone={x.grade === "UNQUALIFIED" ? "danger" : "success"}>{EVALUATION_GRADE_LABEL[x.grade]}</Badge> },
                { header: "得分", cell: (x) => x.score },
                { header: "评估意见", cell: (x) => <span className="whitespace-pre-line">{x.comment}</span> },
                { header: "日期", className: "whitespace-nowrap", cell: (x) => formatDate(x.createdAt) },
              ]}
              rows={e.evaluations}
              rowKey={(x) => x.id}
              empty={{ title: "尚未评估", body: a.state === "COMPLETED" ? "活动已完成，等待评估。" : "活动完成（提交总结）后进行评估。" }}
            />
          </Card>
          {e.targets.length > 0 && (
            <Card title="量化目标完成情况">
              <ul className="list-disc pl-5 text-sm text-slate-700">
                {e.targets.map((t) => <li key={t.indicator}>{t.indicator}：目标 {t.target} {t.unit}，实际 {t.actual ?? "—"} {t.unit}</li>)}
              </ul>
            </Card>
          )}
          <Card title={`专家和服务单位评价（${e.feedback.length}${e.average !== null ? `，平均 ${e.average} 分` : ""}）`}>
            <DataTable
              caption="专家和服务单位评价"
              columns={[
                { header: "评价方", className: "whitespace-nowrap", cell: (f) => (f.role === "EXPERT" ? "团队专家" : "服务单位") },
                { header: "评分", className: "whitespace-nowrap", cell: (f) => `${f.rating} 分` },
                { header: "意见", cell: (f) => f.comment || "—" },
                { header: "日期", className: "whitespace-nowrap", cell: (f) => formatDate(f.createdAt) },
              ]}
              rows={e.feedback}
              rowKey={(f) => f.id}
              empty={{ title: "暂无评价", body: "活动实施后，团队专家和服务单位各可评价一次。" }}
            />
          </Card>
        </div>
        <div className="min-w-0 space-y-6">
          {e.can.province && <Card title="省级评估"><EvaluationForm activityId={a.id} version={a.version} level="PROVINCE" /></Card>}
          {e.can.ministry && !e.can.ministryWaits && <Card title="部级评估"><EvaluationForm activityId={a.id} version={a.version} level="MINISTRY" /></Card>}
          {e.can.ministryWaits && <Card title="部级评估"><p className="text-sm text-slate-600">须先由活动所在省份完成省级评估，再作部级评估。</p></Card>}
          {e.can.feedback && <Card title="评价本活动"><ActivityFeedbackForm activityId={a.id} /></Card>}
        </div>
      </div>
    </>
  );
}
