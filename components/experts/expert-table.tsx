import Link from "next/link";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { ExpertBadges } from "@/components/experts/expert-badges";
import type { ExpertRow } from "@/lib/experts/queries";
import { formatDate } from "@/lib/format";
import { PROFESSIONAL_TITLE_LABEL, TALENT_CATEGORY_LABEL } from "@/lib/labels";

/** The expert list; contact details arrive already masked. */
export function ExpertTable({ rows }: { rows: ExpertRow[] }) {
  return (
    <Table caption="专家列表">
      <THead>
        <tr><Th>姓名</Th><Th>职称</Th><Th>工作单位</Th><Th>所在地区</Th><Th>专长</Th><Th>人才类别</Th><Th>联系电话</Th><Th>最近确认</Th></tr>
      </THead>
      <TBody>
        {rows.map((r) => (
          <tr key={r.id}>
            <Td className="whitespace-nowrap">
              <Link href={`/experts/${r.id}`} className="font-medium text-brand-700 hover:underline">{r.name}</Link>
              <div className="mt-1"><ExpertBadges status={r.status} libraryStatus={r.libraryStatus} stale={r.stale} isRetired={r.isRetired} shared={r.shared} /></div>
            </Td>
            <Td className="whitespace-nowrap">{PROFESSIONAL_TITLE_LABEL[r.title]}</Td>
            <Td>{r.employer}</Td>
            <Td>{r.regionName}</Td>
            <Td>{r.skills.slice(0, 4).join("、") || "—"}</Td>
            <Td>{r.talentCategories.map((c) => TALENT_CATEGORY_LABEL[c]).join("、") || "—"}</Td>
            <Td className="whitespace-nowrap font-mono text-xs">{r.phone ?? "—"}</Td>
            <Td className="whitespace-nowrap">{formatDate(r.lastConfirmedAt)}</Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
