// `npm run audit:verify`: checks the audit log's SM3 hash chain on DATABASE_URL (lib/audit/chain.ts) and names the
// first broken link. Exit code 0 when intact, 2 when broken.
import { createPrismaClient } from "@/lib/db";
import { verifyAuditChain } from "@/lib/audit/integrity";

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL 未设置：请指向要核验的数据库，例如 DATABASE_URL=postgresql://…/expert_platform npm run audit:verify");
  const db = createPrismaClient(url, 1);
  try {
    const r = await verifyAuditChain(db);
    const legacy = r.legacy ? `（另有 ${r.legacy} 条启用哈希链之前的记录未纳入核验）` : "";
    if (r.ok) {
      console.log(r.firstSeq === null ? "审计日志为空，无需核验" : `审计日志哈希链完整：核验 ${r.checked} 条，序号 ${r.firstSeq}—${r.lastSeq}${legacy}`);
      return;
    }
    const b = r.firstBreak!;
    console.error(`审计日志哈希链断裂：第一个断点为第 ${b.seq} 条（id ${b.id}）——${b.reason}。此前 ${r.checked} 条完好${legacy}`);
    process.exitCode = 2;
  } finally {
    await db.$disconnect();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
