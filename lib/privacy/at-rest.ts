import { blindIndex, isSealed, openText, sealText } from "@/lib/crypto/data-key";

// Personal data at rest (个人信息保护法 art. 51, GB/T 22239 8.1.4.8): phone, e-mail and ID number are stored sealed
// with SM4 (lib/crypto/data-key.ts), each beside an HMAC-SM3 blind index of its normalized form so that exact-match
// lookups (duplicate checks on import) work without decrypting. Values written before encryption (plain text) are
// read as they are until `npm run keys:rotate` (also run by `npm run setup`) seals them.

export type PersonalKind = "phone" | "email" | "idNumber";

/** The form equality is judged on: digits of a phone, a lower-case e-mail, an upper-case ID number. */
export function normalizePersonal(kind: PersonalKind, value: string): string {
  const v = value.trim();
  if (kind === "phone") return v.replace(/[\s-]/g, "");
  return kind === "email" ? v.toLowerCase() : v.toUpperCase();
}

export function personalIndex(kind: PersonalKind, value: string): string {
  return blindIndex(`${kind}:${normalizePersonal(kind, value)}`);
}

export const sealOptional = (value: string | null | undefined): string | null => (value ? sealText(value) : null);

/** Plain text of a stored value (legacy plain text passes through). */
export const openOptional = (value: string | null | undefined): string | null =>
  value ? (isSealed(value) ? openText(value) : value) : null;

type Personal = { phone?: string | null; email?: string | null; idNumber?: string | null };
type Sealed<P extends Personal> = { [K in keyof P]: string | null } & Partial<Record<"phoneIndex" | "emailIndex" | "idNumberIndex", string | null>>;

/**
 * The columns to write for the personal fields present in `p` (absent fields stay absent, so partial updates keep
 * what is stored): each sealed, with its blind index.
 */
export function sealPersonal<P extends Personal>(p: P): Sealed<P> {
  const out: Record<string, string | null> = {};
  for (const kind of ["phone", "email", "idNumber"] as const) {
    if (!(kind in p) || p[kind] === undefined) continue;
    // Idempotent: a value sealed already (a row built from another) keeps its ciphertext.
    const v = openOptional(p[kind]);
    out[kind] = v ? (isSealed(p[kind]!) ? p[kind]! : sealText(v)) : null;
    out[`${kind}Index`] = v ? personalIndex(kind, v) : null;
  }
  return out as Sealed<P>;
}

export function openPersonal<P extends Personal>(p: P): { [K in keyof P]: K extends PersonalKind ? string | null : P[K] } {
  const out: Record<string, unknown> = { ...p };
  for (const kind of ["phone", "email", "idNumber"] as const) if (kind in p) out[kind] = openOptional(p[kind]);
  return out as { [K in keyof P]: K extends PersonalKind ? string | null : P[K] };
}
