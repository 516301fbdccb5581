import { randomBytes } from "node:crypto";
import http from "node:http";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { signInAs } from "./support";
import { URL_A, URL_C } from "./instances";

// The portal's caches across processes: instance A (one process, every spec's address) and instance C, the same
// production build over the same database served by two worker processes (scripts/serve.ts, WEB_CONCURRENCY=2;
// playwright.config.ts). Each process keeps its cached pages and data in its own memory; a withdrawal made on A
// expires them in C's two workers too, at their next request (lib/portal/cache-handler.mjs keeps the revalidated tags
// in PostgreSQL), and pages nothing changed are served from each process's cache again after one render.
//
// Every request here opens its own connection: C's primary hands connections to its workers in turn (node:cluster's
// round robin), so consecutive requests reach both workers; a page each worker renders once shows as two MISSes.
test.describe.configure({ mode: "serial", timeout: 150_000 });

const run = `${Date.now().toString(36)}${randomBytes(2).toString("hex")}`;
const caseId = `pcache${run}`;
const title = `共享缓存测试案例${run}`;
let pool: pg.Pool;
let announcement: string;

type Probe = { status: number; cache?: string; csp: string; text: string };

function probe(base: string, path: string): Promise<Probe> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${base}${path}`, { agent: false, headers: { connection: "close" } }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (text += chunk));
      res.on("end", () => resolve({
        status: res.statusCode ?? 0, cache: res.headers["x-nextjs-cache"] as string | undefined,
        csp: String(res.headers["content-security-policy"] ?? ""), text,
      }));
    });
    req.on("error", reject);
  });
}

const cached = (p: Probe) => p.cache === "HIT" || p.cache === "STALE";

/**
 * Asks C for `path` until both its workers have rendered it (two MISSes: the second worker may still be starting),
 * then once per worker more: both answers come from the caches, under the policy without a nonce (a page prerendered
 * once). Returns every answer.
 */
async function warmBothWorkers(path: string, status = 200): Promise<Probe[]> {
  const seen: Probe[] = [];
  await expect.poll(async () => {
    seen.push(await probe(URL_C, path));
    return seen.filter((p) => p.cache === "MISS").length;
  }, { timeout: 60_000, intervals: [200] }).toBe(2);
  for (const p of [await probe(URL_C, path), await probe(URL_C, path)]) {
    seen.push(p);
    expect(cached(p), `${URL_C}${path}: ${p.cache}`).toBe(true);
    expect(p.csp, path).toMatch(/script-src 'self'/);
    expect(p.csp, path).not.toMatch(/'nonce-/);
  }
  for (const p of seen) expect(p.status, path).toBe(status);
  return seen;
}

/** A's answer from its cache (asked twice). */
async function warmA(path: string): Promise<Probe> {
  await probe(URL_A, path);
  const again = await probe(URL_A, path);
  expect(again.status, `${URL_A}${path}`).toBe(200);
  expect(cached(again), `${URL_A}${path}: ${again.cache}`).toBe(true);
  return again;
}

test.beforeAll(async () => {
  test.skip(!process.env.DATABASE_URL, "需要 DATABASE_URL 指向演示数据库（npm test 会设置）");
  test.skip(process.env.E2E_TWO_INSTANCES === "0", "E2E_TWO_INSTANCES=0：未启动多进程实例（内置数据库时如此）");
  const healthC = await fetch(`${URL_C}/api/health`).then((r) => r.ok, () => false);
  test.skip(!healthC, `多进程实例（${URL_C}）未启动`);
  pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  // A published case of this run's own (a copy of a demo case), so that withdrawing it touches no other spec's data.
  const inserted = await pool.query(
    `INSERT INTO "TypicalCase" SELECT (json_populate_record(NULL::"TypicalCase", (to_jsonb(c) || jsonb_build_object(
       'id', $1::text, 'title', $2::text, 'version', 0, 'publishedAt', now(), 'withdrawnAt', NULL, 'withdrawReason', NULL))::json)).*
     FROM "TypicalCase" c WHERE c."state" = 'PUBLISHED' ORDER BY c."publishedAt" DESC LIMIT 1`,
    [caseId, title],
  );
  expect(inserted.rowCount).toBe(1);
  const a = await pool.query<{ id: string }>(`SELECT "id" FROM "Announcement" WHERE "state" = 'PUBLISHED' ORDER BY "publishedAt" DESC LIMIT 1`);
  expect(a.rows).toHaveLength(1);
  announcement = `/announcements/${a.rows[0].id}`;
});

test.afterAll(async () => {
  await pool?.query(`DELETE FROM "TypicalCase" WHERE "id" = $1`, [caseId]);
  await pool?.end();
});

test("a case withdrawn on A answers 404 from A and both workers of C at once; unchanged pages are cached again", async ({ page }) => {
  const casePath = `/cases/${caseId}`;
  const search = `/cases?q=${encodeURIComponent(title)}`;
  const link = `href="${casePath}"`; // the search box repeats the title: look for the case's link

  // Warm: the case page and an unrelated page are in A's cache and in both of C's workers' caches, and the library's
  // search (rendered per request, its data read through the data cache) lists the case on all three.
  expect((await warmA(casePath)).text).toContain(title);
  await warmA(announcement);
  for (const p of await warmBothWorkers(casePath)) expect(p.text).toContain(title);
  await warmBothWorkers(announcement);
  for (const base of [URL_A, URL_C, URL_C]) expect((await probe(base, search)).text, base).toContain(link);

  // The ministry withdraws it on A, through the editorial page's action.
  const before = (await pool.query<{ now: Date }>("SELECT clock_timestamp() AS now")).rows[0].now;
  await signInAs(page, "ministry");
  await page.goto(`/editorial/cases/${caseId}`);
  await page.getByRole("button", { name: "撤回" }).click();
  await page.getByLabel("撤回原因").fill("共享缓存测试");
  await page.getByRole("button", { name: "确认撤回" }).click();
  await expect(page.getByText("撤回原因：共享缓存测试")).toBeVisible();

  // At once, with no waiting for any cache to expire: 404 from both of C's workers (each renders the 404 once, then
  // serves it from its cache) and from A; gone from the library's search everywhere.
  const fromC = [await probe(URL_C, casePath), await probe(URL_C, casePath), await probe(URL_C, casePath), await probe(URL_C, casePath)];
  expect(fromC.map((p) => p.status)).toEqual([404, 404, 404, 404]);
  expect(fromC.filter((p) => p.cache === "MISS"), "each worker of C rendered the 404 once").toHaveLength(2);
  for (const p of fromC) expect(p.text).not.toContain(title);
  expect((await probe(URL_A, casePath)).status).toBe(404);
  for (const base of [URL_A, URL_C, URL_C]) expect((await probe(base, search)).text, base).not.toContain(link);

  // The withdrawal's tags, in the shared table: the data tag and the implicit tag of every page (revalidatePath("/", "layout")).
  const tags = await pool.query<{ tag: string }>(
    `SELECT "tag" FROM "CacheTagRevalidation" WHERE "tag" = ANY($1) AND "revalidatedAt" >= ($2::timestamptz AT TIME ZONE 'UTC')`,
    [["portal:cases", "_N_T_/layout"], before],
  );
  expect(tags.rows.map((r) => r.tag).sort()).toEqual(["_N_T_/layout", "portal:cases"]);

  // Every page's layout tag was revalidated, so each process renders the unrelated page once more, then serves it
  // from its cache again: no render per request.
  await warmBothWorkers(announcement);
  await warmA(announcement);
  const again = await probe(URL_A, casePath);
  expect([again.status, cached(again)]).toEqual([404, true]);
});
