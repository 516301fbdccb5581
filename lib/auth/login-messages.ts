import { LOCKOUT_MS, LOCKOUT_THRESHOLD } from "@/lib/auth/session-policy";

// Shared by the server (codes) and the login form (messages); no server-only imports here.
export type LoginFailure = "INVALID" | "LOCKED" | "DISABLED" | "PENDING";

export const LOGIN_FAILURE_MESSAGE: Record<LoginFailure, string> = {
  INVALID: "账号或密码错误",
  LOCKED: `连续 ${LOCKOUT_THRESHOLD} 次密码错误，账号已锁定 ${LOCKOUT_MS / 60000} 分钟，请稍后再试`,
  DISABLED: "账号已停用，请联系管理员",
  PENDING: "账号正在等待审核，审核通过后即可登录",
};

