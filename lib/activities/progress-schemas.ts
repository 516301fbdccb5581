import { z } from "zod";
import type { ServiceForm } from "@/lib/generated/prisma/enums";
import { SERVICE_FORM_LABEL } from "@/lib/labels";
import { idField, versionField } from "@/lib/activities/review-schemas";

// Running and tracking a selected activity (section 7 跟踪问效): start, link engagements, short periodic progress
// reports (at most one a month — never daily, no check-ins), completion with results against the targets.

const list = (v: unknown) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]);
const trimmed = (v: unknown) => (typeof v === "string" ? v.trim() : v ?? "");
const count = (label: string, max = 1_000_000) =>
  z.preprocess((v) => (v === undefined || (typeof v === "string" && v.trim() === "") ? 0 : v),
    z.coerce.number({ error: `${label}须为数字` }).int(`${label}须为整数`).min(0, `${label}不能为负数`).max(max, `${label}过大`));

export const SERVICE_FORMS = Object.keys(SERVICE_FORM_LABEL) as [ServiceForm, ...ServiceForm[]];

/** A report period: one calendar month, "YYYY-MM" (the default schedule is monthly at most). */
export const PERIOD_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
export const periodField = z.string({ error: "请选择报送月份" }).trim().regex(PERIOD_PATTERN, "报送月份格式应为 YYYY-MM");

export const startSchema = z.object({ activityId: idField("示范活动"), version: versionField });

export const linkEngagementSchema = z.object({ activityId: idField("示范活动"), engagementId: idField("服务项目") });

export const progressSchema = z.object({
  activityId: idField("示范活动"),
  period: periodField,
  content: z.preprocess(trimmed, z.string().min(10, "请简要填写本期进展（至少 10 个字）").max(1000, "进展说明不超过 1000 字，简要即可")),
  expertsCount: count("服务专家人数", 10_000),
  serviceHours: count("服务时长"),
  serviceDays: count("服务天数"),
  peopleServed: count("服务人数"),
  peopleTrained: count("培训人数"),
  forms: z.preprocess(list, z.array(z.enum(SERVICE_FORMS, { error: "服务形式不正确" })).max(SERVICE_FORMS.length)),
});
export type ProgressInput = z.infer<typeof progressSchema>;

/** Actual results arrive as fields `actual.<index of the target>`. */
export const ACTUAL_PREFIX = "actual.";

export const completeSchema = z.preprocess(
  (raw) => {
    if (!raw || typeof raw !== "object") return raw;
    const input = raw as Record<string, unknown>;
    const actuals: Record<string, unknown> = typeof input.actuals === "object" && input.actuals ? { ...(input.actuals as object) } : {};
    for (const [k, v] of Object.entries(input)) if (k.startsWith(ACTUAL_PREFIX)) actuals[k.slice(ACTUAL_PREFIX.length)] = v;
    return { ...input, actuals };
  },
  z.object({
    activityId: idField("示范活动"),
    version: versionField,
    finalReport: z.preprocess(trimmed, z.string().min(20, "请填写活动总结（至少 20 个字）").max(5000, "活动总结不超过 5000 字")),
    actuals: z.record(z.string().regex(/^\d{1,3}$/), z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
      z.coerce.number({ error: "实际完成须为数字" }).min(0, "实际完成不能为负数").max(1e9).optional())),
  }),
);
export type CompleteInput = z.infer<typeof completeSchema>;

export type ActivityTarget = { indicator: string; target: number; unit: string; actual?: number };

/** The stored targets, tolerant of older rows. */
export function targetsOf(stored: unknown): ActivityTarget[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((t) => {
    if (!t || typeof t !== "object") return [];
    const o = t as Record<string, unknown>;
    if (typeof o.indicator !== "string") return [];
    return [{ indicator: o.indicator, target: Number(o.target) || 0, unit: typeof o.unit === "string" ? o.unit : "",
      ...(typeof o.actual === "number" ? { actual: o.actual } : {}) }];
  });
}
