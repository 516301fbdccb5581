import { z } from "zod";
import type { EngagementState, EngagementType, ServiceForm } from "@/lib/generated/prisma/enums";
import { ENGAGEMENT_STATE_LABEL, ENGAGEMENT_TYPE_LABEL, SERVICE_FORM_LABEL } from "@/lib/labels";

// Shared by the forms and the actions. Form data arrives as strings; repeated keys become arrays (one value does not).

const list = (v: unknown) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]);
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const trimmed = (v: unknown) => (typeof v === "string" ? v.trim() : v ?? "");

const id = (what: string) => z.string({ error: `缺少${what}` }).trim().min(1, `缺少${what}`).max(40);
const version = z.preprocess(blankToUndefined, z.coerce.number({ error: "缺少版本号" }).int("版本号不正确").min(0, "版本号不正确"));
const optionalVersion = z.preprocess(blankToUndefined, z.coerce.number().int().min(0).optional());

export const SERVICE_FORMS = Object.keys(SERVICE_FORM_LABEL) as [ServiceForm, ...ServiceForm[]];
export const ENGAGEMENT_TYPES = Object.keys(ENGAGEMENT_TYPE_LABEL) as [EngagementType, ...EngagementType[]];
export const ENGAGEMENT_STATES = Object.keys(ENGAGEMENT_STATE_LABEL) as [EngagementState, ...EngagementState[]];

const reason = (message: string) =>
  z.preprocess(trimmed, z.string().min(2, message).max(500, "原因不超过 500 字"));

// ─── Team (the unit confirms or declines an expert who accepted) ───────────────

export const TEAM_DECISIONS = ["confirm", "release"] as const;
export const teamDecisionSchema = z
  .object({
    matchId: id("匹配记录"),
    version: optionalVersion,
    decision: z.enum(TEAM_DECISIONS, { error: "请选择确认或不予确认" }),
    reason: z.preprocess(trimmed, z.string().max(500, "原因不超过 500 字")),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "release" && v.reason.length < 2) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: "不予确认时请写明原因（将告知专家和省级管理员）" });
    }
  });
export type TeamDecisionInput = z.infer<typeof teamDecisionSchema>;

// ─── Work plan ─────────────────────────────────────────────────────────────────

export const planSchema = z.object({
  engagementId: id("服务项目"),
  version,
  type: z.enum(ENGAGEMENT_TYPES, { error: "请选择服务类型" }),
  planGoals: z.preprocess(trimmed, z.string().min(4, "请写明服务目标（至少 4 个字）").max(2000, "服务目标不超过 2000 字")),
  planSchedule: z.preprocess(trimmed, z.string().min(4, "请写明进度安排（至少 4 个字）").max(2000, "进度安排不超过 2000 字")),
  planPlace: z.preprocess(trimmed, z.string().min(2, "请写明服务地点").max(200, "服务地点不超过 200 字")),
  planDeliverables: z.preprocess(trimmed, z.string().min(2, "请写明预期成果").max(1000, "预期成果不超过 1000 字")),
  planForms: z.preprocess(
    list,
    z.array(z.enum(SERVICE_FORMS, { error: "服务形式不正确" })).min(1, "请至少选择一种服务形式").max(6, "服务形式最多选择 6 种"),
  ),
});
export type PlanInput = z.infer<typeof planSchema>;

export const agreePlanSchema = z.object({ engagementId: id("服务项目"), version });

// ─── Service records ───────────────────────────────────────────────────────────

/** The longest span one record may cover (longer service is logged as several records). */
export const MAX_RECORD_DAYS = 92;
export const MAX_PEOPLE = 100_000;
/** 带动增收 is reported in 万元 (ten thousand yuan). */
export const MAX_INCOME = 1_000_000;

const date = (label: string) => z.iso.date({ error: `请填写${label}（年-月-日）` });
const count = (label: string) =>
  z.preprocess(
    (v) => (v === undefined || v === null || (typeof v === "string" && v.trim() === "") ? 0 : v),
    z.coerce.number({ error: `${label}必须是数字` }).int(`${label}必须是整数`).min(0, `${label}不能为负数`).max(MAX_PEOPLE, `${label}不超过 ${MAX_PEOPLE}`),
  );

/** Days covered by a record, both ends included (dates as YYYY-MM-DD). */
export function daysSpanned(startDate: string, endDate: string): number {
  return Math.round((Date.parse(`${endDate}T00:00:00Z`) - Date.parse(`${startDate}T00:00:00Z`)) / 86_400_000) + 1;
}

/**
 * Dates the form cannot check alone: no service in the future (China's today) and none before the expert was
 * confirmed on the team (`earliest`, a YYYY-MM-DD date). Field errors, empty when the dates are fine.
 */
export function recordDateErrors(
  record: { startDate: string; endDate: string },
  bounds: { today: string; earliest: string },
): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  if (record.endDate > bounds.today) errors.endDate = ["不能填写今天以后的服务，请在服务结束后再填写"];
  if (record.startDate > bounds.today) errors.startDate = ["开始日期不能晚于今天"];
  else if (record.startDate < bounds.earliest) errors.startDate = [`服务日期不能早于专家团队确认之日（${bounds.earliest}）`];
  return errors;
}

const recordFields = z.object({
  startDate: date("开始日期"),
  endDate: date("结束日期"),
  hours: z.coerce
    .number({ error: "请填写服务时长（小时）" })
    .positive("服务时长必须大于 0")
    .max(24 * MAX_RECORD_DAYS, "服务时长过长")
    .refine((h) => Math.abs(h * 10 - Math.round(h * 10)) < 1e-9, "服务时长最多保留 1 位小数"),
  form: z.enum(SERVICE_FORMS, { error: "请选择服务形式" }),
  content: z.preprocess(trimmed, z.string().min(10, "请写明服务内容（至少 10 个字）").max(2000, "服务内容不超过 2000 字")),
  peopleServed: count("服务人数"),
  peopleTrained: count("培训人数"),
  techniquesPromoted: count("推广技术数"),
  incomeEffect: z.preprocess(
    (v) => (v === undefined || v === null || (typeof v === "string" && v.trim() === "") ? 0 : v),
    z.coerce.number({ error: "带动增收必须是数字" }).min(0, "带动增收不能为负数").max(MAX_INCOME, `带动增收不超过 ${MAX_INCOME} 万元`)
      .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, "带动增收最多保留 2 位小数"),
  ),
});

const recordRules = (v: z.infer<typeof recordFields>, ctx: z.RefinementCtx) => {
  if (v.endDate < v.startDate) {
    ctx.addIssue({ code: "custom", path: ["endDate"], message: "结束日期不能早于开始日期" });
    return;
  }
  const days = daysSpanned(v.startDate, v.endDate);
  if (days > MAX_RECORD_DAYS) {
    ctx.addIssue({ code: "custom", path: ["endDate"], message: `一条记录最长 ${MAX_RECORD_DAYS} 天，更长的服务请分条填写` });
  } else if (v.hours > 24 * days) {
    ctx.addIssue({ code: "custom", path: ["hours"], message: `${days} 天内的服务时长不能超过 ${24 * days} 小时` });
  }
  if (v.peopleTrained > v.peopleServed) {
    ctx.addIssue({ code: "custom", path: ["peopleTrained"], message: "培训人数不能多于服务人数" });
  }
};

export const logRecordSchema = recordFields.extend({ engagementId: id("服务项目") }).superRefine(recordRules);
export type RecordInput = z.infer<typeof logRecordSchema>;

export const editRecordSchema = recordFields.extend({ recordId: id("服务记录"), version }).superRefine(recordRules);
export type EditRecordInput = z.infer<typeof editRecordSchema>;

export const RECORD_DECISIONS = ["confirm", "dispute"] as const;
export const reviewRecordSchema = z
  .object({
    recordId: id("服务记录"),
    version,
    decision: z.enum(RECORD_DECISIONS, { error: "请选择确认或提出异议" }),
    reason: z.preprocess(trimmed, z.string().max(500, "异议不超过 500 字")),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "dispute" && v.reason.length < 2) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: "提出异议时请写明哪里与实际不符" });
    }
  });

// ─── Finish, feedback, cancel ──────────────────────────────────────────────────

export const finishSchema = z.object({ engagementId: id("服务项目"), version: optionalVersion });

/** A comment is required for a low rating (so the other side and the province learn what went wrong). */
export const LOW_RATING = 2;

// Loose: the questionnaire's other answers (a_<key>) pass through to be read against the version in use.
export const feedbackSchema = z
  .looseObject({
    engagementId: id("服务项目"),
    rating: z.coerce.number({ error: "请选择评分" }).int("请选择评分").min(1, "评分为 1–5 分").max(5, "评分为 1–5 分"),
    comment: z.preprocess(trimmed, z.string().max(1000, "评价不超过 1000 字")),
  })
  .superRefine((v, ctx) => {
    if (v.rating <= LOW_RATING && v.comment.length < 5) {
      ctx.addIssue({ code: "custom", path: ["comment"], message: `评分为 ${LOW_RATING} 分及以下时，请写明原因（至少 5 个字）` });
    }
  });

export const cancelSchema = z.object({
  engagementId: id("服务项目"),
  version: optionalVersion,
  reason: reason("取消时请写明原因（将告知服务单位和专家）"),
});

// ─── List filters (from the URL) ───────────────────────────────────────────────

/** The earliest year the engagements list offers (the platform's first). */
export const ENGAGEMENT_FIRST_YEAR = 2020;

export const engagementSearchSchema = z.object({
  q: z.string().trim().max(60).optional().catch(undefined),
  state: z.enum(ENGAGEMENT_STATES).optional().catch(undefined),
  type: z.enum(ENGAGEMENT_TYPES).optional().catch(undefined),
  province: z.string().regex(/^\d{2}$/).optional().catch(undefined),
  /** The year the engagement began (China time), as the own tracking dashboards count them. */
  year: z.coerce.number().int().min(ENGAGEMENT_FIRST_YEAR).max(2100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100000).catch(1),
});
export type EngagementSearch = z.infer<typeof engagementSearchSchema>;
