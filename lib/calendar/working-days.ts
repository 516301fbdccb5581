import { chinaDay, chinaDayEnd, chinaDayStart } from "@/lib/calendar/china-time";

// Deadlines in working days, in China Standard Time (UTC+8, no daylight saving). Weekdays are working days and
// weekends are not, except where the ministry's calendar (lib/calendar/service, the State Council's yearly holiday
// schedule) says otherwise: public holidays off, make-up working days (调休) on.

const DAY_MS = 86_400_000;

export type DayKind = "HOLIDAY" | "WORKDAY";
/** Exceptions to the weekday rule, by CST date ("2026-10-01"). */
export type CalendarOverrides = ReadonlyMap<string, DayKind>;
const NO_OVERRIDES: CalendarOverrides = new Map();

/** A UTC-midnight day as "YYYY-MM-DD". */
export const dayKey = (day: Date) => day.toISOString().slice(0, 10);

const isWeekend = (day: Date) => day.getUTCDay() === 0 || day.getUTCDay() === 6;

function worksOn(day: Date, overrides: CalendarOverrides): boolean {
  const kind = overrides.get(dayKey(day));
  return kind ? kind === "WORKDAY" : !isWeekend(day);
}

/** Whether the moment falls on a working day in CST. */
export function isWorkingDay(at: Date, overrides: CalendarOverrides = NO_OVERRIDES): boolean {
  return worksOn(chinaDay(at), overrides);
}

/**
 * The end (23:59:59.999 CST) of the `days`-th working day after `from`'s day.
 * An invitation sent on Friday with 5 working days is due at the end of the next Friday; one sent on 30 September
 * with the National Day week off is due five working days after the holiday.
 */
export function workingDaysDeadline(from: Date, days: number, overrides: CalendarOverrides = NO_OVERRIDES): Date {
  let day = chinaDay(from);
  let left = Math.max(1, Math.floor(days));
  while (left > 0) {
    day = new Date(day.getTime() + DAY_MS);
    if (worksOn(day, overrides)) left--;
  }
  return new Date(chinaDayEnd(day).getTime() - 1);
}

/** When to remind: the start (00:00 CST) of the deadline's day. */
export function reminderTime(deadline: Date): Date {
  return chinaDayStart(chinaDay(deadline));
}
