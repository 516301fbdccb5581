import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { DataTable, type Column } from "@/components/ui/data-table";
import { Timeline } from "@/components/ui/timeline";
import { toneOf } from "@/components/dashboard/state-tone";
import { EvidenceFiles } from "@/components/bases/evidence-files";
import type { BaseDetail } from "@/lib/bases/queries";
import { formatDate, formatNumber } from "@/lib/format";
import {
  ACTIVITY_STATE_LABEL, BASE_FIELD_LABEL, BASE_LEVEL_LABEL, BASE_STATE_LABEL, EVALUATION_GRADE_LABEL, RECTIFICATION_STATE_LABEL,
} from "@/lib/labels";

function Facts({ items }: { items: [string, ReactNode][] }) {
  return (
    <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
      {items.map(([k, v]) => (
        <div key={k}>
          <dt className="text-xs text-slate-600">{k}</dt>
          <dd className="mt-0.5 whitespace-pre-line text-sm text-slate-900">{v || "—"}</dd>
        </div>
      ))}
    </dl>
  );
}

type Report = BaseDetail["reports"][number];
const REPORTS: Column<Report>[] = [
  { header: "年度", className: "whitespace-nowrap", cell: (r) => `${r.year}年` },
  { header: "开展活动", cell: (r) => `${formatNumber(r.activitiesCount)} 次` },
  { header: "组织专家", cell: (r) => `${formatNumber(r.expertsCount)} 人次` },
  { header: "培养人才", cell: (r) => `${formatNumber(r.peopleTrained)} 人` },
  { header: "活动与成果", cell: (r) => <span className="whitespace-pre-line">{r.content}{r.results ? `\n成果：${r.results}` : ""}</span> },
];

type Evaluation = BaseDetail["evaluations"][number];
const EVALUATIONS: Column<Evaluation>[] = [
  { header: "年度", className: "whitespace-nowrap", cell: (e) => `${e.year}年` },
  { header: "等次", className: "whitespace-nowrap", cell: (e) => <Badge tone={e.grade === "UNQUALIFIED" ? "danger" : e.grade === "EXCELLENT" ? "success" : "brand"}>{EVALUATION_GRADE_LABEL[e.grade]}</Badge> },
  { header: "总分", cell: (e) => e.total },
  { header: "分项", cell: (e) => Object.entries((e.scores ?? {}) as Record<string, number>).map(([k, v]) => `${k} ${v}`).join("，") || "—" },
  { header: "评估意见", cell: (e) => e.comment || "—" },
];

type Activity = BaseDetail["activities"][number];
const ACTIVITIES: Column<Activity>[] = [
  { header: "活动", cell: (a) => a.title },
  { header: "计划开始", className: "whitespace-nowrap", cell: (a) => formatDate(a.plannedStart) },
  { header: "计划专家", cell: (a) => `${a.plannedExperts} 人` },
  { header: "状态", className: "whitespace-nowrap", cell: (a) => ACTIVITY_STATE_LABEL[a.state] },
];

/** A base's record: status, the application's facts, reports, evaluations, rectification orders, activities, timeline. */
export function BaseDetailView({ base, actions, orderActions, editEvidence }: {
  base: BaseDetail;
  /** Decision forms for the base (review, evaluation, order…), shown under the status. */
  actions?: ReactNode;
  /** Per open order: the answer form (host) or the re-evaluation form (province). */
  orderActions?: (order: BaseDetail["rectifications"][number]) => ReactNode;
  /** Where the viewer (the host) may add and remove evidence files. */
  editEvidence?: { application: boolean; rectification: (order: BaseDetail["rectifications"][number]) => boolean };
}) {
  const c = base.content;
  return (
    <div className="space-y-6">
      <Card title="基本情况">
        <Facts items={[
          ["状态", <Badge key="s" tone={toneOf(base.state)}>{BASE_STATE_LABEL[base.state]}</Badge>],
          ["基地编号", base.code ?? "设立后生成"],
          ["级别", BASE_LEVEL_LABEL[base.level]],
          ["服务领域", BASE_FIELD_LABEL[base.field]],
          ["依托单位", base.hostOrg.name],
          ["所在地区", base.region.name],
          ["设立日期", formatDate(base.establishedAt)],
          ["服务方向", c.focus],
          ...(base.reviewComment ? [["审核意见", base.reviewComment] as [string, ReactNode]] : []),
          ...(base.state === "REMOVED" ? [["调整退出原因", base.removalReason ?? ""] as [string, ReactNode]] : []),
        ]} />
      </Card>
      {actions}
      <Card title="设立条件">
        <Facts items={[
          ["创新实力", c.facts.innovation],
          ["科研基础", c.facts.research],
          ["副高以上专家", `${c.facts.seniorExperts} 人`],
          ["省级以上科研平台", `${c.facts.platforms} 个`],
          ["近三年成果（专利、标准、品种等）", `${c.facts.patents} 项`],
          ["发展规划", c.developmentPlan],
          ["内部管理制度", c.rules],
        ]} />
        <h3 className="mt-4 text-sm font-medium text-slate-800">年度计划活动</h3>
        {c.plannedActivities.length ? (
          <ul className="mt-1 list-disc pl-5 text-sm text-slate-800">
            {c.plannedActivities.map((a, i) => <li key={i}>{a.month} 月 · {a.form} · {a.title}</li>)}
          </ul>
        ) : <p className="mt-1 text-sm text-slate-600">尚未填写</p>}
        <h3 className="mt-4 text-sm font-medium text-slate-800">佐证材料</h3>
        <div className="mt-1">
          <EvidenceFiles kind="application" ownerId={base.id} items={base.evidence} editable={!!editEvidence?.application} label="申请佐证材料" />
        </div>
      </Card>
      <Card title="限期整改">
        {base.rectifications.length ? (
          <ul className="space-y-4">
            {base.rectifications.map((o) => (
              <li key={o.id} className={`rounded-md p-3 ring-1 ${o.overdue ? "bg-red-50 ring-red-200" : "ring-slate-200"}`}>
                <p className="text-sm">
                  <Badge tone={toneOf(o.state)}>{RECTIFICATION_STATE_LABEL[o.state]}</Badge>{" "}
                  整改期限 {formatDate(o.deadline)} {o.overdue && <Badge tone="danger">已逾期</Badge>} {o.escalatedAt && <Badge tone="warning">已自动上报</Badge>}
                </p>
                <p className="mt-1 text-sm text-slate-800">整改事由：{o.reason}</p>
                {o.requiredItems.length > 0 && (
                  <ol className="mt-1 list-decimal pl-5 text-sm text-slate-800" aria-label="整改要求">
                    {o.requiredItems.map((it, i) => <li key={i}>{it}</li>)}
                  </ol>
                )}
                {o.response && <p className="mt-1 whitespace-pre-line text-sm text-slate-800">整改报告：{o.response}</p>}
                {o.verdict && <p className="mt-1 text-sm text-slate-800">复评意见：{o.verdict}</p>}
                {(o.evidence.length > 0 || editEvidence?.rectification(o)) && (
                  <div className="mt-2">
                    <EvidenceFiles kind="rectification" ownerId={o.id} items={o.evidence} editable={!!editEvidence?.rectification(o)} label="整改佐证材料" />
                  </div>
                )}
                {orderActions && <div className="mt-3">{orderActions(o)}</div>}
              </li>
            ))}
          </ul>
        ) : <p className="text-sm text-slate-600">没有整改通知</p>}
      </Card>
      <Card title="年度报告">
        <DataTable caption="基地年度报告" columns={REPORTS} rows={base.reports} rowKey={(r) => r.id} empty={{ title: "尚未报送年度报告" }} />
      </Card>
      <Card title="年度评估">
        <DataTable caption="省级年度评估结果" columns={EVALUATIONS} rows={base.evaluations} rowKey={(e) => e.id} empty={{ title: "尚无年度评估" }} />
      </Card>
      <Card title="依托基地开展的活动">
        <DataTable caption="依托本基地开展的示范活动" columns={ACTIVITIES} rows={base.activities} rowKey={(a) => a.id} empty={{ title: "尚无依托本基地的活动" }} />
      </Card>
      <Card title="办理记录">
        <Timeline label="基地办理记录" empty="暂无记录"
          items={base.events.map((e) => ({ key: e.id, at: e.createdAt, label: e.action, by: e.by, detail: e.comment }))} />
      </Card>
    </div>
  );
}
