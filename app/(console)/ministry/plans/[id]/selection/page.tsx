import type { Metadata } from "next";
import Link from "next/link";
import { DecideButtons, PublishButton } from "@/components/activities-review/selection-forms";
import { toneOf } from "@/components/dashboard/state-tone";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { StatTile } from "@/components/ui/stat-tile";
import { loadInScope } from "@/lib/auth/load-in-scope";
import { formatDateTime } from "@/lib/format";
import { ACTIVITY_STATE_LABEL, PLAN_STATE_LABEL } from "@/lib/labels";
import { selectionInScope } from "@/lib/activities/selection-queries";

export const metadata: Metadata = { title: "遴选会" };

export default async function SelectionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { record: b } = await loadInScope({ path: `/ministry/plans/${id}/selection`, ...selectionInScope(id) });
  const { plan, places } = b;
  const priority = [
    plan.baseBonus > 0 && `基地承办活动排序加 ${plan.baseBonus} 分`,
    plan.baseReservedPlaces > 0 && `为基地承办活动预留 ${plan.baseReservedPlaces} 个名额（当前仍预留 ${places.heldForBases} 个）`,
  ].filter(Boolean);
  const publishBlocker = plan.state === "PUBLISHED" || plan.state === "ARCHIVED" ? null
    : plan.state !== "CLOSED" ? "申报截止后才能公布遴选结果"
      : b.undecided ? `尚有 ${b.undecided} 项申报未作出遴选决定` : null;
  return (
    <>
      <PageHeader
        title={`${plan.year}年 ${plan.program.name} 遴选会`}
        subtitle={<span className="inline-flex flex-wrap items-center gap-2"><Badge tone={toneOf(plan.state)}>{PLAN_STATE_LABEL[plan.state]}</Badge><span>年度主题：{plan.theme}</span></span>}
        actions={<Link href={`/ministry/activities?plan=${plan.id}`} className="text-sm text-brand-700 underline underline-offset-2">评审分配</Link>}
      />
      <div className="mb-6 grid grid-cols-2 gap-3 sm:grid-cols-4">
        <StatTile label="本项目名额" value={plan.quota} />
        <StatTile label="已入选" value={places.used} />
        <StatTile label="剩余名额" value={places.left} />
        <StatTile label="待决定" value={b.undecided} />
      </div>
      <p className="mb-4 rounded-md bg-brand-50 px-4 py-3 text-sm text-slate-800 ring-1 ring-brand-100">
        专家服务基地优先（通知第六条）：{priority.length ? priority.join("；") : "本年度计划未设置基地加分或预留名额"}。
        评审分差超过 {plan.disagreementSpread} 分标记为“意见分歧”。每项决定须填写理由；已提交评审不足两份的申报不能入选。
      </p>
      <div className="grid grid-cols-1 gap-6">
        <Card title="申报排序（按排序得分）">
          <DataTable
            caption="遴选会申报排序"
            columns={[
              { header: "序", className: "whitespace-nowrap", cell: (r) => b.rows.indexOf(r) + 1 },
              {
                header: "申报",
                cell: (r) => (
                  <>
                    <Link href={`/activities/${r.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">{r.title}</Link>
                    <div className="mt-1 text-xs text-slate-600">{r.applicant} · {r.channel}{r.recommendRank ? ` 推荐第 ${r.recommendRank} 位` : ""}</div>
                    {r.hostBase && <div className="mt-1"><Badge tone="brand">基地承办：{r.hostBase}</Badge></div>}
                  </>
                ),
              },
              {
                header: "评审", className: "whitespace-nowrap",
                cell: (r) => (
                  <>
                    <div>均分 {r.mean ?? "—"}{r.bonus ? <span className="text-xs text-brand-800">（+{r.bonus} 基地加分）</span> : null}</div>
                    <div className="text-xs text-slate-600">排序得分 {r.ranking ?? "—"} · 分差 {r.spread ?? "—"}</div>
                    <div className="text-xs text-slate-600">
                      <Link href={`/ministry/activities/${r.id}`} className="text-brand-700 underline-offset-2 hover:underline" aria-label={`评审情况：${r.title}`}>已评 {r.submitted} / 分配 {r.assigned}</Link>
                    </div>
                    {r.disagreement && <Badge tone="danger">意见分歧</Badge>}
                  </>
                ),
              },
              {
                header: "决定",
                cell: (r) => (r.state === "RECOMMENDED" && plan.underReview ? (
                  <DecideButtons activityId={r.id} version={r.version} title={r.title} blocker={r.blocker} />
                ) : (
                  <>
                    <Badge tone={toneOf(r.state)}>{ACTIVITY_STATE_LABEL[r.state]}</Badge>
                    {r.selectionComment && <div className="mt-1 text-xs text-slate-600">理由：{r.selectionComment}</div>}
                  </>
                )),
              },
            ]}
            rows={b.rows}
            rowKey={(r) => r.id}
            rowClassName={(r) => (r.disagreement ? "bg-red-50/40" : undefined)}
            empty={{ title: "本计划还没有已推荐的申报", body: "省份和部门推荐后，申报会出现在这里。" }}
          />
        </Card>
        <div className="grid grid-cols-1 gap-6 xl:grid-cols-3">
          <Card title="各推荐渠道名额" className="xl:col-span-2">
            <DataTable
              caption="各省份和部门的推荐与入选"
              columns={[
                { header: "推荐渠道", cell: (c) => <>{c.label} <span className="text-xs text-slate-600">（{c.kind}）</span></> },
                { header: "推荐名额", cell: (c) => c.quota },
                { header: "已推荐", cell: (c) => c.recommended },
                { header: "已入选", cell: (c) => c.selected },
                { header: "名额剩余", cell: (c) => Math.max(0, c.quota - c.selected) },
              ]}
              rows={b.channels}
              rowKey={(c) => c.key}
              empty={{ title: "暂无推荐" }}
            />
          </Card>
          <Card title="公布遴选结果">
            {plan.publishedAt ? (
              <p className="text-sm text-slate-700">已于 {formatDateTime(plan.publishedAt)} 公布，入选名单见 <Link href="/demonstrations" className="text-brand-700 underline underline-offset-2">门户网站示范活动</Link>。</p>
            ) : (
              <PublishButton planId={plan.id} version={plan.version} blocker={publishBlocker} />
            )}
          </Card>
        </div>
      </div>
    </>
  );
}
