import { db } from "@/lib/db";
import type { ActionContext, ActionDefinition } from "@/lib/actions/pipeline";
import { ROLE_LABEL, type AdminRole } from "@/lib/auth/roles";
import { adminAccountCreateSchema, adminRoleGrantSchema, adminRoleRevokeSchema } from "@/lib/admin-roles/schemas";
import { grantAdminRole, revokeAdminRole } from "@/lib/admin-roles/service";
import { forbidden, tooMany } from "@/lib/errors";
import { mfaEnforced } from "@/lib/mfa/policy";
import { clearSecondFactor } from "@/lib/mfa/service";
import { LIMITS, overLimit } from "@/lib/security/rate-limit";
import { adminRoleOf, createAccount, resetPassword } from "@/lib/users/accounts";
import { userIdSchema } from "@/lib/users/schemas";

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

/**
 * 新建三员账号: a dedicated account holding the one role, created by the security administrator, its one-time password
 * shown once to them (a business administrator who created the account would know it).
 */
export const createAdminAccountOp = {
  operation: "adminRole.manage",
  schema: adminAccountCreateSchema,
  successMessage: (r) => `已新建${ROLE_LABEL[r.role]}账号 ${r.username}`,
  async run(ctx) {
    ctx.authorize({});
    const { username, displayName, role } = ctx.input;
    return db.$transaction(async (tx) => {
      const created = await createAccount(tx, { username, displayName }, { role, organizationId: null, provinceCode: null });
      await ctx.audit(tx, {
        operation: "adminRole.manage", entityType: "User", entityId: created.id,
        summary: `新建三员账号 ${created.username}（${displayName}，${ROLE_LABEL[role]}）`, after: { username: created.username, role },
      });
      return { userId: created.id, username: created.username, role, oneTimePassword: created.oneTimePassword };
    });
  },
} satisfies ActionDefinition<typeof adminAccountCreateSchema, { userId: string; username: string; role: AdminRole; oneTimePassword: string }>;

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

/**
 * The account a security administrator may reset: another holder of a 三员 role (business administrators may not:
 * lib/users/operations.ts authorizeAccount), within the same hourly limit as other resets.
 */
async function adminAccountToReset(ctx: ActionContext<{ userId: string }>, limitKey: string): Promise<AdminRole> {
  ctx.authorize({}, { type: "User", id: ctx.input.userId });
  if (ctx.input.userId === ctx.user.id) throw forbidden("不能重置自己的账号（本人的密码和二次验证在“账号设置”中修改）");
  const role = await adminRoleOf(db, ctx.input.userId);
  if (!role) throw forbidden("这里只重置三员账号；其他账号由部级或省级管理员在账号管理中重置");
  if (await overLimit(db, `${limitKey}:actor:${ctx.user.id}`, LIMITS.passwordResetPerActor)) throw tooMany("重置过于频繁，请一小时后再试");
  return role;
}

/** 重置三员账号的密码: a one-time password shown once, to be changed at the next sign-in; every session ends. */
export const resetAdminPasswordOp = {
  operation: "adminRole.manage",
  schema: userIdSchema,
  successMessage: "密码已重置，请将一次性密码告知本人",
  async run(ctx) {
    const role = await adminAccountToReset(ctx, "reset");
    return db.$transaction(async (tx) => {
      const r = await resetPassword(tx, ctx.user.id, ctx.input.userId);
      await ctx.audit(tx, {
        operation: "user.resetPassword", entityType: "User", entityId: ctx.input.userId,
        summary: `重置${ROLE_LABEL[role]} ${r.username} 的密码（一次性密码，须在下次登录时修改）`,
      });
      return r;
    });
  },
} satisfies ActionDefinition<typeof userIdSchema, { username: string; oneTimePassword: string }>;

/** 重置三员账号的二次验证 (the holder lost the phone): secret and recovery codes cleared, every session ends. */
export const resetAdminMfaOp = {
  operation: "adminRole.manage",
  schema: userIdSchema,
  successMessage: () => (mfaEnforced() ? "二次验证已重置，本人下次登录时须重新设置" : "二次验证已重置，本人下次登录只需密码"),
  async run(ctx) {
    const role = await adminAccountToReset(ctx, "mfa-reset");
    await db.$transaction(async (tx) => {
      await clearSecondFactor(tx, ctx.input.userId);
      await ctx.audit(tx, {
        operation: "user.resetMfa", entityType: "User", entityId: ctx.input.userId,
        summary: `重置${ROLE_LABEL[role]}的二次验证（清除动态口令密钥和恢复码，结束其全部会话）`,
      });
    });
    return null;
  },
} satisfies ActionDefinition<typeof userIdSchema, null>;
