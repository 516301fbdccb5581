import { z } from "zod";

// The parts of a match score and their default weights (the ministry may change them on the settings page).
// The score is the weighted mean of the parts, each in [0, 1], so it is in [0, 1] whatever the weights.

export const SCORE_PARTS = [
  "discipline", "industry", "text", "form", "region", "availability", "load", "talent", "feedback", "library",
] as const;
export type ScorePart = (typeof SCORE_PARTS)[number];
export type Weights = Record<ScorePart, number>;

export const SCORE_PART_LABEL: Record<ScorePart, string> = {
  discipline: "学科吻合", industry: "行业吻合", text: "内容相关", form: "服务形式", region: "地域",
  availability: "时间可安排", load: "当前负荷", talent: "人才类别", feedback: "服务反馈", library: "重点联系专家库",
};

export const DEFAULT_WEIGHTS: Weights = {
  discipline: 25, industry: 8, text: 25, form: 8, region: 10, availability: 6, load: 5, talent: 5, feedback: 5, library: 3,
};

/** Saved weights over the defaults (a part missing or malformed in the saved value takes its default). */
export function weightsOver(saved: unknown): Weights {
  const s = (saved && typeof saved === "object" ? saved : {}) as Partial<Record<string, unknown>>;
  return Object.fromEntries(SCORE_PARTS.map((p) => [p, typeof s[p] === "number" ? s[p] : DEFAULT_WEIGHTS[p]])) as Weights;
}

const weightField = z.coerce.number({ error: "请输入数字" }).min(0, "不能为负数").max(100, "不超过 100");

export const weightsSchema = z
  .object(Object.fromEntries(SCORE_PARTS.map((p) => [p, weightField])) as Record<ScorePart, typeof weightField>)
  // Only the weights count (schemas that extend this one add other fields).
  .refine((w) => SCORE_PARTS.some((p) => w[p] > 0), { message: "至少一项权重大于 0", path: ["weights"] });
