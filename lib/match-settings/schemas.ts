import { z } from "zod";
import { weightsSchema } from "@/lib/matching/weights";

// The ministry's matching settings: the weight of each score part (lib/matching/weights: 0–100 each, at least one
// above 0; the score is the weighted mean of the parts, so only the proportions matter) and the invitation
// response deadline in working days.

export const DEFAULT_INVITE_WORKING_DAYS = 5;

const version = z.coerce.number({ error: "缺少版本号" }).int().min(0);

export const inviteWorkingDaysField = z.coerce
  .number({ error: "请输入整数" })
  .int("请输入整数")
  .min(1, "答复期限至少 1 个工作日")
  .max(20, "答复期限不超过 20 个工作日");

export const settingsSchema = weightsSchema.safeExtend({ inviteWorkingDays: inviteWorkingDaysField, version });
export type SettingsInput = z.infer<typeof settingsSchema>;

export const resetSettingsSchema = z.object({ version });

/** Preview: the top experts of one need under the weights being edited (nothing is saved). */
export const previewSchema = weightsSchema.safeExtend({
  needId: z.string({ error: "请选择一项需求" }).trim().min(1, "请选择一项需求").max(40),
});

/** Applying or rolling back a weights proposal (lib/match-settings/refit-service). */
export const fitActionSchema = z.object({
  id: z.string({ error: "缺少建议编号" }).trim().min(1, "缺少建议编号").max(40),
  version,
});
export const proposeRefitSchema = z.object({});
