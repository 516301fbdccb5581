import { z } from "zod";
import type { ServiceForm, Urgency } from "@/lib/generated/prisma/enums";
import { SERVICE_FORM_LABEL, URGENCY_LABEL } from "@/lib/labels";

// Shared by the batch assignment forms and actions. Form data arrives as strings; repeated keys become arrays.

/** One generation covers at most this many needs, so a request stays well inside the server's time limits. */
export const MAX_BATCH_NEEDS = 500;
/** One send covers at most this many invitations (each in its own transaction). */
export const MAX_BATCH_SEND = 300;
export const DEFAULT_PER_NEED = 30;

const list = (v: unknown) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]);
const checkbox = (v: unknown) => v === true || v === "on" || v === "true" || v === "1";
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const id = (what: string) => z.string({ error: `缺少${what}` }).trim().min(1, `缺少${what}`).max(40);

const URGENCIES = Object.keys(URGENCY_LABEL) as [Urgency, ...Urgency[]];
const FORMS = Object.keys(SERVICE_FORM_LABEL) as [ServiceForm, ...ServiceForm[]];

// ─── The queue's filters (from the URL, and repeated in the generate form for "all that match") ────────────────

const queueFilterFields = {
  q: z.string().trim().max(60).optional().catch(undefined),
  region: z.string().regex(/^\d{2}(\d{2}){0,2}$/).optional().catch(undefined),
  urgency: z.enum(URGENCIES).optional().catch(undefined),
  form: z.enum(FORMS).optional().catch(undefined),
};

export const queueSearchSchema = z.object({
  ...queueFilterFields,
  page: z.coerce.number().int().min(1).max(100000).catch(1),
});
export type QueueSearch = z.infer<typeof queueSearchSchema>;
export type QueueFilters = Pick<QueueSearch, "q" | "region" | "urgency" | "form">;

// ─── Generate ───────────────────────────────────────────────────────────────────────

export const generateSchema = z
  .object({
    ...queueFilterFields,
    /** "selected": the ticked needs; "filtered": every need in the queue that matches the filters (first 500). */
    scope: z.enum(["selected", "filtered"], { error: "请选择生成范围" }),
    needIds: z.preprocess(list, z.array(z.string().trim().min(1).max(40)).max(MAX_BATCH_NEEDS, `一次最多为 ${MAX_BATCH_NEEDS} 项需求生成方案，请缩小范围`)),
    minEastern: z.preprocess(checkbox, z.boolean()),
    maxPerEmployer: z.preprocess(
      blankToUndefined,
      z.coerce.number({ error: "请输入整数" }).int("请输入整数").min(1, "至少为 1").max(20, "不超过 20").optional(),
    ),
    perNeed: z.preprocess(
      (v) => blankToUndefined(v) ?? DEFAULT_PER_NEED,
      z.coerce.number({ error: "请输入整数" }).int("请输入整数").min(5, "每项需求至少考虑 5 位候选专家").max(100, "每项需求最多考虑 100 位候选专家"),
    ),
  })
  .superRefine((v, ctx) => {
    if (v.scope === "selected" && v.needIds.length === 0) {
      ctx.addIssue({ code: "custom", path: ["needIds"], message: "请至少勾选一项需求，或选择“全部符合条件的需求”" });
    }
  });
export type GenerateInput = z.infer<typeof generateSchema>;

// ─── Edit and send ──────────────────────────────────────────────────────────────────

export const removeProposalSchema = z.object({ matchId: id("方案中的专家") });
export const addProposalSchema = z.object({ needId: id("需求"), expertId: id("专家") });

export const sendProposalSchema = z.object({
  matchIds: z.preprocess(
    list,
    z.array(z.string().trim().min(1).max(40))
      .min(1, "请至少勾选一位专家")
      .max(MAX_BATCH_SEND, `一次最多发送 ${MAX_BATCH_SEND} 份邀请，请分批发送`),
  ),
});

/** The proposal list's own page and the "add by hand" search (from the URL). */
export const proposalSearchSchema = z.object({
  page: z.coerce.number().int().min(1).max(100000).catch(1),
  /** The need whose "add an expert" search is open, and the search text. */
  addTo: z.string().trim().max(40).optional().catch(undefined),
  expertQ: z.string().trim().max(60).optional().catch(undefined),
});
export type ProposalSearch = z.infer<typeof proposalSearchSchema>;
