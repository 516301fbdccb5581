import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { executeAction } from "@/lib/actions/pipeline";
import { changePasswordOp } from "@/lib/account/operations";
import { attemptLogin } from "@/lib/auth/login";
import { resolveSession } from "@/lib/auth/session";
import { revokeSessions } from "@/lib/auth/revoke";
import { newPasswordProblem, PASSWORD_HISTORY } from "@/lib/auth/password-policy";
import { createOrganization, createUser } from "@/prisma/seed/factories";
import { sessionUserOf } from "./helpers";

const PASSWORD = "Demo@2025";
const meta = () => ({ ip: `10.61.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`, userAgent: "vitest" });

async function signedIn() {
  const org = await createOrganization(db, { type: "COOPERATIVE" });
  const user = await createUser(db, { role: "UNIT_USER", organizationId: org.id, password: PASSWORD });
  const login = await attemptLogin(db, { username: user.username, password: PASSWORD }, meta());
  if (!login.ok) throw new Error("login failed");
  const now = Date.now();
  // What the JWT carries (lib/auth/options.ts).
  const token = { uid: user.id, sv: login.user.sessionVersion, loginAt: now, lastSeen: now };
  return { user, token };
}

describe("server-side session revocation", () => {
  it("refuses a token after sign-out revoked it, even though the cookie itself is still valid", async () => {
    const { user, token } = await signedIn();
    expect((await resolveSession(db, token)).user?.id).toBe(user.id);
    expect(await revokeSessions(db, user.id, token.sv)).toBe(true);
    expect(await resolveSession(db, token)).toMatchObject({ user: null, expired: true, endedFor: { id: user.id } });
    // A second sign-out with the stale token changes nothing more.
    expect(await revokeSessions(db, user.id, token.sv)).toBe(false);
    // A fresh sign-in carries the new version.
    const again = await attemptLogin(db, { username: user.username, password: PASSWORD }, meta());
    expect(again).toMatchObject({ ok: true, user: { sessionVersion: 1 } });
    expect((await resolveSession(db, { ...token, sv: 1 })).user?.id).toBe(user.id);
  });

  it("ends every session when the password is changed", async () => {
    const { user, token } = await signedIn();
    const me = await sessionUserOf(user.id);
    const r = await executeAction(changePasswordOp, me, meta(), { currentPassword: PASSWORD, newPassword: "Fresh#River88", confirmPassword: "Fresh#River88" });
    expect(r).toMatchObject({ ok: true });
    expect(await resolveSession(db, token)).toMatchObject({ user: null, expired: true });
  });

  it("sends a holder of an expired password (or an expired temporary account) away", async () => {
    const { user, token } = await signedIn();
    await db.user.update({ where: { id: user.id }, data: { passwordChangedAt: new Date(Date.now() - 91 * 86_400_000) } });
    expect(await resolveSession(db, token)).toMatchObject({ user: null, mustChange: { id: user.id } });
    await db.user.update({ where: { id: user.id }, data: { passwordChangedAt: new Date(), expiresAt: new Date(Date.now() - 1000) } });
    expect(await resolveSession(db, token)).toMatchObject({ user: null, expired: true });
  });
});

describe("password policy", () => {
  it("refuses the account name inside the password and common passwords", () => {
    expect(newPasswordProblem("Zhangsan#2026", "zhangsan")).toBe("密码不能包含账号名");
    expect(newPasswordProblem("xx-ZHANGSAN-9a", "zhangsan")).toBe("密码不能包含账号名");
    expect(newPasswordProblem("P@ssw0rd", "zhangsan")).toMatch(/常见/);
    expect(newPasswordProblem("Admin@123", "zhangsan")).toMatch(/常见/);
    expect(newPasswordProblem("Fresh#River88", "zhangsan")).toBeNull();
  });

  it(`refuses reusing any of the last ${PASSWORD_HISTORY} passwords, and changes nothing`, async () => {
    const { user } = await signedIn();
    const me = await sessionUserOf(user.id);
    const passwords = [PASSWORD, "Alpha#River1", "Bravo#River2", "Charlie#River3", "Delta#River4", "Echo#River5"];
    for (let i = 1; i < passwords.length; i++) {
      const r = await executeAction(changePasswordOp, me, meta(), { currentPassword: passwords[i - 1], newPassword: passwords[i], confirmPassword: passwords[i] });
      expect(r, passwords[i]).toMatchObject({ ok: true });
    }
    const current = passwords.at(-1)!;
    // The last 5 (current included) are refused; the 6th back may come again.
    for (const old of passwords.slice(-PASSWORD_HISTORY)) {
      if (old === current) continue;
      const before = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true, sessionVersion: true } });
      const r = await executeAction(changePasswordOp, me, meta(), { currentPassword: current, newPassword: old, confirmPassword: old });
      expect(r, old).toMatchObject({ ok: false, fieldErrors: { newPassword: [expect.stringContaining("最近 5 次")] } });
      expect(await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true, sessionVersion: true } })).toEqual(before);
    }
    const r = await executeAction(changePasswordOp, me, meta(), { currentPassword: current, newPassword: "Demo@2025x", confirmPassword: "Demo@2025x" });
    expect(r).toMatchObject({ ok: true });
  });

  it("refuses a common password or one holding the account name when changing", async () => {
    const { user } = await signedIn();
    const me = await sessionUserOf(user.id);
    for (const bad of ["P@ssw0rd", `${user.username}#A1`]) {
      const r = await executeAction(changePasswordOp, me, meta(), { currentPassword: PASSWORD, newPassword: bad, confirmPassword: bad });
      expect(r, bad).toMatchObject({ ok: false, fieldErrors: { newPassword: [expect.any(String)] } });
    }
  });
});
