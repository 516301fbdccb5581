import type { Tx } from "@/lib/db";
import type { BaseLevel } from "@/lib/generated/prisma/enums";

/**
 * The base's number (编号), given when it is established: ZJJD-<GJ 国家级 | SJ 省级>-<province>-<year>-<seq>.
 * Unique in the database; two establishments racing for one number collide there and the later one is refused (CONFLICT) and can simply be repeated.
 */
export async function nextBaseCode(tx: Tx, level: BaseLevel, provinceCode: string, year: number): Promise<string> {
  const prefix = `ZJJD-${level === "NATIONAL" ? "GJ" : "SJ"}-${provinceCode}-${year}-`;
  const last = await tx.serviceBase.findFirst({
    where: { code: { startsWith: prefix } }, orderBy: { code: "desc" }, select: { code: true },
  });
  const seq = last?.code ? Number(last.code.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(seq).padStart(3, "0")}`;
}
