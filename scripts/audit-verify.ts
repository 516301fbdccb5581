// `npm run audit:verify`: chains committed rows not yet in the audit log's SM3 hash chain (lib/audit/chainer.ts),
// checks the chain on DATABASE_URL (lib/audit/chain.ts) and names the first broken link; rows that had waited for
// the chainer longer than the bound are a finding too. Exit code 0 when intact, 2 on a break or a finding.
import { createPrismaClient } from "@/lib/db";
import { UNCHAINED_BOUND_MS, verifyAuditChain } from "@/lib/audit/integrity";
import { formatDateTime } from "@/lib/format";

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL 未设置：请指向要核验的数据库，例如 DATABASE_URL=postgresql://…/expert_platform npm run audit:verify");
  const db = createPrismaClient(url, 1);
  try {
    const r = await verifyAuditChain(db, { chainFirst: true });
    const legacy = r.legacy ? `（另有 ${r.legacy} 条启用哈希链之前的记录未纳入核验）` : "";
    const pending = r.pending ? `；${r.pending} 条刚提交的记录尚待入链` : "";
    if (r.stale.count) {
      console.error(`发现 ${r.stale.count} 条审计记录超过 ${UNCHAINED_BOUND_MS / 60_000} 分钟未纳入哈希链（最早写于 ${formatDateTime(r.stale.oldest)}）：入链程序未按时运行（进程中断或其锁被长期占用），这期间这些记录没有哈希保护`);
      process.exitCode = 2;
    }
    if (!r.firstBreak) {
      const state = r.ok ? "完整" : "本身完整";
      console.log(r.firstSeq === null ? `审计日志哈希链为空${pending}` : `审计日志哈希链${state}：核验 ${r.checked} 条，序号 ${r.firstSeq}—${r.lastSeq}${legacy}${pending}`);
      return;
    }
    const b = r.firstBreak;
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
