import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { DataTable, type Column } from "@/components/ui/data-table";
import { toneOf } from "@/components/dashboard/state-tone";
import type { BaseListRow } from "@/lib/bases/queries";
import { formatDate } from "@/lib/format";
import { BASE_FIELD_LABEL, BASE_LEVEL_LABEL, BASE_STATE_LABEL, RECTIFICATION_STATE_LABEL } from "@/lib/labels";

/** The management list of bases (province, ministry); each name links to `${detailPath}/<id>`. */
export function BaseTable({ rows, detailPath }: { rows: BaseListRow[]; detailPath: string }) {
  const columns: Column<BaseListRow>[] = [
    { header: "基地名称", className: "font-medium", cell: (b) => <Link href={`${detailPath}/${b.id}`} className="text-brand-700 underline">{b.name}</Link> },
    { header: "编号", className: "whitespace-nowrap", cell: (b) => b.code ?? "—" },
    { header: "级别", className: "whitespace-nowrap", cell: (b) => BASE_LEVEL_LABEL[b.level] },
    { header: "领域", className: "whitespace-nowrap", cell: (b) => BASE_FIELD_LABEL[b.field] },
    { header: "地区", cell: (b) => b.region.name },
    { header: "依托单位", cell: (b) => b.hostOrg.name },
    { header: "状态", className: "whitespace-nowrap", cell: (b) => <Badge tone={toneOf(b.state)}>{BASE_STATE_LABEL[b.state]}</Badge> },
    {
      header: "整改", className: "whitespace-nowrap",
      cell: (b) => b.rectification ? (
        <>
          {RECTIFICATION_STATE_LABEL[b.rectification.state]}，期限 {formatDate(b.rectification.deadline)}
          {b.rectification.overdue && <> <Badge tone="danger">已逾期</Badge></>}
        </>
      ) : "—",
    },
  ];
  return <DataTable caption="专家服务基地（整改逾期的排在前面）" columns={columns} rows={rows} rowKey={(b) => b.id}
    rowClassName={(b) => (b.rectification?.overdue ? "bg-red-50" : undefined)} />;
}
