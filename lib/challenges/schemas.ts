import { z } from "zod";
import type { ChallengeState } from "@/lib/generated/prisma/enums";
import { TEAM_ROLES } from "@/lib/activities/schemas";
import { CHALLENGE_STATE_LABEL } from "@/lib/labels";

// Shared by the forms and the actions. Form data arrives as strings; repeated keys become arrays (one value does
// not); rows of a table (team members, milestones) arrive as parallel lists and blank rows are dropped.

const list = (v: unknown): unknown[] => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]);
const str = (v: unknown) => (typeof v === "string" ? v.trim() : "");
const text = (max: number, label: string) => z.preprocess(str, z.string().max(max, `${label}不超过 ${max} 字`));
const id = (what: string) => z.string({ error: `缺少${what}` }).trim().min(1, `缺少${what}`).max(40);
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalVersion = z.preprocess(blankToUndefined, z.coerce.number().int().min(0).optional());
const checkbox = (v: unknown) => v === true || v === "on" || v === "true" || v === "1";
/** One item per line (a textarea) or repeated fields; blank lines dropped. */
const lines = (v: unknown) => list(v).flatMap((x) => str(x).split(/\r?\n/)).map((x) => x.trim()).filter(Boolean);

export const MAX_INDICATORS = 10;
export const MAX_MEMBERS = 8;
export const MAX_MILESTONES = 6;

export const challengeSchema = z.object({
  challengeId: z.preprocess(blankToUndefined, id("题目").optional()),
  version: optionalVersion,
  title: z.string({ error: "请填写题目名称" }).trim().min(6, "题目名称至少 6 个字").max(60, "题目名称不超过 60 个字"),
  problem: z.string({ error: "请描述需要攻关的问题" }).trim().min(20, "问题描述至少 20 个字，说清现状、难点和已做的尝试").max(3000, "问题描述不超过 3000 字"),
  indicators: z.preprocess(lines, z.array(z.string().max(200, "每条技术指标不超过 200 字"))
    .min(1, "请至少填写一条需达到的技术指标（每行一条）").max(MAX_INDICATORS, `技术指标最多 ${MAX_INDICATORS} 条`)),
  requirements: text(1000, "其他要求"),
  rewardYuan: z.preprocess(blankToUndefined, z.coerce.number({ error: "榜单金额必须是数字" }).int("榜单金额请填写整数（元）")
    .min(1, "榜单金额必须大于 0").max(1_000_000_000, "榜单金额超出范围")),
  bidDeadline: z.iso.date({ error: "请填写揭榜截止日期" }),
  ipTerms: z.string({ error: "请填写知识产权约定" }).trim().min(4, "请写明知识产权归属与使用的约定").max(1000, "知识产权约定不超过 1000 字"),
  disciplineCodes: z.preprocess(list, z.array(z.string().max(10)).max(5, "学科领域最多选择 5 个")),
  national: z.preprocess(checkbox, z.boolean()),
  intent: z.enum(["save", "submit"]).catch("save"),
});
export type ChallengeInput = z.infer<typeof challengeSchema>;

export const challengeStepSchema = z.object({ challengeId: id("题目"), version: optionalVersion });

export const verifySchema = z
  .object({
    challengeId: id("题目"),
    version: optionalVersion,
    decision: z.enum(["publish", "return"], { error: "请选择审核结论" }),
    reason: text(500, "意见"),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "return" && v.reason.length < 2) ctx.addIssue({ code: "custom", path: ["reason"], message: "退回修改时请写明需要修改的内容" });
  });

const memberRows = (v: Record<string, unknown>) => {
  const ids = list(v.memberIds).map(str);
  const roles = list(v.memberRoles).map(str);
  return ids.map((expertId, i) => ({ expertId, role: roles[i] ?? "" })).filter((m) => m.expertId !== "");
};
const milestoneRows = (v: Record<string, unknown>) => {
  const titles = list(v.milestoneTitles).map(str);
  const dates = list(v.milestoneDates).map(str);
  return titles.map((title, i) => ({ title, dueOn: dates[i] ?? "" })).filter((m) => m.title !== "" || m.dueOn !== "");
};

export const plannedMilestoneSchema = z.object({
  title: z.string().trim().min(2, "请填写里程碑内容").max(100, "里程碑内容不超过 100 字"),
  dueOn: z.iso.date({ error: "请填写里程碑完成日期" }),
});
export type PlannedMilestone = z.infer<typeof plannedMilestoneSchema>;

export const bidSchema = z.preprocess(
  (v) => (v && typeof v === "object" && !Array.isArray(v)
    ? { ...(v as Record<string, unknown>), members: memberRows(v as Record<string, unknown>), milestones: milestoneRows(v as Record<string, unknown>) }
    : v),
  z.object({
    challengeId: id("题目"),
    proposal: z.string({ error: "请填写揭榜方案" }).trim().min(20, "揭榜方案至少 20 个字，说明技术路线和把握").max(3000, "揭榜方案不超过 3000 字"),
    plan: z.string({ error: "请填写实施计划" }).trim().min(10, "实施计划至少 10 个字").max(2000, "实施计划不超过 2000 字"),
    members: z.array(z.object({ expertId: id("团队成员"), role: z.enum(TEAM_ROLES, { error: "请为每位团队成员选择角色" }) }))
      .max(MAX_MEMBERS, `团队成员最多 ${MAX_MEMBERS} 人（不含负责人）`),
    milestones: z.array(plannedMilestoneSchema).min(1, "请至少填写一个里程碑").max(MAX_MILESTONES, `里程碑最多 ${MAX_MILESTONES} 个`),
  }).superRefine((v, ctx) => {
    if (new Set(v.members.map((m) => m.expertId)).size !== v.members.length) ctx.addIssue({ code: "custom", path: ["members"], message: "同一位专家不能重复加入团队" });
  }),
);
export type BidInput = z.infer<typeof bidSchema>;

export const bidStepSchema = z.object({ bidId: id("揭榜方案") });

export const assignReviewersSchema = z.object({
  challengeId: id("题目"),
  expertIds: z.preprocess(list, z.array(id("评审专家")).min(1, "请至少选择一位评审专家").max(7, "评审专家最多 7 位")),
});

export const scoreBidSchema = z.object({
  bidId: id("揭榜方案"),
  score: z.coerce.number({ error: "请填写评分" }).int("评分请填写整数").min(0, "评分在 0—100 之间").max(100, "评分在 0—100 之间"),
  comment: z.string({ error: "请填写评审意见" }).trim().min(4, "请填写评审意见（至少 4 个字）").max(500, "评审意见不超过 500 字"),
});

export const selectBidSchema = z.object({ challengeId: id("题目"), bidId: id("揭榜方案"), version: optionalVersion });

export const reportMilestoneSchema = z.object({
  milestoneId: id("里程碑"),
  report: z.string({ error: "请填写进展" }).trim().min(4, "请写明完成情况（至少 4 个字）").max(1000, "进展不超过 1000 字"),
});

export const checkMilestoneSchema = z
  .object({ milestoneId: id("里程碑"), decision: z.enum(["pass", "return"], { error: "请选择检查结论" }), reason: text(500, "意见") })
  .superRefine((v, ctx) => {
    if (v.decision === "return" && v.reason.length < 2) ctx.addIssue({ code: "custom", path: ["reason"], message: "退回补充时请写明原因" });
  });

/** The acceptance: for each stated indicator (by position) whether it was met; the verdict follows from them. */
/** The form sends one radio group per indicator (met-0, met-1, …); code may send the list as `met`. */
const metRows = (v: Record<string, unknown>) => {
  if (v.met !== undefined) return list(v.met).map(str);
  const keys = Object.keys(v).flatMap((k) => (/^met-\d+$/.test(k) ? [Number(k.slice(4))] : []));
  const n = keys.length ? Math.max(...keys) + 1 : 0;
  return Array.from({ length: n }, (_, i) => str(v[`met-${i}`]));
};

export const acceptanceSchema = z.preprocess(
  (v) => (v && typeof v === "object" && !Array.isArray(v) ? { ...(v as Record<string, unknown>), met: metRows(v as Record<string, unknown>) } : v),
  z.object({
    challengeId: id("题目"),
    version: optionalVersion,
    met: z.array(z.enum(["yes", "no"], { error: "请逐条判断技术指标是否达到" })).max(MAX_INDICATORS),
    note: z.string({ error: "请填写验收意见" }).trim().min(4, "请填写验收意见（至少 4 个字）").max(1000, "验收意见不超过 1000 字"),
  }),
);

export const confirmSchema = z
  .object({ challengeId: id("题目"), version: optionalVersion, decision: z.enum(["confirm", "dispute"], { error: "请选择" }), reason: text(500, "意见") })
  .superRefine((v, ctx) => {
    if (v.decision === "dispute" && v.reason.length < 4) ctx.addIssue({ code: "custom", path: ["reason"], message: "提出异议时请写明理由" });
  });

export const uploadChallengeFileSchema = z.object({
  challengeId: id("题目"),
  file: z.instanceof(File, { error: "请选择要上传的文件" }).refine((f) => f.size > 0 && f.name !== "", "请选择要上传的文件"),
});
export const removeChallengeFileSchema = z.object({ attachmentId: id("附件") });

// ─── List filters (from the URL) ───────────────────────────────────────────────

export const CHALLENGE_STATES = Object.keys(CHALLENGE_STATE_LABEL) as [ChallengeState, ...ChallengeState[]];
export const challengeSearchSchema = z.object({
  q: z.string().trim().max(60).optional().catch(undefined),
  state: z.enum(CHALLENGE_STATES).optional().catch(undefined),
  province: z.string().regex(/^\d{2}$/).optional().catch(undefined),
  /** "open": only those still taking bids. */
  open: z.enum(["1"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100000).catch(1),
});
export type ChallengeSearch = z.infer<typeof challengeSearchSchema>;
