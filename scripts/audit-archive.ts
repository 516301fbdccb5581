// `npm run audit:archive -- [--before YYYY-MM-DD] [--out dir] [--purge]`: writes the audit rows created before the
// date (default: 180 days ago) to a JSON-lines file with their hashes and registers the archive; --purge then removes
// them from the live table (only rows past the 180-day retention; the database trigger enforces it too). Committed
// rows not yet in the hash chain are chained first (lib/audit/chainer.ts).
import { parseArgs } from "node:util";
import { createPrismaClient } from "@/lib/db";
import { archiveAudit, RETENTION_DAYS } from "@/lib/audit/integrity";

async function main() {
  const { values } = parseArgs({ options: { before: { type: "string" }, out: { type: "string" }, purge: { type: "boolean" } } });
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL 未设置：请指向要归档的数据库，例如 DATABASE_URL=postgresql://…/expert_platform npm run audit:archive");
  const before = values.before ? new Date(`${values.before}T00:00:00+08:00`) : new Date(Date.now() - RETENTION_DAYS * 86_400_000);
  if (Number.isNaN(before.getTime())) throw new Error("--before 须为 YYYY-MM-DD 格式的日期");
  const db = createPrismaClient(url, 1);
  try {
    const r = await archiveAudit(db, { before, dir: values.out ?? ".data/audit-archive", purge: !!values.purge });
    if (r.rowCount === 0) console.log(`没有 ${before.toISOString().slice(0, 10)} 之前的审计记录，已写出空归档：${r.file}`);
    else console.log(`已归档审计记录 ${r.rowCount} 条（序号 ${r.firstSeq}—${r.lastSeq}）：${r.file}${r.purged ? "；已从在线库移除" : ""}`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
