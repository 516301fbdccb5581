import { describe, expect, it } from "vitest";
import { hashPassword, passwordProblem, verifyPassword } from "@/lib/auth/password";
import { ABSOLUTE_LIFETIME_MS, IDLE_TIMEOUT_MS, needsTouch, sessionState, TOUCH_INTERVAL_MS } from "@/lib/auth/session-policy";
import { changePasswordSchema } from "@/lib/account/schemas";

describe("password rule (GB/T 22239 practice)", () => {
  it.each([
    ["Demo@2025", null],
    ["abcdEF12", null],
    ["abcd1234!", null],
    ["Abc@1", "密码至少 8 位"],
    ["abcdefgh", "密码须包含大写字母、小写字母、数字、符号中的至少 3 类"],
    ["abcd1234", "密码须包含大写字母、小写字母、数字、符号中的至少 3 类"],
    ["ABCD!!!!", "密码须包含大写字母、小写字母、数字、符号中的至少 3 类"],
  ])("%s → %s", (pw, expected) => {
    expect(passwordProblem(pw)).toBe(expected);
  });

  it("hashes with argon2id and verifies", async () => {
    const hashed = await hashPassword("Demo@2025");
    expect(hashed.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(hashed, "Demo@2025")).toBe(true);
    expect(await verifyPassword(hashed, "demo@2025")).toBe(false);
    expect(await verifyPassword("not-a-hash", "Demo@2025")).toBe(false);
  });
});

describe("change-password form schema", () => {
  const ok = { currentPassword: "Demo@2025", newPassword: "Better#2026", confirmPassword: "Better#2026" };
  it("accepts a valid change", () => expect(changePasswordSchema.safeParse(ok).success).toBe(true));
  it("rejects a mismatched confirmation on that field", () => {
    const r = changePasswordSchema.safeParse({ ...ok, confirmPassword: "Other#2026" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ path: ["confirmPassword"], message: "两次输入的新密码不一致" });
  });
  it("rejects a weak new password with the rule in Chinese", () => {
    const r = changePasswordSchema.safeParse({ ...ok, newPassword: "weakpass", confirmPassword: "weakpass" });
    expect(r.error?.issues.map((i) => i.message)).toContain("密码须包含大写字母、小写字母、数字、符号中的至少 3 类");
  });
  it("rejects reusing the current password", () => {
    const r = changePasswordSchema.safeParse({ ...ok, newPassword: "Demo@2025", confirmPassword: "Demo@2025" });
    expect(r.error?.issues.map((i) => i.message)).toContain("新密码不能与当前密码相同");
  });
});

describe("session policy", () => {
  const t0 = 1_800_000_000_000;
  it("is live right after sign-in", () => expect(sessionState({ loginAt: t0, lastSeen: t0 }, t0 + 1000)).toBe("live"));
  it("expires after 30 minutes idle", () => {
    expect(sessionState({ loginAt: t0, lastSeen: t0 }, t0 + IDLE_TIMEOUT_MS - 1)).toBe("live");
    expect(sessionState({ loginAt: t0, lastSeen: t0 }, t0 + IDLE_TIMEOUT_MS + 1)).toBe("expired");
  });
  it("expires after the absolute lifetime however active", () => {
    const now = t0 + ABSOLUTE_LIFETIME_MS + 1;
    expect(sessionState({ loginAt: t0, lastSeen: now - 1000 }, now)).toBe("expired");
  });
  it("treats a token without times as expired", () => expect(sessionState({}, t0)).toBe("expired"));
  it("refreshes the idle clock at most once a minute", () => {
    expect(needsTouch({ loginAt: t0, lastSeen: t0 }, t0 + TOUCH_INTERVAL_MS - 1)).toBe(false);
    expect(needsTouch({ loginAt: t0, lastSeen: t0 }, t0 + TOUCH_INTERVAL_MS + 1)).toBe(true);
    expect(needsTouch({ loginAt: t0, lastSeen: t0 }, t0 + IDLE_TIMEOUT_MS + 1)).toBe(false);
  });
});

describe("login failure messages", () => {
  it("maps codes to Chinese messages, adds a rejection's reason, and never shows raw codes", async () => {
    const { loginFailureMessage } = await import("@/lib/auth/login-messages");
    expect(loginFailureMessage("PENDING")).toBe("账号正在等待审核，审核通过后即可登录");
    expect(loginFailureMessage("REJECTED:无法核实职称证明：缺少证书")).toBe("注册申请未通过所在省级人社部门审核。原因：无法核实职称证明：缺少证书");
    expect(loginFailureMessage(undefined)).toBe("账号或密码错误");
    expect(loginFailureMessage("CredentialsSignin")).toBe("登录失败，请稍后再试");
  });
});
