import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { executeAction } from "@/lib/actions/pipeline";
import { grantAdminRoleOp, revokeAdminRoleOp } from "@/lib/admin-roles/operations";
import { readAuditLog, auditSearchSchema } from "@/lib/audit/queries";
import { holds } from "@/lib/auth/permissions";
import { ROLES } from "@/lib/auth/roles";
import { createUser } from "@/prisma/seed/factories";
import { userWith } from "./fixtures";
import { auditRows, meta, REFUSED } from "./helpers";

// 三员分立: the security administrator grants the three administrator roles; one account holds at most one of them;
// nobody grants or revokes their own; the audit administrator's reads of the log are themselves audited.
const adminRolesOf = async (userId: string) =>
  (await db.roleAssignment.findMany({ where: { userId, role: { in: ["SYSTEM_ADMIN", "SECURITY_ADMIN", "AUDIT_ADMIN"] } } })).map((r) => r.role);

describe("三员分立: granting the administrator roles", () => {
  it("lets only the security administrator grant (every role tried), audited; refusals change nothing", async () => {
    for (const role of ROLES) {
      const actor = await userWith(role);
      const target = await createUser(db, { role: "UNIT_USER" });
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

  it("lets exactly one of two security administrators win when both grant the same account different roles at once", async () => {
    const [a, b] = [await userWith("SECURITY_ADMIN"), await userWith("SECURITY_ADMIN")];
    const target = await createUser(db, { role: "UNIT_USER" });
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
