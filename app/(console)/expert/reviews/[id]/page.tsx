import type { Metadata } from "next";
import Link from "next/link";
import { ScoreForm } from "@/components/activities-review/score-form";
import { DefinitionList } from "@/components/dashboard/definition-list";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { loadInScope } from "@/lib/auth/load-in-scope";
import { formatDate, formatDateTime } from "@/lib/format";
import { SERVICE_FORM_LABEL } from "@/lib/labels";
import { targetsOf } from "@/lib/activities/progress-schemas";
import { myReviewInScope } from "@/lib/activities/review-queries";

export const metadata: Metadata = { title: "评分" };

export default async function ReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { record: r } = await loadInScope({ path: `/expert/reviews/${id}`, ...myReviewInScope(id) });
  const a = r.activity;
  return (
    <>
      <PageHeader
        title={a.title}
        subtitle={<span className="inline-flex flex-wrap items-center gap-2">
          {r.submittedAt ? <Badge tone="success">已评分</Badge> : r.open ? <Badge tone="warning">待评分</Badge> : <Badge>评审已结束</Badge>}
          <span>{a.plan ? `${a.plan.year}年 ${a.program.name} · 年度主题：${a.plan.theme}` : a.program.name}</span>
        </span>}
        actions={<Link href="/expert/reviews" className="text-sm text-brand-700 underline underline-offset-2">返回评审任务</Link>}
      />
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
        <Card title="申报内容">
          <DefinitionList items={[
            { label: "申报单位", value: a.applicantOrg.name },
            { label: "所在省份", value: r.provinceName },
            { label: "计划时间", value: `${formatDate(a.plannedStart)} 至 ${formatDate(a.plannedEnd)}` },
            { label: "计划专家人数", value: `${a.plannedExperts} 名` },
            { label: "东中西部协作", value: r.pairedProvinceName || "—" },
            { label: "基地承办", value: a.hostBaseId ? "是" : "否" },
            { label: "服务形式", value: a.serviceForms.map((f) => SERVICE_FORM_LABEL[f]).join("、") || "—" },
          ]} />
          <h3 className="mt-4 text-sm font-medium text-slate-800">活动简介</h3>
          <p className="mt-1 whitespace-pre-line text-sm text-slate-700">{a.summary}</p>
          {a.themeFit && <><h3 className="mt-4 text-sm font-medium text-slate-800">与年度主题的契合</h3><p className="mt-1 whitespace-pre-line text-sm text-slate-700">{a.themeFit}</p></>}
          {targetsOf(a.targets).length > 0 && (
            <>
              <h3 className="mt-4 text-sm font-medium text-slate-800">量化目标</h3>
              <ul className="mt-1 list-disc pl-5 text-sm text-slate-700">
                {targetsOf(a.targets).map((t) => <li key={t.indicator}>{t.indicator}：{t.target} {t.unit}</li>)}
              </ul>
            </>
          )}
        </Card>
        <Card title="评分">
          {r.submittedAt ? (
            <div className="space-y-3 text-sm">
              <p>您已于 {formatDateTime(r.submittedAt)} 提交评分，总分 <strong>{r.total}</strong> 分。</p>
              <ul className="divide-y divide-slate-100 rounded-md ring-1 ring-slate-200">
                {r.rubric.map((c) => <li key={c.key} className="flex justify-between px-3 py-1.5"><span>{c.label}</span><span>{r.scores[c.key] ?? "—"} / {c.weight}</span></li>)}
              </ul>
              <p className="whitespace-pre-line text-slate-700">评审意见：{r.comment}</p>
            </div>
          ) : r.open ? (
            <ScoreForm reviewId={r.id} version={r.version} rubric={r.rubric} />
          ) : (
            <p className="text-sm text-slate-600">该申报已作出遴选决定或遴选结果已公布，不再接受评分。</p>
          )}
        </Card>
      </div>
    </>
  );
}
