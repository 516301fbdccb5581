import { randomBytes } from "node:crypto";
import type { Tx } from "@/lib/db";
import { hashPassword, passwordProblem } from "@/lib/auth/password";

// A production installation starts with no accounts: `npm run setup` creates the first ministry administrator with
// a one-time password, printed once, that must be changed at the first sign-in (lib/auth/session.ts mustChange).

export const FIRST_ADMIN_USERNAME = "admin";
const MINISTRY_ORG_NAME = "人力资源社会保障部专家服务中心";

/** A random one-time password that meets the complexity rule (upper, lower, digit, symbol). */
export function oneTimePassword(): string {
  const body = randomBytes(12).toString("base64url").replace(/[-_]/g, "x");
  const candidate = `Aa1#${body}`;
  if (passwordProblem(candidate)) throw new Error("一次性密码不符合复杂度要求");
  return candidate;
}

/**
 * Creates the first ministry administrator when the installation has none; returns the one-time password, or null
 * when a ministry administrator already exists (the command can be run again safely).
 */
export async function createFirstAdministrator(tx: Tx, password = oneTimePassword()): Promise<string | null> {
  const existing = await tx.roleAssignment.findFirst({ where: { role: "MINISTRY_ADMIN" }, select: { id: true } });
  if (existing) return null;
  await createAdministrator(tx, FIRST_ADMIN_USERNAME, password);
  return password;
}

/** A ministry administrator who must change `password` at the first sign-in. */
export async function createAdministrator(tx: Tx, username: string, password: string): Promise<string> {
  const org =
    (await tx.organization.findFirst({ where: { type: "MINISTRY" }, select: { id: true } })) ??
    (await tx.organization.create({ data: { name: MINISTRY_ORG_NAME, type: "MINISTRY", regionCode: "11" }, select: { id: true } }));
  const user = await tx.user.create({
    data: {
      username, displayName: "系统管理员", passwordHash: await hashPassword(password),
      status: "ACTIVE", mustChangePassword: true, organizationId: org.id,
    },
    select: { id: true },
  });
  await tx.roleAssignment.create({ data: { userId: user.id, role: "MINISTRY_ADMIN", organizationId: org.id } });
  return user.id;
}
