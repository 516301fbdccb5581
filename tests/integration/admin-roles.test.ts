import { describe, expect, it } from "vitest";
import { db, type Tx } from "@/lib/db";
import { grantAdminRole } from "@/lib/admin-roles/service";
import { grantRole } from "@/lib/users/accounts";
import { executeAction } from "@/lib/actions/pipeline";
import { createAdminAccountOp, grantAdminRoleOp, resetAdminMfaOp, resetAdminPasswordOp, revokeAdminRoleOp } from "@/lib/admin-roles/operations";
import { resetMfaOp, resetPasswordOp, setExpiryOp, setUserStatusOp, unlockUserOp } from "@/lib/users/operations";
import { verifyPassword } from "@/lib/auth/password";
import { readAuditLog, auditSearchSchema } from "@/lib/audit/queries";
import { holds } from "@/lib/auth/permissions";
import { ROLES } from "@/lib/auth/roles";
import { createOrganization, createUser } from "@/prisma/seed/factories";
import { userWith } from "./fixtures";
import { auditRows, meta, REFUSED } from "./helpers";

// 三员分立: the security administrator grants the three administrator roles; one account holds at most one of them;
// nobody grants or revokes their own; the audit administrator's reads of the log are themselves audited.
const adminRolesOf = async (userId: string) =>
  (await db.roleAssignment.findMany({ where: { userId, role: { in: ["SYSTEM_ADMIN", "SECURITY_ADMIN", "AUDIT_ADMIN"] } } })).map((r) => r.role);

/** An account without any role (a 三员 account whose role was taken away): the kind a 三员 role may be granted to. */
async function roleless() {
  const user = await createUser(db, { role: "UNIT_USER" });
  await db.roleAssignment.deleteMany({ where: { userId: user.id } });
  return user;
}

describe("三员分立: granting the administrator roles", () => {
  it("lets only the security administrator grant (every role tried), audited; refusals change nothing", async () => {
    for (const role of ROLES) {
      const actor = await userWith(role);
      const target = await roleless();
      const result = await executeAction(grantAdminRoleOp, actor, meta, { username: target.username, role: "AUDIT_ADMIN" });
      if (role === "SECURITY_ADMIN") {
        expect(result, role).toMatchObject({ ok: true });
        expect(await adminRolesOf(target.id)).toEqual(["AUDIT_ADMIN"]);
        expect((await auditRows({ entityId: target.id, operation: "adminRole.manage" }))[0]).toMatchObject({ outcome: "SUCCESS", actorId: actor.id });
      } else {
        expect(result, role).toEqual(REFUSED);
        expect(await adminRolesOf(target.id), role).toEqual([]);
        expect((await auditRows({ actorId: actor.id, operation: "adminRole.manage" }))[0], role).toMatchObject({ outcome: "DENIED" });
      }
    }
  });

  it("refuses granting or revoking one's own role", async () => {
    const sec = await userWith("SECURITY_ADMIN");
    expect(await executeAction(grantAdminRoleOp, sec, meta, { username: sec.username, role: "AUDIT_ADMIN" })).toMatchObject({
      ok: false, error: "不能给自己授予或收回角色",
    });
    expect(await executeAction(revokeAdminRoleOp, sec, meta, { userId: sec.id, role: "SECURITY_ADMIN" })).toMatchObject({
      ok: false, error: "不能给自己授予或收回角色",
    });
    expect(await adminRolesOf(sec.id)).toEqual(["SECURITY_ADMIN"]);
  });

  it("keeps the three roles mutually exclusive: in the service, and in the database itself", async () => {
    const sec = await userWith("SECURITY_ADMIN");
    const sys = await userWith("SYSTEM_ADMIN");
    expect(await executeAction(grantAdminRoleOp, sec, meta, { username: sys.username, role: "AUDIT_ADMIN" })).toMatchObject({
      ok: false, error: "三员互斥：该账号已是系统管理员，不能再担任审计管理员",
    });
    expect(await adminRolesOf(sys.id)).toEqual(["SYSTEM_ADMIN"]);
    // Past the service (a script, a hand-written SQL): the unique index refuses.
    await expect(db.roleAssignment.create({ data: { userId: sys.id, role: "SECURITY_ADMIN" } })).rejects.toThrow();
    expect(await adminRolesOf(sys.id)).toEqual(["SYSTEM_ADMIN"]);
  });

  it("refuses a 三员 role to an account with a business role, changing nothing (a 三员 account is a dedicated one)", async () => {
    const sec = await userWith("SECURITY_ADMIN");
    for (const role of ["MINISTRY_ADMIN", "PROVINCE_ADMIN", "UNIT_USER", "EXPERT"] as const) {
      const target = await userWith(role);
      const result = await executeAction(grantAdminRoleOp, sec, meta, { username: target.username, role: "AUDIT_ADMIN" });
      expect(result, role).toMatchObject({ ok: false, error: expect.stringContaining("三员分立：该账号有业务角色") });
      expect(await adminRolesOf(target.id), role).toEqual([]);
    }
  });

  it("never leaves an account with both kinds when a business role and a 三员 role are granted to it at once", async () => {
    const sec = await userWith("SECURITY_ADMIN");
    const ministry = await userWith("MINISTRY_ADMIN");
    const org = await createOrganization(db, { type: "COUNTY_GOVERNMENT" });
    const business = { role: "UNIT_USER" as const, organizationId: org.id, provinceCode: null };
    // The first grant holds its transaction open a moment after writing; the second starts inside that moment.
    const overlap = async (first: (tx: Tx, userId: string, username: string) => Promise<unknown>, second: typeof first) => {
      const target = await roleless();
      let written!: () => void;
      const firstWrote = new Promise<void>((resolve) => (written = resolve));
      const results = await Promise.allSettled([
        db.$transaction(async (tx) => {
          await first(tx, target.id, target.username);
          written();
          await new Promise((r) => setTimeout(r, 300));
        }),
        firstWrote.then(() => db.$transaction((tx) => second(tx, target.id, target.username))),
      ]);
      expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected"]);
      return (await db.roleAssignment.findMany({ where: { userId: target.id } })).map((r) => r.role);
    };
    const admin = (tx: Tx, _id: string, username: string) => grantAdminRole(tx, sec.id, username, "SYSTEM_ADMIN");
    const unit = (tx: Tx, id: string) => grantRole(tx, ministry.id, id, business);
    expect(await overlap(admin, unit)).toEqual(["SYSTEM_ADMIN"]);
    expect(await overlap(unit, admin)).toEqual(["UNIT_USER"]);
  });

  it("lets exactly one of two security administrators win when both grant the same account different roles at once", async () => {
    const [a, b] = [await userWith("SECURITY_ADMIN"), await userWith("SECURITY_ADMIN")];
    const target = await roleless();
    const results = await Promise.all([
      executeAction(grantAdminRoleOp, a, meta, { username: target.username, role: "SYSTEM_ADMIN" }),
      executeAction(grantAdminRoleOp, b, meta, { username: target.username, role: "AUDIT_ADMIN" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ error: expect.stringContaining("三员互斥") });
    expect(await adminRolesOf(target.id)).toHaveLength(1);
  });

  it("revokes another's role once; a second revoke says it is gone; bad input changes nothing", async () => {
    const sec = await userWith("SECURITY_ADMIN");
    const auditor = await userWith("AUDIT_ADMIN");
    expect(await executeAction(revokeAdminRoleOp, sec, meta, { userId: auditor.id, role: "SYSTEM_ADMIN" })).toMatchObject({ ok: false });
    expect(await executeAction(grantAdminRoleOp, sec, meta, { username: auditor.username, role: "MINISTRY_ADMIN" })).toMatchObject({
      ok: false, fieldErrors: { role: expect.any(Array) },
    });
    expect(await executeAction(revokeAdminRoleOp, sec, meta, { userId: auditor.id, role: "AUDIT_ADMIN" })).toMatchObject({ ok: true });
    expect(await adminRolesOf(auditor.id)).toEqual([]);
    expect(await executeAction(revokeAdminRoleOp, sec, meta, { userId: auditor.id, role: "AUDIT_ADMIN" })).toMatchObject({
      ok: false, error: expect.stringContaining("当前不是审计管理员"),
    });
  });
});

describe("三员分立: the audit administrator", () => {
  it("reads the audit log, and the read itself is audited with its filters", async () => {
    const auditor = await userWith("AUDIT_ADMIN");
    expect(holds(auditor, "audit.read")).toBe(true);
    expect(holds(auditor, "user.manage") || holds(auditor, "adminRole.manage") || holds(auditor, "need.read")).toBe(false);
    const result = await readAuditLog(auditor, auditSearchSchema.parse({ outcome: "DENIED" }), "/audit");
    expect(result.rows.every((r) => r.outcome === "DENIED")).toBe(true);
    const reads = await auditRows({ actorId: auditor.id, operation: "audit.read" });
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ outcome: "SUCCESS", role: "AUDIT_ADMIN", summary: expect.stringContaining("outcome=DENIED") });
  });

  it("keeps the system and security administrators out of the audit log", async () => {
    for (const role of ["SYSTEM_ADMIN", "SECURITY_ADMIN"] as const) expect(holds(await userWith(role), "audit.read"), role).toBe(false);
  });
});

describe("三员分立: creating a dedicated 三员 account", () => {
  it("lets only the security administrator create one (every role tried): one role, no organization, audited", async () => {
    for (const role of ROLES) {
      const actor = await userWith(role);
      const username = `adm-${role.toLowerCase().replace(/_/g, "-")}-${Date.now().toString(36)}`;
      const result = await executeAction(createAdminAccountOp, actor, meta, { username, displayName: "值班员", role: "AUDIT_ADMIN" });
      const created = await db.user.findUnique({ where: { username }, include: { roles: true } });
      if (role !== "SECURITY_ADMIN") {
        expect(result, role).toEqual(REFUSED);
        expect(created, role).toBeNull();
        continue;
      }
      expect(result).toMatchObject({ ok: true, data: { username, role: "AUDIT_ADMIN", oneTimePassword: expect.any(String) } });
      if (!result.ok) continue;
      expect(created!.roles.map((r) => r.role)).toEqual(["AUDIT_ADMIN"]);
      expect(created!.organizationId).toBeNull();
      expect(created!.mustChangePassword).toBe(true);
      expect(await verifyPassword(created!.passwordHash, result.data.oneTimePassword)).toBe(true);
      expect((await auditRows({ entityId: created!.id, operation: "adminRole.manage" }))[0]).toMatchObject({ outcome: "SUCCESS", actorId: actor.id });
    }
  });

  it("refuses a taken account name and bad input, creating nothing", async () => {
    const sec = await userWith("SECURITY_ADMIN");
    const taken = await userWith("UNIT_USER");
    const before = await db.user.count();
    expect(await executeAction(createAdminAccountOp, sec, meta, { username: taken.username, displayName: "甲", role: "SYSTEM_ADMIN" }))
      .toMatchObject({ ok: false, fieldErrors: { username: ["该账号名已被使用，请换一个"] } });
    expect(await executeAction(createAdminAccountOp, sec, meta, { username: "a b", displayName: "甲", role: "SYSTEM_ADMIN" }))
      .toMatchObject({ ok: false, fieldErrors: { username: expect.any(Array) } });
    expect(await executeAction(createAdminAccountOp, sec, meta, { username: "adm-ok-1", displayName: "", role: "SYSTEM_ADMIN" }))
      .toMatchObject({ ok: false, fieldErrors: { displayName: expect.any(Array) } });
    expect(await executeAction(createAdminAccountOp, sec, meta, { username: "adm-ok-2", displayName: "甲", role: "MINISTRY_ADMIN" }))
      .toMatchObject({ ok: false, fieldErrors: { role: expect.any(Array) } });
    expect(await db.user.count()).toBe(before);
  });
});

describe("三员分立: the three administrators' accounts", () => {
  const passwordOf = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id }, select: { passwordHash: true } })).passwordHash;
  const accountOf = (id: string) =>
    db.user.findUniqueOrThrow({ where: { id }, select: { status: true, expiresAt: true, mustChangePassword: true, sessionVersion: true, mfaSecret: true } });

  it("refuses a business administrator every change to a 三员 account (it would hand over its powers), changing nothing", async () => {
    const ministry = await userWith("MINISTRY_ADMIN");
    for (const role of ["SYSTEM_ADMIN", "SECURITY_ADMIN", "AUDIT_ADMIN"] as const) {
      const target = await userWith(role);
      await db.user.update({ where: { id: target.id }, data: { lockedUntil: new Date(Date.now() + 3_600_000) } });
      const [hash, before] = [await passwordOf(target.id), await accountOf(target.id)];
      const attempts = [
        executeAction(resetPasswordOp, ministry, meta, { userId: target.id }),
        executeAction(resetMfaOp, ministry, meta, { userId: target.id }),
        executeAction(setUserStatusOp, ministry, meta, { userId: target.id, status: "DISABLED" }),
        executeAction(unlockUserOp, ministry, meta, { userId: target.id }),
        executeAction(setExpiryOp, ministry, meta, { userId: target.id, expiresOn: "2099-01-01" }),
      ];
      for (const r of await Promise.all(attempts)) expect(r, role).toMatchObject({ ok: false, error: expect.stringContaining("三员角色") });
      expect(await passwordOf(target.id), role).toBe(hash);
      expect(await accountOf(target.id), role).toEqual(before);
      expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).lockedUntil, role).not.toBeNull();
    }
    // A business account stays the ministry's to reset.
    const unit = await userWith("UNIT_USER");
    expect(await executeAction(resetPasswordOp, ministry, meta, { userId: unit.id })).toMatchObject({ ok: true });
  });

  it("leaves unlocking and disabling a 三员 account to the system administrator", async () => {
    const sys = await userWith("SYSTEM_ADMIN");
    const auditor = await userWith("AUDIT_ADMIN");
    expect(await executeAction(setUserStatusOp, sys, meta, { userId: auditor.id, status: "DISABLED" })).toMatchObject({ ok: true });
    expect((await accountOf(auditor.id)).status).toBe("DISABLED");
  });

  it("lets only the security administrator reset another 三员 account's password and second factor, audited", async () => {
    const target = await userWith("SYSTEM_ADMIN");
    for (const role of ROLES) {
      if (role === "SECURITY_ADMIN") continue;
      const actor = await userWith(role);
      expect(await executeAction(resetAdminPasswordOp, actor, meta, { userId: target.id }), role).toEqual(REFUSED);
      expect(await executeAction(resetAdminMfaOp, actor, meta, { userId: target.id }), role).toEqual(REFUSED);
    }
    const sec = await userWith("SECURITY_ADMIN");
    const [hash, before] = [await passwordOf(target.id), await accountOf(target.id)];
    const r = await executeAction(resetAdminPasswordOp, sec, meta, { userId: target.id });
    expect(r).toMatchObject({ ok: true, data: { username: target.username, oneTimePassword: expect.any(String) } });
    expect(await passwordOf(target.id)).not.toBe(hash);
    const after = await accountOf(target.id);
    expect(after.mustChangePassword).toBe(true);
    expect(after.sessionVersion).toBeGreaterThan(before.sessionVersion);
    expect((await auditRows({ entityId: target.id, operation: "user.resetPassword" }))[0]).toMatchObject({ outcome: "SUCCESS", actorId: sec.id });

    await db.user.update({ where: { id: target.id }, data: { mfaSecret: "sealed", mfaEnabledAt: new Date() } });
    expect(await executeAction(resetAdminMfaOp, sec, meta, { userId: target.id })).toMatchObject({ ok: true });
    expect((await accountOf(target.id)).mfaSecret).toBeNull();
    expect((await auditRows({ entityId: target.id, operation: "user.resetMfa" }))[0]).toMatchObject({ outcome: "SUCCESS", actorId: sec.id });
  });

  it("refuses the security administrator its own account, a business account and bad input", async () => {
    const sec = await userWith("SECURITY_ADMIN");
    const unit = await userWith("UNIT_USER");
    const hash = await passwordOf(unit.id);
    expect(await executeAction(resetAdminPasswordOp, sec, meta, { userId: sec.id })).toMatchObject({ ok: false, error: expect.stringContaining("自己") });
    expect(await executeAction(resetAdminMfaOp, sec, meta, { userId: sec.id })).toMatchObject({ ok: false, error: expect.stringContaining("自己") });
    expect(await executeAction(resetAdminPasswordOp, sec, meta, { userId: unit.id })).toMatchObject({ ok: false, error: expect.stringContaining("只重置三员账号") });
    expect(await passwordOf(unit.id)).toBe(hash);
    expect(await executeAction(resetAdminPasswordOp, sec, meta, { userId: "" })).toMatchObject({ ok: false, fieldErrors: { userId: expect.any(Array) } });
    expect(await executeAction(resetAdminPasswordOp, sec, meta, { userId: "x".repeat(41) })).toMatchObject({ ok: false });
  });
});
