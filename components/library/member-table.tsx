import { Badge } from "@/components/ui/badge";
import { DataTable, type Column } from "@/components/ui/data-table";
import { TitleAndCategories } from "@/components/library/expert-summary";
import { RemoveMemberButton } from "@/components/library/remove-member-button";
import { formatDate } from "@/lib/format";
import type { searchMembers } from "@/lib/library/queries";

type Row = Awaited<ReturnType<typeof searchMembers>>["rows"][number];

const COLUMNS: Column<Row>[] = [
  { header: "姓名", className: "whitespace-nowrap font-medium", cell: (m) => m.name },
  { header: "省份", className: "whitespace-nowrap", cell: (m) => m.provinceName },
  { header: "工作单位", cell: (m) => m.employer },
  { header: "职称与人才类别", cell: (m) => <TitleAndCategories title={m.title} talentCategories={m.talentCategories} /> },
  { header: "学科领域", cell: (m) => m.disciplineNames.join("、") || "—" },
  { header: "入库时间", className: "whitespace-nowrap", cell: (m) => formatDate(m.libraryJoinedAt) },
  {
    header: "最近确认", className: "whitespace-nowrap",
    cell: (m) => (
      <>
        {formatDate(m.lastConfirmedAt)}
        {m.stale && <div className="mt-1"><Badge tone="warning">长期未确认</Badge></div>}
      </>
    ),
  },
];

const REMOVE: Column<Row> = {
  header: "操作", headerClassName: "text-right", className: "text-right",
  cell: (m) => <RemoveMemberButton expertId={m.id} expertName={m.name} />,
};

export function MemberTable({ rows, canRemove }: { rows: Row[]; canRemove: boolean }) {
  return <DataTable caption="重点联系专家库入库专家" columns={[...COLUMNS, canRemove && REMOVE]} rows={rows} rowKey={(m) => m.id} />;
}
