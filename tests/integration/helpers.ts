import { db } from "@/lib/db";
import type { RequestMeta } from "@/lib/audit/log";
import type { SessionUser } from "@/lib/auth/roles";

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
