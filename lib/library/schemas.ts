import { z } from "zod";
import { NominationState } from "@/lib/generated/prisma/enums";

const id = (what: string) => z.string({ error: `缺少${what}` }).trim().min(1, `缺少${what}`).max(40, `${what}无效`);

/** A checkbox from FormData ("on") or a boolean from a caller. */
const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean());

export const nominateSchema = z.object({
  expertId: id("专家"),
  reason: z.string({ error: "请填写推荐理由" }).trim().min(10, "推荐理由不少于 10 个字").max(1000, "推荐理由不超过 1000 个字"),
  willing: checkbox,
  healthy: checkbox,
});
export type NominateInput = z.infer<typeof nominateSchema>;

export const nominationIdSchema = z.object({ nominationId: id("推荐记录") });

export const decideSchema = z
  .object({
    nominationId: id("推荐记录"),
    decision: z.enum(["ADMIT", "DECLINE"], { error: "请选择同意入库或不同意" }),
    reason: z.string().trim().max(500, "意见不超过 500 个字").optional().default(""),
  })
  .refine((v) => v.decision === "ADMIT" || v.reason.length >= 2, { path: ["reason"], message: "不同意入库须填写理由" });
export type DecideInput = z.infer<typeof decideSchema>;

export const expertIdSchema = z.object({ expertId: id("专家") });

export const exitSchema = z.object({
  expertId: id("专家"),
  reason: z.string({ error: "请填写退出原因" }).trim().min(2, "请填写退出原因").max(500, "退出原因不超过 500 个字"),
});

const page = z.coerce.number().int().min(1).max(100000).catch(1);
const provinceCode = z.string().regex(/^\d{2}$/).optional().catch(undefined);
const q = z.string().trim().max(60).optional().catch(undefined);

export const nominationSearchSchema = z.object({
  q,
  province: provinceCode,
  /** "ALL" shows every state; the default is the pending queue for the ministry, everything for a province. */
  state: z.union([z.enum(NominationState), z.literal("ALL")]).optional().catch(undefined),
  page,
});
export type NominationSearch = z.infer<typeof nominationSearchSchema>;

export const memberSearchSchema = z.object({
  q,
  province: provinceCode,
  discipline: z.string().regex(/^[0-9A-Za-z]{1,10}$/).optional().catch(undefined),
  /** Include members who have not confirmed for 12 months (left out by default). */
  stale: z.preprocess((v) => v === "1" || v === "on" || v === true, z.boolean()).catch(false),
  page,
});
export type MemberSearch = z.infer<typeof memberSearchSchema>;

export const candidateSearchSchema = z.object({ q, page });
export type CandidateSearch = z.infer<typeof candidateSearchSchema>;
