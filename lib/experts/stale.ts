// 长期未确认: an expert who has not confirmed their profile for 12 months is left out of default searches
// (and, in the key-contact library, shown as needing the annual re-confirmation). Computed, never stored,
// so no background job is needed and every instance agrees.

export const STALE_AFTER_MONTHS = 12;

/** Profiles last confirmed before this instant are stale. */
export function staleCutoff(now = new Date()): Date {
  const cutoff = new Date(now);
  cutoff.setMonth(cutoff.getMonth() - STALE_AFTER_MONTHS);
  return cutoff;
}

export function isStale(expert: { lastConfirmedAt: Date | null }, now = new Date()): boolean {
  return !expert.lastConfirmedAt || expert.lastConfirmedAt < staleCutoff(now);
}

/** Prisma where-fragment: only profiles confirmed within the last 12 months. */
export function freshWhere(now = new Date()) {
  return { lastConfirmedAt: { gte: staleCutoff(now) } };
}
