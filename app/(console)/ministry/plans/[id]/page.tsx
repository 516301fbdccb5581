import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PlanSteps } from "@/components/activities/plan-steps";
import { DefinitionList } from "@/components/dashboard/definition-list";
import { toneOf } from "@/components/dashboard/state-tone";
import { Badge } from "@/components/ui/badge";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { planAllowed, planDetail } from "@/lib/activities/queries";
import { requirePermission } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { ACTIVITY_STATE_LABEL, PLAN_STATE_LABEL, PROGRAM_CODE_LABEL } from "@/lib/labels";
import type { ActivityState } from "@/lib/generated/prisma/enums";

export const metadata: Metadata = { title: "年度计划" };

export default async function PlanPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePermission(`/ministry/plans/${id}`, "plan.manage");
  const plan = await planDetail(id);
  if (!plan) notFound();
  const may = planAllowed(user, plan.state);
  return (
    <>
      <PageHeader
        title={`${plan.year}年度${PROGRAM_CODE_LABEL[plan.program.code]}`}
        subtitle={<span className="inline-flex flex-wrap items-center gap-2">年度主题：{plan.theme}<Badge tone={toneOf(plan.state)}>{PLAN_STATE_LABEL[plan.state]}</Badge><span>第 {plan.version} 版</span></span>}
        actions={may.edit && <LinkButton href={`/ministry/plans/${plan.id}/edit`} variant="secondary">修改计划</LinkButton>}
      />
      <div className="grid gap-6 xl:grid-cols-3">
        <div className="space-y-6 xl:col-span-2">
          <Card title="计划内容">
            <DefinitionList items={[
              { label: "遴选名额", value: `${plan.quota} 项` },
              { label: "申报窗口", value: `${plan.opensOn ?? "—"} 至 ${plan.closesOn ?? "—"}` },
              { label: "推荐截止", value: plan.deadlineOn ?? "—" },
              { label: "默认推荐名额", value: `每个推荐渠道 ${plan.provinceQuota} 项` },
              { label: "基地优先", value: `加 ${plan.baseBonus} 分；预留 ${plan.baseReservedPlaces} 个名额` },
              { label: "评审分歧阈值", value: `${plan.disagreementSpread} 分` },
              { label: "评审细则", value: plan.rubric.map((c) => `${c.label} ${c.weight}`).join("、") },
              { label: "说明", value: plan.description || "—" },
            ]} />
          </Card>
          <Card title="各推荐渠道名额使用">
            <DataTable
              caption="各推荐渠道名额使用"
              rows={plan.quotaUse}
              rowKey={(q) => q.key}
              empty={{ title: "尚无推荐，也未单独设置名额", body: `各省份、部门均按默认 ${plan.provinceQuota} 项推荐。` }}
              columns={[
                { header: "推荐渠道", cell: (q) => q.name },
                { header: "名额", className: "whitespace-nowrap", cell: (q) => `${q.quota} 项${q.own ? "" : "（默认）"}` },
                { header: "已推荐", className: "whitespace-nowrap", cell: (q) => `${q.used} 项` },
                { header: "剩余", className: "whitespace-nowrap", cell: (q) => (q.used >= q.quota ? <Badge tone="warning">已满</Badge> : `${q.quota - q.used} 项`) },
              ]}
            />
          </Card>
          <Card title="修改记录">
            <DataTable
              caption="修改记录"
              rows={plan.revisions}
              rowKey={(r) => r.id}
              empty={{ title: "开放申报后尚无修改" }}
              columns={[
                { header: "版本", className: "whitespace-nowrap", cell: (r) => `第 ${r.version} 版` },
                { header: "时间", className: "whitespace-nowrap", cell: (r) => formatDateTime(r.at) },
                { header: "修改人", cell: (r) => r.by },
                { header: "修改内容", cell: (r) => (
                  <ul className="space-y-1">{r.changes.map((ch) => <li key={ch.field}>{ch.field}：{String(ch.from ?? "—")} → {String(ch.to ?? "—")}</li>)}</ul>
                ) },
                { header: "原因", cell: (r) => r.reason },
              ]}
            />
          </Card>
        </div>
        <div className="space-y-6">
          <Card title="计划状态">
            <PlanSteps planId={plan.id} version={plan.version} allowed={may} />
            {plan.state === "CLOSED" && <p className="mt-3 text-sm text-slate-600">公布遴选结果在遴选工作台进行。</p>}
          </Card>
          <Card title="申报情况" action={<Link href={`/activities?plan=${plan.id}`} className="text-sm text-brand-700 hover:underline">查看申报</Link>}>
            <ul className="space-y-1 text-sm">
              {(Object.keys(ACTIVITY_STATE_LABEL) as ActivityState[]).filter((s) => plan.counts[s]).map((s) => (
                <li key={s} className="flex justify-between"><span>{ACTIVITY_STATE_LABEL[s]}</span><span>{plan.counts[s]} 项</span></li>
              ))}
              {Object.keys(plan.counts).length === 0 && <li className="text-slate-600">尚无申报</li>}
            </ul>
          </Card>
        </div>
      </div>
    </>
  );
}
