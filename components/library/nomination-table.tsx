import { Badge } from "@/components/ui/badge";
import { DataTable, type Column } from "@/components/ui/data-table";
import { toneOf } from "@/components/dashboard/state-tone";
import { DecideActions } from "@/components/library/decide-actions";
import { TitleAndCategories } from "@/components/library/expert-summary";
import { WithdrawButton } from "@/components/library/withdraw-button";
import { formatDate } from "@/lib/format";
import { NOMINATION_STATE_LABEL } from "@/lib/labels";
import type { searchNominations } from "@/lib/library/queries";
import { NOMINATION_WORKFLOW } from "@/lib/library/workflow";

type Row = Awaited<ReturnType<typeof searchNominations>>["rows"][number];
type View = "ministry" | "province";

function columns(view: View): Column<Row>[] {
  return [
    {
      header: "专家",
      cell: (n) => (
        <>
          <div className="font-medium">{n.expert.name}</div>
          <div className="text-xs text-slate-500">{n.expert.employer}</div>
        </>
      ),
    },
    { header: "推荐省份", className: "whitespace-nowrap", cell: (n) => n.provinceName },
    {
      header: "职称与人才类别",
      cell: (n) => (
        <>
          <TitleAndCategories title={n.expert.title} talentCategories={n.expert.talentCategories} />
          {!n.meetsLevel && <div className="mt-1"><Badge tone="danger">职称与人才类别不符合条件</Badge></div>}
        </>
      ),
    },
    {
      header: "推荐理由与声明", className: "min-w-64",
      cell: (n) => (
        <>
          <p className="text-slate-700">{n.reason}</p>
          <p className="mt-1 flex flex-wrap gap-1">
            <Badge tone={n.willing ? "success" : "danger"}>{n.willing ? "本人自愿" : "未声明本人自愿"}</Badge>
            <Badge tone={n.healthy ? "success" : "danger"}>{n.healthy ? "身体健康" : "未声明身体健康"}</Badge>
          </p>
          <p className="mt-1 text-xs text-slate-500">推荐人：{n.nominatedByName}</p>
        </>
      ),
    },
    { header: "推荐时间", className: "whitespace-nowrap", cell: (n) => formatDate(n.createdAt) },
    {
      header: "状态",
      cell: (n) => (
        <>
          <Badge tone={toneOf(n.state === "ADMITTED" ? "IN_LIBRARY" : n.state)}>{NOMINATION_STATE_LABEL[n.state]}</Badge>
          {n.decisionReason && n.state !== "NOMINATED" && (
            <p className="mt-1 max-w-56 text-xs text-slate-600">
              {n.decidedByName ? `${n.decidedByName}：` : ""}{n.decisionReason}（{formatDate(n.decidedAt)}）
            </p>
          )}
        </>
      ),
    },
    {
      header: "操作", headerClassName: "text-right", className: "text-right",
      cell: (n) => (
        <>
          {view === "ministry" && NOMINATION_WORKFLOW.canStep("admit", n.state) && <DecideActions nominationId={n.id} expertName={n.expert.name} />}
          {view === "province" && NOMINATION_WORKFLOW.canStep("withdraw", n.state) && <WithdrawButton nominationId={n.id} expertName={n.expert.name} />}
        </>
      ),
    },
  ];
}

/** Nominations with the criteria facts; the ministry decides pending ones, a province may withdraw its own. */
export function NominationTable({ rows, view }: { rows: Row[]; view: View }) {
  return <DataTable caption="入库推荐列表" columns={columns(view)} rows={rows} rowKey={(n) => n.id} />;
}
