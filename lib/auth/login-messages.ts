import { LOCKOUT_MS, LOCKOUT_THRESHOLD } from "@/lib/auth/session-policy";

// Shared by the server (codes) and the login form (messages); no server-only imports here.
export type LoginFailure = "INVALID" | "LOCKED" | "DISABLED" | "PENDING" | "REJECTED" | "EXPIRED" | "THROTTLED" | "CAPTCHA" | "MFA_REQUIRED" | "MFA_INVALID";

export const LOGIN_FAILURE_MESSAGE: Record<LoginFailure, string> = {
  INVALID: "账号或密码错误",
  LOCKED: `该账号连续 ${LOCKOUT_THRESHOLD} 次密码错误，账号已锁定 ${LOCKOUT_MS / 60000} 分钟，请稍后再试或联系管理员解锁`,
  DISABLED: "账号已停用，请联系管理员",
  PENDING: "账号正在等待审核，审核通过后即可登录",
  REJECTED: "注册申请未通过所在省级人社部门审核",
  EXPIRED: "临时账号已过有效期，请联系管理员",
  THROTTLED: "登录尝试过于频繁，请 15 分钟后再试",
  CAPTCHA: "请正确输入图中的验证码（每张验证码只能使用一次）",
  MFA_REQUIRED: "请输入验证器应用显示的 6 位动态口令（或一个恢复码）",
  MFA_INVALID: "动态口令或恢复码不正确（每个动态口令只能使用一次）",
};

/** The failures after which the form asks for the second factor. */
export const MFA_PROMPT: readonly string[] = ["MFA_REQUIRED", "MFA_INVALID"];

/**
 * The message for the error next-auth hands the form: a code, or "REJECTED:<the province's reason>" (shown only
 * after the password was verified, so only to the applicant).
 */
export function loginFailureMessage(error: string | null | undefined): string {
  const [code, ...rest] = (error ?? "INVALID").split(":");
  const message = LOGIN_FAILURE_MESSAGE[code as LoginFailure];
  if (!message) return "登录失败，请稍后再试";
  const detail = rest.join(":").trim();
  return detail ? `${message}。原因：${detail}` : message;
}
