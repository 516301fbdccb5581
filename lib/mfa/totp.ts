import { randomBytes } from "node:crypto";
import { authenticator } from "otplib";
import QRCode from "qrcode";
import { sm3Hex } from "@/lib/crypto/sm";

// TOTP (RFC 6238: 30-second steps, 6 digits, SHA-1 as every authenticator app expects) with otplib; one step of
// clock drift either way is accepted. The QR code is drawn on the server as a data URL: nothing is fetched.
authenticator.options = { window: 1, step: 30, digits: 6 };

export const ISSUER = "专家人才服务基层平台";
const STEP_MS = 30_000;

export function newTotpSecret(): string {
  return authenticator.generateSecret(20);
}

export function otpauthUri(username: string, secret: string): string {
  return authenticator.keyuri(username, ISSUER, secret);
}

export function qrDataUrl(uri: string): Promise<string> {
  return QRCode.toDataURL(uri, { errorCorrectionLevel: "M", margin: 1, width: 220 });
}

/** The 30-second step a valid code belongs to (for refusing its reuse), or null when the code is wrong. */
export function totpStep(code: string, secret: string, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = authenticator.clone({ epoch: now }).checkDelta(code, secret);
  return delta === null ? null : Math.floor(now / STEP_MS) + delta;
}

/** For tests and the e2e journey: the current code of a secret. */
export function totpCode(secret: string, now = Date.now()): string {
  return authenticator.clone({ epoch: now }).generate(secret);
}

const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"; // no 0/o, 1/l/i

/** Ten one-time recovery codes, `xxxxx-xxxxx` (about 49 bits each). */
export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const bytes = randomBytes(10);
    const chars = [...bytes].map((b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

export const normalizeRecoveryCode = (code: string) => code.trim().toLowerCase().replace(/[\s-]/g, "");

/** Stored form of a recovery code: SM3 over the account and the code (never the code itself). */
export function recoveryCodeHash(userId: string, code: string): string {
  return sm3Hex(`${userId}:${normalizeRecoveryCode(code)}`);
}
