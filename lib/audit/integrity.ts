import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { ChainVerifier, type ChainBreak, type StoredRow } from "@/lib/audit/chain";
import { sm3Hex } from "@/lib/crypto/sm";
import { chainAudit, CHAIN_SELECT } from "@/lib/audit/chainer";

const BATCH = 2000;

/** Retention floor: rows younger than this are never archived away (Cybersecurity Law art. 21: six months). */
export const RETENTION_DAYS = 180;

/**
 * How long a committed row may wait for the chainer (lib/audit/chainer.ts) before audit:verify reports it: while
 * unchained, no hash covers it. The writers chain within milliseconds and a job every minute catches the rest, so a
 * row older than this means the chainer was kept from running (e.g. its lock held) and is a finding.
 */
export const UNCHAINED_BOUND_MS = 5 * 60_000;

export type VerifyReport = {
  ok: boolean; checked: number; legacy: number; firstSeq: bigint | null; lastSeq: bigint | null; firstBreak: ChainBreak | null;
  /** Rows left unchained longer than UNCHAINED_BOUND_MS, counted before this run chained anything. */
  stale: { count: number; oldest: Date | null };
  /** Rows still unchained when the walk ended (committed since, or the lock was busy). */
  pending: number;
};

const chained = { seq: { not: null } } as const;
const withSeq = (rows: (Omit<StoredRow, "seq"> & { seq: bigint | null })[]) => rows as StoredRow[];

/**
 * Walks the whole log in `seq` order and names the first broken link (npm run audit:verify). With `chainFirst`,
 * committed rows not yet in the chain are chained before the walk, after counting those that waited too long (so
 * the finding is reported even though this run then chains them). `ok` needs an unbroken chain and no stale row.
 */
export async function verifyAuditChain(db: PrismaClient, opts: { chainFirst?: boolean; now?: Date } = {}): Promise<VerifyReport> {
  const now = opts.now ?? new Date();
  const staleWhere = { seq: null, createdAt: { lt: new Date(now.getTime() - UNCHAINED_BOUND_MS) } };
  const [staleCount, oldest] = await Promise.all([
    db.auditLog.count({ where: staleWhere }),
    db.auditLog.findFirst({ where: staleWhere, orderBy: { createdAt: "asc" }, select: { createdAt: true } }),
  ]);
  const stale = { count: staleCount, oldest: oldest?.createdAt ?? null };
  if (opts.chainFirst) await chainAudit(db);
  const pending = () => db.auditLog.count({ where: { seq: null } });
  const done = (r: Omit<VerifyReport, "ok" | "stale" | "pending">) =>
    pending().then((n): VerifyReport => ({ ...r, ok: !r.firstBreak && stale.count === 0, stale, pending: n }));

  const first = await db.auditLog.findFirst({ where: chained, orderBy: { seq: "asc" }, select: { seq: true, hash: true } });
  if (!first) return done({ checked: 0, legacy: 0, firstSeq: null, lastSeq: null, firstBreak: null });
  const firstSeq = first.seq!;
  let expected: string | null = null;
  let anchorBreak: ChainBreak | null = null;
  if (firstSeq > BigInt(1)) {
    // Earlier rows were removed: only after an archive that says where the chain continues from.
    const archive = await db.auditArchive.findFirst({ where: { lastSeq: firstSeq - BigInt(1), purged: true }, select: { lastHash: true } });
    if (!archive) {
      const head = await db.auditLog.findFirstOrThrow({ where: { seq: firstSeq }, select: { id: true } });
      anchorBreak = { seq: firstSeq, id: head.id, reason: `第 1—${firstSeq - BigInt(1)} 条记录缺失，且没有对应的归档登记` };
    } else expected = archive.lastHash;
  }
  const verifier = new ChainVerifier(expected);
  let after: bigint | null = null;
  let lastSeq: bigint | null = null;
  while (!anchorBreak) {
    const rows = withSeq(await db.auditLog.findMany({
      where: after === null ? chained : { seq: { gt: after } }, orderBy: { seq: "asc" }, take: BATCH, select: CHAIN_SELECT,
    }));
    if (rows.length === 0) break;
    for (const row of rows) if (!verifier.push(row)) break;
    if (verifier.firstBreak) break;
    after = lastSeq = rows[rows.length - 1].seq;
  }
  return done({ checked: verifier.checked, legacy: verifier.legacy, firstSeq, lastSeq, firstBreak: anchorBreak ?? verifier.firstBreak });
}

export type ArchiveResult = { file: string; rowCount: number; firstSeq: bigint | null; lastSeq: bigint | null; purged: boolean };

/**
 * Writes every row created before `before` (a JSON-lines file, one row per line with its hash, plus the file's SM3
 * in the register) and, with `purge`, removes them from the live table. Rows younger than RETENTION_DAYS are never
 * removed; the register row lets audit:verify check the remaining chain from the archived last hash.
 */
export async function archiveAudit(
  db: PrismaClient,
  opts: { before: Date; dir: string; purge: boolean; now?: Date },
): Promise<ArchiveResult> {
  const now = opts.now ?? new Date();
  const floor = new Date(now.getTime() - RETENTION_DAYS * 86_400_000);
  if (opts.purge && opts.before > floor) {
    throw new Error(`审计日志至少保存 ${RETENTION_DAYS} 天：只能移除 ${floor.toISOString().slice(0, 10)} 之前的记录`);
  }
  // Committed rows not yet chained get their positions first, so the archive can take them.
  await chainAudit(db);
  // The archive is a prefix of the chain in which every row is older than the cutoff (chain order may differ from
  // createdAt by a commit's few ms), so what stays is one unbroken run.
  const firstYoung = await db.auditLog.findFirst({ where: { ...chained, createdAt: { gte: opts.before } }, orderBy: { seq: "asc" }, select: { seq: true } });
  const firstRow = await db.auditLog.findFirst({ where: chained, orderBy: { seq: "asc" }, select: { seq: true } });
  await mkdir(opts.dir, { recursive: true });
  const stamp = now.toISOString().replace(/[:.]/g, "-");
  const file = path.resolve(opts.dir, `audit-archive-${stamp}.jsonl`);
  const prefix = { seq: firstYoung ? { lt: firstYoung.seq! } : { not: null } };
  const rows = firstRow && (!firstYoung || firstYoung.seq! > firstRow.seq!)
    ? withSeq(await db.auditLog.findMany({ where: prefix, orderBy: { seq: "asc" }, select: CHAIN_SELECT }))
    : [];
  if (rows.length === 0) {
    await writeFile(file, "");
    return { file, rowCount: 0, firstSeq: null, lastSeq: null, purged: false };
  }
  const body = rows.map((r) => JSON.stringify({ ...r, seq: r.seq.toString() })).join("\n") + "\n";
  await writeFile(file, body, { mode: 0o600 });
  const last = rows[rows.length - 1];
  await db.$transaction(async (tx) => {
    await tx.auditArchive.create({
      data: {
        firstSeq: rows[0].seq, lastSeq: last.seq, lastHash: last.hash, rowCount: rows.length, file, fileSm3: sm3Hex(body),
        purged: opts.purge,
      },
    });
    // The trigger lets a row go only when it is past retention and inside an archive registered here.
    if (opts.purge) await tx.auditLog.deleteMany({ where: { seq: { lte: last.seq } } });
  });
  return { file, rowCount: rows.length, firstSeq: rows[0].seq, lastSeq: last.seq, purged: opts.purge };
}
