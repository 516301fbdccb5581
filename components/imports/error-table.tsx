import { Table, TBody, Td, Th, THead } from "@/components/ui/table";

export function ErrorTable({ rows }: { rows: { row: number; column: string; message: string }[] }) {
  return (
    <Table caption="校验错误明细">
      <THead>
        <tr><Th>行号</Th><Th>列</Th><Th>错误原因</Th></tr>
      </THead>
      <TBody>
        {rows.map((e, i) => (
          <tr key={`${e.row}-${e.column}-${i}`}>
            <Td className="whitespace-nowrap tabular-nums">第 {e.row} 行</Td>
            <Td className="whitespace-nowrap">{e.column}</Td>
            <Td>{e.message}</Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
