import { Badge } from "@/components/ui/badge";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { TitleAndCategories } from "@/components/library/expert-summary";
import { RemoveMemberButton } from "@/components/library/remove-member-button";
import { formatDate } from "@/lib/format";
import type { searchMembers } from "@/lib/library/queries";

type Row = Awaited<ReturnType<typeof searchMembers>>["rows"][number];

export function MemberTable({ rows, canRemove }: { rows: Row[]; canRemove: boolean }) {
  return (
    <Table caption="重点联系专家库入库专家">
      <THead>
        <tr>
          <Th>姓名</Th><Th>省份</Th><Th>工作单位</Th><Th>职称与人才类别</Th><Th>学科领域</Th><Th>入库时间</Th><Th>最近确认</Th>
          {canRemove && <Th className="text-right">操作</Th>}
        </tr>
      </THead>
      <TBody>
        {rows.map((m) => (
          <tr key={m.id}>
            <Td className="whitespace-nowrap font-medium">{m.name}</Td>
            <Td className="whitespace-nowrap">{m.provinceName}</Td>
            <Td>{m.employer}</Td>
            <Td><TitleAndCategories title={m.title} talentCategories={m.talentCategories} /></Td>
            <Td>{m.disciplineNames.join("、") || "—"}</Td>
            <Td className="whitespace-nowrap">{formatDate(m.libraryJoinedAt)}</Td>
            <Td className="whitespace-nowrap">
              {formatDate(m.lastConfirmedAt)}
              {m.stale && <div className="mt-1"><Badge tone="warning">长期未确认</Badge></div>}
            </Td>
            {canRemove && <Td className="text-right"><RemoveMemberButton expertId={m.id} expertName={m.name} /></Td>}
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
