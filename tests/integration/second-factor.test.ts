import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { executeAction } from "@/lib/actions/pipeline";
import { attemptLogin } from "@/lib/auth/login";
import { DEMO_PASSWORD } from "@/prisma/seed/accounts";
import { beginMfaOp, confirmMfaOp } from "@/lib/mfa/operations";
import { mfaEnrolmentDue, MFA_REQUIRED_ROLES } from "@/lib/mfa/policy";
import { pendingSecret } from "@/lib/mfa/service";
import { totpCode } from "@/lib/mfa/totp";
import { userWith } from "./fixtures";
import { auditRows, meta } from "./helpers";

async function enrolled(role: "PROVINCE_ADMIN" | "MINISTRY_ADMIN" = "PROVINCE_ADMIN") {
  const user = await userWith(role);
  expect(await executeAction(beginMfaOp, user, meta, {})).toMatchObject({ ok: true });
  const secret = (await pendingSecret(db, user.id))!;
  // The code of the previous step: sign-ins in the test then use the current one (each step is accepted once).
  const result = await executeAction(confirmMfaOp, user, meta, { code: totpCode(secret, Date.now() - 30_000) });
  if (!result.ok) throw new Error(result.error);
  return { user, secret, recoveryCodes: result.data.recoveryCodes };
}

const login = (username: string, otp?: string) => attemptLogin(db, { username, password: DEMO_PASSWORD, ...(otp === undefined ? {} : { otp }) }, meta);

describe("second factor: enrolment", () => {
  it("enrols with a code from the app; the secret is stored sealed and the recovery codes only as hashes; audited", async () => {
    const { user, secret, recoveryCodes } = await enrolled();
    expect(recoveryCodes).toHaveLength(10);
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { mfaSecret: true, mfaEnabledAt: true } });
    expect(row.mfaEnabledAt).not.toBeNull();
    expect(row.mfaSecret).toMatch(/^sm4:/);
    expect(row.mfaSecret).not.toContain(secret);
    const stored = await db.mfaRecoveryCode.findMany({ where: { userId: user.id } });
    expect(stored).toHaveLength(10);
    for (const code of recoveryCodes) expect(stored.some((s) => s.codeHash.includes(code.replace("-", "")))).toBe(false);
    expect((await auditRows({ actorId: user.id, operation: "account.mfa" })).map((r) => r.outcome)).toEqual(["SUCCESS", "SUCCESS"]);
    // Once on, it cannot be restarted by the account itself.
    expect(await executeAction(beginMfaOp, user, meta, {})).toMatchObject({ ok: false, error: "双因素认证已启用" });
  });

  it("refuses a wrong or malformed code and leaves the factor off", async () => {
    const user = await userWith("PROVINCE_ADMIN");
    await executeAction(beginMfaOp, user, meta, {});
    const secret = (await pendingSecret(db, user.id))!;
    const wrong = totpCode(secret) === "000000" ? "111111" : "000000";
    expect(await executeAction(confirmMfaOp, user, meta, { code: wrong })).toMatchObject({ ok: false, fieldErrors: { code: expect.any(Array) } });
    expect(await executeAction(confirmMfaOp, user, meta, { code: "12ab" })).toMatchObject({ ok: false, fieldErrors: { code: expect.any(Array) } });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).mfaEnabledAt).toBeNull();
    expect(await db.mfaRecoveryCode.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("second factor: sign-in stage", () => {
  it("asks for the code after the right password, refuses a wrong one (counted toward lockout), accepts the right one once", async () => {
    const { user, secret } = await enrolled();
    expect(await login(user.username)).toEqual({ ok: false, reason: "MFA_REQUIRED" });
    const code = totpCode(secret);
    const wrong = code === "000000" ? "111111" : "000000";
    expect(await login(user.username, wrong)).toEqual({ ok: false, reason: "MFA_INVALID" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).failedLoginCount).toBe(1);
    expect(await login(user.username, code)).toMatchObject({ ok: true });
    expect(await login(user.username, code)).toEqual({ ok: false, reason: "MFA_INVALID" }); // replay refused
    const rows = await auditRows({ entityId: user.id, operation: "auth.login" });
    expect(rows.map((r) => r.summary)).toEqual(expect.arrayContaining([expect.stringContaining("登录成功（动态口令）"), expect.stringContaining("已使用过")]));
  });

  it("accepts each recovery code once", async () => {
    const { user, recoveryCodes } = await enrolled();
    expect(await login(user.username, recoveryCodes[3].toUpperCase())).toMatchObject({ ok: true });
    expect(await login(user.username, recoveryCodes[3])).toEqual({ ok: false, reason: "MFA_INVALID" });
    expect(await db.mfaRecoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(9);
    expect((await auditRows({ entityId: user.id, operation: "auth.login" })).some((r) => r.summary.includes("剩余 9 个"))).toBe(true);
  });

  it("lets exactly one of two sign-ins with the same code through", async () => {
    const { user, secret } = await enrolled();
    const code = totpCode(secret);
    const results = await Promise.all([login(user.username, code), login(user.username, code)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  it("does not ask accounts that have not enrolled (enrolment is enforced after sign-in instead)", async () => {
    const unit = await userWith("UNIT_USER");
    expect(await login(unit.username)).toMatchObject({ ok: true });
  });
});

describe("second factor: who must enrol", () => {
  const production = { NODE_ENV: "production" } as NodeJS.ProcessEnv;
  const demo = { NODE_ENV: "production", DEMO_MODE: "1" } as NodeJS.ProcessEnv;
  const demoWithMfa = { ...demo, DEMO_MFA: "1" } as NodeJS.ProcessEnv;

  it("requires ministry and province staff and every administrator to enrol in production; not the others", () => {
    for (const role of ["MINISTRY_ADMIN", "PROVINCE_ADMIN", "DEPARTMENT_ADMIN", "SYSTEM_ADMIN", "SECURITY_ADMIN", "AUDIT_ADMIN"] as const) {
      expect(MFA_REQUIRED_ROLES).toContain(role);
      expect(mfaEnrolmentDue({ roles: [{ role }], mfaEnabledAt: null }, production), role).toBe(true);
      expect(mfaEnrolmentDue({ roles: [{ role }], mfaEnabledAt: new Date() }, production), role).toBe(false);
    }
    for (const role of ["UNIT_USER", "EXPERT", "BASE_HOST", "ENTERPRISE"] as const) {
      expect(mfaEnrolmentDue({ roles: [{ role }], mfaEnabledAt: null }, production), role).toBe(false);
    }
  });

  it("lets demo mode sign in without it, unless DEMO_MFA=1 turns it on", () => {
    expect(mfaEnrolmentDue({ roles: [{ role: "MINISTRY_ADMIN" }], mfaEnabledAt: null }, demo)).toBe(false);
    expect(mfaEnrolmentDue({ roles: [{ role: "MINISTRY_ADMIN" }], mfaEnabledAt: null }, demoWithMfa)).toBe(true);
  });
});
