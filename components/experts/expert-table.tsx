import Link from "next/link";
import { DataTable, type Column } from "@/components/ui/data-table";
import { ExpertBadges } from "@/components/experts/expert-badges";
import type { ExpertRow } from "@/lib/experts/queries";
import { formatDate } from "@/lib/format";
import { PROFESSIONAL_TITLE_LABEL, TALENT_CATEGORY_LABEL } from "@/lib/labels";

const COLUMNS: Column<ExpertRow>[] = [
  {
    header: "姓名", className: "whitespace-nowrap",
    cell: (r) => (
      <>
        <Link href={`/experts/${r.id}`} className="font-medium text-brand-700 hover:underline">{r.name}</Link>
        <div className="mt-1"><ExpertBadges status={r.status} libraryStatus={r.libraryStatus} stale={r.stale} isRetired={r.isRetired} shared={r.shared} /></div>
      </>
    ),
  },
  { header: "职称", className: "whitespace-nowrap", cell: (r) => PROFESSIONAL_TITLE_LABEL[r.title] },
  { header: "工作单位", cell: (r) => r.employer },
  { header: "所在地区", cell: (r) => r.regionName },
  { header: "专长", cell: (r) => r.skills.slice(0, 4).join("、") || "—" },
  { header: "人才类别", cell: (r) => r.talentCategories.map((c) => TALENT_CATEGORY_LABEL[c]).join("、") || "—" },
  { header: "联系电话", className: "whitespace-nowrap font-mono text-xs", cell: (r) => r.phone ?? "—" },
  { header: "最近确认", className: "whitespace-nowrap", cell: (r) => formatDate(r.lastConfirmedAt) },
];

/** The expert list; contact details arrive already masked. */
export function ExpertTable({ rows }: { rows: ExpertRow[] }) {
  return <DataTable caption="专家列表" columns={COLUMNS} rows={rows} rowKey={(r) => r.id} />;
}
