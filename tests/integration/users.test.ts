import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { executeAction } from "@/lib/actions/pipeline";
import { setUserStatusOp, unlockUserOp } from "@/lib/users/operations";
import { searchUsers, usersForExport } from "@/lib/users/queries";
import { userSearchSchema } from "@/lib/users/schemas";
import { createOrganization, createUser } from "@/prisma/seed/factories";
import { expertWithUser, ministryAdmin, provinceAdmin, unitUser } from "./fixtures";
import { auditRows, meta, sessionUserOf } from "./helpers";

const inAnHour = () => new Date(Date.now() + 3600_000);

async function lockedUnitUser(regionCode: string) {
  const org = await createOrganization(db, { type: "HOSPITAL", regionCode });
  const u = await createUser(db, { role: "UNIT_USER", organizationId: org.id });
  await db.user.update({ where: { id: u.id }, data: { failedLoginCount: 5, lockedUntil: inAnHour() } });
  return u;
}


describe("account management: unlock", () => {
  it("lets a province unlock an account of its own province, audited", async () => {
    const sichuan = await provinceAdmin("51");
    const target = await lockedUnitUser("510131");
    expect(await executeAction(unlockUserOp, sichuan, meta, { userId: target.id })).toMatchObject({ ok: true });
    expect(await db.user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ lockedUntil: null, failedLoginCount: 0 });
    expect((await auditRows({ entityId: target.id, operation: "user.unlock" }))[0]).toMatchObject({ outcome: "SUCCESS", actorId: sichuan.id });
  });

  it("refuses a province acting on another province's account: audited, unchanged", async () => {
    const zhejiang = await provinceAdmin("33");
    const target = await lockedUnitUser("510131");
    expect(await executeAction(unlockUserOp, zhejiang, meta, { userId: target.id })).toEqual({ ok: false, error: "无权执行此操作" });
    expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).lockedUntil).not.toBeNull();
    expect((await auditRows({ actorId: zhejiang.id }))[0]).toMatchObject({ outcome: "DENIED", entityId: target.id });
  });

  it("keeps ministry accounts out of a province's reach, even a Beijing one", async () => {
    const beijing = await provinceAdmin("11");
    const ministry = await ministryAdmin();
    await db.user.update({ where: { id: ministry.id }, data: { lockedUntil: inAnHour() } });
    expect(await executeAction(unlockUserOp, beijing, meta, { userId: ministry.id })).toMatchObject({ ok: false, error: "无权执行此操作" });
    const other = await ministryAdmin();
    expect(await executeAction(unlockUserOp, other, meta, { userId: ministry.id })).toMatchObject({ ok: true });
  });

  it("refuses roles without account management", async () => {
    const unit = await unitUser((await createOrganization(db, { type: "ENTERPRISE" })).id);
    const target = await lockedUnitUser("510131");
    expect(await executeAction(unlockUserOp, unit, meta, { userId: target.id })).toEqual({ ok: false, error: "无权执行此操作" });
    const expert = await expertWithUser();
    expect(await executeAction(unlockUserOp, expert.session, meta, { userId: target.id })).toMatchObject({ ok: false });
  });

  it("derives an expert account's province from the expert profile", async () => {
    const zhejiang = await provinceAdmin("33");
    const expert = await expertWithUser({ regionCode: "330106" });
    await db.user.update({ where: { id: expert.user!.id }, data: { lockedUntil: inAnHour() } });
    expect(await executeAction(unlockUserOp, zhejiang, meta, { userId: expert.user!.id })).toMatchObject({ ok: true });
  });

  it("reports an account that is not locked, or does not exist, clearly", async () => {
    const ministry = await ministryAdmin();
    const target = await lockedUnitUser("510131");
    await db.user.update({ where: { id: target.id }, data: { lockedUntil: null } });
    expect(await executeAction(unlockUserOp, ministry, meta, { userId: target.id })).toMatchObject({ ok: false, error: expect.stringContaining("未被锁定") });
    expect(await executeAction(unlockUserOp, ministry, meta, { userId: "nope" })).toEqual({ ok: false, error: "账号不存在或已被删除" });
    expect(await executeAction(unlockUserOp, ministry, meta, {})).toMatchObject({ ok: false, fieldErrors: { userId: ["缺少账号"] } });
  });
});

describe("account management: disable and enable", () => {
  it("disables and re-enables, refusing illegal transitions and one's own account", async () => {
    const sichuan = await provinceAdmin("51");
    const target = await lockedUnitUser("510131");
    expect(await executeAction(setUserStatusOp, sichuan, meta, { userId: target.id, status: "DISABLED" })).toMatchObject({ ok: true });
    expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).status).toBe("DISABLED");
    expect(await executeAction(setUserStatusOp, sichuan, meta, { userId: target.id, status: "DISABLED" })).toMatchObject({ ok: false, error: expect.stringContaining("无法停用") });
    expect(await executeAction(setUserStatusOp, sichuan, meta, { userId: target.id, status: "ACTIVE" })).toMatchObject({ ok: true });
    expect(await executeAction(setUserStatusOp, sichuan, meta, { userId: sichuan.id, status: "DISABLED" })).toMatchObject({ ok: false, error: "不能停用或启用自己的账号" });
    expect(await executeAction(setUserStatusOp, sichuan, meta, { userId: target.id, status: "PENDING" })).toMatchObject({ ok: false, fieldErrors: { status: ["状态只能是启用或停用"] } });
    const audits = await auditRows({ entityId: target.id });
    expect(audits.filter((a) => a.outcome === "SUCCESS").map((a) => a.operation)).toEqual(["user.disable", "user.enable"]);
  });

  it("refuses to disable another province's account or a ministry account: audited, unchanged", async () => {
    const zhejiang = await provinceAdmin("33");
    const target = await lockedUnitUser("510131");
    const ministry = await ministryAdmin();
    for (const userId of [target.id, ministry.id]) {
      expect(await executeAction(setUserStatusOp, zhejiang, meta, { userId, status: "DISABLED" })).toEqual({ ok: false, error: "无权执行此操作" });
      expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).status).toBe("ACTIVE");
    }
    expect((await auditRows({ actorId: zhejiang.id })).map((a) => a.outcome)).toEqual(["DENIED", "DENIED"]);
  });

  it("keeps peer administrators out of a province's reach — even ones the ministry disabled — and out of its list", async () => {
    const sichuan = await provinceAdmin("51");
    const peer = await provinceAdmin("51");
    const disabledPeer = await provinceAdmin("51");
    const ministry = await ministryAdmin();
    expect(await executeAction(setUserStatusOp, ministry, meta, { userId: disabledPeer.id, status: "DISABLED" })).toMatchObject({ ok: true });
    expect(await executeAction(setUserStatusOp, sichuan, meta, { userId: peer.id, status: "DISABLED" })).toEqual({ ok: false, error: "无权执行此操作" });
    expect(await executeAction(setUserStatusOp, sichuan, meta, { userId: disabledPeer.id, status: "ACTIVE" })).toEqual({ ok: false, error: "无权执行此操作" });
    expect(await executeAction(unlockUserOp, sichuan, meta, { userId: peer.id })).toEqual({ ok: false, error: "无权执行此操作" });
    expect((await db.user.findUniqueOrThrow({ where: { id: peer.id } })).status).toBe("ACTIVE");
    expect((await db.user.findUniqueOrThrow({ where: { id: disabledPeer.id } })).status).toBe("DISABLED");
    expect((await auditRows({ actorId: sichuan.id })).map((a) => a.outcome)).toEqual(["DENIED", "DENIED", "DENIED"]);
    const listed = (await searchUsers(sichuan, userSearchSchema.parse({ q: peer.username }))).rows;
    expect(listed).toEqual([]);
    expect(await executeAction(setUserStatusOp, ministry, meta, { userId: disabledPeer.id, status: "ACTIVE" })).toMatchObject({ ok: true });
  });

  it("lets exactly one of two simultaneous disables succeed", async () => {
    const a = await provinceAdmin("51");
    const b = await provinceAdmin("51");
    const target = await lockedUnitUser("510131");
    const results = await Promise.all([
      executeAction(setUserStatusOp, a, meta, { userId: target.id, status: "DISABLED" }),
      executeAction(setUserStatusOp, b, meta, { userId: target.id, status: "DISABLED" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect((await auditRows({ entityId: target.id, operation: "user.disable" })).filter((r) => r.outcome === "SUCCESS")).toHaveLength(1);
  });
});

describe("account list scope", () => {
  it("lists for a province only its own province's accounts, never ministry ones", async () => {
    const sichuan = await provinceAdmin("51");
    const own = await lockedUnitUser("510131");
    const foreign = await lockedUnitUser("330106");
    const ministry = await ministryAdmin();
    const list = async (q: string) => (await searchUsers(sichuan, userSearchSchema.parse({ q }))).rows.map((r) => r.id);
    expect(await list(own.username)).toEqual([own.id]);
    expect(await list(foreign.username)).toEqual([]);
    expect(await list(ministry.username)).toEqual([]);
    const national = await ministryAdmin();
    expect((await searchUsers(national, userSearchSchema.parse({ q: foreign.username }))).rows.map((r) => r.id)).toEqual([foreign.id]);
  });

  it("exports only the accounts the list shows, every page of them, and nothing for a role without the right", async () => {
    const sichuan = await provinceAdmin("51");
    const own = await lockedUnitUser("510131");
    const foreign = await lockedUnitUser("330106");
    const exported = (await usersForExport(sichuan, userSearchSchema.parse({ status: "LOCKED", page: "3" }))).map((r) => r.id);
    expect(exported).toContain(own.id); // page 3 of the screen is ignored: the file holds every matching account
    expect(exported).not.toContain(foreign.id);
    const unit = await sessionUserOf(own.id);
    expect(await usersForExport(unit, userSearchSchema.parse({}))).toEqual([]);
  });

  it("filters locked accounts", async () => {
    const national = await ministryAdmin();
    const locked = await lockedUnitUser("510131");
    const result = await searchUsers(national, userSearchSchema.parse({ status: "LOCKED", q: locked.username }));
    expect(result.rows.map((r) => r.id)).toEqual([locked.id]);
    expect(result.rows[0].lockedUntil).not.toBeNull();
  });
});
