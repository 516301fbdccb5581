import type { Tx } from "@/lib/db";
import { clientIpFromHeaders } from "@/lib/security/client-ip";
import type { AuditCode } from "@/lib/audit/codes";
import type { AuditOutcome, Role } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { auditRowHash, GENESIS_HASH, type ChainedFields } from "@/lib/audit/chain";

export type RequestMeta = { ip: string | null; userAgent: string | null };

export type AuditEntry = {
  actor?: { id: string; displayName?: string | null; role?: Role | null } | null;
  operation: AuditCode;
  outcome: AuditOutcome;
  entityType?: string;
  entityId?: string;
  summary?: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
  meta?: RequestMeta;
};

/** Append one audit row. Call it with the same transaction that made the change, so both commit or neither. */
export async function writeAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await appendAudit(tx, entry, new Date());
}

// Every audit write takes this transaction-scoped advisory lock, so rows join the hash chain one at a time, across
// instances; it is held until the surrounding transaction ends, which is why callers audit as their last step.
const AUDIT_CHAIN_LOCK = 22239;

/**
 * The writer behind writeAudit, with the time given (tests back-date rows to exercise retention). Reads the last
 * row under the lock, numbers this row after it and stores the SM3 hash chained to the last row's (lib/audit/chain.ts).
 */
export async function appendAudit(tx: Tx, entry: AuditEntry, createdAt: Date): Promise<void> {
  const client = tx as Tx & { $transaction?: (fn: (t: Tx) => Promise<void>) => Promise<void> };
  // Outside a transaction the lock would be released at once: run the append in one of its own.
  if (typeof client.$transaction === "function") return client.$transaction((t) => appendAudit(t, entry, createdAt));
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;
  const last = await tx.auditLog.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
  const fields: ChainedFields = {
    seq: (last?.seq ?? BigInt(0)) + BigInt(1),
    createdAt,
    actorId: entry.actor?.id ?? null,
    actorName: entry.actor?.displayName ?? null,
    role: entry.actor?.role ?? null,
    operation: entry.operation,
    outcome: entry.outcome,
    entityType: entry.entityType ?? null,
    entityId: entry.entityId ?? null,
    summary: (entry.summary ?? "").slice(0, 500),
    before: entry.before ?? null,
    after: entry.after ?? null,
    ip: entry.meta?.ip ?? null,
    userAgent: entry.meta?.userAgent?.slice(0, 300) ?? null,
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await tx.auditLog.create({
    data: {
      ...fields,
      role: entry.actor?.role ?? null,
      outcome: entry.outcome,
      before: entry.before,
      after: entry.after,
      prevHash,
      hash: auditRowHash(prevHash, fields),
    },
  });
}

/**
 * The client's address as the platform's server established it (lib/security/client-ip.ts: X-Forwarded-For only from
 * the configured trusted proxies), never a header the client could write itself.
 */
export function metaFromHeaders(h: { get(name: string): string | null } | undefined | null): RequestMeta {
  if (!h) return { ip: null, userAgent: null };
  return { ip: clientIpFromHeaders(h), userAgent: h.get("user-agent") };
}
