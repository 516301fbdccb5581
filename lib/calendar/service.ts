import type { Tx } from "@/lib/db";
import { chinaDay } from "@/lib/calendar/china-time";
import { dayKey, type CalendarOverrides, type DayKind } from "@/lib/calendar/working-days";
import { runDays, type SetRunInput, type StoredDay } from "@/lib/calendar/schemas";
import { notFound } from "@/lib/errors";

// The ministry's calendar in the database: one row per exceptional day (CalendarDay), keyed by its date.

const DAY_MS = 86_400_000;

/** The exceptions from `from`'s day for `days` days: enough for any response deadline (at most 20 working days). */
export async function calendarOverrides(tx: Tx, from: Date, days = 120): Promise<CalendarOverrides> {
  const start = chinaDay(from);
  const rows = await tx.calendarDay.findMany({
    where: { day: { gte: start, lt: new Date(start.getTime() + days * DAY_MS) } },
    select: { day: true, kind: true },
  });
  return new Map(rows.map((r) => [dayKey(r.day), r.kind as DayKind]));
}

/**
 * Marks every day of the run (one upsert per day, keyed by the date, so two ministry users saving the same days
 * leave one row per day, the later save's). Returns the days that were already entered, for the audit row.
 */
export async function setRun(tx: Tx, input: SetRunInput, actorId: string): Promise<{ days: string[]; replaced: StoredDay[] }> {
  const days = runDays(input.start, input.end);
  const replaced = await tx.$queryRaw<StoredDay[]>`
    SELECT to_char("day", 'YYYY-MM-DD') AS "day", "kind"::text AS "kind", "name" FROM "CalendarDay"
     WHERE "day" = ANY(${days}::date[]) ORDER BY "day" FOR UPDATE`;
  await tx.$executeRaw`
    INSERT INTO "CalendarDay" ("day", "kind", "name", "updatedById", "updatedAt")
    SELECT d, ${input.kind}::"CalendarDayKind", ${input.name}, ${actorId}, now() FROM unnest(${days}::date[]) AS d
    ON CONFLICT ("day") DO UPDATE SET "kind" = EXCLUDED."kind", "name" = EXCLUDED."name",
      "updatedById" = EXCLUDED."updatedById", "updatedAt" = EXCLUDED."updatedAt"`;
  return { days, replaced };
}

/** Deletes the days of a run as it was listed that still have its kind and name; none left is refused. */
export async function removeRun(tx: Tx, run: { start: string; end: string; kind: DayKind; name: string }): Promise<number> {
  const { count } = await tx.calendarDay.deleteMany({
    where: { day: { gte: new Date(`${run.start}T00:00:00Z`), lte: new Date(`${run.end}T00:00:00Z`) }, kind: run.kind, name: run.name },
  });
  if (!count) throw notFound("该节假日安排");
  return count;
}
