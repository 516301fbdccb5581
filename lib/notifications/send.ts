import type { Tx } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

export type NotificationMessage = { title: string; body?: string; link?: string };

/** In-app notification to each user (written in the caller's transaction, so it exists only if the change does). */
export async function notify(tx: Tx, userIds: Iterable<string>, message: NotificationMessage): Promise<number> {
  const ids = [...new Set(userIds)];
  if (!ids.length) return 0;
  const { count } = await tx.notification.createMany({
    data: ids.map((userId) => ({ userId, title: message.title, body: message.body ?? "", link: message.link ?? null })),
  });
  return count;
}

/** Active users holding `role`, optionally only those scoped to a province or an organization. */
export async function staffIds(tx: Tx, role: Role, scope: { provinceCode?: string; organizationId?: string } = {}): Promise<string[]> {
  const rows = await tx.roleAssignment.findMany({
    where: {
      role,
      ...(scope.provinceCode ? { provinceCode: scope.provinceCode } : {}),
      ...(scope.organizationId ? { organizationId: scope.organizationId } : {}),
      user: { status: "ACTIVE" },
    },
    select: { userId: true },
  });
  return rows.map((r) => r.userId);
}
