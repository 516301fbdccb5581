import { z } from "zod";
import { db } from "@/lib/db";
import type { ActionDefinition } from "@/lib/actions/pipeline";
import { saveSecuritySettings } from "@/lib/security/service";

export const securitySettingsSchema = z.object({
  allowLegacyOffice: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
  version: z.coerce.number().int().min(0),
});

/** 上传安全策略: whether macro-capable Office files may be uploaded; national business, audited. */
export const saveSecuritySettingsOp = {
  operation: "security.settings",
  schema: securitySettingsSchema,
  successMessage: "上传安全策略已保存",
  async run(ctx) {
    ctx.authorize({ provinceCode: null });
    await db.$transaction(async (tx) => {
      await saveSecuritySettings(tx, ctx.user.id, ctx.input);
      await ctx.audit(tx, {
        entityType: "SecuritySettings", entityId: "default",
        summary: ctx.input.allowLegacyOffice ? "允许上传旧版及含宏 Office 文件" : "禁止上传旧版及含宏 Office 文件",
        after: { allowLegacyOffice: ctx.input.allowLegacyOffice },
      });
    });
    return null;
  },
} satisfies ActionDefinition<typeof securitySettingsSchema, null>;
