/** GB/T 22239: sessions end after 30 minutes idle and, regardless of activity, 8 hours after sign-in. */
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_LIFETIME_MS = 8 * 60 * 60 * 1000;
/** Activity refreshes the session cookie at most this often. */
export const TOUCH_INTERVAL_MS = 60 * 1000;

export const LOCKOUT_THRESHOLD = 5;
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
