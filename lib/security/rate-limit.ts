import type { Tx } from "@/lib/db";

function envInt(name: string, fallback: number): number {
  const n = Number(process.env[name]);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** A limit: at most `max` events per `windowMs` (fixed window, counted in PostgreSQL so all instances share it). */
export type Limit = { max: number; windowMs: number };

/** The limits of the public and sensitive entry points (GB/T 22239 8.1.4.1: 登录失败处理, 资源控制). */
export const LIMITS = {
  /**
   * Sign-in attempts from one address, whatever the account: refused before any password hashing. A site whose users
   * share one address (a campus behind NAT) raises it with LOGIN_ATTEMPTS_PER_ADDRESS.
   */
  loginPerAddress: { max: envInt("LOGIN_ATTEMPTS_PER_ADDRESS", 100), windowMs: 15 * 60_000 },
  /** Failed sign-ins for one account from one address: the captcha from the 3rd, a pause from the 8th. */
  loginFailuresPerAddressAndAccount: { max: 8, windowMs: 15 * 60_000 },
  /** Failed sign-ins from one address over all accounts (password spraying): the captcha after this many. */
  loginFailuresPerAddress: { max: envInt("LOGIN_FAILURES_PER_ADDRESS", 10), windowMs: 15 * 60_000 },
  /** Captcha images one address may ask for. */
  captchaPerAddress: { max: 60, windowMs: 15 * 60_000 },
  /** Self-registrations from one address (each runs a slow password hash). */
  registerPerAddress: { max: 30, windowMs: 60 * 60_000 },
  /** Password resets one administrator may issue. */
  passwordResetPerActor: { max: 30, windowMs: 60 * 60_000 },
  /** Full personal-data reveals one user may make. */
  revealPerUser: { max: 60, windowMs: 60 * 60_000 },
} satisfies Record<string, Limit>;

/** Failed sign-ins (same address and account) after which the captcha is required. */
export const CAPTCHA_AFTER_FAILURES = 3;

export function addressKey(ip: string | null): string {
  return ip ?? "unknown";
}

/**
 * Count one event and return the count in the current window (this one included). One statement, so concurrent
 * requests on several instances never lose a count; a window that has passed starts afresh.
 */
export async function hit(tx: Tx, key: string, limit: Limit, now = new Date()): Promise<number> {
  const windowFloor = new Date(now.getTime() - limit.windowMs);
  const [row] = await tx.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimit" ("key", "count", "windowStart", "updatedAt") VALUES (${key}, 1, ${now}, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."windowStart" <= ${windowFloor} THEN 1 ELSE "RateLimit"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimit"."windowStart" <= ${windowFloor} THEN ${now} ELSE "RateLimit"."windowStart" END,
      "updatedAt" = ${now}
    RETURNING "count"`;
  return row.count;
}

/** The count in the current window, without counting (a cheap index read). */
export async function peek(tx: Tx, key: string, limit: Limit, now = new Date()): Promise<number> {
  const row = await tx.rateLimit.findUnique({ where: { key }, select: { count: true, windowStart: true } });
  if (!row || row.windowStart.getTime() <= now.getTime() - limit.windowMs) return 0;
  return row.count;
}

/** Minutes until the window of `key` ends (for the message), at least 1. */
export async function minutesLeft(tx: Tx, key: string, limit: Limit, now = new Date()): Promise<number> {
  const row = await tx.rateLimit.findUnique({ where: { key }, select: { windowStart: true } });
  if (!row) return 1;
  return Math.max(1, Math.ceil((row.windowStart.getTime() + limit.windowMs - now.getTime()) / 60_000));
}

export async function clear(tx: Tx, key: string): Promise<void> {
  await tx.rateLimit.deleteMany({ where: { key } });
}

/** Clear keys by prefix (an administrator unlocking an account clears its per-address counters). */
export async function clearPrefix(tx: Tx, prefix: string): Promise<void> {
  await tx.rateLimit.deleteMany({ where: { key: { startsWith: prefix } } });
}

/** Count the event and say whether it is over the limit (the event is refused when true). */
export async function overLimit(tx: Tx, key: string, limit: Limit, now = new Date()): Promise<boolean> {
  return (await hit(tx, key, limit, now)) > limit.max;
}

/** Drop counters whose window ended long ago (the sweep job). */
export async function purgeRateLimits(tx: Tx, now = new Date()): Promise<number> {
  const { count } = await tx.rateLimit.deleteMany({ where: { updatedAt: { lt: new Date(now.getTime() - 24 * 3_600_000) } } });
  return count;
}
