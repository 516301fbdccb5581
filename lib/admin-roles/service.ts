import { isUniqueViolation, type Tx } from "@/lib/db";
import { ADMIN_ROLES, ROLE_LABEL, type AdminRole } from "@/lib/auth/roles";
import { conflict, forbidden, notFound } from "@/lib/errors";

// 三员分立 (GB/T 22239 level 3, 8.1.4.2): the system, security and audit administrators are three people. One account
// holds at most one of the roles (the database's partial unique index decides a race; this says why in Chinese),
// and nobody grants or takes away a role of their own.

export const SELF_GRANT = "不能给自己授予或收回角色";

const exclusive = (held: AdminRole, wanted: AdminRole) =>
  held === wanted ? `该账号已是${ROLE_LABEL[held]}` : `三员互斥：该账号已是${ROLE_LABEL[held]}，不能再担任${ROLE_LABEL[wanted]}`;

export async function grantAdminRole(tx: Tx, actorId: string, username: string, role: AdminRole) {
  const user = await tx.user.findUnique({ where: { username }, select: { id: true, displayName: true, status: true } });
  if (!user) throw notFound("账号");
  if (user.id === actorId) throw forbidden(SELF_GRANT);
  if (user.status !== "ACTIVE") throw conflict("该账号不是正常状态，不能授予管理员角色");
  const held = await tx.roleAssignment.findFirst({ where: { userId: user.id, role: { in: [...ADMIN_ROLES] } }, select: { role: true } });
  if (held) throw conflict(exclusive(held.role as AdminRole, role));
  try {
    // A savepoint-free insert: on a race the unique index refuses and the whole transaction is rolled back.
    await tx.roleAssignment.create({ data: { userId: user.id, role } });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict(`三员互斥：该账号刚被授予了另一个管理员角色，不能再担任${ROLE_LABEL[role]}`);
    throw err;
  }
  return user;
}

export async function revokeAdminRole(tx: Tx, actorId: string, userId: string, role: AdminRole) {
  if (userId === actorId) throw forbidden(SELF_GRANT);
  const { count } = await tx.roleAssignment.deleteMany({ where: { userId, role } });
  if (!count) throw conflict(`该账号当前不是${ROLE_LABEL[role]}（可能已被他人收回）`);
}
