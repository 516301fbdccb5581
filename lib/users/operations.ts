import { db } from "@/lib/db";
import type { ActionContext, ActionDefinition } from "@/lib/actions/pipeline";
import { setUserStatusSchema, userIdSchema } from "@/lib/users/schemas";
import { forbidden } from "@/lib/errors";
import { SELF_STATUS, setUserStatus, unlockUser } from "@/lib/users/service";
import { accountScope } from "@/lib/users/scope";

/** The account's province comes from the database (none for ministry accounts: national scope only). */
async function authorizeAccount(ctx: ActionContext<{ userId: string }>) {
  ctx.authorize(await accountScope(db, ctx.input.userId), { type: "User", id: ctx.input.userId });
}

export const unlockUserOp = {
  operation: "user.manage",
  schema: userIdSchema,
  successMessage: "已解除锁定",
  async run(ctx) {
    await authorizeAccount(ctx);
    await db.$transaction(async (tx) => {
      await unlockUser(tx, ctx.input.userId);
      await ctx.audit(tx, { operation: "user.unlock", entityType: "User", entityId: ctx.input.userId, summary: "解除登录锁定" });
    });
    return null;
  },
} satisfies ActionDefinition<typeof userIdSchema, null>;

export const setUserStatusOp = {
  operation: "user.manage",
  schema: setUserStatusSchema,
  async run(ctx) {
    // One's own account is out of a province's scope (staff are managed nationally): say why before the scope check.
    if (ctx.input.userId === ctx.user.id) throw forbidden(SELF_STATUS);
    await authorizeAccount(ctx);
    const { userId, status } = ctx.input;
    await db.$transaction(async (tx) => {
      await setUserStatus(tx, ctx.user.id, userId, status);
      await ctx.audit(tx, {
        operation: status === "ACTIVE" ? "user.enable" : "user.disable",
        entityType: "User",
        entityId: userId,
        summary: status === "ACTIVE" ? "启用账号" : "停用账号",
        before: { status: status === "ACTIVE" ? "DISABLED" : "ACTIVE" },
        after: { status },
      });
    });
    return { status };
  },
} satisfies ActionDefinition<typeof setUserStatusSchema, { status: "ACTIVE" | "DISABLED" }>;
