import { db } from "@/lib/db";
import type { ActionDefinition } from "@/lib/actions/pipeline";
import { mfaBeginSchema, mfaConfirmSchema } from "@/lib/mfa/schemas";
import { beginEnrolment, confirmEnrolment } from "@/lib/mfa/service";

// One's own second factor: the grant is `self`, the record is the signed-in account.
export const beginMfaOp = {
  operation: "account.mfa",
  schema: mfaBeginSchema,
  successMessage: "请用验证器应用扫描二维码，然后输入显示的 6 位动态口令",
  async run(ctx) {
    ctx.authorize({ ownerUserId: ctx.user.id }, { type: "User", id: ctx.user.id });
    await db.$transaction(async (tx) => {
      await beginEnrolment(tx, ctx.user.id);
      await ctx.audit(tx, { operation: "account.mfa", entityType: "User", entityId: ctx.user.id, summary: "开始设置双因素认证（生成新密钥）" });
    });
    return null;
  },
} satisfies ActionDefinition<typeof mfaBeginSchema, null>;

export const confirmMfaOp = {
  operation: "account.mfa",
  schema: mfaConfirmSchema,
  successMessage: "双因素认证已启用。请立即抄下恢复码并妥善保存：它们只显示这一次。",
  async run(ctx) {
    ctx.authorize({ ownerUserId: ctx.user.id }, { type: "User", id: ctx.user.id });
    return db.$transaction(async (tx) => {
      const recoveryCodes = await confirmEnrolment(tx, ctx.user.id, ctx.input.code);
      await ctx.audit(tx, { operation: "account.mfa", entityType: "User", entityId: ctx.user.id, summary: "启用双因素认证（动态口令），生成 10 个恢复码" });
      return { recoveryCodes };
    });
  },
} satisfies ActionDefinition<typeof mfaConfirmSchema, { recoveryCodes: string[] }>;
