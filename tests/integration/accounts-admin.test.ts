import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { executeAction } from "@/lib/actions/pipeline";
import { attemptLogin } from "@/lib/auth/login";
import { resolveSession } from "@/lib/auth/session";
import { createAccountOp, grantRoleOp, resetPasswordOp, setExpiryOp } from "@/lib/users/operations";
import { grantOptions } from "@/lib/users/queries";
import { createOrganization, createUser } from "@/prisma/seed/factories";
import { ministryAdmin, provinceAdmin, unitUser } from "./fixtures";
import { auditRows, REFUSED, sessionUserOf } from "./helpers";

const meta = () => ({ ip: `10.62.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`, userAgent: "vitest" });
let seq = 0;
const newName = () => `acct${Date.now().toString(36)}${++seq}`;

const tomorrow = () => new Date(Date.now() + 86_400_000 * 2).toISOString().slice(0, 10);

describe("creating accounts and assigning roles", () => {
  it("lets a province create a unit account in its own province with a one-time password to change at first sign-in", async () => {
    const sichuan = await provinceAdmin("51");
    const org = await createOrganization(db, { type: "COOPERATIVE", regionCode: "510131" });
    const username = newName();
    const r = await executeAction(createAccountOp, sichuan, meta(), { username, displayName: "新用户", role: "UNIT_USER", organizationId: org.id, expiresOn: "" });
    expect(r).toMatchObject({ ok: true, data: { username, oneTimePassword: expect.stringMatching(/^.{12}$/) } });
    if (!r.ok) return;
    const row = await db.user.findUniqueOrThrow({ where: { username }, include: { roles: true } });
    expect(row).toMatchObject({ mustChangePassword: true, organizationId: org.id, expiresAt: null });
    expect(row.roles).toEqual([expect.objectContaining({ role: "UNIT_USER", organizationId: org.id })]);
    expect(row.passwordHash).not.toContain(r.data.oneTimePassword);
    const audit = (await auditRows({ entityId: row.id, operation: "user.create" }))[0];
    expect(audit).toMatchObject({ outcome: "SUCCESS", actorId: sichuan.id });
    expect(JSON.stringify(audit, (_, v) => (typeof v === "bigint" ? String(v) : v))).not.toContain(r.data.oneTimePassword);
    // The one-time password signs in, and the session may only change it.
    const login = await attemptLogin(db, { username, password: r.data.oneTimePassword }, meta());
    expect(login).toMatchObject({ ok: true });
    const now = Date.now();
    expect(await resolveSession(db, { uid: row.id, sv: 0, loginAt: now, lastSeen: now })).toMatchObject({ user: null, mustChange: { id: row.id } });
  });

  it("keeps a province below itself: no other province's organization, no staff role", async () => {
    const sichuan = await provinceAdmin("51");
    const zjOrg = await createOrganization(db, { type: "COOPERATIVE", regionCode: "330106" });
    const bureau = await createOrganization(db, { type: "PROVINCIAL_BUREAU", regionCode: "51" });
    for (const [role, organizationId] of [["UNIT_USER", zjOrg.id], ["PROVINCE_ADMIN", bureau.id]] as const) {
      const username = newName();
      expect(await executeAction(createAccountOp, sichuan, meta(), { username, displayName: "越权", role, organizationId }), role).toEqual(REFUSED);
      expect(await db.user.count({ where: { username } })).toBe(0);
    }
    const options = await grantOptions(sichuan);
    expect(options.roles).toEqual(["UNIT_USER", "BASE_HOST", "ENTERPRISE"]);
    expect(options.organizations.map((o) => o.id)).not.toContain(zjOrg.id);
    expect(options.organizations.map((o) => o.id)).not.toContain(bureau.id);
  });

  it("lets the ministry create a provincial administrator; refuses roles in the wrong kind of organization", async () => {
    const ministry = await ministryAdmin();
    const bureau = await createOrganization(db, { type: "PROVINCIAL_BUREAU", regionCode: "33" });
    const username = newName();
    expect(await executeAction(createAccountOp, ministry, meta(), { username, displayName: "省管理员", role: "PROVINCE_ADMIN", organizationId: bureau.id }))
      .toMatchObject({ ok: true });
    expect((await db.roleAssignment.findFirstOrThrow({ where: { user: { username } } }))).toMatchObject({ role: "PROVINCE_ADMIN", provinceCode: "33" });
    const coop = await createOrganization(db, { type: "COOPERATIVE", regionCode: "330106" });
    const bad = await executeAction(createAccountOp, ministry, meta(), { username: newName(), displayName: "错", role: "PROVINCE_ADMIN", organizationId: coop.id });
    expect(bad).toMatchObject({ ok: false, fieldErrors: { organizationId: [expect.stringContaining("类型")] } });
  });

  it("refuses roles that may not create accounts, and bad input, creating nothing", async () => {
    const unit = await unitUser();
    const org = await createOrganization(db, { type: "COOPERATIVE", regionCode: "510131" });
    const username = newName();
    expect(await executeAction(createAccountOp, unit, meta(), { username, displayName: "x", role: "UNIT_USER", organizationId: org.id })).toEqual(REFUSED);
    const sichuan = await provinceAdmin("51");
    const bad = await executeAction(createAccountOp, sichuan, meta(), { username: "a b", displayName: "", role: "EXPERT", organizationId: org.id, expiresOn: "2020-01-01" });
    expect(bad).toMatchObject({ ok: false });
    expect(Object.keys((bad as { fieldErrors: object }).fieldErrors).sort()).toEqual(["displayName", "role", "username"]);
    const past = await executeAction(createAccountOp, sichuan, meta(), { username, displayName: "x", role: "UNIT_USER", organizationId: org.id, expiresOn: "2020-01-01" });
    expect(past).toMatchObject({ ok: false, fieldErrors: { expiresOn: [expect.any(String)] } });
    expect(await db.user.count({ where: { username } })).toBe(0);
  });

  it("lets exactly one of two administrators take the same new account name", async () => {
    const sichuan = await provinceAdmin("51");
    const ministry = await ministryAdmin();
    const org = await createOrganization(db, { type: "COOPERATIVE", regionCode: "510131" });
    const username = newName();
    const input = { username, displayName: "并发", role: "UNIT_USER", organizationId: org.id };
    const rs = await Promise.all([executeAction(createAccountOp, sichuan, meta(), input), executeAction(createAccountOp, ministry, meta(), input)]);
    expect(rs.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.user.count({ where: { username } })).toBe(1);
  });

  it("assigns a role within scope, and nobody grants themselves one", async () => {
    const ministry = await ministryAdmin();
    const sichuan = await provinceAdmin("51");
    const baseOrg = await createOrganization(db, { type: "BASE_HOST", regionCode: "510131" });
    const target = await unitUser((await createOrganization(db, { type: "COOPERATIVE", regionCode: "510131" })).id);
    expect(await executeAction(grantRoleOp, sichuan, meta(), { userId: target.id, role: "BASE_HOST", organizationId: baseOrg.id })).toMatchObject({ ok: true });
    expect((await sessionUserOf(target.id)).roles.map((g) => g.role).sort()).toEqual(["BASE_HOST", "UNIT_USER"]);
    // Themselves: refused, with the reason, for the ministry and a province alike.
    const ministryOrg = await createOrganization(db, { type: "MINISTRY", regionCode: "11" });
    const self = await executeAction(grantRoleOp, ministry, meta(), { userId: ministry.id, role: "MINISTRY_ADMIN", organizationId: ministryOrg.id });
    expect(self).toMatchObject({ ok: false, error: expect.stringContaining("不能给自己分配角色") });
    const selfProvince = await executeAction(grantRoleOp, sichuan, meta(), { userId: sichuan.id, role: "BASE_HOST", organizationId: baseOrg.id });
    expect(selfProvince).toMatchObject({ ok: false, error: expect.stringContaining("不能给自己分配角色") });
    expect((await sessionUserOf(ministry.id)).roles).toHaveLength(1);
    expect((await sessionUserOf(sichuan.id)).roles).toHaveLength(1);
    // A province cannot raise a peer's account, nor grant in another province.
    const zhejiang = await provinceAdmin("33");
    expect(await executeAction(grantRoleOp, zhejiang, meta(), { userId: target.id, role: "BASE_HOST", organizationId: baseOrg.id })).toEqual(REFUSED);
  });
});

describe("password reset by an administrator", () => {
  it("issues a one-time password, ends the account's sessions and forces a change at the next sign-in", async () => {
    const sichuan = await provinceAdmin("51");
    const org = await createOrganization(db, { type: "COOPERATIVE", regionCode: "510131" });
    const target = await createUser(db, { role: "UNIT_USER", organizationId: org.id, password: "Demo@2025" });
    await db.user.update({ where: { id: target.id }, data: { lockedUntil: new Date(Date.now() + 600_000), failedLoginCount: 20 } });
    const now = Date.now();
    const token = { uid: target.id, sv: 0, loginAt: now, lastSeen: now };
    const r = await executeAction(resetPasswordOp, sichuan, meta(), { userId: target.id });
    expect(r).toMatchObject({ ok: true, data: { username: target.username, oneTimePassword: expect.any(String) } });
    if (!r.ok) return;
    expect(await resolveSession(db, token)).toMatchObject({ user: null, expired: true });
    expect(await attemptLogin(db, { username: target.username, password: "Demo@2025" }, meta())).toEqual({ ok: false, reason: "INVALID" });
    const login = await attemptLogin(db, { username: target.username, password: r.data.oneTimePassword }, meta());
    expect(login).toMatchObject({ ok: true, user: { sessionVersion: 1 } });
    expect(await resolveSession(db, { ...token, sv: 1 })).toMatchObject({ mustChange: { id: target.id } });
    expect((await auditRows({ entityId: target.id, operation: "user.resetPassword" }))[0]).toMatchObject({ outcome: "SUCCESS", actorId: sichuan.id });
  });

  it("refuses another province's account, a peer administrator and one's own, changing nothing", async () => {
    const sichuan = await provinceAdmin("51");
    const zjUser = await unitUser((await createOrganization(db, { type: "COOPERATIVE", regionCode: "330106" })).id);
    const peer = await provinceAdmin("51");
    for (const target of [zjUser.id, peer.id]) {
      const before = await db.user.findUniqueOrThrow({ where: { id: target }, select: { passwordHash: true, sessionVersion: true } });
      expect(await executeAction(resetPasswordOp, sichuan, meta(), { userId: target })).toEqual(REFUSED);
      expect(await db.user.findUniqueOrThrow({ where: { id: target }, select: { passwordHash: true, sessionVersion: true } })).toEqual(before);
    }
    expect(await executeAction(resetPasswordOp, sichuan, meta(), { userId: sichuan.id })).toMatchObject({ ok: false, error: expect.stringContaining("修改密码") });
    const ministry = await ministryAdmin();
    expect(await executeAction(resetPasswordOp, ministry, meta(), { userId: peer.id })).toMatchObject({ ok: true });
  });
});

describe("temporary accounts", () => {
  it("refuses a temporary account at sign-in once its last day has passed", async () => {
    const sichuan = await provinceAdmin("51");
    const org = await createOrganization(db, { type: "COOPERATIVE", regionCode: "510131" });
    const username = newName();
    const r = await executeAction(createAccountOp, sichuan, meta(), { username, displayName: "临时", role: "UNIT_USER", organizationId: org.id, expiresOn: tomorrow() });
    expect(r).toMatchObject({ ok: true });
    if (!r.ok) return;
    const row = await db.user.findUniqueOrThrow({ where: { username } });
    expect(row.expiresAt).not.toBeNull();
    expect(await attemptLogin(db, { username, password: r.data.oneTimePassword }, meta())).toMatchObject({ ok: true });
    const later = new Date(row.expiresAt!.getTime() + 1000);
    expect(await attemptLogin(db, { username, password: r.data.oneTimePassword }, meta(), later)).toEqual({ ok: false, reason: "EXPIRED" });
    // The province extends it; clearing makes it permanent.
    expect(await executeAction(setExpiryOp, sichuan, meta(), { userId: row.id, expiresOn: "" })).toMatchObject({ ok: true });
    expect((await db.user.findUniqueOrThrow({ where: { id: row.id } })).expiresAt).toBeNull();
    const zhejiang = await provinceAdmin("33");
    expect(await executeAction(setExpiryOp, zhejiang, meta(), { userId: row.id, expiresOn: tomorrow() })).toEqual(REFUSED);
  });
});
