import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { DataTable, type Column } from "@/components/ui/data-table";
import { toneOf } from "@/components/dashboard/state-tone";
import { formatDate } from "@/lib/format";
import type { NeedState, Urgency } from "@/lib/generated/prisma/enums";
import { NEED_STATE_LABEL, URGENCY_LABEL } from "@/lib/labels";
import { PRIORITY_FLAGS, PRIORITY_LABEL } from "@/lib/needs/schemas";

export type NeedRow = {
  id: string; code: string; title: string; state: NeedState; urgency: Urgency; unitName: string; place: string;
  menuNames: string[]; createdAt: Date; submittedAt: Date | null; onBehalfOf: string | null;
  breakBottleneck: boolean; promoteTechnology: boolean; raiseFarmerIncome: boolean;
};

const COLUMNS: Column<NeedRow>[] = [
  { header: "需求编号", className: "whitespace-nowrap font-mono text-xs", cell: (n) => n.code },
  {
    header: "标题与服务项目",
    cell: (n) => (
      <>
        <Link href={`/needs/${n.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">{n.title}</Link>
        <div className="mt-1 text-xs text-slate-600">{n.menuNames.join("、")}</div>
        <div className="mt-1 flex flex-wrap gap-1">
          {PRIORITY_FLAGS.filter((f) => n[f]).map((f) => <Badge key={f} tone="brand">{PRIORITY_LABEL[f]}</Badge>)}
        </div>
      </>
    ),
  },
  { header: "填报单位", cell: (n) => <>{n.unitName}{n.onBehalfOf && <div className="text-xs text-slate-600">代 {n.onBehalfOf} 填报</div>}</> },
  { header: "服务地点", cell: (n) => n.place },
  {
    header: "紧迫程度", className: "whitespace-nowrap",
    cell: (n) => (n.urgency === "HIGH" ? <Badge tone="danger">{URGENCY_LABEL[n.urgency]}</Badge> : URGENCY_LABEL[n.urgency]),
  },
  { header: "状态", className: "whitespace-nowrap", cell: (n) => <Badge tone={toneOf(n.state)}>{NEED_STATE_LABEL[n.state]}</Badge> },
  { header: "填报日期", className: "whitespace-nowrap", cell: (n) => formatDate(n.createdAt) },
  { header: "提交日期", className: "whitespace-nowrap", cell: (n) => formatDate(n.submittedAt) },
];

export function NeedTable({ rows }: { rows: NeedRow[] }) {
  return <DataTable caption="需求列表" columns={COLUMNS} rows={rows} rowKey={(n) => n.id} />;
}
