import { z } from "zod";
import type { BaseField, CaseSourceKind, CaseState, ServiceForm } from "@/lib/generated/prisma/enums";
import { BASE_FIELD_LABEL, CASE_STATE_LABEL, SERVICE_FORM_LABEL } from "@/lib/labels";
import { storyText } from "@/lib/cases/sanitize";

// Shared by the forms and the actions. Form data arrives as strings; repeated keys become arrays.

const list = (v: unknown) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]);
const id = (what: string) => z.string({ error: `缺少${what}` }).trim().min(1, `缺少${what}`).max(40);
const version = z.coerce.number({ error: "缺少版本号" }).int().min(0);
const text = (max: number, label: string) =>
  z.preprocess((v) => (typeof v === "string" ? v.trim() : ""), z.string().max(max, `${label}不超过 ${max} 字`));
const reason = z.preprocess((v) => (typeof v === "string" ? v.trim() : ""), z.string().max(500, "原因不超过 500 字"));

export const CASE_FIELDS = Object.keys(BASE_FIELD_LABEL) as [BaseField, ...BaseField[]];
export const CASE_FORMS = Object.keys(SERVICE_FORM_LABEL) as [ServiceForm, ...ServiceForm[]];
export const CASE_STATES = Object.keys(CASE_STATE_LABEL) as [CaseState, ...CaseState[]];
export const CASE_SOURCE_KINDS = ["ENGAGEMENT", "ACTIVITY", "CHALLENGE"] as const satisfies readonly CaseSourceKind[];

/** The story's size limits (characters of HTML, and of its text). */
export const MAX_BODY_HTML = 60_000;
export const MIN_BODY_TEXT = 100;
export const MIN_SUMMARY = 20;

export const createCaseSchema = z.object({
  sourceKind: z.enum(CASE_SOURCE_KINDS, { error: "请选择案例来源" }),
  sourceId: id("案例来源"),
});

export const caseSchema = z.object({
  caseId: id("案例"),
  version,
  title: text(80, "标题").pipe(z.string().min(4, "请填写标题（至少 4 个字）")),
  summary: text(300, "摘要"),
  body: z.preprocess((v) => (typeof v === "string" ? v : ""), z.string().max(MAX_BODY_HTML, "正文过长，请精简或拆分")),
  field: z.preprocess((v) => (v === "" ? undefined : v), z.enum(CASE_FIELDS, { error: "请选择领域" }).optional()),
  forms: z.preprocess(list, z.array(z.enum(CASE_FORMS, { error: "服务形式无效" })).max(CASE_FORMS.length)),
  replicable: z.preprocess((v) => v === "1" || v === "on" || v === true || v === "true", z.boolean()),
});
export type CaseInput = z.infer<typeof caseSchema>;

/** What a case sent for review must contain (a draft may lack any of it), by form field, in Chinese. */
export function missingForReview(c: { title: string; summary: string; body: string; field: BaseField | null; forms: readonly ServiceForm[] }): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (c.summary.trim().length < MIN_SUMMARY) out.summary = [`请填写摘要（至少 ${MIN_SUMMARY} 个字）`];
  if (storyText(c.body).length < MIN_BODY_TEXT) out.body = [`请撰写案例正文（至少 ${MIN_BODY_TEXT} 个字）`];
  if (!c.field) out.field = ["请选择领域"];
  if (!c.forms.length) out.forms = ["请至少选择一种服务形式"];
  return out;
}

export const caseStepSchema = z.object({ caseId: id("案例"), version });

/** The reviewer's decision on a case in review. */
export const reviewCaseSchema = z.object({
  caseId: id("案例"),
  version,
  decision: z.enum(["publish", "return", "reject"], { error: "请选择审核结果" }),
  reason,
});

export const withdrawCaseSchema = z.object({ caseId: id("案例"), version, reason });

export const uploadImageSchema = z.object({
  caseId: id("案例"),
  file: z.instanceof(File, { error: "请选择图片" }).refine((f) => f.size > 0 && f.name !== "", "请选择图片"),
});
export const removeImageSchema = z.object({ attachmentId: id("图片") });

/** The console's list of cases. */
export const caseSearchSchema = z.object({
  q: z.string().trim().max(60).optional().catch(undefined),
  state: z.enum(CASE_STATES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100000).catch(1),
});
export type CaseSearch = z.infer<typeof caseSearchSchema>;

/** The public case library: search and the four tags. */
export const publicCaseSearchSchema = z.object({
  q: z.string().trim().max(60).optional().catch(undefined),
  field: z.enum(CASE_FIELDS).optional().catch(undefined),
  form: z.enum(CASE_FORMS).optional().catch(undefined),
  region: z.string().regex(/^\d{2}$/).optional().catch(undefined),
  replicable: z.enum(["1"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10000).catch(1),
});
export type PublicCaseSearch = z.infer<typeof publicCaseSearchSchema>;
