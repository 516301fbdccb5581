import { unstable_cache } from "next/cache";

// The public portal's data cache. The portal's list pages render per request and its home and detail pages are
// prerendered (ISR, lib/security/prerendered.ts); both read through these cached functions, so a page view or a page
// rebuild costs no query while its entry is fresh. Each process (a worker of scripts/serve.ts, an instance) keeps the
// entries in its own memory, but the invalidations are shared (next.config.ts cacheHandler, lib/portal/cache-handler.mjs):
// the actions that publish or withdraw expire the tag (`updateTag`, and `revalidatePath("/", "layout")` in
// lib/actions/pipeline.ts for the prerendered pages), the tag's revalidation is written to PostgreSQL, and every
// process treats an entry older than it as a miss from its next request on. A withdrawn case is gone everywhere at
// once; PORTAL_TTL_SECONDS only bounds changes made without an action (a background job, a row edited by hand).

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

/** A portal read, cached per process for PORTAL_TTL_SECONDS under `tags` (keyed by its name and arguments). */
export function portalCached<A extends unknown[], R>(name: string, tags: PortalTag[], fn: (...args: A) => Promise<R>) {
  const cached = unstable_cache(fn, [`portal:${name}`], { revalidate: PORTAL_TTL_SECONDS, tags });
  return async (...args: A): Promise<R> => reviveDates(await cached(...args));
}

type Action<T> = (prev: T | null | undefined, raw: FormData | Record<string, unknown>) => Promise<T>;

/**
 * A server action that, when it succeeds, expires the portal's cached reads under `tags` at once, on this process and
 * (through the shared tag table) on every other worker and instance at its next request.
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
