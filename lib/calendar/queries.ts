import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CalendarRun, StoredDay } from "@/lib/calendar/schemas";
import { dayKey } from "@/lib/calendar/working-days";

const DAY_MS = 86_400_000;

/** A year's entries as runs of consecutive days with the same kind and name, in date order. */
export async function calendarRuns(year: number): Promise<CalendarRun[]> {
  const rows = await db.$queryRaw<StoredDay[]>(Prisma.sql`
    SELECT to_char("day", 'YYYY-MM-DD') AS "day", "kind"::text AS "kind", "name" FROM "CalendarDay"
     WHERE "day" >= make_date(${year}::int, 1, 1) AND "day" < make_date(${year + 1}::int, 1, 1) ORDER BY "day"`);
  return groupRuns(rows);
}

/** Consecutive days with the same kind and name form one run (pure; exported for tests). */
export function groupRuns(rows: StoredDay[]): CalendarRun[] {
  const runs: CalendarRun[] = [];
  for (const r of rows) {
    const last = runs.at(-1);
    const next = last && dayKey(new Date(Date.parse(last.end) + DAY_MS));
    if (last && next === r.day && last.kind === r.kind && last.name === r.name) {
      last.end = r.day;
      last.days++;
    } else runs.push({ start: r.day, end: r.day, days: 1, kind: r.kind, name: r.name });
  }
  return runs;
}
