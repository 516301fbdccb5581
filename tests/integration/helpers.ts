import { db } from "@/lib/db";
import type { RequestMeta } from "@/lib/audit/log";
import type { SessionUser } from "@/lib/auth/roles";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { chainAudit, chainSettled } from "@/lib/audit/chainer";

export const meta: RequestMeta = { ip: "10.9.8.7", userAgent: "vitest" };

/** What an action answers when the permission table or the record's scope refuses the user. */
export const REFUSED = { ok: false, error: "无权执行此操作" };

/** The user as the session guard would build it: status checked, roles from the database. */
export async function sessionUserOf(userId: string): Promise<SessionUser> {
  const u = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, username: true, displayName: true, roles: { select: { role: true, organizationId: true, provinceCode: true } } },
  });
  return u;
}

export async function auditRows(filter: { actorId?: string; entityId?: string; operation?: string }) {
  return db.auditLog.findMany({ where: filter, orderBy: { createdAt: "asc" } });
}

/**
 * Chains every audit row now: `chainAudit` skips while another chainer (the background one writeAudit asks for)
 * holds the lock, so try until nothing is left.
 */
export async function chainAllAudit(client: PrismaClient) {
  await chainSettled(client);
  for (let i = 0; i < 400; i++) {
    const r = await chainAudit(client);
    if (!r.skipped && (await client.auditLog.count({ where: { seq: null } })) === 0) return;
    await new Promise((res) => setTimeout(res, 25));
  }
  throw new Error("审计记录未能全部入链");
}
