import type { Tx } from "@/lib/db";
import { openText, sealText } from "@/lib/crypto/data-key";
import { conflict, invalidInput } from "@/lib/errors";
import { revokeSessions } from "@/lib/auth/revoke";
import { newRecoveryCodes, newTotpSecret, normalizeRecoveryCode, recoveryCodeHash, totpStep } from "@/lib/mfa/totp";

/** Start (or restart) enrolment: a fresh secret, sealed, not yet in force. Refused once the factor is on. */
export async function beginEnrolment(tx: Tx, userId: string): Promise<void> {
  const { count } = await tx.user.updateMany({
    where: { id: userId, mfaEnabledAt: null },
    data: { mfaSecret: sealText(newTotpSecret()), mfaLastStep: null },
  });
  if (!count) throw conflict("双因素认证已启用");
}

/** The secret being enrolled (to draw its QR code), or null. */
export async function pendingSecret(tx: Tx, userId: string): Promise<string | null> {
  const u = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { mfaSecret: true, mfaEnabledAt: true } });
  return u.mfaSecret && !u.mfaEnabledAt ? openText(u.mfaSecret) : null;
}

/**
 * Finish enrolment with a code from the app: the factor comes into force and ten recovery codes are made, returned
 * this once (only their hashes are kept). Conditional on the factor still being off, so a double submit wins once.
 */
export async function confirmEnrolment(tx: Tx, userId: string, code: string, now = new Date()): Promise<string[]> {
  const secret = await pendingSecret(tx, userId);
  if (!secret) throw conflict("请先开始设置双因素认证（或已启用）");
  const step = totpStep(code.trim(), secret, now.getTime());
  if (step === null) throw invalidInput({ code: ["动态口令不正确，请核对手机时间后输入验证器当前显示的 6 位数字"] });
  const { count } = await tx.user.updateMany({
    where: { id: userId, mfaEnabledAt: null },
    data: { mfaEnabledAt: now, mfaLastStep: step },
  });
  if (!count) throw conflict("双因素认证已启用");
  return replaceRecoveryCodes(tx, userId);
}

export async function replaceRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.mfaRecoveryCode.deleteMany({ where: { userId } });
  await tx.mfaRecoveryCode.createMany({ data: codes.map((c) => ({ userId, codeHash: recoveryCodeHash(userId, c) })) });
  return codes;
}

export type SecondFactorCheck = "TOTP" | "RECOVERY" | "WRONG" | "REUSED";

/**
 * Check a sign-in's second factor: a 6-digit code (each 30-second step accepted once: a conditional update on the
 * last step, so of two sign-ins with one code exactly one passes) or an unused recovery code (spent here).
 */
export async function checkSecondFactor(tx: Tx, userId: string, input: string, now = new Date()): Promise<SecondFactorCheck> {
  const u = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { mfaSecret: true, mfaEnabledAt: true } });
  if (!u.mfaSecret || !u.mfaEnabledAt) return "WRONG";
  const code = input.trim();
  if (/^\d{6}$/.test(code)) {
    const step = totpStep(code, openText(u.mfaSecret), now.getTime());
    if (step === null) return "WRONG";
    const { count } = await tx.user.updateMany({
      where: { id: userId, OR: [{ mfaLastStep: null }, { mfaLastStep: { lt: step } }] },
      data: { mfaLastStep: step },
    });
    return count ? "TOTP" : "REUSED";
  }
  const normalized = normalizeRecoveryCode(code);
  if (normalized.length !== 10) return "WRONG";
  const { count } = await tx.mfaRecoveryCode.updateMany({
    where: { userId, codeHash: recoveryCodeHash(userId, normalized), usedAt: null },
    data: { usedAt: now },
  });
  return count ? "RECOVERY" : "WRONG";
}

/**
 * An administrator's reset (a lost phone): the secret, the enrolment and every recovery code go, and every session of
 * the account ends. An account whose roles require the factor must enrol again at its next sign-in
 * (lib/mfa/policy.ts). Refused when there is nothing to clear (not enrolled, or already reset by someone else).
 */
export async function clearSecondFactor(tx: Tx, userId: string): Promise<void> {
  const { count } = await tx.user.updateMany({
    where: { id: userId, OR: [{ mfaSecret: { not: null } }, { mfaEnabledAt: { not: null } }] },
    data: { mfaSecret: null, mfaEnabledAt: null, mfaLastStep: null },
  });
  if (!count) throw conflict("该账号尚未设置二次验证（或已被他人重置），无需重置");
  await tx.mfaRecoveryCode.deleteMany({ where: { userId } });
  await revokeSessions(tx, userId);
}
