import { mkdtemp } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import SharedTagsCacheHandler from "@/lib/portal/cache-handler.mjs";
import { uniqueSuffix } from "@/prisma/seed/factories";

// The shared cache handler (lib/portal/cache-handler.mjs) over a real database: a revalidation written by another
// process (a row in "CacheTagRevalidation", here inserted by SQL as another worker's handler would) turns this
// process's older entries into misses; entries made after it stay hits; its own revalidations are written there.

type Entry = { lastModified: number; value: unknown } | null;
const require = createRequire(import.meta.url);
let handler: SharedTagsCacheHandler;

beforeAll(async () => {
  const { nodeFs } = require("next/dist/server/lib/node-fs-methods.js");
  handler = new SharedTagsCacheHandler({
    fs: nodeFs, serverDistDir: await mkdtemp(path.join(os.tmpdir(), "cache-handler-")), flushToDisk: false,
    maxMemoryCacheSize: 10 * 1024 * 1024, revalidatedTags: [], _requestHeaders: {},
  });
});

/** Another process revalidates `tag` now (the database's clock, as the handler writes it). */
async function revalidatedElsewhere(tag: string) {
  await db.$executeRaw`INSERT INTO "CacheTagRevalidation" ("tag", "revalidatedAt") VALUES (${tag}, clock_timestamp() AT TIME ZONE 'UTC')
    ON CONFLICT ("tag") DO UPDATE SET "revalidatedAt" = EXCLUDED."revalidatedAt"`;
}

const tick = () => new Promise((r) => setTimeout(r, 20));

describe("the shared cache handler against PostgreSQL", () => {
  it("a data entry: a miss once one of its tags (or its page's implicit tags) was revalidated elsewhere, a hit when made after", async () => {
    const s = uniqueSuffix();
    const [tag, pageTag, key] = [`test:${s}`, `_N_T_/test-${s}/layout`, `key-${s}`];
    const value = { kind: "FETCH", data: { headers: {}, body: '"v"', status: 200, url: "" }, revalidate: 30, tags: [tag] };
    const read = { kind: "FETCH", tags: [tag], softTags: [pageTag], revalidate: 30 };
    const set = () => handler.set(key, value, { fetchCache: true, tags: [tag], revalidate: 30 });

    await set();
    expect(((await handler.get(key, read)) as Entry)?.value).toEqual(value);
    await tick();
    await revalidatedElsewhere(pageTag);
    expect(await handler.get(key, read)).toBeNull();

    await tick();
    await set();
    expect(((await handler.get(key, read)) as Entry)?.value).toEqual(value);
    await tick();
    await revalidatedElsewhere(tag);
    expect(await handler.get(key, read)).toBeNull();
  });

  it("a page: a miss once a tag in its stored tags header was revalidated elsewhere", async () => {
    const s = uniqueSuffix();
    const [key, layout] = [`/page-${s}`, `_N_T_/page-${s}/layout`];
    const page = { kind: "APP_PAGE", html: "<p>x</p>", rscData: Buffer.from("x"), headers: { "x-next-cache-tags": `_N_T_/layout-${s},${layout},portal:${s}` }, status: 200 };
    await handler.set(key, page, { cacheControl: { revalidate: 15, expire: 30 } });
    const read = { kind: "APP_PAGE", isFallback: false, isRoutePPREnabled: false };
    expect(((await handler.get(key, read)) as Entry)?.value).toEqual(page);
    await tick();
    await revalidatedElsewhere(`portal:${s}`);
    expect(await handler.get(key, read)).toBeNull();
  });

  it("its own revalidations are written to the table, one row per tag, the latest time kept", async () => {
    const s = uniqueSuffix();
    const tags = [`test:${s}:a`, `test:${s}:b`];
    await handler.revalidateTag(tags);
    const first = await db.cacheTagRevalidation.findMany({ where: { tag: { in: tags } }, orderBy: { tag: "asc" } });
    expect(first.map((r) => r.tag)).toEqual(tags);
    await tick();
    await handler.revalidateTag(tags[0]);
    const again = await db.cacheTagRevalidation.findUniqueOrThrow({ where: { tag: tags[0] } });
    expect(again.revalidatedAt.getTime()).toBeGreaterThan(first[0].revalidatedAt.getTime());
    // Stored in UTC, as Prisma reads it: within a few seconds of now.
    expect(Math.abs(again.revalidatedAt.getTime() - Date.now())).toBeLessThan(5_000);
  });
});
