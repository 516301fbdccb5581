import { db } from "@/lib/db";
import type { ActionDefinition } from "@/lib/actions/pipeline";
import { changePasswordSchema } from "@/lib/account/schemas";
import { changePassword } from "@/lib/account/service";

// Action definitions live outside the "use server" file (which may export only async functions),
// so integration tests can run them through the same pipeline with users from the database.
export const changePasswordOp = {
  operation: "account.changePassword",
  schema: changePasswordSchema,
  successMessage: "密码已修改，请使用新密码重新登录",
  async run({ input, user, authorize, audit }) {
    authorize({ ownerUserId: user.id }, { type: "User", id: user.id });
    await db.$transaction(async (tx) => {
      await changePassword(tx, user.id, input.currentPassword, input.newPassword);
      await audit(tx, { entityType: "User", entityId: user.id, summary: "修改密码" });
    });
    return null;
  },
} satisfies ActionDefinition<typeof changePasswordSchema, null>;
