import Link from "next/link";
import { toneOf } from "@/components/dashboard/state-tone";
import { Badge } from "@/components/ui/badge";
import { DataTable, type Column } from "@/components/ui/data-table";
import type { EngagementListRow } from "@/lib/engagements/queries";
import { formatDate } from "@/lib/format";
import { ENGAGEMENT_STATE_LABEL, ENGAGEMENT_TYPE_LABEL } from "@/lib/labels";

const COLUMNS: Column<EngagementListRow>[] = [
  {
    header: "需求",
    cell: (r) => (
      <>
        <Link href={`/engagements/${r.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">{r.need.title}</Link>
        <div className="mt-1 font-mono text-xs text-slate-600">{r.need.code}</div>
      </>
    ),
  },
  { header: "服务单位", cell: (r) => <>{r.unitName}<div className="text-xs text-slate-600">{r.place}</div></> },
  { header: "专家", cell: (r) => <>{r.expert.name}<div className="text-xs text-slate-600">{r.expert.employer}</div></> },
  { header: "类型", className: "whitespace-nowrap", cell: (r) => ENGAGEMENT_TYPE_LABEL[r.type] },
  { header: "状态", className: "whitespace-nowrap", cell: (r) => <Badge tone={toneOf(r.state)}>{ENGAGEMENT_STATE_LABEL[r.state]}</Badge> },
  {
    header: "服务记录", className: "whitespace-nowrap",
    cell: (r) => {
      const waiting = r.totals.counts.SUBMITTED ?? 0;
      return (
        <>
          已确认 {r.totals.hours} 小时
          {waiting > 0 && <div className="mt-1"><Badge tone="warning">{waiting} 条待确认</Badge></div>}
        </>
      );
    },
  },
  { header: "更新日期", className: "whitespace-nowrap", cell: (r) => formatDate(r.updatedAt) },
];

export function EngagementTable({ rows }: { rows: EngagementListRow[] }) {
  return <DataTable caption="服务项目列表" columns={COLUMNS} rows={rows} rowKey={(r) => r.id} />;
}
