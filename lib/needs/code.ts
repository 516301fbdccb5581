import type { Tx } from "@/lib/db";

/** The next need code, XQ-<year>-<n>, from one database sequence (safe across instances and imports). */
export async function allocateNeedCodes(tx: Tx, count: number, now = new Date()): Promise<string[]> {
  if (count <= 0) return [];
  const rows = await tx.$queryRaw<{ n: bigint }[]>`SELECT nextval('need_code_seq') AS n FROM generate_series(1, ${count}::int)`;
  return rows.map((r) => `XQ-${now.getFullYear()}-${String(r.n).padStart(6, "0")}`);
}
