// De-identification of personal data (个人信息保护法): every page, list row and export shows these masked forms.
// Full values leave the server only through the audited "显示完整信息" action.

/** 13812345678 → 138****5678; landlines keep the area code and the last 4 digits. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const digits = phone.replace(/[\s-]/g, "");
  if (digits.length <= 4) return "*".repeat(digits.length);
  if (/^1\d{10}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(7)}`;
  const keepHead = Math.min(4, Math.max(0, digits.length - 8));
  return `${digits.slice(0, keepHead)}${"*".repeat(digits.length - keepHead - 4)}${digits.slice(-4)}`;
}

/** lin.xf@zju.edu.cn → l***@zju.edu.cn */
export function maskEmail(email: string | null | undefined): string | null {
  if (!email) return null;
  const at = email.lastIndexOf("@");
  if (at <= 0) return "***";
  return `${email[0]}***${email.slice(at)}`;
}

/** 330106198001011234 → 3301**********1234 (keeps the first 4 and the last 4). */
export function maskIdNumber(id: string | null | undefined): string | null {
  if (!id) return null;
  if (id.length <= 8) return "*".repeat(id.length);
  return `${id.slice(0, 4)}${"*".repeat(id.length - 8)}${id.slice(-4)}`;
}

export type PersonalData = { phone: string | null; email: string | null; idNumber: string | null };

export function maskPersonal(p: PersonalData): PersonalData {
  return { phone: maskPhone(p.phone), email: maskEmail(p.email), idNumber: maskIdNumber(p.idNumber) };
}
