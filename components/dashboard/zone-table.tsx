import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { formatNumber } from "@/lib/format";
import { ZONE_LABEL } from "@/lib/labels";
import type { ZoneRow } from "@/lib/dashboard/ministry-queries";


const COLUMNS: { key: keyof Omit<ZoneRow, "zone">; label: string }[] = [
  { key: "experts", label: "专家" },
  { key: "library", label: "重点联系专家" },
  { key: "needs", label: "已提交需求" },
  { key: "needsCompleted", label: "已完成需求" },
  { key: "bases", label: "已设立基地" },
  { key: "activities", label: "活动" },
];

export function ZoneTable({ rows }: { rows: ZoneRow[] }) {
  const totals = COLUMNS.map((c) => rows.reduce((a, r) => a + r[c.key], 0));
  return (
    <Table caption="按东部、中部、西部、东北区域汇总">
      <THead>
        <tr>
          <Th>区域</Th>
          {COLUMNS.map((c) => <Th key={c.key} className="text-right">{c.label}</Th>)}
        </tr>
      </THead>
      <TBody>
        {rows.map((r) => (
          <tr key={r.zone}>
            <Th scope="row" className="text-slate-800">{ZONE_LABEL[r.zone]}</Th>
            {COLUMNS.map((c) => <Td key={c.key} className="text-right tabular-nums">{formatNumber(r[c.key])}</Td>)}
          </tr>
        ))}
        <tr className="bg-slate-50 font-medium">
          <Th scope="row" className="text-slate-800">全国</Th>
          {totals.map((t, i) => <Td key={COLUMNS[i].key} className="text-right tabular-nums">{formatNumber(t)}</Td>)}
        </tr>
      </TBody>
    </Table>
  );
}
