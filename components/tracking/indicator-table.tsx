import Link from "next/link";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { formatNumber } from "@/lib/format";

// The table beside each chart: every number links to the confirmed records it is summed from.

export type IndicatorColumn = { key: string; header: string };
export type IndicatorRow = { key: string; label: string; href: string; values: Record<string, number> };

export const INDICATOR_COLUMNS: IndicatorColumn[] = [
  { key: "records", header: "服务次数" },
  { key: "hours", header: "服务时长（小时）" },
  { key: "days", header: "服务天数" },
  { key: "experts", header: "专家人数" },
  { key: "peopleServed", header: "服务人数" },
  { key: "peopleTrained", header: "培训人数" },
  { key: "techniquesPromoted", header: "推广技术（项）" },
  { key: "incomeEffect", header: "带动增收（万元）" },
];

type Props = { caption: string; head: string; rows: IndicatorRow[]; columns?: IndicatorColumn[]; total?: IndicatorRow };

export function IndicatorTable({ caption, head, rows, columns = INDICATOR_COLUMNS, total }: Props) {
  const cell = (row: IndicatorRow, c: IndicatorColumn) => (
    <Td key={c.key} className="text-right tabular-nums">
      <Link href={row.href} className="text-brand-700 hover:underline" aria-label={`${row.label} ${c.header} ${formatNumber(row.values[c.key] ?? 0)}，查看记录`}>
        {formatNumber(row.values[c.key] ?? 0)}
      </Link>
    </Td>
  );
  return (
    <Table caption={caption}>
      <THead>
        <tr><Th scope="col">{head}</Th>{columns.map((c) => <Th key={c.key} scope="col" className="text-right">{c.header}</Th>)}</tr>
      </THead>
      <TBody>
        {rows.map((row) => (
          <tr key={row.key}><Th scope="row" className="text-left font-normal">{row.label}</Th>{columns.map((c) => cell(row, c))}</tr>
        ))}
        {total && <tr className="font-semibold"><Th scope="row" className="text-left">{total.label}</Th>{columns.map((c) => cell(total, c))}</tr>}
      </TBody>
    </Table>
  );
}
