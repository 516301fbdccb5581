import { randomInt } from "node:crypto";
import type { Tx } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db";
import type { ResourceScope } from "@/lib/auth/permissions";
import { hashPassword } from "@/lib/auth/password";
import { newPasswordProblem, setPassword } from "@/lib/auth/password-policy";
import { chinaDayEnd } from "@/lib/calendar/china-time";
import { conflict, forbidden, invalidInput, notFound } from "@/lib/errors";
import { ROLE_ORG_TYPES, type CreateAccountInput, type GrantableRole } from "@/lib/users/schemas";
import { STAFF_ROLES } from "@/lib/users/scope";

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
  const staff = (STAFF_ROLES as readonly string[]).includes(role);
  const scope: ResourceScope = { provinceCode: staff ? null : org.region.provinceCode };
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
  input: CreateAccountInput,
  grant: { role: GrantableRole; organizationId: string; provinceCode: string | null },
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
  try {
    await tx.roleAssignment.create({ data: { userId, ...grant } });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict("该账号已有此角色");
    throw err;
  }
}

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
