import { z } from "zod";
import type { Tx } from "@/lib/db";
import { writeAudit, type RequestMeta } from "@/lib/audit/log";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { LOCKOUT_MS, LOCKOUT_THRESHOLD } from "@/lib/auth/session-policy";
import type { RoleGrant } from "@/lib/auth/roles";
import type { LoginFailure } from "@/lib/auth/login-messages";
import { secondFactorStage } from "@/lib/mfa/sign-in";

export type LoginResult =
  | { ok: true; user: { id: string; username: string; displayName: string; roles: RoleGrant[] } }
  | { ok: false; reason: LoginFailure; detail?: string };

const credentials = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(128),
  // Second factor (lib/mfa/sign-in.ts): a 6-digit TOTP code or a recovery code, asked for once the password is right.
  otp: z.string().trim().max(20).optional(),
});

// Verifying against a fixed hash when the account does not exist keeps response times alike.
let dummyHash: Promise<string> | undefined;

/**
 * Check a username and password. Failures are counted in the database (so the lockout holds across
 * instances); the 5th consecutive failure locks the account for 15 minutes. Every attempt is audited.
 */
export async function attemptLogin(db: Tx, input: unknown, meta: RequestMeta, now = new Date()): Promise<LoginResult> {
  const parsed = credentials.safeParse(input);
  const username = parsed.success ? parsed.data.username : String((input as { username?: unknown })?.username ?? "");
  const fail = async (reason: LoginFailure, userId: string | null, summary: string, detail?: string) => {
    await writeAudit(db, {
      actor: userId ? { id: userId, displayName: username } : null,
      operation: "auth.login",
      outcome: reason === "INVALID" ? "FAILURE" : "DENIED",
      entityType: "User",
      entityId: userId ?? undefined,
      summary: `${username.slice(0, 64)}：${summary}`,
      meta,
    });
    return { ok: false, reason, ...(detail ? { detail } : {}) } as const;
  };
  if (!parsed.success) return fail("INVALID", null, "账号或密码格式不正确");

  const user = await db.user.findUnique({
    where: { username: parsed.data.username },
    select: {
      id: true, username: true, displayName: true, passwordHash: true, status: true, lockedUntil: true, mfaEnabledAt: true,
      roles: { select: { role: true, organizationId: true, provinceCode: true }, orderBy: { createdAt: "asc" } },
    },
  });
  if (!user) {
    dummyHash ??= hashPassword("not-a-real-password-Aa1!");
    await verifyPassword(await dummyHash, parsed.data.password);
    return fail("INVALID", null, "账号不存在");
  }
  if (user.lockedUntil && user.lockedUntil > now) return fail("LOCKED", user.id, "账号锁定期间尝试登录");

  if (!(await verifyPassword(user.passwordHash, parsed.data.password))) {
    // One statement, so parallel attempts on several instances cannot lose a count. An expired lock starts afresh.
    const [row] = await db.$queryRaw<{ failedLoginCount: number; lockedUntil: Date | null }[]>`
      UPDATE "User" SET
        "failedLoginCount" = CASE WHEN "lockedUntil" IS NOT NULL AND "lockedUntil" <= ${now} THEN 1 ELSE "failedLoginCount" + 1 END,
        "lockedUntil" = CASE
          WHEN (CASE WHEN "lockedUntil" IS NOT NULL AND "lockedUntil" <= ${now} THEN 1 ELSE "failedLoginCount" + 1 END) >= ${LOCKOUT_THRESHOLD}
          THEN ${new Date(now.getTime() + LOCKOUT_MS)}::timestamp ELSE NULL END,
        "updatedAt" = ${now}
      WHERE id = ${user.id}
      RETURNING "failedLoginCount", "lockedUntil"`;
    if (row?.lockedUntil) return fail("LOCKED", user.id, `密码错误第 ${row.failedLoginCount} 次，账号锁定`);
    return fail("INVALID", user.id, `密码错误第 ${row?.failedLoginCount ?? "?"} 次`);
  }
  if (user.status === "DISABLED") {
    // A self-registration the province turned down: tell the applicant why (their password is verified).
    const rejected = await db.expertProfile.findFirst({
      where: { userId: user.id, source: "SELF", status: "SUSPENDED", reviewComment: { not: null } },
      select: { reviewComment: true },
    });
    if (rejected) return fail("REJECTED", user.id, "注册未通过审核的账号尝试登录", rejected.reviewComment!);
    return fail("DISABLED", user.id, "账号已停用");
  }
  if (user.status === "PENDING") return fail("PENDING", user.id, "账号待审核");

  // ── Second-factor stage (lib/mfa/sign-in.ts): only for accounts that have enrolled. ──
  const second = await secondFactorStage(db, user, parsed.data.otp, now);
  if (!second.ok) return fail(second.reason, user.id, second.summary);

  await db.user.update({
    where: { id: user.id },
    data: { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now, lastLoginIp: meta.ip },
  });
  await writeAudit(db, {
    actor: { id: user.id, displayName: user.displayName, role: user.roles[0]?.role },
    operation: "auth.login",
    outcome: "SUCCESS",
    entityType: "User",
    entityId: user.id,
    summary: `登录成功${second.summary}`,
    meta,
  });
  return {
    ok: true,
    user: { id: user.id, username: user.username, displayName: user.displayName, roles: user.roles },
  };
}
