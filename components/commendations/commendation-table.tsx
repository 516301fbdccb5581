import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { DataTable, type Column } from "@/components/ui/data-table";
import type { CommendationRow } from "@/lib/commendations/queries";
import { formatDate } from "@/lib/format";
import { COMMENDATION_STATE_LABEL } from "@/lib/labels";

const TONE = { PENDING: "warning", APPROVED: "success", REJECTED: "danger", WITHDRAWN: "neutral" } as const;

export function CommendationTable({ rows }: { rows: CommendationRow[] }) {
  const columns: Column<CommendationRow>[] = [
    { header: "专家", className: "font-medium", cell: (c) => <Link href={`/commendations/${c.id}`} className="text-brand-700 underline">{c.expertName}</Link> },
    { header: "单位", cell: (c) => c.employer },
    { header: "地区", className: "whitespace-nowrap", cell: (c) => c.place },
    { header: "年度", className: "whitespace-nowrap", cell: (c) => c.year },
    { header: "服务时长", className: "whitespace-nowrap", cell: (c) => `${c.figures.hours} 小时 / ${c.figures.days} 天` },
    { header: "服务单位", className: "whitespace-nowrap", cell: (c) => `${c.figures.units} 个` },
    { header: "满意度", className: "whitespace-nowrap", cell: (c) => c.figures.averageRating ?? "—" },
    { header: "优先推荐", className: "whitespace-nowrap", cell: (c) => (c.priority ? "是" : "否") },
    { header: "推荐日期", className: "whitespace-nowrap", cell: (c) => formatDate(c.nominatedAt) },
    { header: "状态", className: "whitespace-nowrap", cell: (c) => <Badge tone={TONE[c.state]}>{COMMENDATION_STATE_LABEL[c.state]}</Badge> },
  ];
  return <DataTable caption="表彰推荐" columns={columns} rows={rows} rowKey={(c) => c.id} />;
}
