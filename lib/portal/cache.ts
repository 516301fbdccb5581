import { unstable_cache } from "next/cache";

// The public portal's data cache. Portal pages render on demand (the build needs no database) and read through
// these cached functions, so a page view costs no query while its entry is fresh. Each instance keeps its own
// cache: the actions that publish or withdraw expire the tag on the instance that handled them at once
// (`updateTag`), and every other instance refetches within PORTAL_TTL_SECONDS — so a withdrawn case is gone from
// every instance within that time, and from the one that withdrew it immediately.

export const PORTAL_TTL_SECONDS = 60;

export const PORTAL_TAG = {
  cases: "portal:cases",
  announcements: "portal:announcements",
  home: "portal:home",
} as const;

export type PortalTag = (typeof PORTAL_TAG)[keyof typeof PORTAL_TAG];

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The cache stores JSON: bring its timestamps back as Dates, so a cached read has the type of a fresh one. */
export function reviveDates<T>(value: T): T {
  if (typeof value === "string") return (ISO_TIME.test(value) ? new Date(value) : value) as T;
  if (Array.isArray(value)) return value.map(reviveDates) as T;
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, reviveDates(v)])) as T;
  }
  return value;
}

/** A portal read, cached per instance for PORTAL_TTL_SECONDS under `tags` (keyed by its name and arguments). */
export function portalCached<A extends unknown[], R>(name: string, tags: PortalTag[], fn: (...args: A) => Promise<R>) {
  const cached = unstable_cache(fn, [`portal:${name}`], { revalidate: PORTAL_TTL_SECONDS, tags });
  return async (...args: A): Promise<R> => reviveDates(await cached(...args));
}

type Action<T> = (prev: T | null | undefined, raw: FormData | Record<string, unknown>) => Promise<T>;

/**
 * A server action that, when it succeeds, expires the portal's cached reads under `tags` on this instance at once
 * (read-your-own-writes for the editor; other instances follow within PORTAL_TTL_SECONDS).
 */
export function expiringPortal<T extends { ok: boolean }>(action: Action<T>, tags: PortalTag[]): Action<T> {
  return async (prev, raw) => {
    const result = await action(prev, raw);
    if (result.ok) {
      const { updateTag } = await import("next/cache");
      for (const tag of tags) updateTag(tag);
    }
    return result;
  };
}
