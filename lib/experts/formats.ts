// Formats of an expert's contact details. Pure, shared by the zod schemas and the unit tests.

/** 11-digit mainland mobile (1[3-9]…), or a landline with area code: 0571-87654321, 010 12345678, 057187654321. */
export function isValidPhone(value: string): boolean {
  const v = value.trim();
  if (/^1[3-9]\d{9}$/.test(v)) return true;
  return /^0\d{2,3}[-\s]?\d{7,8}$/.test(v);
}

export function isValidEmail(value: string): boolean {
  return /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/.test(value.trim()) && value.length <= 120;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = "10X98765432";

/** GB 11643-1999 citizen ID: 18 characters, a real birth date, ISO 7064 MOD 11-2 check character. */
export function isValidIdNumber(value: string): boolean {
  const v = value.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(v)) return false;
  const y = Number(v.slice(6, 10));
  const m = Number(v.slice(10, 12));
  const d = Number(v.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || birth.getUTCFullYear() !== y || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(v[i]) * WEIGHTS[i];
  return CHECK[sum % 11] === v[17];
}

/** The check character for the first 17 digits (used by tests to build valid numbers). */
export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}
