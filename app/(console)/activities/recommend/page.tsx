import type { Metadata } from "next";
import Link from "next/link";
import { RankControls, SubmitRanking } from "@/components/activities/recommend-controls";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { recommendQueue, type RecommendQueue } from "@/lib/activities/queries";
import { recommendQueueSchema } from "@/lib/activities/schemas";
import { requirePermission } from "@/lib/auth/session";
import { formatDate, formatDateTime } from "@/lib/format";
import { PROGRAM_CODE_LABEL } from "@/lib/labels";
import { firstValues, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "示范活动推荐" };

type Row = RecommendQueue["plans"][number]["queue"][number];

const titleCell = (a: Row) => (
  <>
    <Link href={`/activities/${a.id}`} className="font-medium text-brand-700 hover:underline">{a.title}</Link>
    <div className="mt-1 text-xs text-slate-600">{a.applicantOrg.name}{a.hostBaseId ? " · 基地承办" : ""}{a.pairedProvinceCode ? " · 东西部协作" : ""}</div>
  </>
);

export default async function RecommendPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission("/activities/recommend", "activity.recommend");
  const search = recommendQueueSchema.parse(await firstValues(searchParams));
  const data = await recommendQueue(user, search.plan);
  if (!data) return (<><PageHeader title="示范活动推荐" /><EmptyState title="账号未关联推荐渠道" /></>);
  return (
    <>
      <PageHeader title="示范活动推荐" subtitle={`${data.channel.label}的申报：预审（退回、不予推荐、推荐），在名额内排序，并在推荐截止前报送推荐名单。`} />
      <div className="space-y-8">
        {data.plans.length === 0 && <EmptyState title="当前没有接受推荐的年度计划" />}
        {data.plans.map(({ plan, queue, ranked, quota, used, submitted, closed }) => (
          <section key={plan.id} aria-labelledby={`plan-${plan.id}`} className="space-y-4">
            <h2 id={`plan-${plan.id}`} className="text-lg font-semibold text-slate-900">
              {plan.year}年度 {PROGRAM_CODE_LABEL[plan.program.code]}：{plan.theme}
            </h2>
            <p className="flex flex-wrap items-center gap-3 text-sm text-slate-700" role="status">
              <span>推荐名额 {quota} 项，已推荐 {used} 项，剩余 {Math.max(0, quota - used)} 项</span>
              {used >= quota && <Badge tone="warning">名额已满</Badge>}
              <span>推荐截止：{plan.deadlineOn ?? "未设"}</span>
              {closed && <Badge tone="danger">{closed}</Badge>}
              {submitted && <span>最近报送：{formatDateTime(submitted.createdAt)}</span>}
            </p>
            <Card title={`待预审（${queue.length}）`}>
              <DataTable caption={`${plan.year}年度待预审申报`} rows={queue} rowKey={(a) => a.id}
                empty={{ title: "暂无待预审的申报" }}
                columns={[
                  { header: "申报", cell: titleCell },
                  { header: "团队", className: "whitespace-nowrap", cell: (a) => `${a._count.team} 人` },
                  { header: "关联需求", className: "whitespace-nowrap", cell: (a) => `${a._count.needs} 项` },
                  { header: "提交日期", className: "whitespace-nowrap", cell: (a) => formatDate(a.submittedAt) },
                  { header: "办理", headerClassName: "text-right", className: "text-right", cell: (a) => <Link href={`/activities/${a.id}`} className="text-brand-700 hover:underline" aria-label={`预审：${a.title}`}>预审</Link> },
                ]} />
            </Card>
            <Card title={`推荐名单（按排序，${ranked.length} 项）`} action={<SubmitRanking planId={plan.id} count={ranked.length} disabled={!!closed} />}>
              <DataTable caption={`${plan.year}年度推荐名单`} rows={ranked} rowKey={(a) => a.id}
                empty={{ title: "尚未推荐" }}
                columns={[
                  { header: "排序", className: "whitespace-nowrap", cell: (a) => `第 ${a.recommendRank ?? "—"}` },
                  { header: "申报", cell: titleCell },
                  { header: "调整", headerClassName: "text-right", className: "text-right", cell: (a) => (
                    <RankControls activityId={a.id} title={a.title} first={a.recommendRank === 1} last={a.recommendRank === ranked.length} disabled={!!closed} />
                  ) },
                ]} />
            </Card>
          </section>
        ))}
        {data.local.length > 0 && (
          <Card title={`地方示范活动待批准（${data.local.length}）`}>
            <DataTable caption="地方示范活动待批准" rows={data.local} rowKey={(a) => a.id}
              columns={[
                { header: "活动", cell: titleCell },
                { header: "提交日期", className: "whitespace-nowrap", cell: (a) => formatDate(a.submittedAt) },
                { header: "办理", headerClassName: "text-right", className: "text-right", cell: (a) => <Link href={`/activities/${a.id}`} className="text-brand-700 hover:underline" aria-label={`审批：${a.title}`}>审批</Link> },
              ]} />
          </Card>
        )}
      </div>
    </>
  );
}
