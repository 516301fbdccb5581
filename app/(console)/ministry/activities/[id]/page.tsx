import type { Metadata } from "next";
import Link from "next/link";
import { AssignReviewersForm, RemoveReviewerButton } from "@/components/activities-review/assign-forms";
import { DefinitionList } from "@/components/dashboard/definition-list";
import { toneOf } from "@/components/dashboard/state-tone";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { FormField, Input } from "@/components/ui/form-field";
import { PageHeader } from "@/components/ui/page-header";
import { loadInScope } from "@/lib/auth/load-in-scope";
import { formatDateTime } from "@/lib/format";
import { ACTIVITY_STATE_LABEL } from "@/lib/labels";
import { assignmentInScope, reviewerCandidates } from "@/lib/activities/review-queries";
import { MIN_REVIEWERS, reviewerSearchSchema } from "@/lib/activities/review-schemas";
import { firstValues, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "分配评审专家" };

export default async function AssignPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const { id } = await params;
  const { record: a } = await loadInScope({ path: `/ministry/activities/${id}`, ...assignmentInScope(id) });
  const { q } = reviewerSearchSchema.parse(await firstValues(searchParams));
  const open = a.underReview && a.state === "RECOMMENDED";
  const candidates = open ? await reviewerCandidates(a, q) : [];
  return (
    <>
      <PageHeader
        title={a.title}
        subtitle={<span className="inline-flex flex-wrap items-center gap-2"><Badge tone={toneOf(a.state)}>{ACTIVITY_STATE_LABEL[a.state]}</Badge>
          <span>{a.plan ? `${a.plan.year}年 ${a.program.name}` : a.program.name}</span></span>}
        actions={<>
          <Link href="/ministry/activities" className="text-sm text-brand-700 underline underline-offset-2">返回评审列表</Link>
          <Link href={`/activities/${a.id}`} className="text-sm text-brand-700 underline underline-offset-2">申报详情</Link>
          {a.plan && <Link href={`/ministry/plans/${a.plan.id}/selection`} className="text-sm text-brand-700 underline underline-offset-2">遴选会</Link>}
        </>}
      />
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-3">
        <div className="min-w-0 space-y-6 xl:col-span-2">
          <Card title="申报概况">
            <DefinitionList items={[
              { label: "申报单位", value: a.applicantOrg.name },
              { label: "所在省份（回避）", value: a.provinceName },
              { label: "推荐渠道", value: a.channelOrg?.name ?? a.provinceName },
              { label: "推荐排序", value: a.recommendRank ? `第 ${a.recommendRank} 位` : "—" },
              { label: "基地承办", value: a.hostBaseId ? "是（遴选时优先）" : "否" },
              { label: "推荐意见", value: a.recommendComment ?? "—" },
            ]} />
            <p className="mt-4 whitespace-pre-line text-sm text-slate-700">{a.summary}</p>
          </Card>
          <Card title={`评审专家（${a.reviews.length}）`}>
            <DataTable
              caption="已分配的评审专家"
              columns={[
                { header: "专家", cell: (r) => <>{r.name}<div className="text-xs text-slate-600">{r.employer} · {r.province}</div></> },
                { header: "评分", className: "whitespace-nowrap", cell: (r) => (r.submittedAt ? <>{r.total} 分<div className="text-xs text-slate-600">{formatDateTime(r.submittedAt)}</div></> : <Badge tone="warning">待评分</Badge>) },
                { header: "操作", className: "text-right", headerClassName: "text-right", cell: (r) => (open && !r.submittedAt ? <RemoveReviewerButton reviewId={r.id} name={r.name} /> : "—") },
              ]}
              rows={a.reviews}
              rowKey={(r) => r.id}
              empty={{ title: "尚未分配评审专家", body: `每项申报至少分配 ${MIN_REVIEWERS} 名评审专家。` }}
            />
          </Card>
        </div>
        <div className="min-w-0 space-y-6">
          <Card title="分配评审专家">
            {open ? (
              <div className="space-y-4">
                <p className="text-sm text-slate-600">
                  每项申报至少 {MIN_REVIEWERS} 名评审专家；与申报单位同省的专家、活动团队成员须回避，系统会拒绝分配。
                </p>
                <form method="get" role="search" aria-label="查找评审专家" className="flex items-end gap-2">
                  <FormField id="reviewer-q" label="专家姓名" className="flex-1">
                    {(f) => <Input {...f} name="q" type="search" defaultValue={q} maxLength={30} />}
                  </FormField>
                  <Button type="submit" variant="secondary">查找</Button>
                </form>
                {!q && candidates.length > 0 && <p className="text-sm text-slate-600">可选的外省专家，也可按姓名查找：</p>}
                {candidates.length
                  ? <AssignReviewersForm key={q ?? ""} activityId={a.id} candidates={candidates} />
                  : <p className="text-sm text-slate-600">{q ? `没有找到姓名包含“${q}”的在库专家（已分配的专家不再列出）。` : "没有可选的专家。"}</p>}
              </div>
            ) : (
              <p className="text-sm text-slate-600">该申报不在评审阶段（已作出遴选决定或遴选结果已公布），不能调整评审专家。</p>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}
