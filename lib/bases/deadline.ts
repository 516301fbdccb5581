import { chinaDay } from "@/lib/calendar/china-time";

/** 限期整改: twelve months unless the province sets another date (the policy: "give one year to rectify"). */
export const RECTIFICATION_MONTHS = 12;

/**
 * The day a rectification ends: `months` after today in China (a UTC-midnight Date, as @db.Date columns read),
 * on the same day of the month or the month's last day (issued 31 March → 31 March, 29 February → 28 February).
 */
export function rectificationDeadline(now: Date = new Date(), months = RECTIFICATION_MONTHS): Date {
  const today = chinaDay(now);
  const y = today.getUTCFullYear();
  const m = today.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(today.getUTCDate(), lastDay)));
}

/** Whether a deadline (a @db.Date) has passed: its day is over in China. */
export const isOverdue = (deadline: Date, now: Date = new Date()) => deadline < chinaDay(now);
