import { sm3Hex } from "@/lib/crypto/sm";

// Tamper evidence for the audit log (GB/T 22239 8.1.4.3): every row carries the SM3 hash of its content and of the
// previous row's hash, in `seq` order. Changing, removing or inserting a row anywhere breaks every link after it,
// which `npm run audit:verify` reports by the first broken `seq`. Rows get their place in the chain just after their
// transaction commits (lib/audit/chainer.ts). The database trigger stops the application's role from changing rows
// (beyond filling in a new row's chain columns once); the chain catches what gets past it (an owner, a restored
// backup, a raw file edit).

/** The fields a row's hash covers, exactly as stored. */
export type ChainedFields = {
  seq: bigint;
  createdAt: Date;
  actorId: string | null;
  actorName: string | null;
  role: string | null;
  operation: string;
  entityType: string | null;
  entityId: string | null;
  outcome: string;
  summary: string;
  before: unknown;
  after: unknown;
  ip: string | null;
  userAgent: string | null;
};

/** The first row's predecessor. */
export const GENESIS_HASH = "0".repeat(64);

/** JSON with keys sorted at every level, so a value hashes alike before storing and after jsonb re-orders it. */
export function canonicalJson(value: unknown): string {
  if (value === undefined || value === null) return "null";
  const plain: unknown = JSON.parse(JSON.stringify(value));
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object") {
      return Object.fromEntries(Object.keys(v).sort().map((k) => [k, walk((v as Record<string, unknown>)[k])]));
    }
    return v;
  };
  return JSON.stringify(walk(plain));
}

export function auditRowHash(prevHash: string, row: ChainedFields): string {
  const parts = [
    prevHash, row.seq.toString(), row.createdAt.toISOString(), row.actorId, row.actorName, row.role, row.operation,
    row.entityType, row.entityId, row.outcome, row.summary, canonicalJson(row.before), canonicalJson(row.after), row.ip,
    row.userAgent,
  ];
  return sm3Hex(JSON.stringify(parts));
}

export type StoredRow = ChainedFields & { id: string; prevHash: string | null; hash: string | null };

export type ChainBreak = { seq: bigint; id: string; reason: string };

/**
 * Walks rows in `seq` order, carrying the previous row's hash between batches. `expectedPrev` is the hash the
 * first row must point to: GENESIS for seq 1, else the last hash of the archive the earlier rows went to (or, when
 * unknown, the first row's own prevHash: the chain is then checked from there on).
 * Rows from before the chain existed (hash NULL, a leading run migrated from earlier versions) are counted, not
 * judged; a row without a hash after the chain began is a break.
 */
export class ChainVerifier {
  private prev: string | null;
  private lastSeq: bigint | null = null;
  private chained = false;
  checked = 0;
  legacy = 0;
  firstBreak: ChainBreak | null = null;

  constructor(expectedPrev: string | null) {
    this.prev = expectedPrev;
  }

  push(row: StoredRow): boolean {
    if (this.firstBreak) return false;
    const fail = (reason: string) => ((this.firstBreak = { seq: row.seq, id: row.id, reason }), false);
    if (this.lastSeq !== null && row.seq !== this.lastSeq + BigInt(1)) {
      // A gap means rows were removed from the middle (or the sequence was tampered with).
      if (this.chained || row.hash !== null) return fail(`序号不连续：第 ${this.lastSeq} 条之后是第 ${row.seq} 条（中间记录缺失）`);
    }
    this.lastSeq = row.seq;
    if (row.hash === null) {
      if (this.chained) return fail("记录缺少哈希（未经审计写入程序插入）");
      this.legacy += 1;
      return true;
    }
    if (!this.chained) {
      this.chained = true;
      if (this.prev === null) this.prev = row.seq === BigInt(1) ? GENESIS_HASH : row.prevHash;
    }
    if (row.prevHash !== this.prev) return fail("前序哈希与上一条记录的哈希不一致（上一条被改动、删除或本条被插入）");
    if (auditRowHash(row.prevHash ?? "", row) !== row.hash) return fail("记录内容与其哈希不一致（本条被改动）");
    this.prev = row.hash;
    this.checked += 1;
    return true;
  }

  get lastHash(): string | null {
    return this.prev;
  }
}
