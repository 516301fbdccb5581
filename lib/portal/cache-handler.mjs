// Next's cache handler (next.config.ts `cacheHandler`) for the prerendered pages and the portal's data cache
// (lib/portal/cache.ts): entries stay in each process's memory, but tag invalidations are shared through PostgreSQL.
//
// Why this shape: the entries are cheap to rebuild and large (a page's HTML and RSC payload), the invalidations are
// rare and tiny. revalidateTag/updateTag/revalidatePath reach only the process that handled the write; so each of them
// is also written to "CacheTagRevalidation" (tag → when), and every read of a cached entry asks that table, in one
// indexed query, whether any of the entry's tags (its own and its page's implicit `_N_T_/…` tags) was revalidated
// after the entry was made. If so the entry is a miss, on every worker and instance, at the next request.
//
// The entries themselves are kept by Next's own handler (FileSystemCache: the bounded in-memory store of
// cacheMaxMemorySize, the pages prerendered by the build, nothing written with isrFlushToDisk off), extended rather
// than rewritten: its behaviour on this process is unchanged, including the local tags manifest Next itself consults.
// Plain JavaScript: Next imports this file by path at run time and in `next build`, outside the app's bundle and
// without tsx, so it cannot use lib/db; it keeps its own small pg pool on DATABASE_URL (the embedded PGlite database
// of `npm run demo` is reached the same way, over its socket).
import { createRequire } from "node:module";
import pg from "pg";

const require = createRequire(import.meta.url);
/** @type {any} */
const FileSystemCache = require("next/dist/server/lib/incremental-cache/file-system-cache.js").default;

export const TABLE = '"CacheTagRevalidation"';
const TAGS_HEADER = "x-next-cache-tags";

/** Every tag an entry answers to: a page's from the header Next stored with it, a data entry's from the read. */
export function entryTags(value, ctx) {
  const tags = new Set();
  const header = value?.headers?.[TAGS_HEADER];
  if (typeof header === "string") for (const t of header.split(",")) if (t) tags.add(t);
  for (const t of value?.tags ?? []) tags.add(t);
  for (const t of ctx?.tags ?? []) tags.add(t);
  for (const t of ctx?.softTags ?? []) tags.add(t);
  return [...tags];
}

/**
 * Whether an entry made at `lastModified` (this process's clock, ms) is older than the latest revalidation of its
 * tags, `latest` (the database's clock, ms; null: none), `offset` being how far the database's clock is ahead of this
 * process's (ClockOffset), so that instances whose clocks disagree still decide alike. An entry made in the same
 * millisecond as the revalidation counts as older.
 */
export function revalidatedSince(lastModified, latest, offset) {
  return latest != null && lastModified + offset <= latest;
}

/**
 * The database's clock minus this process's, from the queries that read it: the sample with the shortest round trip
 * bounds it best (within half that trip), renewed once a minute as clocks drift.
 */
export class ClockOffset {
  offset = 0;
  rtt = Infinity;
  at = -Infinity;

  observe(dbNow, sentAt, receivedAt) {
    const rtt = receivedAt - sentAt;
    if (rtt <= this.rtt || receivedAt - this.at > 60_000) {
      this.offset = dbNow - (sentAt + receivedAt) / 2;
      this.rtt = rtt;
      this.at = receivedAt;
    }
    return this.offset;
  }
}

const clock = new ClockOffset();
let pool = null;
let lastError = 0;

function sharedPool() {
  // The build prerenders without a database; a process without one (none configured) keeps Next's local behaviour.
  if (process.env.NEXT_PHASE === "phase-production-build" || !process.env.DATABASE_URL) return null;
  if (!pool) {
    pool = new pg.Pool({
      connectionString: process.env.DATABASE_URL,
      max: 2,
      connectionTimeoutMillis: 2_000,
      query_timeout: 2_000,
      idleTimeoutMillis: 30_000,
      allowExitOnIdle: true,
    });
    pool.on("error", () => {}); // an idle client dropped by the server (a restart): the next query opens another
  }
  return pool;
}

function report(what, err) {
  if (Date.now() - lastError < 60_000) return;
  lastError = Date.now();
  console.error(`[cache] ${what}：${err instanceof Error ? err.message : err}`);
}

export default class SharedTagsCacheHandler extends FileSystemCache {
  async get(key, ctx) {
    const data = await super.get(key, ctx);
    const db = sharedPool();
    if (!data?.value || !db) return data;
    const tags = entryTags(data.value, ctx);
    if (tags.length === 0) return data;
    try {
      const sentAt = Date.now();
      const { rows } = await db.query(
        `SELECT extract(epoch FROM max("revalidatedAt") AT TIME ZONE 'UTC') * 1000 AS latest,
                extract(epoch FROM clock_timestamp()) * 1000 AS now
           FROM ${TABLE} WHERE "tag" = ANY($1::text[])`,
        [tags],
      );
      const offset = clock.observe(Number(rows[0].now), sentAt, Date.now());
      const latest = rows[0].latest == null ? null : Number(rows[0].latest);
      return revalidatedSince(data.lastModified, latest, offset) ? null : data;
    } catch (err) {
      // Fail closed: without the table an entry cannot be shown to be current (it may be a withdrawn case), so it is
      // a miss and the page or data is read afresh — from the same database, so during an outage those fail too.
      report("无法核对缓存标签，按未命中处理", err);
      return null;
    }
  }

  // Any revalidation, with or without a cacheLife profile, expires the tag everywhere at once (stricter than the
  // profile's stale-while-revalidate; the app only uses updateTag and revalidatePath).
  async revalidateTag(tags, durations) {
    await super.revalidateTag(tags, durations);
    const list = [...new Set(typeof tags === "string" ? [tags] : tags)];
    const db = sharedPool();
    if (!db || list.length === 0) return;
    try {
      await db.query(
        `INSERT INTO ${TABLE} ("tag", "revalidatedAt")
         SELECT t, clock_timestamp() AT TIME ZONE 'UTC' FROM unnest($1::text[]) AS t
         ON CONFLICT ("tag") DO UPDATE SET "revalidatedAt" = EXCLUDED."revalidatedAt"`,
        [list],
      );
    } catch (err) {
      // The write has committed; this process dropped its entries already, the others keep theirs until they expire
      // (the pages' expireTime, the data cache's 30 s). Not thrown: the editor's action did succeed.
      lastError = 0;
      report(`无法共享缓存失效（${list.join(", ")}），其他进程将在缓存到期后更新`, err);
    }
  }
}
