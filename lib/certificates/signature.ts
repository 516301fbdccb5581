import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/auth/secret";

// A certificate's contents are signed with an HMAC so that the verification page can tell whether the stored
// contents are the ones that were issued: a row edited in the database (or restored from an altered copy) no longer
// matches its signature. The key is CERTIFICATE_SIGNING_KEY when set, else the session secret (NEXTAUTH_SECRET), so a
// deployment needs nothing new; rotating it makes earlier certificates show as altered, so keep it stable.

function signingKey(): string {
  return process.env.CERTIFICATE_SIGNING_KEY || authSecret();
}

/** JSON with object keys sorted at every level: the same contents always give the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** The signature of a certificate: over its code and its contents. */
export function signCertificate(code: string, contents: unknown): string {
  return createHmac("sha256", signingKey()).update(`${code}\n${canonicalJson(contents)}`).digest("hex");
}

export function signatureMatches(code: string, contents: unknown, hash: string): boolean {
  const expected = Buffer.from(signCertificate(code, contents), "hex");
  const given = Buffer.from(hash, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The check digits printed on the certificate (and carried by its QR code): the signature's first 12 hex digits. */
export function checkDigits(hash: string): string {
  return hash.slice(0, 12).toUpperCase();
}
