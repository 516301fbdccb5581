import { z } from "zod";
import type { DayKind } from "@/lib/calendar/working-days";

// The ministry's calendar entries: a run of days (at most a month) that are all public holidays or all make-up
// working days, with the festival's name.

export const MAX_RUN_DAYS = 31;
export const DAY_KIND_LABEL = { HOLIDAY: "放假", WORKDAY: "调休上班" } as const;

const day = (label: string) => z.iso.date({ error: `${label}格式不正确` });
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const runFields = {
  start: day("开始日期"),
  end: z.preprocess(blankToUndefined, day("结束日期").optional()),
  kind: z.enum(["HOLIDAY", "WORKDAY"], { error: "请选择放假或调休上班" }),
  name: z.string({ error: "请填写节日名称" }).trim().min(1, "请填写节日名称").max(20, "节日名称不超过 20 个字"),
};

const spanDays = (start: string, end: string) => (Date.parse(end) - Date.parse(start)) / 86_400_000 + 1;
const weekend = (iso: string) => [0, 6].includes(new Date(`${iso}T00:00:00Z`).getUTCDay());

/** The days of a run, as "YYYY-MM-DD". */
export function runDays(start: string, end: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(start); t <= Date.parse(end); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

export const setRunSchema = z
  .object(runFields)
  .transform((r) => ({ ...r, end: r.end ?? r.start }))
  .superRefine((r, ctx) => {
    if (r.end < r.start) ctx.addIssue({ code: "custom", path: ["end"], message: "结束日期不能早于开始日期" });
    else if (spanDays(r.start, r.end) > MAX_RUN_DAYS) ctx.addIssue({ code: "custom", path: ["end"], message: `一次最多录入 ${MAX_RUN_DAYS} 天` });
    else if (r.kind === "WORKDAY" && runDays(r.start, r.end).some((d) => !weekend(d))) {
      ctx.addIssue({ code: "custom", path: ["kind"], message: "调休上班日应为周六或周日；工作日本来就上班，无需录入" });
    }
  });
export type SetRunInput = z.infer<typeof setRunSchema>;

/** Removing a run as listed: its dates, kind and name must still match what is stored. */
export const removeRunSchema = z
  .object({ ...runFields, end: day("结束日期") })
  .refine((r) => r.end >= r.start && spanDays(r.start, r.end) <= 366, { path: ["end"], message: "日期范围不正确" });

export const calendarYearSchema = z.coerce.number().int().min(2000).max(2100);

/** One stored exceptional day, as "YYYY-MM-DD". */
export type StoredDay = { day: string; kind: DayKind; name: string };

/** Consecutive days with the same kind and name, as the calendar page lists them. */
export type CalendarRun = { start: string; end: string; days: number; kind: DayKind; name: string };
