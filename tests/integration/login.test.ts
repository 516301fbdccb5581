import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { attemptLogin, captchaRequired } from "@/lib/auth/login";
import { LOCKOUT_MS, LOCKOUT_THRESHOLD } from "@/lib/auth/session-policy";
import { checkCaptcha, issueCaptcha } from "@/lib/security/captcha";
import { CAPTCHA_AFTER_FAILURES, hit, LIMITS, purgeRateLimits } from "@/lib/security/rate-limit";
import { createOrganization, createUser } from "@/prisma/seed/factories";
import { auditRows } from "./helpers";

const PASSWORD = "Demo@2025";

/** Each test signs in from its own address: the per-address counters are shared by the whole run. */
let n = 0;
const from = () => ({ ip: `10.60.${Math.floor(Math.random() * 250)}.${++n % 250}`, userAgent: "vitest" });

async function newUnitUser(status?: "ACTIVE" | "PENDING" | "DISABLED") {
  const org = await createOrganization(db, { type: "COOPERATIVE" });
  const user = await createUser(db, { role: "UNIT_USER", organizationId: org.id, password: PASSWORD });
  if (status) await db.user.update({ where: { id: user.id }, data: { status } });
  return user;
}

const reasons = (rs: Awaited<ReturnType<typeof attemptLogin>>[]) => rs.map((r) => (r.ok ? "ok" : r.reason));

describe("attemptLogin", () => {
  it("signs in with the right password, returns the role grants and session version, and audits success", async () => {
    const user = await newUnitUser();
    const meta = from();
    const result = await attemptLogin(db, { username: user.username, password: PASSWORD }, meta);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.user.roles).toEqual([expect.objectContaining({ role: "UNIT_USER", organizationId: user.organizationId })]);
    expect(result.user.sessionVersion).toBe(0);
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.lastLoginIp).toBe(meta.ip);
    expect(row.failedLoginCount).toBe(0);
    const audits = await auditRows({ entityId: user.id, operation: "auth.login" });
    expect(audits.map((a) => a.outcome)).toEqual(["SUCCESS"]);
    expect(audits[0].ip).toBe(meta.ip);
  });

  it("refuses a wrong password, counts it and audits the failure", async () => {
    const user = await newUnitUser();
    const result = await attemptLogin(db, { username: user.username, password: "Wrong@2025" }, from());
    expect(result).toEqual({ ok: false, reason: "INVALID" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).failedLoginCount).toBe(1);
    expect((await auditRows({ entityId: user.id })).map((a) => a.outcome)).toEqual(["FAILURE"]);
  });

  it("refuses an unknown account without revealing it, and audits the attempt", async () => {
    const username = `nobody-${Date.now()}`;
    expect(await attemptLogin(db, { username, password: PASSWORD }, from())).toEqual({ ok: false, reason: "INVALID" });
    const rows = await db.auditLog.findMany({ where: { operation: "auth.login", summary: { startsWith: username } } });
    expect(rows).toHaveLength(1);
  });

  it("refuses malformed input as invalid", async () => {
    expect(await attemptLogin(db, { username: "", password: "" }, from())).toEqual({ ok: false, reason: "INVALID" });
    expect(await attemptLogin(db, null, from())).toEqual({ ok: false, reason: "INVALID" });
  });

  it("reads a NUL character in the account name as nothing (PostgreSQL refuses it in text; never a server error)", async () => {
    const user = await newUnitUser();
    expect(await attemptLogin(db, { username: `\u0000${user.username}\u0000`, password: PASSWORD }, from())).toMatchObject({ ok: true });
    expect(await attemptLogin(db, { username: "nobody\u0000", password: "x" }, from())).toEqual({ ok: false, reason: "INVALID" });
  });

  it("asks one address for a captcha after 3 failures on an account, and answers alike for an unknown account", async () => {
    const user = await newUnitUser();
    for (const username of [user.username, `ghost-${Date.now()}`]) {
      const meta = from();
      const rs = [];
      for (let i = 0; i < CAPTCHA_AFTER_FAILURES + 1; i++) rs.push(await attemptLogin(db, { username, password: "Wrong@1x" }, meta));
      expect(reasons(rs)).toEqual(["INVALID", "INVALID", "INVALID", "CAPTCHA"]);
      expect(await captchaRequired(db, meta.ip, username)).toBe(true);
      // A different address is not slowed down by this one (the owner signs in from home).
      expect(await captchaRequired(db, from().ip, username)).toBe(false);
    }
    expect(await attemptLogin(db, { username: user.username, password: PASSWORD }, from())).toMatchObject({ ok: true });
  });

  it("accepts a solved captcha once: a wrong or reused answer is refused before the password is checked", async () => {
    const user = await newUnitUser();
    const meta = from();
    for (let i = 0; i < CAPTCHA_AFTER_FAILURES; i++) await attemptLogin(db, { username: user.username, password: "Wrong@1x" }, meta);
    const wrong = await issueCaptcha(db);
    const badAnswer = wrong.answer === "AAAAA" ? "CCCCC" : "AAAAA";
    expect(await attemptLogin(db, { username: user.username, password: PASSWORD, captchaId: wrong.id, captchaAnswer: badAnswer }, meta))
      .toEqual({ ok: false, reason: "CAPTCHA" });
    // Used up by the wrong guess: even the right answer no longer opens it.
    expect(await attemptLogin(db, { username: user.username, password: PASSWORD, captchaId: wrong.id, captchaAnswer: wrong.answer }, meta))
      .toEqual({ ok: false, reason: "CAPTCHA" });
    const c = await issueCaptcha(db);
    const ok = await attemptLogin(db, { username: user.username, password: PASSWORD, captchaId: c.id, captchaAnswer: c.answer.toLowerCase() }, meta);
    expect(ok).toMatchObject({ ok: true });
    expect(await checkCaptcha(db, c.id, c.answer)).toBe(false);
    // Success clears this address's failures on the account.
    expect(await captchaRequired(db, meta.ip, user.username)).toBe(false);
  });

  it("pauses an address that keeps failing on one account, before any password check, without locking the owner", async () => {
    const user = await newUnitUser();
    const meta = from();
    const max = LIMITS.loginFailuresPerAddressAndAccount.max;
    for (let i = 0; i < max; i++) {
      const c = await issueCaptcha(db);
      await attemptLogin(db, { username: user.username, password: "Wrong@1x", captchaId: c.id, captchaAnswer: c.answer }, meta);
    }
    const c = await issueCaptcha(db);
    // The right password from the hammering address is paused too (no password check at all)...
    expect(await attemptLogin(db, { username: user.username, password: PASSWORD, captchaId: c.id, captchaAnswer: c.answer }, meta))
      .toEqual({ ok: false, reason: "THROTTLED" });
    // ...while the owner, elsewhere, signs in.
    expect(await attemptLogin(db, { username: user.username, password: PASSWORD }, from())).toMatchObject({ ok: true });
  });

  it("refuses attempts beyond the per-address limit before looking at the account", async () => {
    const meta = from();
    await db.rateLimit.create({ data: { key: `login:addr:${meta.ip}`, count: LIMITS.loginPerAddress.max, windowStart: new Date() } });
    const user = await newUnitUser();
    expect(await attemptLogin(db, { username: user.username, password: PASSWORD }, meta)).toEqual({ ok: false, reason: "THROTTLED" });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ lastLoginAt: null });
  });

  it("locks the account after failures from many addresses, told only to someone with the right password", async () => {
    const user = await newUnitUser();
    const now = new Date();
    for (let i = 0; i < LOCKOUT_THRESHOLD; i++) {
      expect(await attemptLogin(db, { username: user.username, password: "Wrong@1x" }, from(), now)).toEqual({ ok: false, reason: "INVALID" });
    }
    const locked = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(locked.lockedUntil?.getTime()).toBe(now.getTime() + LOCKOUT_MS);
    // A wrong password still hears only "wrong": the lock does not reveal that the account exists.
    expect(await attemptLogin(db, { username: user.username, password: "Wrong@2x" }, from(), now)).toEqual({ ok: false, reason: "INVALID" });
    const during = new Date(now.getTime() + LOCKOUT_MS - 1000);
    expect(await attemptLogin(db, { username: user.username, password: PASSWORD }, from(), during)).toEqual({ ok: false, reason: "LOCKED" });
    expect((await auditRows({ entityId: user.id })).at(-1)?.outcome).toBe("DENIED");

    const after = new Date(now.getTime() + LOCKOUT_MS + 1000);
    expect(await attemptLogin(db, { username: user.username, password: PASSWORD }, from(), after)).toMatchObject({ ok: true });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ failedLoginCount: 0, lockedUntil: null });
  });

  it("loses no count when failures arrive in parallel (counters held in the database)", async () => {
    const user = await newUnitUser();
    await Promise.all(Array.from({ length: 6 }, () => attemptLogin(db, { username: user.username, password: "Wrong@1" }, from())));
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).failedLoginCount).toBe(6);
    const meta = from();
    await Promise.all(Array.from({ length: 3 }, () => attemptLogin(db, { username: user.username, password: "Wrong@1" }, meta)));
    expect((await db.rateLimit.findUniqueOrThrow({ where: { key: `login:fail:${meta.ip}:${user.username.toLowerCase()}` } })).count).toBe(3);
  });

  it("refuses pending, disabled and expired temporary accounts only after checking the password", async () => {
    const pending = await newUnitUser("PENDING");
    expect(await attemptLogin(db, { username: pending.username, password: PASSWORD }, from())).toEqual({ ok: false, reason: "PENDING" });
    const disabled = await newUnitUser("DISABLED");
    expect(await attemptLogin(db, { username: disabled.username, password: PASSWORD }, from())).toEqual({ ok: false, reason: "DISABLED" });
    expect((await auditRows({ entityId: disabled.id })).map((a) => a.outcome)).toEqual(["DENIED"]);
    const temp = await newUnitUser();
    await db.user.update({ where: { id: temp.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await attemptLogin(db, { username: temp.username, password: "Wrong@1x" }, from())).toEqual({ ok: false, reason: "INVALID" });
    expect(await attemptLogin(db, { username: temp.username, password: PASSWORD }, from())).toEqual({ ok: false, reason: "EXPIRED" });
    await db.user.update({ where: { id: temp.id }, data: { expiresAt: new Date(Date.now() + 86_400_000) } });
    expect(await attemptLogin(db, { username: temp.username, password: PASSWORD }, from())).toMatchObject({ ok: true });
  });

  it("keeps counters in one table across instances, and the sweep drops only long-finished windows", async () => {
    const key = `test:${Date.now()}`;
    const limit = { max: 2, windowMs: 60_000 };
    const t0 = new Date();
    expect(await Promise.all([hit(db, key, limit, t0), hit(db, key, limit, t0), hit(db, key, limit, t0)])).toEqual(expect.arrayContaining([1, 2, 3]));
    // A new window starts afresh.
    expect(await hit(db, key, limit, new Date(t0.getTime() + 61_000))).toBe(1);
    await db.rateLimit.create({ data: { key: `${key}:old`, count: 5, windowStart: new Date(0), updatedAt: new Date(t0.getTime() - 2 * 86_400_000) } });
    expect(await purgeRateLimits(db, t0)).toBeGreaterThanOrEqual(1);
    expect(await db.rateLimit.findUnique({ where: { key: `${key}:old` } })).toBeNull();
    expect(await db.rateLimit.findUnique({ where: { key } })).not.toBeNull();
  });
});
