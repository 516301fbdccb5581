/** GB/T 22239: sessions end after 30 minutes idle and, regardless of activity, 8 hours after sign-in. */
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_LIFETIME_MS = 8 * 60 * 60 * 1000;
/** Activity refreshes the session cookie at most this often. */
export const TOUCH_INTERVAL_MS = 60 * 1000;

/**
 * Failed sign-ins (from all addresses) that lock the account itself. Set well above the per-address pause
 * (lib/security/rate-limit.ts: captcha from the 3rd failure, a pause from the 8th), so one address hammering an
 * account slows itself down, never the owner; the lock answers distributed guessing, and is told only to someone
 * who gave the right password.
 */
export const LOCKOUT_THRESHOLD = 20;
export const LOCKOUT_MS = 15 * 60 * 1000;

export type SessionTimes = { loginAt?: number; lastSeen?: number };

export function sessionState(t: SessionTimes, now = Date.now()): "live" | "expired" {
  if (!t.loginAt || !t.lastSeen) return "expired";
  if (now - t.loginAt > ABSOLUTE_LIFETIME_MS) return "expired";
  if (now - t.lastSeen > IDLE_TIMEOUT_MS) return "expired";
  return "live";
}

export function needsTouch(t: SessionTimes, now = Date.now()): boolean {
  return sessionState(t, now) === "live" && now - (t.lastSeen ?? 0) > TOUCH_INTERVAL_MS;
}

/** Passwords expire after PASSWORD_MAX_AGE_DAYS (default 90; 0 turns expiry off); the holder must then change it. */
export function passwordMaxAgeDays(): number {
  const raw = Number(process.env.PASSWORD_MAX_AGE_DAYS ?? 90);
  return Number.isFinite(raw) && raw >= 0 ? raw : 90;
}

export function passwordExpired(changedAt: Date, now = new Date()): boolean {
  const days = passwordMaxAgeDays();
  return days > 0 && now.getTime() - changedAt.getTime() > days * 86_400_000;
}
