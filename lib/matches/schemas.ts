import { z } from "zod";

// Shared by the matching forms and their actions (form data arrives as strings).

const id = (what: string) => z.string({ error: `缺少${what}` }).trim().min(1, `缺少${what}`).max(40);
const version = z.coerce.number({ error: "缺少版本号，请刷新后重试" }).int().min(0);
const text = (max: number) => z.preprocess((v) => (typeof v === "string" ? v.trim() : ""), z.string().max(max, `不超过 ${max} 字`));
const blankToNull = (v: unknown) => (v === undefined || v === null || (typeof v === "string" && v.trim() === "") ? null : v);

export const inviteSchema = z.object({ needId: id("需求"), expertId: id("专家") });

export const assignSchema = z.object({
  needId: id("需求"),
  expertId: id("专家"),
  reason: text(500).pipe(z.string().min(5, "请写明指派理由（至少 5 个字），专家和单位都会看到")),
});

export const withdrawSchema = z.object({
  matchId: id("匹配记录"),
  version,
  reason: text(500).pipe(z.string().min(2, "请写明撤回原因")),
});

export const RESPONSES = ["accept", "decline"] as const;
export const respondSchema = z
  .object({
    matchId: id("邀请"),
    version,
    decision: z.enum(RESPONSES, { error: "请选择接受或婉拒" }),
    reason: text(500),
    offeredHours: z.preprocess(
      blankToNull,
      z.coerce.number({ error: "可投入时间须为数字" }).int("可投入时间须为整数小时").min(1, "可投入时间至少 1 小时").max(2000, "可投入时间不超过 2000 小时").nullable(),
    ),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "decline" && v.reason.length < 2) ctx.addIssue({ code: "custom", path: ["reason"], message: "婉拒时请写明原因，便于省级重新安排" });
  });

export const applySchema = z.object({
  needId: id("需求"),
  note: text(500).pipe(z.string().min(5, "请简要说明您的相关经验和可服务时间（至少 5 个字）")),
});

export const APPLICATION_DECISIONS = ["approve", "reject"] as const;
export const decideApplicationSchema = z
  .object({
    matchId: id("申请"),
    version,
    decision: z.enum(APPLICATION_DECISIONS, { error: "请选择同意或不同意" }),
    reason: text(500),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "reject" && v.reason.length < 2) ctx.addIssue({ code: "custom", path: ["reason"], message: "不同意时请写明原因" });
  });
