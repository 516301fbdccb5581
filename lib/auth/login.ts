import { z } from "zod";
import type { Tx } from "@/lib/db";
import { writeAudit, type RequestMeta } from "@/lib/audit/log";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { LOCKOUT_MS, LOCKOUT_THRESHOLD } from "@/lib/auth/session-policy";
import type { RoleGrant } from "@/lib/auth/roles";
import type { LoginFailure } from "@/lib/auth/login-messages";
import { checkCaptcha } from "@/lib/security/captcha";
import { addressKey, CAPTCHA_AFTER_FAILURES, clear, hit, LIMITS, overLimit, peek } from "@/lib/security/rate-limit";
import { secondFactorStage } from "@/lib/mfa/sign-in";
import { withoutNul } from "@/lib/search-params";

export type LoginResult =
  | { ok: true; user: { id: string; username: string; displayName: string; roles: RoleGrant[]; sessionVersion: number } }
  | { ok: false; reason: LoginFailure; detail?: string };

const credentials = z.object({
  username: z.string().transform(withoutNul).pipe(z.string().trim().min(1).max(64)),
  password: z.string().min(1).max(128),
  captchaId: z.string().max(40).optional(),
  captchaAnswer: z.string().max(20).optional(),
  // Second factor (lib/mfa/sign-in.ts): a 6-digit TOTP code or a recovery code, asked for once the password is right.
  otp: z.string().trim().max(20).optional(),
});

// Verifying against a fixed hash when the account does not exist keeps response times alike.
let dummyHash: Promise<string> | undefined;

/** The rate-limit keys of one attempt: the address, and the address with the account name as typed. */
export function loginKeys(ip: string | null, username: string) {
  const address = addressKey(ip);
  const account = username.trim().toLowerCase();
  return {
    attempts: `login:addr:${address}`,
    pairFailures: `login:fail:${address}:${account}`,
    addressFailures: `login:afail:${address}`,
  };
}

/** Whether the next attempt from this address for this account must carry a solved captcha. */
export async function captchaRequired(db: Tx, ip: string | null, username: string, now = new Date()): Promise<boolean> {
  const keys = loginKeys(ip, username);
  const [pair, address] = await Promise.all([
    peek(db, keys.pairFailures, LIMITS.loginFailuresPerAddressAndAccount, now),
    peek(db, keys.addressFailures, LIMITS.loginFailuresPerAddress, now),
  ]);
  return pair >= CAPTCHA_AFTER_FAILURES || address >= LIMITS.loginFailuresPerAddress.max;
}

/**
 * Check a username and password, in steps:
 * 1. the cheap gate (no password hashing): attempts per address, a pause for an address that keeps failing on this
 *    account name, and the captcha once it has failed a few times — keyed by the name as typed, so the answer is the
 *    same whether the account exists;
 * 2. the password (against a dummy hash when there is no such account);
 * 3. only then the account's own state (locked, disabled, pending, expired), so that state is told only to someone
 *    who knows the password.
 * 4. the second factor, for accounts that have enrolled one. Every attempt is audited.
 */
export async function attemptLogin(db: Tx, input: unknown, meta: RequestMeta, now = new Date()): Promise<LoginResult> {
  const parsed = credentials.safeParse(input);
  const username = parsed.success ? parsed.data.username : withoutNul(String((input as { username?: unknown })?.username ?? ""));
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
  const attempt = parsed.data;

  // 1. The gate.
  const keys = loginKeys(meta.ip, attempt.username);
  if (await overLimit(db, keys.attempts, LIMITS.loginPerAddress, now)) return fail("THROTTLED", null, "该地址登录尝试过于频繁");
  if ((await peek(db, keys.pairFailures, LIMITS.loginFailuresPerAddressAndAccount, now)) >= LIMITS.loginFailuresPerAddressAndAccount.max) {
    return fail("THROTTLED", null, "该地址对此账号连续密码错误，暂停尝试");
  }
  if (await captchaRequired(db, meta.ip, attempt.username, now)) {
    if (!(await checkCaptcha(db, attempt.captchaId, attempt.captchaAnswer, now))) return fail("CAPTCHA", null, "验证码缺失或不正确");
  }

  // 2. The password.
  const user = await db.user.findUnique({
    where: { username: attempt.username },
    select: {
      id: true, username: true, displayName: true, passwordHash: true, status: true, lockedUntil: true, expiresAt: true,
      sessionVersion: true, mfaEnabledAt: true,
      roles: { select: { role: true, organizationId: true, provinceCode: true }, orderBy: { createdAt: "asc" } },
    },
  });
  if (!user) {
    dummyHash ??= hashPassword("not-a-real-password-Aa1!");
    await verifyPassword(await dummyHash, attempt.password);
    await countFailure(db, keys, now);
    return fail("INVALID", null, "账号不存在");
  }
  if (!(await verifyPassword(user.passwordHash, attempt.password))) {
    await countFailure(db, keys, now);
    const failures = await countAccountFailure(db, user.id, now);
    return fail("INVALID", user.id, `密码错误第 ${failures} 次`);
  }

  // 3. The account's state, told only now.
  const refusal = await accountRefusal(db, user, now);
  if (refusal) return fail(refusal.reason, user.id, refusal.summary, refusal.detail);

  // 4. Second-factor stage (lib/mfa/sign-in.ts): only for accounts that have enrolled.
  const second = await secondFactorStage(db, user, attempt.otp, now);
  if (!second.ok) return fail(second.reason, user.id, second.summary);

  await clear(db, keys.pairFailures);
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
    user: { id: user.id, username: user.username, displayName: user.displayName, roles: user.roles, sessionVersion: user.sessionVersion },
  };
}

async function countFailure(db: Tx, keys: ReturnType<typeof loginKeys>, now: Date) {
  await hit(db, keys.pairFailures, LIMITS.loginFailuresPerAddressAndAccount, now);
  await hit(db, keys.addressFailures, LIMITS.loginFailuresPerAddress, now);
}

/**
 * The account's own failure count, from every address; the LOCKOUT_THRESHOLD-th locks it. One statement, so parallel
 * attempts on several instances cannot lose a count. An expired lock starts afresh.
 */
async function countAccountFailure(db: Tx, userId: string, now: Date): Promise<number> {
  const [row] = await db.$queryRaw<{ failedLoginCount: number }[]>`
    UPDATE "User" SET
      "failedLoginCount" = CASE WHEN "lockedUntil" IS NOT NULL AND "lockedUntil" <= ${now} THEN 1 ELSE "failedLoginCount" + 1 END,
      "lockedUntil" = CASE
        WHEN "lockedUntil" IS NOT NULL AND "lockedUntil" > ${now} THEN "lockedUntil"
        WHEN (CASE WHEN "lockedUntil" IS NOT NULL AND "lockedUntil" <= ${now} THEN 1 ELSE "failedLoginCount" + 1 END) >= ${LOCKOUT_THRESHOLD}
        THEN ${new Date(now.getTime() + LOCKOUT_MS)}::timestamp ELSE NULL END,
      "updatedAt" = ${now}
    WHERE id = ${userId}
    RETURNING "failedLoginCount"`;
  return row?.failedLoginCount ?? 0;
}

async function accountRefusal(
  db: Tx,
  user: { id: string; status: string; lockedUntil: Date | null; expiresAt: Date | null },
  now: Date,
): Promise<{ reason: LoginFailure; summary: string; detail?: string } | null> {
  if (user.lockedUntil && user.lockedUntil > now) return { reason: "LOCKED", summary: "账号锁定期间尝试登录" };
  if (user.status === "DISABLED") {
    // A self-registration the province turned down: tell the applicant why (their password is verified).
    const rejected = await db.expertProfile.findFirst({
      where: { userId: user.id, source: "SELF", status: "SUSPENDED", reviewComment: { not: null } },
      select: { reviewComment: true },
    });
    if (rejected) return { reason: "REJECTED", summary: "注册未通过审核的账号尝试登录", detail: rejected.reviewComment! };
    return { reason: "DISABLED", summary: "账号已停用" };
  }
  if (user.status === "PENDING") return { reason: "PENDING", summary: "账号待审核" };
  if (user.expiresAt && user.expiresAt <= now) return { reason: "EXPIRED", summary: "临时账号已过有效期" };
  return null;
}
