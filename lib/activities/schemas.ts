import { z } from "zod";
import { rubricSchema } from "@/lib/activities/rubric";
import type { ActivityState, PlanState, ProgramCode, ServiceForm } from "@/lib/generated/prisma/enums";
import { ACTIVITY_STATE_LABEL, PLAN_STATE_LABEL, PROGRAM_CODE_LABEL, SERVICE_FORM_LABEL } from "@/lib/labels";

// Shared by the forms and the actions of annual plans, applications, teams and recommendations. Form data arrives as
// strings; repeated keys become arrays (one value does not); blank optional fields are absent.

const list = (v: unknown) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]);
const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const text = (v: unknown) => (typeof v === "string" ? v.trim() : v ?? "");
const id = (what: string) => z.string({ error: `缺少${what}` }).trim().min(1, `缺少${what}`).max(40);
const optionalId = z.preprocess(blank, z.string().trim().max(40).optional());
const version = z.coerce.number({ error: "缺少版本号" }).int().min(0);
const optionalVersion = z.preprocess(blank, z.coerce.number().int().min(0).optional());
const date = (label: string) => z.preprocess(blank, z.iso.date({ error: `请填写${label}` }));
const optionalDate = (label: string) => z.preprocess(blank, z.iso.date({ error: `${label}格式不正确` }).optional());
const reason = (message: string) => z.preprocess(text, z.string().min(2, message).max(500, "原因不超过 500 字"));

export const PROGRAM_CODES = Object.keys(PROGRAM_CODE_LABEL) as ProgramCode[];
export const SERVICE_FORMS = Object.keys(SERVICE_FORM_LABEL) as ServiceForm[];
export const ACTIVITY_STATES = Object.keys(ACTIVITY_STATE_LABEL) as ActivityState[];
export const PLAN_STATES = Object.keys(PLAN_STATE_LABEL) as PlanState[];

// ─── Annual plans ──────────────────────────────────────────────────────────────

/** The rubric arrives as JSON text from the plan form (criteria with weights). */
const rubricInput = z.preprocess((v) => {
  if (typeof v !== "string") return v;
  try { return JSON.parse(v); } catch { return "invalid"; }
}, rubricSchema);

/** Channel quotas as lines "51=3" (province code) or "dept:<orgId>=2", one a line or repeated fields. */
const quotaLines = z.preprocess(
  (v) => list(v).flatMap((x) => (typeof x === "string" ? x.split(/[\n,，;；]/) : [])).map((s) => s.trim()).filter(Boolean),
  z.array(z.string().regex(/^(\d{2}|dept:[A-Za-z0-9_-]{1,40})\s*=\s*\d{1,3}$/, "名额格式为“省份代码=名额”或“dept:部门标识=名额”，每行一项")).max(60),
);

export type ChannelQuotaInput = { provinceCode: string | null; departmentOrgId: string | null; quota: number };

export function parseQuotaLines(lines: string[]): ChannelQuotaInput[] {
  return lines.map((l) => {
    const [channel, n] = l.split("=").map((s) => s.trim());
    return channel.startsWith("dept:")
      ? { provinceCode: null, departmentOrgId: channel.slice(5), quota: Number(n) }
      : { provinceCode: channel, departmentOrgId: null, quota: Number(n) };
  });
}

const planFields = z.object({
  programCode: z.enum(PROGRAM_CODES as [ProgramCode, ...ProgramCode[]], { error: "请选择项目类别" }),
  year: z.coerce.number({ error: "请填写年度" }).int("年度须为整数").min(2020, "年度不早于 2020").max(2100, "年度不晚于 2100"),
  theme: z.preprocess(text, z.string().min(2, "请填写年度主题").max(60, "年度主题不超过 60 字")),
  description: z.preprocess(text, z.string().max(2000, "说明不超过 2000 字")),
  quota: z.coerce.number({ error: "请填写遴选名额" }).int("名额须为整数").min(1, "遴选名额至少为 1").max(500, "遴选名额不超过 500"),
  provinceQuota: z.coerce.number({ error: "请填写默认推荐名额" }).int().min(0, "默认推荐名额不能为负").max(100, "默认推荐名额不超过 100"),
  applicationOpensAt: date("申报开始日期"),
  applicationClosesAt: date("申报截止日期"),
  recommendDeadline: date("推荐截止日期"),
  channelQuotas: quotaLines,
  rubric: rubricInput,
  baseBonus: z.coerce.number({ error: "请填写基地加分" }).min(0, "基地加分不能为负").max(20, "基地加分不超过 20"),
  baseReservedPlaces: z.coerce.number({ error: "请填写基地预留名额" }).int().min(0, "预留名额不能为负").max(100),
  disagreementSpread: z.coerce.number({ error: "请填写分歧阈值" }).min(1, "分歧阈值至少为 1").max(100, "分歧阈值不超过 100"),
});

const planRules = (v: z.infer<typeof planFields>, ctx: z.RefinementCtx) => {
  if (v.applicationOpensAt > v.applicationClosesAt) ctx.addIssue({ code: "custom", path: ["applicationClosesAt"], message: "申报截止日期不能早于开始日期" });
  if (v.recommendDeadline < v.applicationClosesAt) ctx.addIssue({ code: "custom", path: ["recommendDeadline"], message: "推荐截止日期不能早于申报截止日期" });
  if (v.baseReservedPlaces > v.quota) ctx.addIssue({ code: "custom", path: ["baseReservedPlaces"], message: "基地预留名额不能超过遴选名额" });
};

export const createPlanSchema = planFields.superRefine(planRules);
export type PlanInput = z.infer<typeof createPlanSchema>;

/** A change to a plan: its version, and the reason (required once the window opened, checked in the service). */
export const updatePlanSchema = planFields
  .extend({ planId: id("年度计划"), version, reason: z.preprocess(text, z.string().max(500, "修改原因不超过 500 字")) })
  .superRefine(planRules);
export type UpdatePlanInput = z.infer<typeof updatePlanSchema>;

export const PLAN_STEPS_BY_MANAGER = ["open", "close", "reopen", "archive"] as const;
export const planStepSchema = z.object({
  planId: id("年度计划"),
  version: optionalVersion,
  step: z.enum(PLAN_STEPS_BY_MANAGER, { error: "未知的操作" }),
  reason: z.preprocess(text, z.string().max(500, "原因不超过 500 字")),
});

// ─── Applications ──────────────────────────────────────────────────────────────

export const TARGET_ROWS = 4;
export const BUDGET_ROWS = 4;

export type BudgetLine = { item: string; amount: number };
export type TargetLine = { indicator: string; target: number; unit: string };

const moneyOrBlank = z.preprocess(blank, z.coerce.number({ error: "金额须为数字" }).min(0, "金额不能为负").max(100_000_000, "金额过大").optional());

const applicationFields = z.object({
  kind: z.enum(["demonstration", "local"]).catch("demonstration"),
  planId: optionalId,
  programCode: z.enum(PROGRAM_CODES as [ProgramCode, ...ProgramCode[]], { error: "请选择项目类别" }),
  channelOrgId: optionalId,
  title: z.preprocess(text, z.string().min(6, "活动名称至少 6 个字").max(80, "活动名称不超过 80 个字")),
  summary: z.preprocess(text, z.string().max(3000, "活动方案不超过 3000 字")),
  themeFit: z.preprocess(text, z.string().max(1000, "主题契合说明不超过 1000 字")),
  regionCode: z.string({ error: "请选择活动地点" }).regex(/^\d{6}$/, "请选择到区县一级的活动地点"),
  plannedStart: optionalDate("开始日期"),
  plannedEnd: optionalDate("结束日期"),
  plannedExperts: z.preprocess(blank, z.coerce.number({ error: "专家人数须为整数" }).int("专家人数须为整数").min(0).max(200, "专家人数不超过 200").default(0)),
  serviceForms: z.preprocess(list, z.array(z.enum(SERVICE_FORMS as [ServiceForm, ...ServiceForm[]])).max(10)),
  budgetItem: z.preprocess(list, z.array(z.preprocess(text, z.string().max(40, "预算科目不超过 40 字"))).max(BUDGET_ROWS)),
  budgetAmount: z.preprocess(list, z.array(moneyOrBlank).max(BUDGET_ROWS)),
  targetIndicator: z.preprocess(list, z.array(z.preprocess(text, z.string().max(40, "指标名称不超过 40 字"))).max(TARGET_ROWS)),
  targetValue: z.preprocess(list, z.array(moneyOrBlank).max(TARGET_ROWS)),
  targetUnit: z.preprocess(list, z.array(z.preprocess(text, z.string().max(10, "单位不超过 10 字"))).max(TARGET_ROWS)),
  pairedProvinceCode: z.preprocess(blank, z.string().regex(/^\d{2}$/, "请选择结对省份").optional()),
  needIds: z.preprocess(list, z.array(z.string().max(40)).max(20, "关联需求不超过 20 项")),
  intent: z.enum(["draft", "submit"]).catch("draft"),
});

const applicationRules = (v: z.infer<typeof applicationFields>, ctx: z.RefinementCtx) => {
  if (v.plannedStart && v.plannedEnd && v.plannedStart > v.plannedEnd) {
    ctx.addIssue({ code: "custom", path: ["plannedEnd"], message: "结束日期不能早于开始日期" });
  }
  if (v.plannedStart && v.plannedEnd) {
    const days = (Date.parse(v.plannedEnd) - Date.parse(v.plannedStart)) / 86_400_000;
    if (days > 730) ctx.addIssue({ code: "custom", path: ["plannedEnd"], message: "活动周期不超过两年" });
  }
  v.budgetItem.forEach((item, i) => {
    if (item && v.budgetAmount[i] === undefined) ctx.addIssue({ code: "custom", path: ["budgetAmount"], message: `请填写“${item}”的金额` });
  });
  v.targetIndicator.forEach((ind, i) => {
    if (ind && v.targetValue[i] === undefined) ctx.addIssue({ code: "custom", path: ["targetValue"], message: `请填写“${ind}”的目标值` });
  });
};

export const createApplicationSchema = applicationFields.superRefine(applicationRules);
export type ApplicationInput = z.infer<typeof createApplicationSchema>;

export const updateApplicationSchema = applicationFields
  .extend({ activityId: id("示范活动"), version })
  .superRefine(applicationRules);
export type UpdateApplicationInput = z.infer<typeof updateApplicationSchema>;

/** The budget and target lines the form's parallel fields describe (blank rows dropped). */
export function linesOf(v: Pick<ApplicationInput, "budgetItem" | "budgetAmount" | "targetIndicator" | "targetValue" | "targetUnit">) {
  const budget: BudgetLine[] = v.budgetItem.flatMap((item, i) => (item ? [{ item, amount: v.budgetAmount[i] ?? 0 }] : []));
  const targets: TargetLine[] = v.targetIndicator.flatMap((indicator, i) =>
    indicator ? [{ indicator, target: v.targetValue[i] ?? 0, unit: v.targetUnit[i] ?? "" }] : []);
  return { budget, targets };
}

export const activityStepSchema = z.object({ activityId: id("示范活动"), version: optionalVersion });

// ─── Team ──────────────────────────────────────────────────────────────────────

export const TEAM_ROLES = ["专家", "导师", "博士后"] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

export const addTeamMemberSchema = z.object({
  activityId: id("示范活动"),
  expertId: id("专家"),
  role: z.enum(TEAM_ROLES, { error: "请选择团队角色" }),
});
export const removeTeamMemberSchema = z.object({ activityId: id("示范活动"), memberId: id("团队成员") });
export const proposeTeamSchema = z.object({
  activityId: id("示范活动"),
  size: z.coerce.number({ error: "请填写团队人数" }).int().min(1, "团队至少 1 人").max(30, "一次最多推荐 30 人"),
});

// ─── Channel pre-review ────────────────────────────────────────────────────────

export const CHANNEL_DECISIONS = ["recommend", "return", "decline"] as const;
export const channelDecisionSchema = z
  .object({
    activityId: id("示范活动"),
    version: optionalVersion,
    decision: z.enum(CHANNEL_DECISIONS, { error: "请选择预审结论" }),
    reason: z.preprocess(text, z.string().max(500, "意见不超过 500 字")),
  })
  .superRefine((v, ctx) => {
    if (v.decision !== "recommend" && v.reason.length < 2) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: v.decision === "return" ? "退回修改时请写明需要修改的内容" : "不予推荐时请写明原因" });
    }
  });

export const revokeSchema = z.object({ activityId: id("示范活动"), version: optionalVersion, reason: reason("撤回推荐时请写明原因") });
export const approveLocalSchema = z.object({ activityId: id("示范活动"), version: optionalVersion });

export const rankSchema = z.object({
  activityId: id("示范活动"),
  direction: z.enum(["up", "down"], { error: "未知的排序方向" }),
});
export const submitRankingSchema = z.object({
  planId: id("年度计划"),
  channelOrgId: optionalId,
});

// ─── List filters (from the URL) ───────────────────────────────────────────────

export const activitySearchSchema = z.object({
  q: z.string().trim().max(60).optional().catch(undefined),
  plan: z.string().max(40).optional().catch(undefined),
  year: z.coerce.number().int().min(2020).max(2100).optional().catch(undefined),
  program: z.enum(PROGRAM_CODES as [ProgramCode, ...ProgramCode[]]).optional().catch(undefined),
  state: z.enum(ACTIVITY_STATES as [ActivityState, ...ActivityState[]]).optional().catch(undefined),
  province: z.string().regex(/^\d{2}$/).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100000).catch(1),
});
export type ActivitySearch = z.infer<typeof activitySearchSchema>;

export const planSearchSchema = z.object({
  q: z.string().trim().max(60).optional().catch(undefined),
  program: z.enum(PROGRAM_CODES as [ProgramCode, ...ProgramCode[]]).optional().catch(undefined),
  state: z.enum(PLAN_STATES as [PlanState, ...PlanState[]]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100000).catch(1),
});
export type PlanSearch = z.infer<typeof planSearchSchema>;

export const recommendQueueSchema = z.object({ plan: z.string().max(40).optional().catch(undefined) });
