import Link from "next/link";
import { toneOf } from "@/components/dashboard/state-tone";
import { Badge } from "@/components/ui/badge";
import { DataTable, type Column } from "@/components/ui/data-table";
import { CheckAll } from "@/components/batch/check-all";
import { GENERATE_FORM_ID } from "@/components/batch/form-ids";
import { formatDate } from "@/lib/format";
import type { NeedState, Urgency } from "@/lib/generated/prisma/enums";
import { NEED_STATE_LABEL, URGENCY_LABEL } from "@/lib/labels";

export type QueueRow = {
  id: string; code: string; title: string; state: NeedState; urgency: Urgency; unitName: string; place: string;
  menuNames: string[]; createdAt: Date; expertsWanted: number; seats: number; proposed: number;
};

// Each row's checkbox belongs to the generate form (form attribute).
const COLUMNS: Column<QueueRow>[] = [
  {
    header: <CheckAll form={GENERATE_FORM_ID} name="needIds" label="本页全选" />,
    cell: (n) => <input type="checkbox" form={GENERATE_FORM_ID} name="needIds" value={n.id} aria-label={`选择需求 ${n.code}`} />,
  },
  {
    header: "需求",
    cell: (n) => (
      <>
        <Link href={`/needs/${n.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">{n.title}</Link>
        <div className="mt-1 font-mono text-xs text-slate-500">{n.code}</div>
        {n.menuNames.length > 0 && <div className="mt-1 text-xs text-slate-600">{n.menuNames.join("、")}</div>}
      </>
    ),
  },
  { header: "填报单位", cell: (n) => n.unitName },
  { header: "服务地点", cell: (n) => n.place },
  {
    header: "紧迫程度", className: "whitespace-nowrap",
    cell: (n) => (n.urgency === "HIGH" ? <Badge tone="danger">{URGENCY_LABEL[n.urgency]}</Badge> : URGENCY_LABEL[n.urgency]),
  },
  { header: "状态", className: "whitespace-nowrap", cell: (n) => <Badge tone={toneOf(n.state)}>{NEED_STATE_LABEL[n.state]}</Badge> },
  { header: "剩余名额", className: "whitespace-nowrap", cell: (n) => `${n.seats} / ${n.expertsWanted}` },
  {
    header: "当前方案", className: "whitespace-nowrap",
    cell: (n) => (
      <>
        {n.proposed ? `${n.proposed} 位专家` : "—"}
        <div>
          <Link href={`/matching/batch/proposal?addTo=${n.id}`} className="text-xs text-brand-700 underline-offset-2 hover:underline" aria-label={`手工添加专家：需求 ${n.code}`}>
            手工添加
          </Link>
        </div>
      </>
    ),
  },
  { header: "填报日期", className: "whitespace-nowrap", cell: (n) => formatDate(n.createdAt) },
];

/** The province's queue. */
export function QueueTable({ rows }: { rows: QueueRow[] }) {
  return <DataTable caption="待分配需求" columns={COLUMNS} rows={rows} rowKey={(n) => n.id} />;
}
