// 公民身份号码 (GB 11643-1999): 17 digits + a check character (ISO 7064 MOD 11-2).

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = "10X98765432";

export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

export type IdNumberCheck = { ok: true; birthYear: number } | { ok: false; message: string };

/** Format, birth date and check character of an 18-character ID number (x accepted for X). */
export function checkIdNumber(raw: string): IdNumberCheck {
  const id = raw.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, message: "身份证号应为 18 位（最后一位可为 X）" };
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return { ok: false, message: "身份证号中的出生日期无效" };
  }
  if (idCheckChar(id) !== id[17]) return { ok: false, message: "身份证号校验位不正确" };
  return { ok: true, birthYear: y };
}
