import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, test, type APIRequestContext, type Page, type Response } from "@playwright/test";
import { isPrerenderedPath } from "../../lib/security/prerendered";
import { signInAs } from "./support";

// The portal's home and detail pages are prerendered (ISR) and carry a policy without a nonce (lib/security/
// prerendered.ts, proxy.ts, lib/security/hash-csp.ts in scripts/serve.ts); pages rendered per request keep the nonce.
// Every portal page goes out as plain HTML, without Next's client runtime (lib/portal/plain-html.ts): no script at all,
// so the hash policy allows none. Asserted on the production build as scripts/serve.ts serves it.

const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
const scriptSrc = (csp: string) => csp.split(";").map((d) => d.trim().split(/\s+/)).find((d) => d[0] === "script-src")!.slice(1);

/** CSP violations the browser reports on the page: the DOM event (through the console) and Chromium's own message. */
async function watchViolations(page: Page): Promise<string[]> {
  const found: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content.Security.Policy/i.test(m.text())) found.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`Content-Security-Policy violation: ${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
    });
  });
  return found;
}

/** The response's policy has no nonce and allows exactly the page's inline scripts, by hash. */
async function expectHashPolicy(page: Page, res: Response | null) {
  const csp = res!.headers()["content-security-policy"];
  expect(csp).toBeTruthy();
  const sources = scriptSrc(csp);
  expect(sources[0]).toBe("'self'");
  expect(sources.filter((s) => !s.startsWith("'sha256-"))).toEqual(["'self'"]);
  expect(csp).not.toMatch(/nonce-|strict-dynamic/);
  const inline = await page.locator("script:not([src])").evaluateAll((els) => els.map((e) => e.textContent ?? ""));
  expect(inline.length).toBeGreaterThan(1);
  expect(new Set(sources.slice(1))).toEqual(new Set(inline.map(sha256)));
}

/** A portal page as served: no script element, no preload of one, nothing else fetched but its stylesheet and icon. */
async function expectPlainHtml(page: Page, res: Response | null, fetched: string[]) {
  const html = await res!.text();
  expect(html).not.toMatch(/<script\b|rel="modulepreload"|as="script"|__next_f/);
  expect(await page.evaluate(() => document.scripts.length)).toBe(0);
  expect(fetched.filter((u) => /\.js(\?|$)/.test(u))).toEqual([]);
}

/** The URLs the page fetches, from now on. */
function watchRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (r) => urls.push(r.url()));
  return urls;
}

async function expectServedFromCache(request: APIRequestContext, path: string) {
  await request.get(path);
  const again = await request.get(path);
  expect(again.status(), path).toBe(200);
  expect(again.headers()["x-nextjs-cache"], path).toMatch(/^(HIT|STALE)$/);
  expect(again.headers()["cache-control"], path).toMatch(/s-maxage=\d+/);
  // No nonce (built once), and no script to allow.
  expect(scriptSrc(again.headers()["content-security-policy"]), path).toEqual(["'self'"]);
}

/** A client-side navigation keeps the window; a plain page load replaces it. */
const markWindow = (page: Page) => page.evaluate(() => ((window as unknown as { __stay: number }).__stay = 1));
const windowKept = (page: Page) => page.evaluate(() => (window as unknown as { __stay?: number }).__stay === 1);

test("the home page: prerendered, plain HTML with no script, links are page loads, no violation, served from the cache", async ({ page, request }) => {
  const violations = await watchViolations(page);
  const fetched = watchRequests(page);
  const res = await page.goto("/");
  expect(res?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "通知公告" })).toBeVisible();
  await expectPlainHtml(page, res, fetched);
  expect(fetched.some((u) => /\.css(\?|$)/.test(u))).toBe(true);
  // A link is an ordinary page load (the window is replaced), and lands on a plain page too.
  await markWindow(page);
  await page.getByRole("link", { name: /关于开展2027年度/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: /关于开展2027年度/ })).toBeVisible();
  expect(await windowKept(page)).toBe(false);
  expect(await page.evaluate(() => document.scripts.length)).toBe(0);
  expect(violations).toEqual([]);
  await expectServedFromCache(request, "/");
});

test("the detail pages: plain HTML, no nonce, no violation, served from the cache", async ({ page, request }) => {
  const violations = await watchViolations(page);
  const hrefs: string[] = [];
  for (const [list, link] of [["/cases", /浙川携手/], ["/challenges", null], ["/demonstrations", null]] as const) {
    await page.goto(list);
    const links = page.getByRole("main").locator(`a[href^="${list}/"]`);
    const href = await (link ? page.getByRole("main").getByRole("link", { name: link }) : links).first().getAttribute("href");
    expect(href, list).toMatch(new RegExp(`^${list}/[^/?]+$`));
    hrefs.push(href!);
  }
  await page.goto("/");
  hrefs.push((await page.getByRole("main").locator('a[href^="/announcements/"]').first().getAttribute("href"))!);

  for (const href of hrefs) {
    expect(isPrerenderedPath(href), href).toBe(true);
    const fetched = watchRequests(page);
    const res = await page.goto(href);
    expect(res?.status(), href).toBe(200);
    await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
    await expectPlainHtml(page, res, fetched);
    await expectServedFromCache(request, href);
  }
  // The case page's back link is a page load to the library, itself plain HTML (rendered per request, with a nonce).
  await page.goto(hrefs[0]);
  await markWindow(page);
  const library = page.waitForResponse((r) => new URL(r.url()).pathname === "/cases" && r.request().resourceType() === "document");
  await page.getByRole("link", { name: "返回典型案例库" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /典型案例库/ })).toBeVisible();
  expect(await windowKept(page)).toBe(false);
  const libraryRes = await library;
  expect(libraryRes.headers()["content-security-policy"]).toMatch(/'nonce-/);
  expect(await page.evaluate(() => document.scripts.length)).toBe(0);
  // A case that does not exist answers 404. Next sends its error shell, whose body the runtime draws: that one keeps
  // its scripts, allowed by hash.
  const missing = await page.goto("/cases/no-such-case");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "页面不存在" })).toBeVisible();
  await expectHashPolicy(page, missing);
  expect(violations).toEqual([]);
});

test("the portal's search forms work without scripts: the library filters by a GET page load", async ({ page }) => {
  await page.goto("/cases");
  await markWindow(page);
  await page.getByRole("search", { name: "案例检索" }).getByLabel("关键词").fill("浙川携手");
  await page.getByRole("search", { name: "案例检索" }).getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(/\/cases\?.*q=/);
  await expect(page.getByRole("main").getByRole("link", { name: /浙川携手/ }).first()).toBeVisible();
  expect(await windowKept(page)).toBe(false);
  expect(await page.evaluate(() => document.scripts.length)).toBe(0);
});

test("a client-side navigation into the portal still works: from the sign-in page back to the home page", async ({ page }) => {
  await page.goto("/login");
  expect(await page.evaluate(() => document.scripts.length)).toBeGreaterThan(0);
  await markWindow(page);
  await page.getByRole("link", { name: "返回首页" }).click();
  await expect(page.getByRole("heading", { name: "通知公告" })).toBeVisible();
  // The router fetched the page's RSC payload (left alone) and rendered it in the same window.
  expect(await windowKept(page)).toBe(true);
});

test("the registration page keeps its scripts (an interactive form), under the nonce policy", async ({ page }) => {
  const res = await page.goto("/register");
  expect(res!.headers()["content-security-policy"]).toMatch(/'nonce-/);
  expect(await page.evaluate(() => document.scripts.length)).toBeGreaterThan(0);
});

test("the 403 page, prerendered outside the portal, keeps Next's scripts, allowed by hash", async ({ page }) => {
  const violations = await watchViolations(page);
  const res = await page.goto("/forbidden");
  expect(res?.status()).toBe(200);
  await expectHashPolicy(page, res);
  expect(violations).toEqual([]);
});

test("a page rendered per request keeps the nonce: a console page and an unknown address", async ({ page }) => {
  const violations = await watchViolations(page);
  await signInAs(page, "expert");
  for (const path of ["/expert", "/no-such-page"]) {
    const res = await page.goto(path);
    const csp = res!.headers()["content-security-policy"];
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce, path).toBeTruthy();
    expect(csp, path).toContain("'strict-dynamic'");
    expect(csp, path).not.toContain("'sha256-");
    expect(res!.headers()["x-nextjs-cache"], path).toBeUndefined();
    // Every script in the page carries the nonce (chunks the client inserts later need none: 'strict-dynamic').
    const tags = (await res!.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(tags.length, path).toBeGreaterThan(0);
    for (const tag of tags) expect(tag, path).toContain(`nonce="${nonce}"`);
  }
  // Back on the portal, signed in: still plain HTML under a policy without a nonce.
  const fetched = watchRequests(page);
  const home = await page.goto("/");
  await expectPlainHtml(page, home, fetched);
  expect(scriptSrc(home!.headers()["content-security-policy"])).toEqual(["'self'"]);
  expect(violations).toEqual([]);
});

test("the build prerenders exactly the pages on the prerendered list (every other page renders per request)", () => {
  type Entry = { routeType?: string; dataRoute?: string | null };
  const manifest = JSON.parse(readFileSync(".next/prerender-manifest.json", "utf8")) as { routes: Record<string, Entry>; dynamicRoutes: Record<string, Entry> };
  const pages = [...Object.entries(manifest.routes), ...Object.entries(manifest.dynamicRoutes)]
    // Pages only (not files such as /icon.svg), less Next's own error pages, which no address reaches as such: an
    // unknown address is answered per request by app/[...unmatched]/page.tsx (asserted above).
    .filter(([route, e]) => (e.routeType ?? "page") === "page" && e.dataRoute !== null && !["/_global-error", "/_not-found"].includes(route))
    .map(([route]) => route.replace(/\[[^\]]+\]/g, "x"));
  expect(pages.sort()).toEqual(["/", "/announcements/x", "/cases/x", "/challenges/x", "/demonstrations/x", "/forbidden"]);
  for (const route of pages) expect(isPrerenderedPath(route), route).toBe(true);
});
