// Deadlines in working days, in China Standard Time (UTC+8, no daylight saving).
// Weekends are skipped; public holidays and their make-up working days are not known to the platform yet.

const CST_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** The calendar day (in CST) a moment falls on, as a UTC-midnight Date. */
function cstDay(at: Date): Date {
  const shifted = new Date(at.getTime() + CST_OFFSET_MS);
  return new Date(Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), shifted.getUTCDate()));
}

const isWeekend = (day: Date) => day.getUTCDay() === 0 || day.getUTCDay() === 6;

/** Whether the moment falls on a working day in CST. */
export function isWorkingDay(at: Date): boolean {
  return !isWeekend(cstDay(at));
}

/**
 * The end (23:59:59.999 CST) of the `days`-th working day after `from`'s day.
 * An invitation sent on Friday with 5 working days is due at the end of the next Friday.
 */
export function workingDaysDeadline(from: Date, days: number): Date {
  let day = cstDay(from);
  let left = Math.max(1, Math.floor(days));
  while (left > 0) {
    day = new Date(day.getTime() + DAY_MS);
    if (!isWeekend(day)) left--;
  }
  return new Date(day.getTime() + DAY_MS - 1 - CST_OFFSET_MS);
}

/** When to remind: the start (00:00 CST) of the deadline's day. */
export function reminderTime(deadline: Date): Date {
  return new Date(cstDay(deadline).getTime() - CST_OFFSET_MS);
}
