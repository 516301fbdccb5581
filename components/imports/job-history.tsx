import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { IMPORT_STATE } from "@/components/imports/labels";
import { formatDateTime, formatNumber } from "@/lib/format";
import type { ImportKind, ImportState } from "@/lib/generated/prisma/enums";

export type JobRow = {
  id: string;
  kind: ImportKind;
  state: ImportState;
  fileName: string;
  totalRows: number;
  validRows: number;
  committedRows: number;
  createdAt: Date;
  createdBy: string;
};

const KIND = { EXPERTS: "专家", NEEDS: "需求" } as const;

export function JobHistory({ rows }: { rows: JobRow[] }) {
  return (
    <Table caption="导入记录">
      <THead>
        <tr><Th>文件</Th><Th>类型</Th><Th>状态</Th><Th className="text-right">总行数</Th><Th className="text-right">可导入</Th><Th className="text-right">已导入</Th><Th>上传人</Th><Th>上传时间</Th></tr>
      </THead>
      <TBody>
        {rows.map((j) => (
          <tr key={j.id}>
            <Td><Link href={`/imports/${j.id}`} className="text-brand-700 underline-offset-2 hover:underline">{j.fileName}</Link></Td>
            <Td>{KIND[j.kind]}</Td>
            <Td><Badge tone={IMPORT_STATE[j.state].tone}>{IMPORT_STATE[j.state].label}</Badge></Td>
            <Td className="text-right tabular-nums">{formatNumber(j.totalRows)}</Td>
            <Td className="text-right tabular-nums">{formatNumber(j.validRows)}</Td>
            <Td className="text-right tabular-nums">{formatNumber(j.committedRows)}</Td>
            <Td>{j.createdBy}</Td>
            <Td className="whitespace-nowrap">{formatDateTime(j.createdAt)}</Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
