import { z } from "zod";
import { NEED_STATE_LABEL, SERVICE_FORM_LABEL } from "@/lib/labels";
import type { NeedState, ServiceForm } from "@/lib/generated/prisma/enums";

// Shared by the forms and the actions. Form data arrives as strings; repeated keys become arrays (one value does
// not), and an unticked checkbox is simply absent.

const list = (v: unknown) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]);
const checkbox = (v: unknown) => v === true || v === "on" || v === "true" || v === "1";
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const id = (what: string) => z.string({ error: `缺少${what}` }).trim().min(1, `缺少${what}`).max(40);
const optionalDate = (label: string) => z.preprocess(blankToUndefined, z.iso.date({ error: `${label}格式不正确` }).optional());

export const DELIVERY_MODES = ["ONSITE", "REMOTE", "EITHER"] as const;
export const URGENCIES = ["LOW", "NORMAL", "HIGH"] as const;
export const PRIORITY_FLAGS = ["breakBottleneck", "promoteTechnology", "raiseFarmerIncome"] as const;
export type PriorityFlag = (typeof PRIORITY_FLAGS)[number];
export const PRIORITY_LABEL: Record<PriorityFlag, string> = {
  breakBottleneck: "突破发展瓶颈", promoteTechnology: "推广应用技术", raiseFarmerIncome: "促进农民增收",
};

const needFields = z.object({
  menuItemIds: z.preprocess(list, z.array(z.string().max(40)).min(1, "请至少选择一项服务").max(10, "最多选择 10 项服务")),
  title: z.string({ error: "请填写需求标题" }).trim().min(4, "需求标题至少 4 个字").max(80, "需求标题不超过 80 个字"),
  bottleneck: z.string({ error: "请描述面临的瓶颈问题" }).trim().min(10, "瓶颈问题至少写 10 个字，说清现状和难点").max(2000, "瓶颈问题不超过 2000 字"),
  disciplineCodes: z.preprocess(list, z.array(z.string().max(10)).min(1, "请至少选择一个学科领域").max(5, "学科领域最多选择 5 个")),
  industryCodes: z.preprocess(list, z.array(z.string().max(10)).max(5, "所属行业最多选择 5 个")),
  regionCode: z.string({ error: "请选择服务地点" }).regex(/^\d{4}(\d{2})?$/, "请选择到区县一级的服务地点"),
  windowStart: optionalDate("开始日期"),
  windowEnd: optionalDate("结束日期"),
  expertsWanted: z.coerce.number({ error: "请填写需要的专家人数" }).int("专家人数必须是整数").min(1, "至少需要 1 名专家").max(20, "专家人数不超过 20 名"),
  delivery: z.enum(DELIVERY_MODES, { error: "请选择服务方式" }),
  expectedOutcome: z.preprocess((v) => v ?? "", z.string().trim().max(1000, "预期成效不超过 1000 字")),
  urgency: z.enum(URGENCIES, { error: "请选择紧迫程度" }),
  breakBottleneck: z.preprocess(checkbox, z.boolean()),
  promoteTechnology: z.preprocess(checkbox, z.boolean()),
  raiseFarmerIncome: z.preprocess(checkbox, z.boolean()),
  onBehalf: z.preprocess(checkbox, z.boolean()),
  onBehalfOf: z.preprocess((v) => (typeof v === "string" ? v.trim() : ""), z.string().max(60, "代填对象名称不超过 60 个字")),
  intent: z.enum(["draft", "submit"]).catch("draft"),
});

const needRules = <T extends z.infer<typeof needFields>>(v: T, ctx: z.RefinementCtx) => {
  if (v.windowStart && v.windowEnd && v.windowStart > v.windowEnd) {
    ctx.addIssue({ code: "custom", path: ["windowEnd"], message: "结束日期不能早于开始日期" });
  }
  if (v.onBehalf && !v.onBehalfOf) {
    ctx.addIssue({ code: "custom", path: ["onBehalfOf"], message: "代填时请写明代哪个村或合作社填报" });
  }
};

export const createNeedSchema = needFields.superRefine(needRules);
export type NeedFormInput = z.infer<typeof createNeedSchema>;

export const updateNeedSchema = needFields
  .extend({ needId: id("需求"), version: z.coerce.number({ error: "缺少版本号" }).int().min(0) })
  .superRefine(needRules);
export type UpdateNeedInput = z.infer<typeof updateNeedSchema>;

const optionalVersion = z.preprocess(blankToUndefined, z.coerce.number().int().min(0).optional());

export const needStepSchema = z.object({ needId: id("需求"), version: optionalVersion });

export const REVIEW_DECISIONS = ["approve", "return", "reject"] as const;
export const reviewNeedSchema = z
  .object({
    needId: id("需求"),
    version: optionalVersion,
    decision: z.enum(REVIEW_DECISIONS, { error: "请选择审核结论" }),
    reason: z.preprocess((v) => (typeof v === "string" ? v.trim() : ""), z.string().max(500, "意见不超过 500 字")),
  })
  .superRefine((v, ctx) => {
    if (v.decision !== "approve" && v.reason.length < 2) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: v.decision === "return" ? "退回修改时请写明需要修改的内容" : "不予通过时请写明原因" });
    }
  });

export const uploadAttachmentSchema = z.object({
  needId: id("需求"),
  file: z.instanceof(File, { error: "请选择要上传的文件" }).refine((f) => f.size > 0 && f.name !== "", "请选择要上传的文件"),
});
export const removeAttachmentSchema = z.object({ attachmentId: id("附件") });

// ─── List filters (from the URL) ───────────────────────────────────────────────

export const NEED_STATES = Object.keys(NEED_STATE_LABEL) as NeedState[];
export const SERVICE_FORMS = Object.keys(SERVICE_FORM_LABEL) as ServiceForm[];
export const NEED_SORTS = { newest: "最新填报", submitted: "最近提交", urgency: "紧迫程度", priority: "优先方向" } as const;
export type NeedSort = keyof typeof NEED_SORTS;

const flag = z.preprocess(checkbox, z.boolean()).catch(false);

export const needSearchSchema = z.object({
  q: z.string().trim().max(60).optional().catch(undefined),
  /** "ALL" is an explicit choice; absent means the role's default (待审核 for reviewers). */
  state: z.enum(["ALL", ...NEED_STATES] as [string, ...string[]]).optional().catch(undefined),
  region: z.string().regex(/^\d{2}(\d{2}){0,2}$/).optional().catch(undefined),
  discipline: z.string().max(10).regex(/^[0-9A-Za-z]+$/).optional().catch(undefined),
  form: z.enum(SERVICE_FORMS as [ServiceForm, ...ServiceForm[]]).optional().catch(undefined),
  menuItem: z.string().max(40).optional().catch(undefined),
  breakBottleneck: flag,
  promoteTechnology: flag,
  raiseFarmerIncome: flag,
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  sort: z.enum(Object.keys(NEED_SORTS) as [NeedSort, ...NeedSort[]]).catch("newest"),
  page: z.coerce.number().int().min(1).max(100000).catch(1),
});
export type NeedSearch = z.infer<typeof needSearchSchema>;
