import type { Tx } from "@/lib/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { auditRowHash, GENESIS_HASH } from "@/lib/audit/chain";

// Why the chain is built after the fact: numbering a row `last + 1` needs the last row, so whoever numbers rows
// must hold one lock. Held by every business transaction until its commit, that lock made all writes of the
// platform commit one at a time, each holding a pooled connection while it waited (the load test's P2028
// refusals). Now the transaction only inserts its row, chain columns NULL: it commits or rolls back with the change
// and waits on nobody. A chainer then gives committed rows their positions and hashes under the lock, in a short
// transaction of its own. Rows are chained in the order the chainer finds them committed, (createdAt, id) within a
// batch, so `seq` is the chain's order and may differ from createdAt by the few ms a commit took.
//
// The cost is a window: between its commit and its chaining (normally milliseconds, see chainSoon) a row is not
// yet covered by a hash. The trigger still forbids changing or deleting it; audit:verify reports any row left
// unchained longer than UNCHAINED_BOUND_MS (lib/audit/integrity.ts), e.g. because someone holds the lock to keep
// the chainer out.

/** The chain's advisory lock (22239: GB/T 22239). Only chainers take it, with try: a busy lock means one is at work. */
export const AUDIT_CHAIN_LOCK = 22239;
const BATCH = 500;

export const CHAIN_SELECT = {
  id: true, seq: true, createdAt: true, actorId: true, actorName: true, role: true, operation: true, entityType: true,
  entityId: true, outcome: true, summary: true, before: true, after: true, ip: true, userAgent: true, prevHash: true,
  hash: true,
} as const;

export type ChainRun = { chained: number; skipped: boolean };

/**
 * Chains every committed row that has no chain position yet, in batches of BATCH rows, each batch one transaction
 * holding the lock. Returns at once (skipped) when another chainer holds the lock: it will chain what it finds, and
 * the next run chains the rest.
 */
export async function chainAudit(db: PrismaClient): Promise<ChainRun> {
  let chained = 0;
  for (;;) {
    const n = await db.$transaction(async (tx) => {
      const [{ locked }] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${AUDIT_CHAIN_LOCK}) AS locked`;
      if (!locked) return null;
      const pending = await tx.auditLog.findMany({
        where: { seq: null }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: BATCH, select: CHAIN_SELECT,
      });
      if (pending.length === 0) return 0;
      let { seq, hash } = await chainHead(tx);
      const ids: string[] = [], seqs: string[] = [], prevs: string[] = [], hashes: string[] = [];
      for (const row of pending) {
        seq += BigInt(1);
        const next = auditRowHash(hash, { ...row, seq });
        ids.push(row.id);
        seqs.push(seq.toString());
        prevs.push(hash);
        hashes.push(next);
        hash = next;
      }
      // One statement for the batch; the trigger admits it only because these rows have no chain columns yet.
      const updated = await tx.$executeRaw`
        UPDATE "AuditLog" a SET "seq" = v.seq, "prevHash" = v.prev, "hash" = v.hash
          FROM unnest(${ids}::text[], ${seqs}::bigint[], ${prevs}::text[], ${hashes}::text[]) AS v(id, seq, prev, hash)
         WHERE a.id = v.id AND a."seq" IS NULL`;
      if (updated !== pending.length) throw new Error(`审计链：应入链 ${pending.length} 条，实际 ${updated} 条`);
      return pending.length;
    });
    if (n === null) return { chained, skipped: true };
    chained += n;
    if (n < BATCH) return { chained, skipped: false };
  }
}

/** The chain's last position and hash: the last chained row, else the last purged archive, else the genesis. */
async function chainHead(tx: Tx): Promise<{ seq: bigint; hash: string }> {
  const last = await tx.auditLog.findFirst({ where: { seq: { not: null } }, orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
  if (last) return { seq: last.seq!, hash: last.hash ?? GENESIS_HASH };
  const archive = await tx.auditArchive.findFirst({ where: { purged: true }, orderBy: { lastSeq: "desc" }, select: { lastSeq: true, lastHash: true } });
  return archive ? { seq: archive.lastSeq, hash: archive.lastHash ?? GENESIS_HASH } : { seq: BigInt(0), hash: GENESIS_HASH };
}

type Scheduler = { timer: NodeJS.Timeout | null; due: number; running: Promise<void> | null; again: boolean; busy: number };
const schedulers = new WeakMap<PrismaClient, Scheduler>();

/**
 * Asks for a chain run on `db` soon after a write committed; never throws, never delays the caller. Requests made
 * while a run is going coalesce into one more run after it, so a burst of writes costs a few chain transactions
 * per instance, not one each. When another chainer holds the lock, it retries a few times (that chainer may have
 * looked before this row committed); past that the periodic job (lib/jobs/schedule.ts) chains the row.
 */
export function chainSoon(db: PrismaClient, delayMs = 0): void {
  let s = schedulers.get(db);
  if (!s) schedulers.set(db, (s = { timer: null, due: Infinity, running: null, again: false, busy: 0 }));
  if (s.running) {
    s.again = true;
    return;
  }
  const at = Date.now() + delayMs;
  if (s.timer && at >= s.due) return;
  if (s.timer) clearTimeout(s.timer);
  s.due = at;
  s.timer = setTimeout(() => void runScheduled(db, s), delayMs);
  s.timer.unref?.();
}

function runScheduled(db: PrismaClient, s: Scheduler): Promise<void> {
  if (s.timer) clearTimeout(s.timer);
  s.timer = null;
  s.due = Infinity;
  const run = (async () => {
    let retry = false;
    try {
      const r = await chainAudit(db);
      s.busy = r.skipped ? s.busy + 1 : 0;
      retry = r.skipped && s.busy <= 3;
    } catch (err) {
      console.error("[audit] 审计记录入链失败（定时任务会重试）", err);
    }
    s.running = null;
    if (s.again || retry) {
      s.again = false;
      chainSoon(db, retry ? 200 * s.busy : 0);
    }
  })();
  s.running = run;
  return run;
}

/** Runs what chainSoon has scheduled on `db` now and waits for it: for scripts and tests before they disconnect. */
export async function chainSettled(db: PrismaClient): Promise<void> {
  const s = schedulers.get(db);
  while (s && (s.timer || s.running)) await (s.running ?? runScheduled(db, s));
}
