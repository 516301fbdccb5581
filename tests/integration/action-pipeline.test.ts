import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { executeAction } from "@/lib/actions/pipeline";
import { changePasswordOp } from "@/lib/account/operations";
import { markNotificationsReadOp } from "@/lib/notifications/operations";
import { verifyPassword } from "@/lib/auth/password";
import { DEMO_PASSWORD as PASSWORD } from "@/prisma/seed/accounts";
import { SICHUAN_COUNTY, unitIn } from "./fixtures";
import { auditRowHash } from "@/lib/audit/chain";
import { auditRows, meta } from "./helpers";

/** A user of a fresh school, signing in with the demo password. */
const unitUser = async () => (await unitIn(SICHUAN_COUNTY, "SCHOOL")).user;

describe("change password through the action pipeline", () => {
  const good = { currentPassword: PASSWORD, newPassword: "Better#2026", confirmPassword: "Better#2026" };

  it("changes the password, stamps the change and writes one success audit row", async () => {
    const user = await unitUser();
    const before = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    const result = await executeAction(changePasswordOp, user, meta, good);
    expect(result).toMatchObject({ ok: true });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(after.passwordHash, "Better#2026")).toBe(true);
    expect(after.passwordChangedAt.getTime()).toBeGreaterThan(before.passwordChangedAt.getTime());
    const audits = await auditRows({ actorId: user.id, operation: "account.changePassword" });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ outcome: "SUCCESS", entityType: "User", entityId: user.id, ip: meta.ip });
  });

  it("has the success audit row joined to the hash chain just after the commit, without a sweep", async () => {
    const user = await unitUser();
    expect(await executeAction(changePasswordOp, user, meta, good)).toMatchObject({ ok: true });
    // The pipeline asks for a chain run once the action's transaction has committed (lib/audit/chainer.ts).
    await expect.poll(async () => (await auditRows({ actorId: user.id, operation: "account.changePassword" }))[0]?.seq ?? null, { timeout: 10_000 })
      .not.toBeNull();
    const [row] = await auditRows({ actorId: user.id, operation: "account.changePassword" });
    expect(row.hash).toBe(auditRowHash(row.prevHash!, { ...row, seq: row.seq! }));
  });

  it("returns field errors in Chinese for bad input and changes nothing", async () => {
    const user = await unitUser();
    const before = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    const result = await executeAction(changePasswordOp, user, meta, { ...good, newPassword: "short", confirmPassword: "x" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors?.newPassword).toContain("密码至少 8 位");
    expect(result.fieldErrors?.confirmPassword).toContain("两次输入的新密码不一致");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(before.passwordHash);
  });

  it("refuses a wrong current password beside that field and changes nothing", async () => {
    const user = await unitUser();
    const before = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    const result = await executeAction(changePasswordOp, user, meta, { ...good, currentPassword: "Wrong#2025" });
    expect(result).toMatchObject({ ok: false, fieldErrors: { currentPassword: ["当前密码不正确"] } });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(before.passwordHash);
  });

  it("asks to sign in again when there is no session", async () => {
    expect(await executeAction(changePasswordOp, null, meta, good)).toEqual({ ok: false, error: "登录已超时，请重新登录" });
  });

  it("reads FormData as a form would send it", async () => {
    const user = await unitUser();
    const fd = new FormData();
    for (const [k, v] of Object.entries(good)) fd.append(k, v);
    expect(await executeAction(changePasswordOp, user, meta, fd)).toMatchObject({ ok: true });
  });
});

describe("ownership is read from the record", () => {
  it("marks one's own notification read", async () => {
    const user = await unitUser();
    const n = await db.notification.create({ data: { userId: user.id, title: "需求已退回" } });
    expect(await executeAction(markNotificationsReadOp, user, meta, { id: n.id })).toMatchObject({ ok: true, data: { updated: 1 } });
    expect((await db.notification.findUniqueOrThrow({ where: { id: n.id } })).readAt).not.toBeNull();
  });

  it("refuses another user's notification, audits the refusal and changes nothing", async () => {
    const owner = await unitUser();
    const intruder = await unitUser();
    const n = await db.notification.create({ data: { userId: owner.id, title: "需求审核通过" } });
    const result = await executeAction(markNotificationsReadOp, intruder, meta, { id: n.id });
    expect(result).toEqual({ ok: false, error: "无权执行此操作" });
    expect((await db.notification.findUniqueOrThrow({ where: { id: n.id } })).readAt).toBeNull();
    const denied = await auditRows({ actorId: intruder.id, operation: "notification.read" });
    expect(denied).toHaveLength(1);
    expect(denied[0]).toMatchObject({ outcome: "DENIED", entityType: "Notification", entityId: n.id });
  });

  it("reports a missing record as not found", async () => {
    const user = await unitUser();
    const result = await executeAction(markNotificationsReadOp, user, meta, { id: "does-not-exist" });
    expect(result).toEqual({ ok: false, error: "通知不存在或已被删除" });
  });

  it("refuses a user whose role lacks the operation before touching any record", async () => {
    const nobody = { ...(await unitUser()), roles: [] };
    const result = await executeAction(changePasswordOp, nobody, meta, {
      currentPassword: PASSWORD, newPassword: "Better#2026", confirmPassword: "Better#2026",
    });
    expect(result).toEqual({ ok: false, error: "无权执行此操作" });
    expect((await auditRows({ actorId: nobody.id, operation: "account.changePassword" }))[0]?.outcome).toBe("DENIED");
  });
});
