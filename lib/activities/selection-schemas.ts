import { z } from "zod";
import { idField, versionField } from "@/lib/activities/review-schemas";

const trimmed = (v: unknown) => (typeof v === "string" ? v.trim() : v ?? "");
const optionalVersion = z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.coerce.number().int().min(0).optional());

export const SELECTION_DECISIONS = ["select", "reject"] as const;

/** Every decision, selection or not, carries its reason (recorded on the activity and its timeline). */
export const decideSchema = z.object({
  activityId: idField("申报"),
  version: optionalVersion,
  decision: z.enum(SELECTION_DECISIONS, { error: "请选择入选或不入选" }),
  reason: z.preprocess(trimmed, z.string().min(4, "请填写遴选理由（至少 4 个字）").max(500, "遴选理由不超过 500 字")),
});
export type DecideInput = z.infer<typeof decideSchema>;

export const publishSchema = z.object({ planId: idField("年度计划"), version: versionField });

export const demonstrationSearchSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  program: z.enum(["EXPERT_SERVICE", "OVERSEAS_TALENT", "POSTDOC_SERVICE"]).optional().catch(undefined),
  q: z.string().trim().max(60).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100000).catch(1),
});
export type DemonstrationSearch = z.infer<typeof demonstrationSearchSchema>;
