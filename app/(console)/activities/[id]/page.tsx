import type { Metadata } from "next";
import Link from "next/link";
import { ApplicantActions, ChannelActions } from "@/components/activities/activity-actions";
import { TeamPanel } from "@/components/activities/team-panel";
import { ActivityReviewPanels } from "@/components/activities-review/activity-panels";
import { DefinitionList } from "@/components/dashboard/definition-list";
import { toneOf } from "@/components/dashboard/state-tone";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { Timeline } from "@/components/ui/timeline";
import { activityInScope, describeActivity, poolForTeam } from "@/lib/activities/queries";
import { loadInScope } from "@/lib/auth/load-in-scope";
import { formatDate, formatDateTime, formatNumber } from "@/lib/format";
import { ACTIVITY_STATE_LABEL, NEED_STATE_LABEL, PROFESSIONAL_TITLE_LABEL, PROGRAM_CODE_LABEL, SERVICE_FORM_LABEL } from "@/lib/labels";
import { firstValues, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "示范活动" };

export default async function ActivityPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const { id } = await params;
  const { user, record } = await loadInScope({ path: `/activities/${id}`, ...activityInScope(id) });
  const a = await describeActivity(user, record);
  const q = ((await firstValues(searchParams)).q ?? "").trim().slice(0, 30);
  const pool = a.allowed.edit ? await poolForTeam(q) : [];
  const applicantActs = a.allowed.edit || a.allowed.submit;
  const channelActs = a.allowed.recommend || a.allowed.return || a.allowed.decline || a.allowed.revoke || a.allowed.approveLocal;
  const mixRoles = Object.entries(a.mixRule).map(([role, n]) => `${n} 名${role}`).join("、");
  return (
    <>
      <PageHeader
        title={a.title}
        subtitle={
          <span className="inline-flex flex-wrap items-center gap-2">
            <Badge tone={toneOf(a.state)}>{ACTIVITY_STATE_LABEL[a.state]}</Badge>
            <span>{a.isDemonstration ? `${a.plan?.year ?? ""}年度 ${PROGRAM_CODE_LABEL[a.program.code]}` : "地方示范活动"}</span>
            {a.recommendRank && a.state === "RECOMMENDED" && <span>推荐排序第 {a.recommendRank}</span>}
            {a.submittedAt && <span>提交于 {formatDateTime(a.submittedAt)}</span>}
          </span>
        }
      />
      {a.returnReason && a.state === "RETURNED" && (
        <p className="mb-6 rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200"><span className="font-medium">退回修改意见：</span>{a.returnReason}</p>
      )}
      {a.state === "NOT_RECOMMENDED" && a.recommendComment && (
        <p className="mb-6 rounded-md bg-slate-50 px-4 py-3 text-sm text-slate-800 ring-1 ring-slate-200"><span className="font-medium">不予推荐原因：</span>{a.recommendComment}</p>
      )}
      <div className="grid gap-6 xl:grid-cols-3">
        <div className="space-y-6 xl:col-span-2">
          <Card title="申报信息">
            <DefinitionList items={[
              { label: "申报单位", value: a.applicantOrg.name },
              { label: "推荐渠道", value: a.isDemonstration ? (a.channelOrg ? a.channelOrg.name : "所在省份人社部门") : "省级批准（地方活动）" },
              ...(a.hostBase ? [{ label: "承办基地", value: a.hostBase.name }] : []),
              { label: "年度主题", value: a.plan?.theme ?? "—" },
              { label: "活动地点", value: a.place },
              { label: "计划时间", value: `${formatDate(a.plannedStart)} 至 ${formatDate(a.plannedEnd)}` },
              { label: "计划专家人数", value: `${a.plannedExperts} 名` },
              { label: "东中西部协作", value: a.pairedProvinceName ? `与${a.pairedProvinceName}结对` : "—" },
              { label: "服务形式", value: a.serviceForms.map((f) => SERVICE_FORM_LABEL[f]).join("、") || "—" },
            ]} />
            <h3 className="mt-4 text-sm font-semibold text-slate-800">活动方案</h3>
            <p className="mt-1 whitespace-pre-wrap text-sm text-slate-700">{a.summary || "—"}</p>
            {a.isDemonstration && (<>
              <h3 className="mt-4 text-sm font-semibold text-slate-800">与年度主题的契合</h3>
              <p className="mt-1 whitespace-pre-wrap text-sm text-slate-700">{a.themeFit || "—"}</p>
            </>)}
          </Card>
          <Card title="计划团队" action={mixRoles ? <span className="text-xs text-slate-600">本项目团队至少需要{mixRoles}</span> : undefined}>
            {a.mixNote && a.team.length > 0 && <p className="mb-3 text-sm text-amber-800">{a.mixNote}</p>}
            <TeamPanel activityId={a.id} members={a.team} editable={a.allowed.edit} plannedExperts={a.plannedExperts} q={q}
              titleLabel={PROFESSIONAL_TITLE_LABEL} pool={pool.map((e) => ({ ...e, suggestedRole: e.suggestedRole }))} />
          </Card>
          <Card title="关联需求">
            <DataTable caption="关联需求" rows={a.needs} rowKey={(n) => n.id} empty={{ title: "未关联需求" }}
              columns={[
                { header: "需求编号", className: "font-mono text-xs whitespace-nowrap", cell: (n) => n.code },
                { header: "需求", cell: (n) => <Link href={`/needs/${n.id}`} className="text-brand-700 hover:underline">{n.title}</Link> },
                { header: "状态", className: "whitespace-nowrap", cell: (n) => NEED_STATE_LABEL[n.state] },
              ]} />
          </Card>
          <Card title="经费预算和量化目标">
            <div className="grid gap-6 md:grid-cols-2">
              <DataTable caption="经费预算" rows={a.budget} rowKey={(b) => b.item} empty={{ title: "未填写经费预算" }}
                columns={[{ header: "科目", cell: (b) => b.item }, { header: "金额（元）", className: "text-right", cell: (b) => formatNumber(b.amount) }]} />
              <DataTable caption="量化目标" rows={a.targets} rowKey={(t) => t.indicator} empty={{ title: "未填写量化目标" }}
                columns={[{ header: "指标", cell: (t) => t.indicator }, { header: "目标", className: "whitespace-nowrap", cell: (t) => `${formatNumber(t.target)} ${t.unit}` }]} />
            </div>
          </Card>
        </div>
        <div className="space-y-6">
          {applicantActs && (
            <Card title="申报办理">
              {a.windowNote && a.state !== "SUBMITTED" && <p className="mb-3 text-sm text-amber-800">{a.windowNote}</p>}
              <ApplicantActions activityId={a.id} version={a.version} allowed={a.allowed} />
            </Card>
          )}
          {channelActs && (
            <Card title={a.isDemonstration ? "预审推荐" : "地方活动审批"}>
              <ChannelActions activityId={a.id} version={a.version} allowed={a.allowed} />
            </Card>
          )}
          <ActivityReviewPanels activityId={a.id} user={user} />
          <Card title="办理过程">
            <Timeline label="办理过程" items={a.timeline} empty="暂无记录" />
          </Card>
        </div>
      </div>
    </>
  );
}
