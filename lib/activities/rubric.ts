import { z } from "zod";

// The review rubric of a plan: criteria with weights summing to 100; a reviewer gives each criterion 0..weight points.
// Stored on the plan (AnnualPlan.rubric) so a year's rules stay as they were when its reviews were scored.

export type RubricCriterion = { key: string; label: string; weight: number };

export const DEFAULT_RUBRIC: readonly RubricCriterion[] = [
  { key: "themeFit", label: "主题契合", weight: 20 },
  { key: "realNeeds", label: "需求真实", weight: 20 },
  { key: "expertStrength", label: "专家实力", weight: 20 },
  { key: "feasibility", label: "方案可行", weight: 15 },
  { key: "expectedBenefit", label: "预期成效", weight: 15 },
  { key: "eastWest", label: "东西部协作", weight: 10 },
];

const criterion = z.object({
  key: z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/, "评分项标识只能由字母和数字组成"),
  label: z.string().trim().min(1, "请填写评分项名称").max(20, "评分项名称不超过 20 字"),
  weight: z.number().int("权重须为整数").min(1, "权重至少为 1").max(100, "权重不超过 100"),
});

/** Why a rubric cannot be used (Chinese), or null when it is sound. */
export function rubricRefusal(rubric: readonly RubricCriterion[]): string | null {
  if (rubric.length === 0) return "评审细则至少需要一个评分项";
  const keys = new Set(rubric.map((c) => c.key));
  if (keys.size !== rubric.length) return "评分项不能重复";
  const total = rubric.reduce((s, c) => s + c.weight, 0);
  if (total !== 100) return `评分项权重之和须为 100（当前为 ${total}）`;
  return null;
}

export const rubricSchema = z.array(criterion).superRefine((rubric, ctx) => {
  const refusal = rubricRefusal(rubric);
  if (refusal) ctx.addIssue({ code: "custom", message: refusal });
});

/** The plan's stored rubric, or the default when the plan has none (older plans). */
export function rubricOf(stored: unknown): readonly RubricCriterion[] {
  const parsed = rubricSchema.safeParse(stored);
  return parsed.success && parsed.data.length > 0 ? parsed.data : DEFAULT_RUBRIC;
}

/** Checks a reviewer's scores against the rubric: every criterion, whole points, 0..weight. Returns the refusal or null. */
export function checkScores(rubric: readonly RubricCriterion[], scores: Record<string, unknown>): string | null {
  for (const c of rubric) {
    const v = scores[c.key];
    if (typeof v !== "number" || !Number.isInteger(v)) return `请为“${c.label}”打分（整数）`;
    if (v < 0 || v > c.weight) return `“${c.label}”的得分须在 0 到 ${c.weight} 之间`;
  }
  const extra = Object.keys(scores).find((k) => !rubric.some((c) => c.key === k));
  return extra ? `评分项“${extra}”不在本年度评审细则中` : null;
}

export const rubricTotal = (rubric: readonly RubricCriterion[], scores: Record<string, number>): number =>
  rubric.reduce((s, c) => s + (scores[c.key] ?? 0), 0);

/** The aggregate of the submitted totals: mean, spread (max − min) and whether reviewers disagree strongly. */
export function aggregateScores(totals: readonly number[], disagreementSpread: number) {
  if (totals.length === 0) return { mean: null, spread: null, disagreement: false, count: 0 };
  const mean = totals.reduce((s, v) => s + v, 0) / totals.length;
  const spread = Math.max(...totals) - Math.min(...totals);
  return { mean: Math.round(mean * 10) / 10, spread, disagreement: totals.length >= 2 && spread > disagreementSpread, count: totals.length };
}
