import { db } from "@/lib/db";
import type { ActionDefinition } from "@/lib/actions/pipeline";
import { ROLE_LABEL, type AdminRole } from "@/lib/auth/roles";
import { adminRoleGrantSchema, adminRoleRevokeSchema } from "@/lib/admin-roles/schemas";
import { grantAdminRole, revokeAdminRole } from "@/lib/admin-roles/service";

// The three roles are national (no province or organization); the security administrator's grant is national too,
// so authorizing the empty scope is the whole scope check.
export const grantAdminRoleOp = {
  operation: "adminRole.manage",
  schema: adminRoleGrantSchema,
  successMessage: (r) => `已授予 ${r.displayName} ${ROLE_LABEL[r.role]}角色`,
  async run(ctx) {
    ctx.authorize({});
    return db.$transaction(async (tx) => {
      const user = await grantAdminRole(tx, ctx.user.id, ctx.input.username, ctx.input.role);
      await ctx.audit(tx, {
        operation: "adminRole.manage", entityType: "User", entityId: user.id,
        summary: `授予 ${user.displayName} ${ROLE_LABEL[ctx.input.role]}角色`, after: { role: ctx.input.role },
      });
      return { displayName: user.displayName, role: ctx.input.role };
    });
  },
} satisfies ActionDefinition<typeof adminRoleGrantSchema, { displayName: string; role: AdminRole }>;

export const revokeAdminRoleOp = {
  operation: "adminRole.manage",
  schema: adminRoleRevokeSchema,
  successMessage: "已收回角色",
  async run(ctx) {
    ctx.authorize({});
    await db.$transaction(async (tx) => {
      await revokeAdminRole(tx, ctx.user.id, ctx.input.userId, ctx.input.role);
      await ctx.audit(tx, {
        operation: "adminRole.manage", entityType: "User", entityId: ctx.input.userId,
        summary: `收回${ROLE_LABEL[ctx.input.role]}角色`, before: { role: ctx.input.role },
      });
    });
    return null;
  },
} satisfies ActionDefinition<typeof adminRoleRevokeSchema, null>;
