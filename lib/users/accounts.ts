import { randomInt } from "node:crypto";
import type { Tx } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { newPasswordProblem, setPassword } from "@/lib/auth/password-policy";
import { chinaDayEnd } from "@/lib/calendar/china-time";
import { conflict, forbidden, invalidInput, notFound } from "@/lib/errors";
import { GRANTABLE_ROLES, ROLE_ORG_TYPES, type CreateAccountInput, type GrantableRole } from "@/lib/users/schemas";
import { grantScope } from "@/lib/users/scope";
import { ADMIN_ROLES, isAdminRole, ROLE_LABEL, type AdminRole } from "@/lib/auth/roles";
import type { Role } from "@/lib/generated/prisma/enums";

export const SELF_GRANT = "不能给自己分配角色或重置自己的密码（修改本人密码请使用“修改密码”）";

/**
 * The scope a grant acts in, read from the organization's row: a staff role (ministry, province, department
 * administrator) is national business, so only the ministry may give it; any other role sits in its organization's
 * province, so a province may give it only below itself.
 */
export async function grantTarget(tx: Tx, role: GrantableRole, organizationId: string) {
  const org = await tx.organization.findUnique({
    where: { id: organizationId },
    select: { id: true, name: true, type: true, region: { select: { provinceCode: true } } },
  });
  if (!org) throw invalidInput({ organizationId: ["所选单位不存在"] });
  if (!ROLE_ORG_TYPES[role].includes(org.type)) throw invalidInput({ organizationId: ["该单位的类型不能担任所选角色"] });
  const scope = grantScope(role, org.region.provinceCode);
  const grant = {
    role, organizationId: org.id, provinceCode: role === "PROVINCE_ADMIN" ? org.region.provinceCode : null,
  };
  return { org, scope, grant };
}

const UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
const LOWER = "abcdefghijkmnpqrstuvwxyz";
const DIGIT = "23456789";
const SYMBOL = "#%+=@";

/** A one-time password of 12 characters, every class present, no look-alike characters. */
export function oneTimePassword(): string {
  const all = UPPER + LOWER + DIGIT + SYMBOL;
  const pick = (set: string) => set[randomInt(0, set.length)];
  const chars = [pick(UPPER), pick(LOWER), pick(DIGIT), pick(SYMBOL), ...Array.from({ length: 8 }, () => pick(all))];
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(0, i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join("");
}

function oneTimePasswordFor(username: string): string {
  for (;;) {
    const p = oneTimePassword();
    if (!newPasswordProblem(p, username)) return p;
  }
}

export function expiryOf(expiresOn: string | undefined, now = new Date()): Date | null {
  if (!expiresOn) return null;
  const end = chinaDayEnd(expiresOn);
  if (Number.isNaN(end.getTime())) throw invalidInput({ expiresOn: ["有效期不是有效日期"] });
  if (end <= now) throw invalidInput({ expiresOn: ["有效期须晚于今天"] });
  return end;
}

/**
 * A new account with one role and a one-time password it must change at first sign-in. The password is returned once
 * (for the administrator to hand over) and stored only as a hash.
 */
export async function createAccount(
  tx: Tx,
  input: Pick<CreateAccountInput, "username" | "displayName"> & { expiresOn?: string },
  grant: { role: GrantableRole; organizationId: string; provinceCode: string | null } | { role: AdminRole; organizationId: null; provinceCode: null },
  now = new Date(),
) {
  const expiresAt = expiryOf(input.expiresOn, now);
  const password = oneTimePasswordFor(input.username);
  try {
    const user = await tx.user.create({
      data: {
        username: input.username, displayName: input.displayName, organizationId: grant.organizationId,
        passwordHash: await hashPassword(password), mustChangePassword: true, expiresAt,
        roles: { create: grant },
      },
      select: { id: true, username: true },
    });
    return { ...user, oneTimePassword: password, expiresAt };
  } catch (err) {
    if (isUniqueViolation(err)) throw invalidInput({ username: ["该账号名已被使用，请换一个"] });
    throw err;
  }
}

/** Add a role to an existing account (never one's own: nobody grants themselves a role). */
export async function grantRole(
  tx: Tx,
  actorId: string,
  userId: string,
  grant: { role: GrantableRole; organizationId: string; provinceCode: string | null },
) {
  if (actorId === userId) throw forbidden(SELF_GRANT);
  // 三员分立: the three administrators reach no business data, so their accounts take no business role either. The
  // account row is locked first: a security administrator granting it a 三员 role at the same moment waits, and then
  // sees this role (lib/admin-roles/service.ts).
  await lockAccount(tx, userId);
  const admin = await tx.roleAssignment.findFirst({ where: { userId, role: { in: [...ADMIN_ROLES] } }, select: { role: true } });
  if (admin) throw forbidden(`该账号是${ROLE_LABEL[admin.role]}（三员），不能再分配业务角色`);
  try {
    await tx.roleAssignment.create({ data: { userId, ...grant } });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict("该账号已有此角色");
    throw err;
  }
}

/** Locks the account's row to the end of the transaction: changes to its roles are made one after another. */
export async function lockAccount(tx: Tx, userId: string) {
  await tx.$queryRaw`SELECT 1 FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
}

/** The 三员 role the account holds (at most one), or null. */
export async function adminRoleOf(tx: Tx, userId: string): Promise<AdminRole | null> {
  const grant = await tx.roleAssignment.findFirst({ where: { userId, role: { in: [...ADMIN_ROLES] } }, select: { role: true } });
  return grant && isAdminRole(grant.role) ? grant.role : null;
}

export const threeAdminAccount = (role: AdminRole) =>
  `该账号担任${ROLE_LABEL[role]}（三员角色），业务管理员不能管理：重置密码或二次验证由安全管理员办理，解锁、停用由系统管理员办理`;

/**
 * Replace a password with a one-time one the holder must change at the next sign-in; every session of the account
 * ends (the session version moves on) and a login lock is lifted.
 */
export async function resetPassword(tx: Tx, actorId: string, userId: string, now = new Date()) {
  if (actorId === userId) throw forbidden(SELF_GRANT);
  const user = await tx.user.findUnique({
    where: { id: userId },
    select: { id: true, username: true, passwordHash: true, passwordHistory: true },
  });
  if (!user) throw notFound("账号");
  const password = oneTimePasswordFor(user.username);
  await setPassword(tx, user, password, { field: "userId", mustChange: true, checkHistory: false, now });
  await tx.user.update({ where: { id: userId }, data: { failedLoginCount: 0, lockedUntil: null } });
  return { username: user.username, oneTimePassword: password };
}

/** Set or clear a temporary account's expiry; an expired account's sessions end on their next request. */
export async function setExpiry(tx: Tx, actorId: string, userId: string, expiresOn: string | undefined, now = new Date()) {
  if (actorId === userId) throw forbidden("不能修改自己账号的有效期");
  const expiresAt = expiryOf(expiresOn, now);
  await tx.user.update({ where: { id: userId }, data: { expiresAt } });
  return expiresAt;
}

export const SELF_REVOKE = "不能撤销自己的角色";
export const LAST_ROLE = "这是该账号唯一的角色，不能撤销；如需停止使用该账号，请停用账号";

/**
 * A role grant of the account to revoke, with the scope it acts in. Only the roles granted here: the three
 * administrators' roles are taken away by the security administrator (lib/admin-roles), an expert's with the profile.
 */
export async function revocableGrant(tx: Tx, userId: string, grantId: string) {
  const grant = await tx.roleAssignment.findFirst({
    where: { id: grantId, userId },
    select: { id: true, role: true, organizationId: true, provinceCode: true, organization: { select: { name: true, region: { select: { provinceCode: true } } } } },
  });
  if (!grant) throw conflict("该角色已不存在（可能已被他人撤销），请刷新后重试");
  if ((ADMIN_ROLES as readonly Role[]).includes(grant.role)) throw forbidden(`${ROLE_LABEL[grant.role]}是三员角色，只能由安全管理员收回`);
  if (!(GRANTABLE_ROLES as readonly Role[]).includes(grant.role)) throw forbidden(`${ROLE_LABEL[grant.role]}角色随专家档案管理，不能在此撤销`);
  return { grant, scope: grantScope(grant.role, grant.organization?.region.provinceCode ?? grant.provinceCode) };
}

/**
 * Take one role grant away; never one's own, never the account's last role (an account without a role has no
 * console: disabling it is the way to stop it). The account row is locked first, so two administrators revoking
 * its last two roles at once cannot leave it with none. Roles are re-read on every request: the change holds at once.
 */
export async function revokeRole(tx: Tx, actorId: string, userId: string, grantId: string) {
  if (actorId === userId) throw forbidden(SELF_REVOKE);
  await lockAccount(tx, userId);
  if ((await tx.roleAssignment.count({ where: { userId } })) <= 1) throw conflict(LAST_ROLE);
  const { count } = await tx.roleAssignment.deleteMany({ where: { id: grantId, userId } });
  if (!count) throw conflict("该角色已不存在（可能已被他人撤销），请刷新后重试");
}
