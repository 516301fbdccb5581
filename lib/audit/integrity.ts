import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { ChainVerifier, type ChainBreak, type StoredRow } from "@/lib/audit/chain";
import { sm3Hex } from "@/lib/crypto/sm";

const BATCH = 2000;
const ROW_SELECT = {
  id: true, seq: true, createdAt: true, actorId: true, actorName: true, role: true, operation: true, entityType: true,
  entityId: true, outcome: true, summary: true, before: true, after: true, ip: true, userAgent: true, prevHash: true,
  hash: true,
} as const;

/** Retention floor: rows younger than this are never archived away (Cybersecurity Law art. 21: six months). */
export const RETENTION_DAYS = 180;

export type VerifyReport = { ok: boolean; checked: number; legacy: number; firstSeq: bigint | null; lastSeq: bigint | null; firstBreak: ChainBreak | null };

/** Walks the whole log in `seq` order and names the first broken link (npm run audit:verify). */
export async function verifyAuditChain(db: PrismaClient): Promise<VerifyReport> {
  const first = await db.auditLog.findFirst({ orderBy: { seq: "asc" }, select: { seq: true, hash: true } });
  if (!first) return { ok: true, checked: 0, legacy: 0, firstSeq: null, lastSeq: null, firstBreak: null };
  let expected: string | null = null;
  let anchorBreak: ChainBreak | null = null;
  if (first.seq > BigInt(1)) {
    // Earlier rows were removed: only after an archive that says where the chain continues from.
    const archive = await db.auditArchive.findFirst({ where: { lastSeq: first.seq - BigInt(1), purged: true }, select: { lastHash: true } });
    if (!archive) {
      const head = await db.auditLog.findFirstOrThrow({ where: { seq: first.seq }, select: { id: true } });
      anchorBreak = { seq: first.seq, id: head.id, reason: `第 1—${first.seq - BigInt(1)} 条记录缺失，且没有对应的归档登记` };
    } else expected = archive.lastHash;
  }
  const verifier = new ChainVerifier(expected);
  let after: bigint | null = null;
  let lastSeq: bigint | null = null;
  while (!anchorBreak) {
    const rows: StoredRow[] = await db.auditLog.findMany({
      where: after === null ? {} : { seq: { gt: after } }, orderBy: { seq: "asc" }, take: BATCH, select: ROW_SELECT,
    });
    if (rows.length === 0) break;
    for (const row of rows) if (!verifier.push(row)) break;
    if (verifier.firstBreak) break;
    after = lastSeq = rows[rows.length - 1].seq;
  }
  const firstBreak = anchorBreak ?? verifier.firstBreak;
  return { ok: !firstBreak, checked: verifier.checked, legacy: verifier.legacy, firstSeq: first.seq, lastSeq, firstBreak };
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
  // The archive is a prefix of the chain (everything up to the last row older than the cutoff), so what stays is
  // one unbroken run.
  const lastOld = await db.auditLog.findFirst({ where: { createdAt: { lt: opts.before } }, orderBy: { seq: "desc" }, select: { seq: true } });
  const firstRow = await db.auditLog.findFirst({ orderBy: { seq: "asc" }, select: { seq: true } });
  await mkdir(opts.dir, { recursive: true });
  const stamp = now.toISOString().replace(/[:.]/g, "-");
  const file = path.resolve(opts.dir, `audit-archive-${stamp}.jsonl`);
  if (!lastOld || !firstRow) {
    await writeFile(file, "");
    return { file, rowCount: 0, firstSeq: null, lastSeq: null, purged: false };
  }
  const rows = await db.auditLog.findMany({ where: { seq: { lte: lastOld.seq } }, orderBy: { seq: "asc" }, select: ROW_SELECT });
  const body = rows.map((r) => JSON.stringify({ ...r, seq: r.seq.toString() })).join("\n") + "\n";
  await writeFile(file, body, { mode: 0o600 });
  const last = rows[rows.length - 1];
  await db.$transaction(async (tx) => {
    await tx.auditArchive.create({
      data: {
        firstSeq: firstRow.seq, lastSeq: last.seq, lastHash: last.hash, rowCount: rows.length, file, fileSm3: sm3Hex(body),
        purged: opts.purge,
      },
    });
    // The trigger lets a row go only when it is past retention and inside an archive registered here.
    if (opts.purge) await tx.auditLog.deleteMany({ where: { seq: { lte: last.seq } } });
  });
  return { file, rowCount: rows.length, firstSeq: firstRow.seq, lastSeq: last.seq, purged: opts.purge };
}
