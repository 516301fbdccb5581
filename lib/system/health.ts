import { readdir } from "node:fs/promises";
import path from "node:path";
import { db } from "@/lib/db";

export type Health = {
  status: "ok" | "degraded" | "down";
  database: "reachable" | "unreachable";
  migrations: { applied: number; expected: number; pending: string[]; failed: string[] } | null;
  checkedAt: string;
};

/** Database reachability and migration state, for load balancers and operators. */
export async function checkHealth(): Promise<Health> {
  const checkedAt = new Date().toISOString();
  let rows: { migration_name: string; finished_at: Date | null; rolled_back_at: Date | null }[];
  try {
    rows = await db.$queryRaw`SELECT migration_name, finished_at, rolled_back_at FROM "_prisma_migrations"`;
  } catch {
    return { status: "down", database: "unreachable", migrations: null, checkedAt };
  }
  const dir = path.join(process.cwd(), "prisma", "migrations");
  const expected = (await readdir(dir, { withFileTypes: true }).catch(() => []))
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
  const applied = new Set(rows.filter((r) => r.finished_at && !r.rolled_back_at).map((r) => r.migration_name));
  const failed = rows.filter((r) => !r.finished_at && !r.rolled_back_at).map((r) => r.migration_name);
  const pending = expected.filter((name) => !applied.has(name));
  return {
    status: pending.length || failed.length ? "degraded" : "ok",
    database: "reachable",
    migrations: { applied: applied.size, expected: expected.length, pending, failed },
    checkedAt,
  };
}
