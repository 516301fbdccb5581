import { z } from "zod";
import { idField, versionField } from "@/lib/activities/review-schemas";

const trimmed = (v: unknown) => (typeof v === "string" ? v.trim() : v ?? "");

export const EVALUATION_GRADES = ["EXCELLENT", "QUALIFIED", "UNQUALIFIED"] as const;
export const EVALUATION_LEVELS = ["PROVINCE", "MINISTRY"] as const;

export const evaluateSchema = z.object({
  activityId: idField("示范活动"),
  version: versionField,
  level: z.enum(EVALUATION_LEVELS, { error: "评估层级不正确" }),
  grade: z.enum(EVALUATION_GRADES, { error: "请选择评估等次" }),
  score: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.coerce.number({ error: "请填写评估得分" }).int("评估得分须为整数").min(0, "评估得分在 0 到 100 之间").max(100, "评估得分在 0 到 100 之间")),
  comment: z.preprocess(trimmed, z.string().min(10, "请填写评估意见（至少 10 个字）").max(2000, "评估意见不超过 2000 字")),
});
export type EvaluateInput = z.infer<typeof evaluateSchema>;

/** A rating of 2 or less needs its reason, so the low mark can be acted on. */
export const LOW_ACTIVITY_RATING = 2;

export const activityFeedbackSchema = z.object({
  activityId: idField("示范活动"),
  rating: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.coerce.number({ error: "请选择评分" }).int("评分须为 1 到 5 的整数").min(1, "评分须为 1 到 5 的整数").max(5, "评分须为 1 到 5 的整数")),
  comment: z.preprocess(trimmed, z.string().max(1000, "评价意见不超过 1000 字")),
}).superRefine((v, ctx) => {
  if (v.rating <= LOW_ACTIVITY_RATING && v.comment.length < 2) {
    ctx.addIssue({ code: "custom", path: ["comment"], message: "评分较低时请写明原因" });
  }
});
export type ActivityFeedbackInput = z.infer<typeof activityFeedbackSchema>;
