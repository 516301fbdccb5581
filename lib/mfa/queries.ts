import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { mfaEnforced, mfaRequiredFor } from "@/lib/mfa/policy";
import { pendingSecret } from "@/lib/mfa/service";
import { otpauthUri, qrDataUrl } from "@/lib/mfa/totp";

/** What the enrolment page shows for the signed-in account (account.mfa, self). */
export async function mfaStatus(user: SessionUser) {
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { mfaEnabledAt: true } });
  const required = mfaRequiredFor(user.roles);
  const base = { required, enforced: required && mfaEnforced() };
  if (row.mfaEnabledAt) {
    const recoveryLeft = await db.mfaRecoveryCode.count({ where: { userId: user.id, usedAt: null } });
    return { ...base, state: "ON" as const, enabledAt: row.mfaEnabledAt, recoveryLeft };
  }
  const secret = await pendingSecret(db, user.id);
  if (!secret) return { ...base, state: "OFF" as const };
  const uri = otpauthUri(user.username, secret);
  return { ...base, state: "ENROLLING" as const, secret, qr: await qrDataUrl(uri) };
}
