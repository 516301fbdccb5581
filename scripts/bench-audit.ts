// `npm run bench:audit [-- --writers 20 --txs 400 --pool 10 --gap 5 --runs 3]`
// Write transactions with an audit row, N at once over one connection pool, on a fresh database of the local
// PostgreSQL (BENCH_DATABASE_URL's server): the old writer (advisory lock from the audit write to the commit, the
// row numbered and hashed inside the business transaction) against the current one (the row inserted unchained,
// lib/audit/chainer.ts chaining it after the commit), alternating in the same run. Each transaction inserts a
// business row, writes its audit row as the last step (as actions do), then waits `--gap` ms before committing: the
// event-loop delay a loaded server puts between statements, which the old lock's hold time included. Reports
// committed transactions per second, refusals (P2028: no pooled connection within maxWait), the time until the
// chain held every row, and the ratio current/old; the chain must verify at the end. `--smoke` is the smallest run.
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import { createPrismaClient, type Tx } from "../lib/db";
import type { PrismaClient } from "../lib/generated/prisma/client";
import { appendAudit, auditRowData, type AuditEntry } from "../lib/audit/log";
import { auditRowHash, GENESIS_HASH } from "../lib/audit/chain";
import { AUDIT_CHAIN_LOCK, chainAudit, chainSettled, chainSoon } from "../lib/audit/chainer";
import { verifyAuditChain } from "../lib/audit/integrity";
import { migrate } from "./database";
import { benchDatabase, loadAverage, median } from "./bench-kit";

const { values: args } = parseArgs({
  options: {
    writers: { type: "string", default: "20" },
    txs: { type: "string", default: "400" },
    pool: { type: "string", default: "10" },
    gap: { type: "string", default: "5" },
    runs: { type: "string", default: "3" },
    keep: { type: "boolean", default: false },
    smoke: { type: "boolean", default: false },
  },
});
const size = args.smoke
  ? { writers: 4, txs: 20, pool: 4, gap: 1, runs: 1 }
  : { writers: Number(args.writers), txs: Number(args.txs), pool: Number(args.pool), gap: Number(args.gap), runs: Number(args.runs) };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The writer before lib/audit/chainer.ts, kept here only as this benchmark's baseline. */
async function lockedAppend(tx: Tx, entry: AuditEntry, createdAt: Date) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;
  const last = await tx.auditLog.findFirst({ where: { seq: { not: null } }, orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
  const data = auditRowData(entry, createdAt);
  const seq = (last?.seq ?? BigInt(0)) + BigInt(1);
  const prevHash = last?.hash ?? GENESIS_HASH;
  const hash = auditRowHash(prevHash, { ...data, seq, before: data.before ?? null, after: data.after ?? null });
  await tx.auditLog.create({ data: { ...data, seq, prevHash, hash } });
}

type Mode = "old" | "new";
type Run = { mode: Mode; committed: number; refused: number; failed: number; seconds: number; perSecond: number; chainedAfterSeconds: number };

async function runOnce(db: PrismaClient, mode: Mode, round: number, txs = size.txs): Promise<Run> {
  let next = 0;
  let committed = 0, refused = 0, failed = 0;
  const t0 = performance.now();
  const worker = async () => {
    while (next < txs) {
      const i = next++;
      try {
        await db.$transaction(async (tx) => {
          await tx.$executeRaw`INSERT INTO bench_change (body) VALUES (${`${mode}-${round}-${i}`})`;
          const entry: AuditEntry = { operation: "need.create", outcome: "SUCCESS", entityType: "Need", entityId: `b${i}`, summary: `压测写入 ${mode} ${round}-${i}`, after: { i } };
          if (mode === "old") await lockedAppend(tx, entry, new Date());
          else await appendAudit(tx, entry, new Date());
          await sleep(size.gap);
        });
        committed += 1;
        // As lib/actions/pipeline.ts does once an action's transaction has committed.
        if (mode === "new") chainSoon(db);
      } catch (err) {
        if ((err as { code?: string }).code === "P2028") refused += 1;
        else {
          failed += 1;
          if (failed <= 3) console.error(err);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: size.writers }, worker));
  const seconds = (performance.now() - t0) / 1000;
  // Until every row is in the chain: the old writer's are at commit; the new ones' when the chainer has caught up.
  await chainSettled(db);
  while ((await chainAudit(db)).skipped || (await db.auditLog.count({ where: { seq: null } })) > 0) await sleep(10);
  const chainedAfterSeconds = (performance.now() - t0) / 1000;
  return { mode, committed, refused, failed, seconds, perSecond: committed / seconds, chainedAfterSeconds };
}

async function main() {
  const database = await benchDatabase("esp_bench_audit", { keep: args.keep });
  console.log(`压测库 ${database.name}；${size.writers} 个并发写事务，每轮 ${size.txs} 个，连接池 ${size.pool}，提交前间隔 ${size.gap} ms，各 ${size.runs} 轮；负载 ${loadAverage()}`);
  await migrate(database.url);
  const db = createPrismaClient(database.url, size.pool);
  try {
    await db.$executeRawUnsafe(`CREATE TABLE bench_change (id serial PRIMARY KEY, body text NOT NULL)`);
    // Warm-up (connections, the query engine's first plans), not counted.
    for (const mode of ["old", "new"] as Mode[]) await runOnce(db, mode, -1, Math.min(size.txs, 40));
    const runs: Run[] = [];
    for (let r = 0; r < size.runs; r++) {
      // Alternating, so drift in the machine's load falls on both.
      for (const mode of (r % 2 ? ["new", "old"] : ["old", "new"]) as Mode[]) {
        const run = await runOnce(db, mode, r);
        runs.push(run);
        console.log(`  第 ${r + 1} 轮 ${mode === "old" ? "旧（事务内加锁入链）" : "新（提交后入链）"}：提交 ${run.committed}，拒绝 ${run.refused}，失败 ${run.failed}，${run.perSecond.toFixed(1)} 个/秒，全部入链用时 ${run.chainedAfterSeconds.toFixed(2)} 秒`);
      }
    }
    const of = (mode: Mode) => runs.filter((x) => x.mode === mode);
    const old = median(of("old").map((x) => x.perSecond));
    const cur = median(of("new").map((x) => x.perSecond));
    const chainOld = median(of("old").map((x) => x.chainedAfterSeconds));
    const chainNew = median(of("new").map((x) => x.chainedAfterSeconds));
    const verify = await verifyAuditChain(db, { chainFirst: true });
    console.log(`吞吐（中位数）：旧 ${old.toFixed(1)} 个/秒，新 ${cur.toFixed(1)} 个/秒，新/旧 = ${(cur / old).toFixed(2)} 倍`);
    console.log(`全部入链用时（中位数）：旧 ${chainOld.toFixed(2)} 秒，新 ${chainNew.toFixed(2)} 秒，旧/新 = ${(chainOld / chainNew).toFixed(2)} 倍`);
    console.log(verify.ok ? `哈希链完整：${verify.checked} 条` : `哈希链异常：${JSON.stringify(verify.firstBreak, (_k, v) => (typeof v === "bigint" ? String(v) : v))}`);
    const dir = path.resolve("bench-results");
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, `audit-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
    await writeFile(file, JSON.stringify({ size, load: loadAverage(), cpus: os.cpus().length, runs, ratio: cur / old, chainedRatio: chainOld / chainNew, verified: verify.ok, checked: verify.checked }, null, 2));
    console.log(`结果：${file}`);
    if (!verify.ok || runs.some((x) => x.failed > 0)) process.exitCode = 2;
  } finally {
    await chainSettled(db);
    await db.$disconnect();
    await database.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
