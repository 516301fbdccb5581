/** Expected failures, each with a Chinese message the user sees. Anything else is logged and shown generically. */
export type AppErrorCode = "NOT_FOUND" | "FORBIDDEN" | "CONFLICT" | "INVALID_TRANSITION" | "VALIDATION" | "UNAUTHENTICATED" | "RATE_LIMITED";

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFound = (what = "记录") => new AppError("NOT_FOUND", `${what}不存在或已被删除`);
export const forbidden = (message = "无权执行此操作") => new AppError("FORBIDDEN", message);
export const conflict = (message = "该记录已被他人修改，请刷新后重试") => new AppError("CONFLICT", message);
export const invalidTransition = (message: string) => new AppError("INVALID_TRANSITION", message);
export const invalidInput = (fieldErrors: Record<string, string[]>, message = "请检查填写内容") =>
  new AppError("VALIDATION", message, fieldErrors);

/** A rate limit (lib/security/rate-limit.ts) refused the request; the pipeline audits it as a failure. */
export const tooMany = (message: string) => new AppError("RATE_LIMITED", message);

export const GENERIC_ERROR = "系统繁忙，请稍后再试";
