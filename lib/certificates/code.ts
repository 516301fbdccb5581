import { randomInt } from "node:crypto";

// Verification codes are random (50 bits: nobody finds a certificate by guessing) and avoid look-alike characters,
// since people type them from paper: FW-2026-7K3MA-9QXPD.
const ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

export function newCertificateCode(year: number): string {
  const part = () => Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return `FW-${year}-${part()}-${part()}`;
}

/** What a person typed, as a code: upper case, no spaces, O → 0 and I → 1 are not in the alphabet so left alone. */
export function normalizeCode(input: string): string {
  return input.trim().toUpperCase().replace(/\s+/g, "");
}

export const CODE_PATTERN = /^FW-\d{4}-[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}$/;
