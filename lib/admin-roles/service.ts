import { isUniqueViolation, type Tx } from "@/lib/db";
import { isAdminRole, ROLE_LABEL, type AdminRole } from "@/lib/auth/roles";
import type { Role } from "@/lib/generated/prisma/enums";
import { lockAccount } from "@/lib/users/accounts";
import { conflict, forbidden, notFound } from "@/lib/errors";

// 三员分立 (GB/T 22239 level 3, 8.1.4.2): the system, security and audit administrators are three people. One account
// holds at most one of the roles (the database's partial unique index decides a race; this says why in Chinese) and
// no business role beside it, and nobody grants or takes away a role of their own.

export const SELF_GRANT = "不能给自己授予或收回角色";

const businessAccount = (roles: Role[], wanted: AdminRole) =>
  `三员分立：该账号有业务角色（${roles.map((r) => ROLE_LABEL[r]).join("、")}），不能担任${ROLE_LABEL[wanted]}；请新建三员专用账号`;

const exclusive = (held: AdminRole, wanted: AdminRole) =>
  held === wanted ? `该账号已是${ROLE_LABEL[held]}` : `三员互斥：该账号已是${ROLE_LABEL[held]}，不能再担任${ROLE_LABEL[wanted]}`;

export async function grantAdminRole(tx: Tx, actorId: string, username: string, role: AdminRole) {
  const user = await tx.user.findUnique({ where: { username }, select: { id: true, displayName: true, status: true } });
  if (!user) throw notFound("账号");
  if (user.id === actorId) throw forbidden(SELF_GRANT);
  if (user.status !== "ACTIVE") throw conflict("该账号不是正常状态，不能授予管理员角色");
  // The row lock orders this against a business administrator granting the account a role at the same moment.
  await lockAccount(tx, user.id);
  const roles = (await tx.roleAssignment.findMany({ where: { userId: user.id }, select: { role: true } })).map((r) => r.role);
  const held = roles.find(isAdminRole);
  if (held) throw conflict(exclusive(held, role));
  // A 三员 account is a dedicated one: an account with a business role would let one person both act and administer
  // (or audit) the acting. The form on the same page creates the dedicated account.
  if (roles.length > 0) throw conflict(businessAccount(roles, role));
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
