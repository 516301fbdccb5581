import { db } from "@/lib/db";
import type { ActionContext, ActionDefinition } from "@/lib/actions/pipeline";
import { createAccountSchema, grantRoleSchema, revokeRoleSchema, setExpirySchema, setUserStatusSchema, userIdSchema } from "@/lib/users/schemas";
import { forbidden, tooMany } from "@/lib/errors";
import { adminRoleOf, createAccount, grantRole, grantTarget, resetPassword, revocableGrant, revokeRole, SELF_GRANT, SELF_REVOKE, setExpiry, threeAdminAccount } from "@/lib/users/accounts";
import { clearSecondFactor } from "@/lib/mfa/service";
import { mfaEnforced, mfaRequiredFor } from "@/lib/mfa/policy";
import { LIMITS, overLimit } from "@/lib/security/rate-limit";
import { mayActOnAccount, ROLE_LABEL } from "@/lib/auth/roles";
import { SELF_STATUS, setUserStatus, unlockUser } from "@/lib/users/service";
import { accountScope } from "@/lib/users/scope";

/** The account's province comes from the database (none for ministry accounts: national scope only). */
async function authorizeAccount(ctx: ActionContext<{ userId: string }>) {
  ctx.authorize(await accountScope(db, ctx.input.userId), { type: "User", id: ctx.input.userId });
  // 三员分立: a business administrator (ministry, province) never manages one of the three administrators' accounts —
  // resetting its password would hand over its powers. Their passwords and second factors are reset by the security
  // administrator (lib/admin-roles), the system administrator unlocks and disables them.
  const held = await adminRoleOf(db, ctx.input.userId);
  if (held && !mayActOnAccount(ctx.user.roles, [held])) throw forbidden(threeAdminAccount(held));
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

/** 新建账号: one role in an organization of the administrator's scope, a one-time password shown once. */
export const createAccountOp = {
  operation: "user.create",
  schema: createAccountSchema,
  successMessage: "账号已创建",
  async run(ctx) {
    const { scope, grant, org } = await grantTarget(db, ctx.input.role, ctx.input.organizationId);
    ctx.authorize(scope, { type: "Organization", id: org.id });
    return db.$transaction(async (tx) => {
      const created = await createAccount(tx, ctx.input, grant);
      await ctx.audit(tx, {
        entityType: "User", entityId: created.id,
        summary: `新建账号 ${created.username}（${ctx.input.displayName}，${ROLE_LABEL[grant.role]}，${org.name}）${created.expiresAt ? `，临时账号有效期至 ${ctx.input.expiresOn}` : ""}`,
        after: { username: created.username, role: grant.role, organizationId: org.id, expiresOn: ctx.input.expiresOn ?? null },
      });
      return { userId: created.id, username: created.username, oneTimePassword: created.oneTimePassword };
    });
  },
} satisfies ActionDefinition<typeof createAccountSchema, { userId: string; username: string; oneTimePassword: string }>;

/**
 * 分配角色: the account must be in the administrator's scope and the role's organization too (both read from the
 * database); nobody grants themselves a role.
 */
export const grantRoleOp = {
  operation: "user.create",
  schema: grantRoleSchema,
  successMessage: "角色已分配，对方下次请求时生效",
  async run(ctx) {
    if (ctx.input.userId === ctx.user.id) throw forbidden(SELF_GRANT);
    await authorizeAccount(ctx);
    const { scope, grant, org } = await grantTarget(db, ctx.input.role, ctx.input.organizationId);
    ctx.authorize(scope, { type: "Organization", id: org.id });
    await db.$transaction(async (tx) => {
      await grantRole(tx, ctx.user.id, ctx.input.userId, grant);
      await ctx.audit(tx, {
        operation: "user.grantRole", entityType: "User", entityId: ctx.input.userId,
        summary: `分配角色：${ROLE_LABEL[grant.role]}（${org.name}）`, after: { ...grant },
      });
    });
    return null;
  },
} satisfies ActionDefinition<typeof grantRoleSchema, null>;

/** 重置密码: a one-time password shown once to the administrator; the holder must change it at the next sign-in. */
export const resetPasswordOp = {
  operation: "user.resetPassword",
  schema: userIdSchema,
  successMessage: "密码已重置，请将一次性密码告知本人",
  async run(ctx) {
    if (ctx.input.userId === ctx.user.id) throw forbidden(SELF_GRANT);
    await authorizeAccount(ctx);
    if (await overLimit(db, `reset:actor:${ctx.user.id}`, LIMITS.passwordResetPerActor)) throw tooMany("重置密码过于频繁，请一小时后再试");
    return db.$transaction(async (tx) => {
      const r = await resetPassword(tx, ctx.user.id, ctx.input.userId);
      await ctx.audit(tx, { entityType: "User", entityId: ctx.input.userId, summary: `重置 ${r.username} 的密码（一次性密码，须在下次登录时修改）` });
      return r;
    });
  },
} satisfies ActionDefinition<typeof userIdSchema, { username: string; oneTimePassword: string }>;

/** 设置有效期: a temporary account's last day, or none. */
export const setExpiryOp = {
  operation: "user.manage",
  schema: setExpirySchema,
  successMessage: "有效期已保存",
  async run(ctx) {
    if (ctx.input.userId === ctx.user.id) throw forbidden("不能修改自己账号的有效期");
    await authorizeAccount(ctx);
    await db.$transaction(async (tx) => {
      await setExpiry(tx, ctx.user.id, ctx.input.userId, ctx.input.expiresOn);
      await ctx.audit(tx, {
        operation: "user.setExpiry", entityType: "User", entityId: ctx.input.userId,
        summary: ctx.input.expiresOn ? `设置账号有效期至 ${ctx.input.expiresOn}` : "取消账号有效期（改为长期账号）",
        after: { expiresOn: ctx.input.expiresOn ?? null },
      });
    });
    return null;
  },
} satisfies ActionDefinition<typeof setExpirySchema, null>;

/**
 * 撤销角色: the account in the administrator's scope, and the grant's own scope too (a province never takes away a
 * role that sits in another province or a staff role); never one's own, never a 三员 role, never the last one.
 */
export const revokeRoleOp = {
  operation: "user.create",
  schema: revokeRoleSchema,
  successMessage: "角色已撤销，对方下次请求时生效",
  async run(ctx) {
    if (ctx.input.userId === ctx.user.id) throw forbidden(SELF_REVOKE);
    await authorizeAccount(ctx);
    const { grant, scope } = await revocableGrant(db, ctx.input.userId, ctx.input.grantId);
    ctx.authorize(scope, { type: "RoleAssignment", id: grant.id });
    await db.$transaction(async (tx) => {
      await revokeRole(tx, ctx.user.id, ctx.input.userId, grant.id);
      await ctx.audit(tx, {
        operation: "user.revokeRole", entityType: "User", entityId: ctx.input.userId,
        summary: `撤销角色：${ROLE_LABEL[grant.role]}${grant.organization ? `（${grant.organization.name}）` : ""}`,
        before: { role: grant.role, organizationId: grant.organizationId, provinceCode: grant.provinceCode },
      });
    });
    return null;
  },
} satisfies ActionDefinition<typeof revokeRoleSchema, null>;

/**
 * 重置二次验证 (the holder lost the phone): clears the TOTP secret, the enrolment and the recovery codes and ends
 * every session; rate-limited per administrator like password resets; never one's own (lib/mfa: /account/mfa).
 */
export const resetMfaOp = {
  operation: "user.resetPassword",
  schema: userIdSchema,
  successMessage: (r) => (r.mustEnrol ? "二次验证已重置，本人下次登录时须重新设置" : "二次验证已重置，本人下次登录只需密码"),
  async run(ctx) {
    if (ctx.input.userId === ctx.user.id) throw forbidden("不能重置自己的二次验证（本人的设置在“双因素认证”页面）");
    await authorizeAccount(ctx);
    if (await overLimit(db, `mfa-reset:actor:${ctx.user.id}`, LIMITS.passwordResetPerActor)) throw tooMany("重置二次验证过于频繁，请一小时后再试");
    return db.$transaction(async (tx) => {
      await clearSecondFactor(tx, ctx.input.userId);
      const u = await tx.user.findUniqueOrThrow({ where: { id: ctx.input.userId }, select: { username: true, roles: { select: { role: true } } } });
      await ctx.audit(tx, {
        operation: "user.resetMfa", entityType: "User", entityId: ctx.input.userId,
        summary: `重置 ${u.username} 的二次验证（清除动态口令密钥和恢复码，结束其全部会话）`,
      });
      return { username: u.username, mustEnrol: mfaEnforced() && mfaRequiredFor(u.roles) };
    });
  },
} satisfies ActionDefinition<typeof userIdSchema, { username: string; mustEnrol: boolean }>;
