// China Standard Time (UTC+8 all year, no daylight saving), whatever the server's zone. Every "which day is it in
// China" question goes through here; @db.Date columns are read as UTC midnight of their day, hence chinaDay's form.

export const CHINA_TIME_ZONE = "Asia/Shanghai";
const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** The calendar day in China a moment falls on, as a UTC-midnight Date (comparable with @db.Date values). */
export function chinaDay(at: Date = new Date()): Date {
  const shifted = new Date(at.getTime() + CHINA_OFFSET_MS);
  return new Date(Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), shifted.getUTCDate()));
}

/** The calendar date in China of a moment, as "YYYY-MM-DD". */
export function chinaDate(at: Date = new Date()): string {
  return chinaDay(at).toISOString().slice(0, 10);
}

/** The moment a China calendar day begins (00:00 CST): the day as "YYYY-MM-DD" or as chinaDay gives it. */
export function chinaDayStart(day: string | Date): Date {
  const utcMidnight = typeof day === "string" ? Date.parse(`${day}T00:00:00Z`) : day.getTime();
  return new Date(utcMidnight - CHINA_OFFSET_MS);
}

/** The moment the China calendar day after `day` begins (exclusive end of a "to" date filter). */
export function chinaDayEnd(day: string | Date): Date {
  return new Date(chinaDayStart(day).getTime() + DAY_MS);
}
