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

/** The check character for the first 17 digits (ISO 7064 MOD 11-2). */
export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

export type IdNumberCheck = { ok: true; birthYear: number } | { ok: false; message: string };

/** GB 11643-1999 citizen ID: 18 characters (x accepted for X), a real birth date, the right check character. */
export function checkIdNumber(value: string): IdNumberCheck {
  const id = value.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, message: "身份证号应为 18 位（最后一位可为 X）" };
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || birth.getUTCFullYear() !== y || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d) {
    return { ok: false, message: "身份证号中的出生日期无效" };
  }
  if (idNumberCheckChar(id) !== id[17]) return { ok: false, message: "身份证号校验位不正确" };
  return { ok: true, birthYear: y };
}

export function isValidIdNumber(value: string): boolean {
  return checkIdNumber(value).ok;
}
