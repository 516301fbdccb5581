import { chinaDay, chinaDayStart } from "@/lib/calendar/china-time";
import { isWorkingDay } from "@/lib/calendar/working-days";

// How long is left to answer an invitation, in words (pure: the pages pass `now`, the tests too).

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export type Remaining = { overdue: boolean; urgent: boolean; days: number; workingDays: number; label: string };

/** Working days (China Standard Time) from `now`'s day through the deadline's day, both included. */
export function workingDaysLeft(deadline: Date, now: Date): number {
  if (deadline.getTime() < now.getTime()) return 0;
  let count = 0;
  for (let day = chinaDay(now); day <= chinaDay(deadline); day = new Date(day.getTime() + DAY)) if (isWorkingDay(chinaDayStart(day))) count++;
  return count;
}

/**
 * "剩余 3 天（3 个工作日）", "剩余 5 小时", "已超期"; `urgent` within the last working day.
 * `days` counts started days (2.2 days left → 3), so a deadline at the end of Friday is "剩余 5 天" on Monday morning.
 */
export function remainingTime(deadline: Date, now: Date): Remaining {
  const ms = deadline.getTime() - now.getTime();
  if (ms < 0) return { overdue: true, urgent: true, days: 0, workingDays: 0, label: "已超期" };
  const workingDays = workingDaysLeft(deadline, now);
  if (ms < DAY) {
    const hours = Math.max(1, Math.ceil(ms / HOUR));
    return { overdue: false, urgent: true, days: 0, workingDays, label: `剩余 ${hours} 小时` };
  }
  const days = Math.ceil(ms / DAY);
  return { overdue: false, urgent: workingDays <= 1, days, workingDays, label: `剩余 ${days} 天（${workingDays} 个工作日）` };
}
