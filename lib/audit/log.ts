import type { Tx } from "@/lib/db";
import { clientIpFromHeaders } from "@/lib/security/client-ip";
import type { AuditCode } from "@/lib/audit/codes";
import type { AuditOutcome, Role } from "@/lib/generated/prisma/enums";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { chainSoon } from "@/lib/audit/chainer";

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

/**
 * Append one audit row. Call it with the same transaction that made the change, so both commit or neither; the
 * row joins the hash chain after the commit (lib/audit/chainer.ts). Called with the client itself (no surrounding
 * transaction), it asks for that chaining at once; an action's transaction is followed by it in lib/actions/pipeline.ts.
 */
export async function writeAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await appendAudit(tx, entry, new Date());
  const client = tx as Tx & { $transaction?: unknown };
  if (typeof client.$transaction === "function") chainSoon(tx as PrismaClient);
}

/**
 * The insert behind writeAudit, with the time given (tests back-date rows to exercise retention). No lock and no
 * chain columns: `seq`, `prevHash` and `hash` stay NULL until the chainer fills them in.
 */
export async function appendAudit(tx: Tx, entry: AuditEntry, createdAt: Date): Promise<void> {
  await tx.auditLog.create({ data: auditRowData(entry, createdAt) });
}

/** The row as stored (and later hashed): summary and user agent cut to their stored lengths. */
export function auditRowData(entry: AuditEntry, createdAt: Date) {
  return {
    createdAt,
    actorId: entry.actor?.id ?? null,
    actorName: entry.actor?.displayName ?? null,
    role: entry.actor?.role ?? null,
    operation: entry.operation,
    outcome: entry.outcome,
    entityType: entry.entityType ?? null,
    entityId: entry.entityId ?? null,
    summary: (entry.summary ?? "").slice(0, 500),
    before: entry.before,
    after: entry.after,
    ip: entry.meta?.ip ?? null,
    userAgent: entry.meta?.userAgent?.slice(0, 300) ?? null,
  };
}

/**
 * The client's address as the platform's server established it (lib/security/client-ip.ts: X-Forwarded-For only from
 * the configured trusted proxies), never a header the client could write itself.
 */
export function metaFromHeaders(h: { get(name: string): string | null } | undefined | null): RequestMeta {
  if (!h) return { ip: null, userAgent: null };
  return { ip: clientIpFromHeaders(h), userAgent: h.get("user-agent") };
}
