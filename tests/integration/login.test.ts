import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { attemptLogin } from "@/lib/auth/login";
import { LOCKOUT_MS } from "@/lib/auth/session-policy";
import { createOrganization, createUser } from "@/prisma/seed/factories";
import { auditRows, meta } from "./helpers";

const PASSWORD = "Demo@2025";

async function newUnitUser(status?: "ACTIVE" | "PENDING" | "DISABLED") {
  const org = await createOrganization(db, { type: "COOPERATIVE" });
  const user = await createUser(db, { role: "UNIT_USER", organizationId: org.id, password: PASSWORD });
  if (status) await db.user.update({ where: { id: user.id }, data: { status } });
  return user;
}

describe("attemptLogin", () => {
  it("signs in with the right password, returns the role grants, and audits success", async () => {
    const user = await newUnitUser();
    const result = await attemptLogin(db, { username: user.username, password: PASSWORD }, meta);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.user.roles).toEqual([expect.objectContaining({ role: "UNIT_USER", organizationId: user.organizationId })]);
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.lastLoginIp).toBe(meta.ip);
    expect(row.failedLoginCount).toBe(0);
    const audits = await auditRows({ entityId: user.id, operation: "auth.login" });
    expect(audits.map((a) => a.outcome)).toEqual(["SUCCESS"]);
    expect(audits[0].ip).toBe(meta.ip);
  });

  it("refuses a wrong password, counts it and audits the failure", async () => {
    const user = await newUnitUser();
    const result = await attemptLogin(db, { username: user.username, password: "Wrong@2025" }, meta);
    expect(result).toEqual({ ok: false, reason: "INVALID" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).failedLoginCount).toBe(1);
    expect((await auditRows({ entityId: user.id })).map((a) => a.outcome)).toEqual(["FAILURE"]);
  });

  it("refuses an unknown account without revealing it, and audits the attempt", async () => {
    const username = `nobody-${Date.now()}`;
    expect(await attemptLogin(db, { username, password: PASSWORD }, meta)).toEqual({ ok: false, reason: "INVALID" });
    const rows = await db.auditLog.findMany({ where: { operation: "auth.login", summary: { startsWith: username } } });
    expect(rows).toHaveLength(1);
  });

  it("refuses malformed input as invalid", async () => {
    expect(await attemptLogin(db, { username: "", password: "" }, meta)).toEqual({ ok: false, reason: "INVALID" });
    expect(await attemptLogin(db, null, meta)).toEqual({ ok: false, reason: "INVALID" });
  });

  it("locks the account on the 5th consecutive failure, even against the right password, for 15 minutes", async () => {
    const user = await newUnitUser();
    const now = new Date();
    const reasons = [];
    for (let i = 0; i < 5; i++) reasons.push((await attemptLogin(db, { username: user.username, password: "Wrong@1" }, meta, now)));
    expect(reasons.map((r) => (r.ok ? "ok" : r.reason))).toEqual(["INVALID", "INVALID", "INVALID", "INVALID", "LOCKED"]);
    const locked = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(locked.lockedUntil?.getTime()).toBe(now.getTime() + LOCKOUT_MS);

    const during = new Date(now.getTime() + LOCKOUT_MS - 1000);
    expect(await attemptLogin(db, { username: user.username, password: PASSWORD }, meta, during)).toEqual({ ok: false, reason: "LOCKED" });
    expect((await auditRows({ entityId: user.id })).at(-1)?.outcome).toBe("DENIED");

    const after = new Date(now.getTime() + LOCKOUT_MS + 1000);
    const result = await attemptLogin(db, { username: user.username, password: PASSWORD }, meta, after);
    expect(result.ok).toBe(true);
    const reset = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(reset).toMatchObject({ failedLoginCount: 0, lockedUntil: null });
  });

  it("starts counting afresh after a lock has expired", async () => {
    const user = await newUnitUser();
    const now = new Date();
    for (let i = 0; i < 5; i++) await attemptLogin(db, { username: user.username, password: "Wrong@1" }, meta, now);
    const after = new Date(now.getTime() + LOCKOUT_MS + 1000);
    expect(await attemptLogin(db, { username: user.username, password: "Wrong@1" }, meta, after)).toEqual({ ok: false, reason: "INVALID" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).failedLoginCount).toBe(1);
  });

  it("loses no count when failures arrive in parallel (lockout held in the database)", async () => {
    const user = await newUnitUser();
    const results = await Promise.all(
      Array.from({ length: 8 }, () => attemptLogin(db, { username: user.username, password: "Wrong@1" }, meta)),
    );
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.failedLoginCount).toBeGreaterThanOrEqual(5);
    expect(row.lockedUntil).not.toBeNull();
    expect(results.some((r) => !r.ok && r.reason === "LOCKED")).toBe(true);
  });

  it("refuses pending and disabled accounts after checking the password", async () => {
    const pending = await newUnitUser("PENDING");
    expect(await attemptLogin(db, { username: pending.username, password: PASSWORD }, meta)).toEqual({ ok: false, reason: "PENDING" });
    const disabled = await newUnitUser("DISABLED");
    expect(await attemptLogin(db, { username: disabled.username, password: PASSWORD }, meta)).toEqual({ ok: false, reason: "DISABLED" });
    expect((await auditRows({ entityId: disabled.id })).map((a) => a.outcome)).toEqual(["DENIED"]);
  });
});
