import { unstable_cache } from "next/cache";

// The public portal's data cache. The portal's list pages render per request and its home and detail pages are
// prerendered (ISR, lib/security/prerendered.ts); both read through these cached functions, so a page view or a page
// rebuild costs no query while its entry is fresh. Each instance keeps its own cache, in memory (next.config.ts): the
// actions that publish or withdraw expire the tag on the instance that handled them at once (`updateTag`, and
// `revalidatePath("/", "layout")` in lib/actions/pipeline.ts for the prerendered pages), so a withdrawn case is gone
// from that instance immediately. Every other instance rebuilds a prerendered page from data at most
// PORTAL_TTL_SECONDS old (a page rebuild waits for stale data to be refetched) and serves no page older than 30 s
// (next.config.ts expireTime): the change shows there within a minute.

export const PORTAL_TTL_SECONDS = 30;

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
