import type { Tx } from "@/lib/db";
import { LOCKOUT_MS, LOCKOUT_THRESHOLD } from "@/lib/auth/session-policy";
import { checkSecondFactor } from "@/lib/mfa/service";

// The sign-in's second stage (called by lib/auth/login.ts once the password and the account's status are good).
// Only accounts that have enrolled are asked; enforcing enrolment itself happens after sign-in (lib/mfa/policy.ts).

export type SecondFactorOutcome =
  | { ok: true; via: "NONE" | "TOTP" | "RECOVERY"; summary: string }
  | { ok: false; reason: "MFA_REQUIRED" | "MFA_INVALID" | "LOCKED"; summary: string };

export async function secondFactorStage(db: Tx, user: { id: string; mfaEnabledAt: Date | null }, otp: string | undefined, now = new Date()): Promise<SecondFactorOutcome> {
  if (!user.mfaEnabledAt) return { ok: true, via: "NONE", summary: "" };
  if (!otp?.trim()) return { ok: false, reason: "MFA_REQUIRED", summary: "密码正确，等待输入动态口令" };
  const result = await checkSecondFactor(db, user.id, otp, now);
  if (result === "TOTP") return { ok: true, via: "TOTP", summary: "（动态口令）" };
  if (result === "RECOVERY") {
    const left = await db.mfaRecoveryCode.count({ where: { userId: user.id, usedAt: null } });
    return { ok: true, via: "RECOVERY", summary: `（使用恢复码，剩余 ${left} 个）` };
  }
  // A wrong or replayed code counts toward the same lockout as a wrong password.
  const [row] = await db.$queryRaw<{ failedLoginCount: number; lockedUntil: Date | null }[]>`
    UPDATE "User" SET
      "failedLoginCount" = "failedLoginCount" + 1,
      "lockedUntil" = CASE WHEN "failedLoginCount" + 1 >= ${LOCKOUT_THRESHOLD} THEN ${new Date(now.getTime() + LOCKOUT_MS)}::timestamp ELSE NULL END,
      "updatedAt" = ${now}
    WHERE id = ${user.id}
    RETURNING "failedLoginCount", "lockedUntil"`;
  const what = result === "REUSED" ? "动态口令已使用过" : "动态口令或恢复码错误";
  if (row?.lockedUntil) return { ok: false, reason: "LOCKED", summary: `${what}第 ${row.failedLoginCount} 次，账号锁定` };
  return { ok: false, reason: "MFA_INVALID", summary: `${what}第 ${row?.failedLoginCount ?? "?"} 次` };
}
