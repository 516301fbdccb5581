import { z } from "zod";

// Ministry review: assigning reviewers to a recommended application, and a reviewer's rubric scores.
// Form data arrives as strings; repeated keys become arrays (one value does not).

const list = (v: unknown) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]);
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const trimmed = (v: unknown) => (typeof v === "string" ? v.trim() : v ?? "");

export const idField = (what: string) => z.string({ error: `缺少${what}` }).trim().min(1, `缺少${what}`).max(40);
export const versionField = z.preprocess(blankToUndefined, z.coerce.number({ error: "缺少版本号" }).int("版本号不正确").min(0, "版本号不正确"));

/** At least two reviewers look at every application (section 1: 择优遴选, never one reviewer alone). */
export const MIN_REVIEWERS = 2;
export const MAX_REVIEWERS = 7;

export const assignReviewersSchema = z.object({
  activityId: idField("申报"),
  reviewerIds: z.preprocess(list, z.array(z.string().trim().min(1).max(40)).min(1, "请至少选择一名评审专家").max(MAX_REVIEWERS, `一次最多分配 ${MAX_REVIEWERS} 名评审专家`)),
});
export type AssignReviewersInput = z.infer<typeof assignReviewersSchema>;

export const removeReviewerSchema = z.object({ reviewId: idField("评审分配") });

/** The scores arrive as fields `score.<criterionKey>`; the rubric of the plan decides which keys are legal. */
export const SCORE_PREFIX = "score.";

function collectScores(raw: unknown) {
  if (!raw || typeof raw !== "object") return raw;
  const input = raw as Record<string, unknown>;
  const scores: Record<string, unknown> = typeof input.scores === "object" && input.scores ? { ...(input.scores as object) } : {};
  for (const [k, v] of Object.entries(input)) {
    if (!k.startsWith(SCORE_PREFIX)) continue;
    const s = typeof v === "string" ? v.trim() : v;
    scores[k.slice(SCORE_PREFIX.length)] = s === "" || s === undefined ? undefined : typeof s === "string" ? Number(s) : s;
  }
  return { ...input, scores };
}

export const scoreSchema = z.preprocess(collectScores, z.object({
  reviewId: idField("评审分配"),
  version: versionField,
  scores: z.record(z.string().max(40), z.number({ error: "请填写分数" }).optional()),
  comment: z.preprocess(trimmed, z.string().min(10, "请填写评审意见（至少 10 个字）").max(2000, "评审意见不超过 2000 字")),
}));
export type ScoreInput = z.infer<typeof scoreSchema>;

/** 评审状态 filter of the ministry's list. */
export const REVIEW_STATUS_LABEL = { NONE: "未分配", SHORT: "分配不足两人", PENDING: "评分中", DONE: "评分完成" } as const;
export type ReviewStatus = keyof typeof REVIEW_STATUS_LABEL;

export const reviewAssignmentSearchSchema = z.object({
  q: z.string().trim().max(60).optional().catch(undefined),
  plan: z.string().trim().max(40).optional().catch(undefined),
  program: z.enum(["EXPERT_SERVICE", "OVERSEAS_TALENT", "POSTDOC_SERVICE"]).optional().catch(undefined),
  province: z.string().regex(/^\d{2}$/).optional().catch(undefined),
  state: z.enum(["RECOMMENDED", "SELECTED", "NOT_SELECTED", "ALL"]).optional().catch(undefined),
  review: z.enum(["NONE", "SHORT", "PENDING", "DONE"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100000).catch(1),
});
export type ReviewAssignmentSearch = z.infer<typeof reviewAssignmentSearchSchema>;

export const myReviewSearchSchema = z.object({
  status: z.enum(["PENDING", "SUBMITTED", "ALL"]).optional().catch(undefined),
  q: z.string().trim().max(60).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100000).catch(1),
});
export type MyReviewSearch = z.infer<typeof myReviewSearchSchema>;

export const reviewerSearchSchema = z.object({ q: z.string().trim().max(30).optional().catch(undefined) });
