import { z } from "zod";
import { COMMENDATION_STATE_LABEL } from "@/lib/labels";

const id = (what: string) => z.string({ error: `缺少${what}` }).trim().min(1, `缺少${what}`).max(40);
const year = z.coerce.number({ error: "请选择年度" }).int("请选择年度").min(2020, "年度不早于 2020 年").max(2100, "年度有误");
const flag = z.preprocess((v) => v === "1" || v === "on" || v === "true" || v === true, z.boolean());

export const COMMENDATION_STATES = Object.keys(COMMENDATION_STATE_LABEL) as ["PENDING", "APPROVED", "REJECTED", "WITHDRAWN"];

export const nominateSchema = z.object({
  expertId: id("专家"),
  year,
  reason: z.string().trim().min(10, "请写明推荐理由（至少 10 个字）").max(1000, "推荐理由不超过 1000 字"),
  priority: flag,
});

export const decideSchema = z.object({
  commendationId: id("表彰推荐"),
  version: z.coerce.number().int().min(0),
  decision: z.enum(["approve", "reject"], { error: "请选择审定结果" }),
  reason: z.preprocess((v) => (typeof v === "string" ? v.trim() : ""), z.string().max(500, "意见不超过 500 字")),
});

export const withdrawSchema = z.object({
  commendationId: id("表彰推荐"),
  version: z.coerce.number().int().min(0),
  reason: z.string().trim().min(5, "撤回时请写明原因（至少 5 个字）").max(500, "原因不超过 500 字"),
});

/** The list's filters (and its download's). */
export const commendationSearchSchema = z.object({
  q: z.string().trim().max(60).optional().catch(undefined),
  year: z.coerce.number().int().min(2020).max(2100).optional().catch(undefined),
  state: z.enum(COMMENDATION_STATES).optional().catch(undefined),
  priority: z.preprocess((v) => (v === "1" ? true : undefined), z.literal(true).optional()).catch(undefined),
  page: z.coerce.number().int().min(1).catch(1).default(1),
});
export type CommendationSearch = z.infer<typeof commendationSearchSchema>;

export const candidateSearchSchema = z.object({
  year: z.coerce.number().int().min(2020).max(2100).optional().catch(undefined),
  q: z.string().trim().max(60).optional().catch(undefined),
  page: z.coerce.number().int().min(1).catch(1).default(1),
});
export type CandidateSearch = z.infer<typeof candidateSearchSchema>;

/** The service figures a nomination rests on: the expert's unit-confirmed service in the year (frozen when nominated). */
export type CommendationFigures = {
  hours: number; days: number; records: number; units: number; peopleServed: number; peopleTrained: number;
  feedbackCount: number; averageRating: number | null; activities: number;
};
