import type { Tx } from "@/lib/db";
import { clientIpFromHeaders } from "@/lib/security/client-ip";
import type { AuditCode } from "@/lib/audit/codes";
import type { AuditOutcome, Role } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";

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
  await tx.auditLog.create({
    data: {
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
