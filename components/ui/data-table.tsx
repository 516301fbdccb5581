import type { ReactNode } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";

/** One column: its header, and what a row shows in it. */
export type Column<R> = {
  header: ReactNode;
  cell: (row: R) => ReactNode;
  /** Classes of the column's cells. */
  className?: string;
  /** Classes of its header cell ("text-right" over a column of buttons, say). */
  headerClassName?: string;
};

type DataTableProps<R> = {
  caption: string;
  /** `false` entries (columns shown to some users only) are skipped. */
  columns: readonly (Column<R> | false | null | undefined)[];
  rows: readonly R[];
  rowKey: (row: R) => string;
  /** Classes of a row (to mark one that needs attention). */
  rowClassName?: (row: R) => string | undefined;
  /** Shown instead of the table when there are no rows. */
  empty?: { title: string; body?: ReactNode };
};

/** A table from a column list: one header row, one row per record (or the empty state). */
export function DataTable<R>({ caption, columns, rows, rowKey, rowClassName, empty }: DataTableProps<R>) {
  if (!rows.length && empty) return <EmptyState title={empty.title}>{empty.body}</EmptyState>;
  const shown = columns.filter((c): c is Column<R> => !!c);
  return (
    <Table caption={caption}>
      <THead>
        <tr>{shown.map((c, i) => <Th key={i} className={c.headerClassName}>{c.header}</Th>)}</tr>
      </THead>
      <TBody>
        {rows.map((r) => (
          <tr key={rowKey(r)} className={rowClassName?.(r)}>{shown.map((c, i) => <Td key={i} className={c.className}>{c.cell(r)}</Td>)}</tr>
        ))}
      </TBody>
    </Table>
  );
}
