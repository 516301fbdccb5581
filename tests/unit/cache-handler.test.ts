import { createRequire } from "node:module";
import { describe, expect, it, vi } from "vitest";
import SharedTagsCacheHandler, { ClockOffset, entryTags, revalidatedSince } from "@/lib/portal/cache-handler.mjs";

// The shared cache handler's decision (lib/portal/cache-handler.mjs): a cached entry is a miss once any of its tags
// was revalidated, by any process, at or after the moment it was made.

describe("revalidatedSince: an entry older than its tags' latest revalidation is a miss", () => {
  it("keeps an entry no tag of which was ever revalidated", () => {
    expect(revalidatedSince(1_000, null, 0)).toBe(false);
  });

  it("drops an entry made before the revalidation, keeps one made after it", () => {
    expect(revalidatedSince(1_000, 2_000, 0)).toBe(true);
    expect(revalidatedSince(2_001, 2_000, 0)).toBe(false);
  });

  it("counts an entry made in the revalidation's millisecond as older", () => {
    expect(revalidatedSince(2_000, 2_000, 0)).toBe(true);
  });

  it("compares on the database's clock: a process whose clock runs 10 s ahead still drops what it made before", () => {
    // The entry's own stamp, 11_500, is later than the revalidation (2_000, database time), but it was made at
    // database time 1_500.
    expect(revalidatedSince(11_500, 2_000, -10_000)).toBe(true);
    expect(revalidatedSince(12_500, 2_000, -10_000)).toBe(false);
    // And one 10 s behind keeps what it made after the revalidation.
    expect(revalidatedSince(-7_500, 2_000, 10_000)).toBe(false);
    expect(revalidatedSince(-8_500, 2_000, 10_000)).toBe(true);
  });
});

describe("ClockOffset: the database's clock minus this process's", () => {
  it("takes the middle of the round trip, and keeps the sample with the shortest trip", () => {
    const clock = new ClockOffset();
    // The database read 5_000 while this process went from 15_000 to 15_040: 10_020 behind, within 20 ms.
    expect(clock.observe(5_000, 15_000, 15_040)).toBe(-10_020);
    // A slower query (400 ms) bounds it worse: ignored.
    expect(clock.observe(5_500, 15_100, 15_500)).toBe(-10_020);
    // A faster one (2 ms) bounds it better: taken.
    expect(clock.observe(6_000, 16_000, 16_002)).toBe(-10_001);
  });

  it("renews the sample once a minute, however long its trip, as clocks drift", () => {
    const clock = new ClockOffset();
    clock.observe(5_000, 15_000, 15_002);
    // 45 s later, a slower trip: the earlier sample still stands.
    expect(clock.observe(50_000, 60_000, 60_100)).toBe(-10_001);
    // Past a minute: the new sample, though slower, replaces it (the clocks drifted 19 ms further apart meanwhile).
    expect(clock.observe(70_000, 80_000, 80_040)).toBe(-10_020);
  });
});

describe("entryTags: what an entry answers to", () => {
  it("a page: the tags Next stored with it (its implicit path tags and the data tags its render read)", () => {
    const page = { kind: "APP_PAGE", headers: { "x-next-cache-tags": "_N_T_/layout,_N_T_/cases/layout,_N_T_/cases/abc,portal:cases" } };
    expect(entryTags(page, { kind: "APP_PAGE" })).toEqual(["_N_T_/layout", "_N_T_/cases/layout", "_N_T_/cases/abc", "portal:cases"]);
  });

  it("a data entry: its own tags and the implicit tags of the page that read it, once each", () => {
    const data = { kind: "FETCH", tags: ["portal:cases"] };
    expect(entryTags(data, { tags: ["portal:cases", "portal:home"], softTags: ["_N_T_/layout", "_N_T_/"] }))
      .toEqual(["portal:cases", "portal:home", "_N_T_/layout", "_N_T_/"]);
  });

  it("an entry without tags has none (and needs no query)", () => {
    expect(entryTags({ kind: "APP_PAGE", headers: {} }, {})).toEqual([]);
    expect(entryTags(null)).toEqual([]);
  });
});

describe("with the database unreachable", () => {
  it("fails closed: a cached entry is a miss; a revalidation still expires it here, without failing the action", async () => {
    process.env.DATABASE_URL = "postgresql://postgres@127.0.0.1:1/unreachable";
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const { nodeFs } = createRequire(import.meta.url)("next/dist/server/lib/node-fs-methods.js");
    const handler = new SharedTagsCacheHandler({ fs: nodeFs, serverDistDir: "/nonexistent", flushToDisk: false, maxMemoryCacheSize: 1_000_000, revalidatedTags: [] });
    const value = { kind: "FETCH", data: { headers: {}, body: '"v"', status: 200, url: "" }, revalidate: 30, tags: ["unit:down"] };
    await handler.set("unit-down", value, { fetchCache: true, tags: ["unit:down"], revalidate: 30 });
    expect(await handler.get("unit-down", { kind: "FETCH", tags: ["unit:down"], softTags: [] })).toBeNull();
    expect(errors.mock.calls.some(([m]) => String(m).includes("按未命中处理"))).toBe(true);
    await expect(handler.revalidateTag("unit:down")).resolves.toBeUndefined();
    expect(errors.mock.calls.some(([m]) => String(m).includes("无法共享缓存失效"))).toBe(true);
    errors.mockRestore();
  });
});
