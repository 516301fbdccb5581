import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { executeAction } from "@/lib/actions/pipeline";
import { attemptLogin } from "@/lib/auth/login";
import { recordInScope } from "@/lib/auth/load-in-scope";
import { resolveSession } from "@/lib/auth/session";
import type { SessionUser } from "@/lib/auth/roles";
import { beginMfaOp, confirmMfaOp } from "@/lib/mfa/operations";
import { mfaEnrolmentDue } from "@/lib/mfa/policy";
import { pendingSecret } from "@/lib/mfa/service";
import { totpCode } from "@/lib/mfa/totp";
import { LIMITS } from "@/lib/security/rate-limit";
import { LAST_ROLE } from "@/lib/users/accounts";
import { grantRoleOp, resetMfaOp, revokeRoleOp } from "@/lib/users/operations";
import { accountInScope } from "@/lib/users/queries";
import { createOrganization } from "@/prisma/seed/factories";
import { DEMO_PASSWORD } from "@/prisma/seed/accounts";
import { expertUser, ministryAdmin, provinceAdmin, unitIn, userWith, ZHEJIANG_COUNTY } from "./fixtures";
import { auditRows, meta, REFUSED, sessionUserOf } from "./helpers";

// 撤销角色 and 重置二次验证 on an account's page (lib/users/operations.ts), and who may open that page.

const rolesOf = async (userId: string) => (await db.roleAssignment.findMany({ where: { userId }, select: { role: true } })).map((g) => g.role).sort();
const grantOf = (userId: string, role: "UNIT_USER" | "BASE_HOST" | "ENTERPRISE" | "SYSTEM_ADMIN" | "EXPERT" | "PROVINCE_ADMIN") =>
  db.roleAssignment.findFirstOrThrow({ where: { userId, role }, select: { id: true } }).then((g) => g.id);

/** A 四川 unit account that also hosts a 四川 base (two roles). */
async function twoRoleAccount() {
  const { user } = await unitIn();
  const base = await createOrganization(db, { type: "BASE_HOST", regionCode: "510131" });
  await db.roleAssignment.create({ data: { userId: user.id, role: "BASE_HOST", organizationId: base.id } });
  return { user: await sessionUserOf(user.id), baseGrant: await grantOf(user.id, "BASE_HOST") };
}

/** The account enrols its own second factor (as at /account/mfa); its recovery codes exist. */
async function enrol(user: SessionUser) {
  expect(await executeAction(beginMfaOp, user, meta, {})).toMatchObject({ ok: true });
  const secret = (await pendingSecret(db, user.id))!;
  expect(await executeAction(confirmMfaOp, user, meta, { code: totpCode(secret, Date.now() - 30_000) })).toMatchObject({ ok: true });
}

const mfaState = (userId: string) => db.user.findUniqueOrThrow({
  where: { id: userId },
  select: { mfaSecret: true, mfaEnabledAt: true, mfaLastStep: true, sessionVersion: true, _count: { select: { mfaRecoveryCodes: true } } },
});

describe("撤销角色", () => {
  it("lets the account's province and the ministry revoke a role; refuses other provinces, units and experts, changing nothing", async () => {
    const { user: target, baseGrant } = await twoRoleAccount();
    const input = { userId: target.id, grantId: baseGrant };
    for (const actor of [await provinceAdmin("33"), (await unitIn()).user, await expertUser()]) {
      expect(await executeAction(revokeRoleOp, actor, meta, input), actor.roles[0].role).toEqual(REFUSED);
    }
    expect(await rolesOf(target.id)).toEqual(["BASE_HOST", "UNIT_USER"]);

    const sichuan = await provinceAdmin("51");
    expect(await executeAction(revokeRoleOp, sichuan, meta, input)).toMatchObject({ ok: true });
    expect((await sessionUserOf(target.id)).roles.map((g) => g.role)).toEqual(["UNIT_USER"]);
    const audit = (await auditRows({ entityId: target.id, operation: "user.revokeRole" }))[0];
    expect(audit).toMatchObject({ outcome: "SUCCESS", actorId: sichuan.id, summary: expect.stringContaining("撤销角色：基地管理员") });
    // Twice: the grant is gone.
    expect(await executeAction(revokeRoleOp, sichuan, meta, input)).toMatchObject({ ok: false, error: expect.stringContaining("已不存在") });

    const again = await twoRoleAccount();
    expect(await executeAction(revokeRoleOp, await ministryAdmin(), meta, { userId: again.user.id, grantId: again.baseGrant })).toMatchObject({ ok: true });
    expect(await rolesOf(again.user.id)).toEqual(["UNIT_USER"]);
  });

  it("never revokes the last role, nor one's own", async () => {
    const { user: target } = await unitIn();
    const sichuan = await provinceAdmin("51");
    const r = await executeAction(revokeRoleOp, sichuan, meta, { userId: target.id, grantId: await grantOf(target.id, "UNIT_USER") });
    expect(r).toEqual({ ok: false, error: LAST_ROLE });
    expect(await rolesOf(target.id)).toEqual(["UNIT_USER"]);

    const ministry = await ministryAdmin();
    const ministryOrg = await createOrganization(db, { type: "MINISTRY", regionCode: "11" });
    await db.roleAssignment.create({ data: { userId: ministry.id, role: "MINISTRY_ADMIN", organizationId: ministryOrg.id } });
    const grantId = (await db.roleAssignment.findFirstOrThrow({ where: { userId: ministry.id, organizationId: ministryOrg.id } })).id;
    expect(await executeAction(revokeRoleOp, ministry, meta, { userId: ministry.id, grantId }))
      .toMatchObject({ ok: false, error: "不能撤销自己的角色" });
    expect(await db.roleAssignment.count({ where: { userId: ministry.id } })).toBe(2);
  });

  it("lets two administrators revoking an account's last two roles at once leave it one", async () => {
    const { user: target, baseGrant } = await twoRoleAccount();
    const unitGrant = await grantOf(target.id, "UNIT_USER");
    const [a, b] = [await provinceAdmin("51"), await ministryAdmin()];
    const rs = await Promise.all([
      executeAction(revokeRoleOp, a, meta, { userId: target.id, grantId: baseGrant }),
      executeAction(revokeRoleOp, b, meta, { userId: target.id, grantId: unitGrant }),
    ]);
    expect(rs.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.roleAssignment.count({ where: { userId: target.id } })).toBe(1);
  });

  it("keeps a province to roles in its own province, even on an account of its own", async () => {
    const { user: target } = await unitIn();
    const zjBase = await createOrganization(db, { type: "BASE_HOST", regionCode: ZHEJIANG_COUNTY });
    const ministry = await ministryAdmin();
    expect(await executeAction(grantRoleOp, ministry, meta, { userId: target.id, role: "BASE_HOST", organizationId: zjBase.id })).toMatchObject({ ok: true });
    const zjGrant = await grantOf(target.id, "BASE_HOST");
    expect(await executeAction(revokeRoleOp, await provinceAdmin("51"), meta, { userId: target.id, grantId: zjGrant })).toEqual(REFUSED);
    expect(await rolesOf(target.id)).toEqual(["BASE_HOST", "UNIT_USER"]);
    // 浙江 may not reach the 四川 account at all.
    expect(await executeAction(revokeRoleOp, await provinceAdmin("33"), meta, { userId: target.id, grantId: zjGrant })).toEqual(REFUSED);
  });

  it("refuses the 三员 roles (the security administrator's business) and the expert role; grants none of them either", async () => {
    const ministry = await ministryAdmin();
    const sys = await userWith("SYSTEM_ADMIN");
    // A second role, so that the refusal is the 三员 rule and not the last-role rule.
    const ministryOrg = await createOrganization(db, { type: "MINISTRY", regionCode: "11" });
    await db.roleAssignment.create({ data: { userId: sys.id, role: "MINISTRY_ADMIN", organizationId: ministryOrg.id } });
    const r = await executeAction(revokeRoleOp, ministry, meta, { userId: sys.id, grantId: await grantOf(sys.id, "SYSTEM_ADMIN") });
    expect(r).toMatchObject({ ok: false, error: expect.stringContaining("三员角色") });
    expect(await rolesOf(sys.id)).toEqual(["MINISTRY_ADMIN", "SYSTEM_ADMIN"]);

    const expert = await expertUser();
    const unitOrg = await createOrganization(db, { type: "COOPERATIVE", regionCode: ZHEJIANG_COUNTY });
    await db.roleAssignment.create({ data: { userId: expert.id, role: "UNIT_USER", organizationId: unitOrg.id } });
    const e = await executeAction(revokeRoleOp, ministry, meta, { userId: expert.id, grantId: await grantOf(expert.id, "EXPERT") });
    expect(e).toMatchObject({ ok: false, error: expect.stringContaining("专家档案") });
    expect(await rolesOf(expert.id)).toEqual(["EXPERT", "UNIT_USER"]);

    // Granting: a 三员 role is not in the form's list at all; a 三员 account takes no business role.
    const { user: target } = await unitIn();
    for (const role of ["SYSTEM_ADMIN", "SECURITY_ADMIN", "AUDIT_ADMIN"]) {
      expect(await executeAction(grantRoleOp, ministry, meta, { userId: target.id, role, organizationId: ministryOrg.id }))
        .toMatchObject({ ok: false, fieldErrors: { role: [expect.any(String)] } });
    }
    const auditor = await userWith("AUDIT_ADMIN");
    expect(await executeAction(grantRoleOp, ministry, meta, { userId: auditor.id, role: "MINISTRY_ADMIN", organizationId: ministryOrg.id }))
      .toMatchObject({ ok: false, error: expect.stringContaining("三员") });
    expect(await rolesOf(auditor.id)).toEqual(["AUDIT_ADMIN"]);
    expect(await rolesOf(target.id)).toEqual(["UNIT_USER"]);
  });

  it("refuses bad input, and a grant of another account, changing nothing", async () => {
    const sichuan = await provinceAdmin("51");
    const { user: target, baseGrant } = await twoRoleAccount();
    const other = await twoRoleAccount();
    expect(await executeAction(revokeRoleOp, sichuan, meta, { userId: target.id })).toMatchObject({ ok: false, fieldErrors: { grantId: [expect.any(String)] } });
    expect(await executeAction(revokeRoleOp, sichuan, meta, { userId: "", grantId: baseGrant })).toMatchObject({ ok: false, fieldErrors: { userId: [expect.any(String)] } });
    expect(await executeAction(revokeRoleOp, sichuan, meta, { userId: target.id, grantId: other.baseGrant }))
      .toMatchObject({ ok: false, error: expect.stringContaining("已不存在") });
    expect(await rolesOf(target.id)).toEqual(["BASE_HOST", "UNIT_USER"]);
    expect(await rolesOf(other.user.id)).toEqual(["BASE_HOST", "UNIT_USER"]);
  });
});

describe("重置二次验证", () => {
  it("clears the secret, the enrolment and the recovery codes and ends the sessions; a staff holder must enrol again", async () => {
    const target = await provinceAdmin("51");
    await enrol(target);
    expect(await attemptLogin(db, { username: target.username, password: DEMO_PASSWORD }, meta)).toEqual({ ok: false, reason: "MFA_REQUIRED" });
    const before = await mfaState(target.id);
    expect(before.mfaEnabledAt).not.toBeNull();
    expect(before._count.mfaRecoveryCodes).toBe(10);
    const now = Date.now();
    const token = { uid: target.id, sv: before.sessionVersion, loginAt: now, lastSeen: now };
    expect(await resolveSession(db, token)).toMatchObject({ user: { id: target.id } });

    const ministry = await ministryAdmin();
    const r = await executeAction(resetMfaOp, ministry, meta, { userId: target.id });
    expect(r).toMatchObject({ ok: true, data: { username: target.username } });
    expect(await mfaState(target.id)).toEqual({
      mfaSecret: null, mfaEnabledAt: null, mfaLastStep: null, sessionVersion: before.sessionVersion + 1, _count: { mfaRecoveryCodes: 0 },
    });
    expect(await resolveSession(db, token)).toMatchObject({ user: null, expired: true });
    // The password alone signs in again; where the factor is enforced the account may then only enrol.
    expect(await attemptLogin(db, { username: target.username, password: DEMO_PASSWORD }, meta)).toMatchObject({ ok: true });
    const row = { roles: target.roles, mfaEnabledAt: null };
    expect(mfaEnrolmentDue(row, { NODE_ENV: "production" } as NodeJS.ProcessEnv)).toBe(true);
    const audit = (await auditRows({ entityId: target.id, operation: "user.resetMfa" }))[0];
    expect(audit).toMatchObject({ outcome: "SUCCESS", actorId: ministry.id, summary: expect.stringContaining("重置") });

    // Nothing left to reset.
    expect(await executeAction(resetMfaOp, ministry, meta, { userId: target.id })).toMatchObject({ ok: false, error: expect.stringContaining("尚未设置") });
  });

  it("lets a province reset its own accounts only; refuses other provinces, peer staff, units, experts and oneself", async () => {
    const { user: target } = await unitIn();
    await enrol(target);
    const peer = await provinceAdmin("51");
    await enrol(peer);
    const sichuan = await provinceAdmin("51");
    await enrol(sichuan);
    const snapshot = async () => [await mfaState(target.id), await mfaState(peer.id), await mfaState(sichuan.id)];
    const before = await snapshot();
    for (const actor of [await provinceAdmin("33"), (await unitIn()).user, await expertUser()]) {
      expect(await executeAction(resetMfaOp, actor, meta, { userId: target.id }), actor.roles[0].role).toEqual(REFUSED);
    }
    expect(await executeAction(resetMfaOp, sichuan, meta, { userId: peer.id })).toEqual(REFUSED);
    expect(await executeAction(resetMfaOp, sichuan, meta, { userId: sichuan.id })).toMatchObject({ ok: false, error: expect.stringContaining("不能重置自己的二次验证") });
    expect(await executeAction(resetMfaOp, sichuan, meta, { userId: "" })).toMatchObject({ ok: false, fieldErrors: { userId: [expect.any(String)] } });
    expect(await snapshot()).toEqual(before);

    expect(await executeAction(resetMfaOp, sichuan, meta, { userId: target.id })).toMatchObject({ ok: true, data: { mustEnrol: false } });
    expect((await mfaState(target.id)).mfaEnabledAt).toBeNull();
  });

  it("is rate-limited per administrator like password resets", async () => {
    const sichuan = await provinceAdmin("51");
    const { user: target } = await unitIn();
    await enrol(target);
    await db.rateLimit.create({ data: { key: `mfa-reset:actor:${sichuan.id}`, count: LIMITS.passwordResetPerActor.max, windowStart: new Date() } });
    expect(await executeAction(resetMfaOp, sichuan, meta, { userId: target.id })).toMatchObject({ ok: false, error: expect.stringContaining("过于频繁") });
    expect((await mfaState(target.id)).mfaEnabledAt).not.toBeNull();
  });
});

describe("the account page's record", () => {
  it("is found only within the administrator's scope, whatever the id", async () => {
    const { user: target } = await unitIn();
    const staff = await provinceAdmin("51");
    const spec = (id: string) => accountInScope(id);
    const sichuan = await provinceAdmin("51");
    expect(await recordInScope(sichuan, spec(target.id))).toMatchObject({ id: target.id, roles: [expect.objectContaining({ role: "UNIT_USER" })] });
    expect(await recordInScope(await provinceAdmin("33"), spec(target.id))).toBeNull();
    expect(await recordInScope(sichuan, spec(staff.id))).toBeNull();
    expect(await recordInScope(sichuan, spec("no-such-account"))).toBeNull();
    expect(await recordInScope((await unitIn()).user, spec(target.id))).toBeNull();
    const ministry = await ministryAdmin();
    expect(await recordInScope(ministry, spec(staff.id))).toMatchObject({ id: staff.id, mfa: "NONE" });
    // The page's record carries the factor's state, never its secret.
    await enrol(target);
    const record = await recordInScope(ministry, spec(target.id));
    expect(record).toMatchObject({ mfa: "ENABLED", recoveryCodesLeft: 10 });
    expect(JSON.stringify(record)).not.toContain((await mfaState(target.id)).mfaSecret!);
  });
});
