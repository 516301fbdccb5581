import { z } from "zod";
import type { BaseField, BaseLevel, BaseState, EvaluationGrade } from "@/lib/generated/prisma/enums";
import { BASE_FIELD_LABEL, BASE_STATE_LABEL } from "@/lib/labels";

// Shared by the forms and the actions. Form data arrives as strings; repeated keys become arrays.

const list = (v: unknown) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]);
const text = (max: number, label: string) =>
  z.preprocess((v) => (typeof v === "string" ? v.trim() : ""), z.string().max(max, `${label}不超过 ${max} 字`));
const count = (label: string, max = 1_000_000) =>
  z.preprocess((v) => (v === "" || v === undefined || v === null ? 0 : v),
    z.coerce.number({ error: `${label}必须是数字` }).int(`${label}必须是整数`).min(0, `${label}不能为负数`).max(max, `${label}超出范围`));
const id = (what: string) => z.string({ error: `缺少${what}` }).trim().min(1, `缺少${what}`).max(40);
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalVersion = z.preprocess(blankToUndefined, z.coerce.number().int().min(0).optional());

export const BASE_LEVELS = ["PROVINCIAL", "NATIONAL"] as const satisfies readonly BaseLevel[];
export const BASE_FIELDS = Object.keys(BASE_FIELD_LABEL) as [BaseField, ...BaseField[]];
export const BASE_STATES = Object.keys(BASE_STATE_LABEL) as [BaseState, ...BaseState[]];
export const GRADES = ["EXCELLENT", "QUALIFIED", "UNQUALIFIED"] as const satisfies readonly EvaluationGrade[];

/** The facts behind the four criteria of section 6, stored as ServiceBase.facts (developmentPlan and rules have columns). */
export const baseFactsSchema = z.object({
  innovation: z.string().default(""), // 创新实力
  research: z.string().default(""), // 科研基础
  seniorExperts: z.number().int().default(0), // 副高以上专家人数
  platforms: z.number().int().default(0), // 省级以上科研平台数
  patents: z.number().int().default(0), // 近三年专利、标准、品种等成果数
});
export type BaseFacts = z.infer<typeof baseFactsSchema>;

export const PLANNED_FORMS = ["决策咨询", "技术指导", "人才培养", "联合攻关", "科技推广"] as const;
export const plannedActivitySchema = z.object({
  title: z.string(), month: z.number().int().min(1).max(12), form: z.enum(PLANNED_FORMS),
});
export type PlannedActivity = z.infer<typeof plannedActivitySchema>;

/** What a submitted application must contain (a draft may lack any of it). */
export type ApplicationContent = {
  focus: string; developmentPlan: string; rules: string; facts: BaseFacts; plannedActivities: PlannedActivity[];
};

/** The missing or too-thin facts of an application, by form field, in Chinese (empty: complete). */
export function missingFacts(a: ApplicationContent): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const need = (ok: boolean, field: string, message: string) => { if (!ok) out[field] = [message]; };
  need(a.focus.length >= 6, "focus", "请填写服务方向（至少 6 个字）");
  need(a.facts.innovation.length >= 10, "innovation", "请说明创新实力（至少 10 个字）");
  need(a.facts.research.length >= 10, "research", "请说明科研基础（至少 10 个字）");
  need(a.facts.seniorExperts >= 1, "seniorExperts", "请填写副高以上专家人数（至少 1 人）");
  need(a.developmentPlan.length >= 20, "developmentPlan", "请填写发展规划（至少 20 个字）");
  need(a.rules.length >= 10, "rules", "请列出内部管理制度（至少 10 个字）");
  need(a.plannedActivities.length >= 1, "plannedActivities", "请至少填写一项年度计划活动");
  return out;
}

export const MAX_PLANNED = 6;

export const applicationSchema = z
  .object({
    baseId: z.preprocess(blankToUndefined, z.string().max(40).optional()),
    version: optionalVersion,
    name: z.string({ error: "请填写基地名称" }).trim().min(6, "基地名称至少 6 个字").max(60, "基地名称不超过 60 个字"),
    level: z.enum(BASE_LEVELS, { error: "请选择申请级别" }),
    field: z.enum(BASE_FIELDS, { error: "请选择服务领域" }),
    focus: text(200, "服务方向"),
    innovation: text(2000, "创新实力"),
    research: text(2000, "科研基础"),
    seniorExperts: count("副高以上专家人数", 10_000),
    platforms: count("科研平台数", 1000),
    patents: count("成果数", 100_000),
    developmentPlan: text(3000, "发展规划"),
    rules: text(2000, "内部管理制度"),
    activityTitle: z.preprocess(list, z.array(z.string().trim().max(60, "活动名称不超过 60 个字")).max(MAX_PLANNED)),
    activityMonth: z.preprocess(list, z.array(z.string()).max(MAX_PLANNED)),
    activityForm: z.preprocess(list, z.array(z.string()).max(MAX_PLANNED)),
    intent: z.enum(["draft", "submit"]).catch("draft"),
  })
  .transform((v, ctx) => {
    const plannedActivities: PlannedActivity[] = [];
    v.activityTitle.forEach((title, i) => {
      if (!title) return;
      const parsed = plannedActivitySchema.safeParse({ title, month: Number(v.activityMonth[i]), form: v.activityForm[i] });
      if (parsed.success) plannedActivities.push(parsed.data);
      else ctx.addIssue({ code: "custom", path: ["plannedActivities"], message: `第 ${i + 1} 项计划活动的月份或形式不正确` });
    });
    const content: ApplicationContent = {
      focus: v.focus, developmentPlan: v.developmentPlan, rules: v.rules, plannedActivities,
      facts: { innovation: v.innovation, research: v.research, seniorExperts: v.seniorExperts, platforms: v.platforms, patents: v.patents },
    };
    if (v.intent === "submit") {
      for (const [path, messages] of Object.entries(missingFacts(content))) ctx.addIssue({ code: "custom", path: [path], message: messages[0] });
    }
    return { baseId: v.baseId, version: v.version, name: v.name, level: v.level, field: v.field, intent: v.intent, ...content };
  });
export type ApplicationInput = z.infer<typeof applicationSchema>;

export const baseStepSchema = z.object({ baseId: id("基地"), version: optionalVersion });

export const reviewBaseSchema = z
  .object({
    baseId: id("基地"),
    version: optionalVersion,
    decision: z.enum(["approve", "return", "reject"], { error: "请选择审核结论" }),
    reason: text(500, "意见"),
  })
  .superRefine((v, ctx) => {
    if (v.decision !== "approve" && v.reason.length < 2) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: v.decision === "return" ? "退回修改时请写明需要修改的内容" : "不予通过时请写明原因" });
    }
  });

export const nationalDecisionSchema = z
  .object({
    baseId: id("基地"),
    version: optionalVersion,
    decision: z.enum(["approveNational", "rejectNational"], { error: "请选择审定结论" }),
    reason: text(500, "意见"),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "rejectNational" && v.reason.length < 2) ctx.addIssue({ code: "custom", path: ["reason"], message: "不予设立时请写明原因" });
  });

export const annualReportSchema = z.object({
  baseId: id("基地"),
  year: z.coerce.number({ error: "请选择报告年度" }).int().min(2000, "报告年度不正确").max(2100, "报告年度不正确"),
  content: z.string({ error: "请填写年度开展的活动" }).trim().min(10, "年度开展的活动至少写 10 个字").max(3000, "不超过 3000 字"),
  activitiesCount: count("开展活动次数"),
  expertsCount: count("组织专家人次"),
  peopleTrained: count("培养人才人数"),
  results: text(2000, "主要成果"),
});

export const SCORE_ITEMS = ["服务活动", "专家组织", "人才培养", "管理制度"] as const;
export const SCORE_FIELDS = ["scoreActivities", "scoreExperts", "scoreTraining", "scoreManagement"] as const;
const score = (label: string) =>
  z.coerce.number({ error: `请为“${label}”打分` }).int(`“${label}”须为整数`).min(0, `“${label}”为 0—25 分`).max(25, `“${label}”为 0—25 分`);

export const evaluationSchema = z
  .object({
    baseId: id("基地"),
    year: z.coerce.number({ error: "请选择评估年度" }).int().min(2000, "评估年度不正确").max(2100, "评估年度不正确"),
    grade: z.enum(GRADES, { error: "请选择评估等次" }),
    scoreActivities: score("服务活动"),
    scoreExperts: score("专家组织"),
    scoreTraining: score("人才培养"),
    scoreManagement: score("管理制度"),
    comment: text(1000, "评估意见"),
  })
  .superRefine((v, ctx) => {
    if (v.grade === "UNQUALIFIED" && v.comment.length < 4) ctx.addIssue({ code: "custom", path: ["comment"], message: "评为不合格时请写明问题" });
  });
export type EvaluationInput = z.infer<typeof evaluationSchema>;

export const rectificationSchema = z.object({
  baseId: id("基地"),
  version: optionalVersion,
  reason: z.string({ error: "请填写整改事由" }).trim().min(4, "请写明整改事由").max(1000, "整改事由不超过 1000 字"),
  // One required item per line.
  items: z.preprocess(
    (v) => (typeof v === "string" ? v.split(/\r?\n/).map((s) => s.trim()).filter(Boolean) : list(v)),
    z.array(z.string().max(200, "每项整改要求不超过 200 字")).min(1, "请至少列出一项整改要求").max(20, "整改要求最多 20 项"),
  ),
  /** Empty: 12 months from today (China time). */
  deadline: z.preprocess(blankToUndefined, z.iso.date({ error: "整改期限格式不正确" }).optional()),
  evaluationYear: z.preprocess(blankToUndefined, z.coerce.number().int().min(2000).max(2100).optional()),
});

export const respondSchema = z.object({
  orderId: id("整改通知"),
  response: z.string({ error: "请填写整改情况" }).trim().min(10, "整改情况至少写 10 个字，说明逐项落实情况").max(3000, "整改情况不超过 3000 字"),
});

export const reEvaluateSchema = z
  .object({
    orderId: id("整改通知"),
    decision: z.enum(["pass", "remove"], { error: "请选择复评结论" }),
    reason: text(1000, "复评意见"),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "remove" && v.reason.length < 4) ctx.addIssue({ code: "custom", path: ["reason"], message: "调整退出时请写明原因（将在公开名单中公布）" });
  });

export const baseSearchSchema = z.object({
  q: z.string().trim().max(60).optional().catch(undefined),
  level: z.enum(BASE_LEVELS).optional().catch(undefined),
  field: z.enum(BASE_FIELDS).optional().catch(undefined),
  region: z.string().regex(/^\d{2}(\d{2}){0,2}$/).optional().catch(undefined),
  /** "ALL" is an explicit choice; absent means the page's default. */
  state: z.enum(["ALL", ...BASE_STATES] as [string, ...string[]]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100000).catch(1),
});
export type BaseSearch = z.infer<typeof baseSearchSchema>;

/** Evidence files: of an application (the four criteria) or of the answer to a rectification order. */
export const EVIDENCE_KINDS = ["application", "rectification"] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
export const uploadEvidenceSchema = z.object({
  ownerId: id("基地或整改通知"),
  file: z.instanceof(File, { error: "请选择要上传的文件" }).refine((f) => f.size > 0 && f.name !== "", "请选择要上传的文件"),
});
export const removeEvidenceSchema = z.object({ attachmentId: id("附件") });
