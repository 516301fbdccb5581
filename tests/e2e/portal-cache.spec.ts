import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, test, type APIRequestContext, type Page, type Response } from "@playwright/test";
import { isPrerenderedPath } from "../../lib/security/prerendered";
import { signInAs } from "./support";

// The portal's home and detail pages are prerendered (ISR) and carry a hash-based Content-Security-Policy
// (lib/security/prerendered.ts, proxy.ts, lib/security/hash-csp.ts in scripts/serve.ts); pages rendered per request
// keep the nonce. Asserted on the production build as scripts/serve.ts serves it.

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

async function expectServedFromCache(request: APIRequestContext, path: string) {
  await request.get(path);
  const again = await request.get(path);
  expect(again.status(), path).toBe(200);
  expect(again.headers()["x-nextjs-cache"], path).toMatch(/^(HIT|STALE)$/);
  expect(again.headers()["cache-control"], path).toMatch(/s-maxage=\d+/);
  expect(again.headers()["content-security-policy"], path).toMatch(/'sha256-/);
}

/** A client-side navigation keeps the window: proof the page's scripts ran and the router took the click. */
const markWindow = (page: Page) => page.evaluate(() => ((window as unknown as { __stay: number }).__stay = 1));
const windowKept = (page: Page) => page.evaluate(() => (window as unknown as { __stay?: number }).__stay === 1);

test("the home page: prerendered, allowed its own inline scripts by hash, hydrated, no violation, served from the cache", async ({ page, request }) => {
  const violations = await watchViolations(page);
  const res = await page.goto("/");
  expect(res?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "通知公告" })).toBeVisible();
  await expectHashPolicy(page, res);
  // Hydrated: a link is followed by the client-side router (the window stays).
  await markWindow(page);
  await page.getByRole("link", { name: /关于开展2027年度/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: /关于开展2027年度/ })).toBeVisible();
  expect(await windowKept(page)).toBe(true);
  expect(violations).toEqual([]);
  await expectServedFromCache(request, "/");
});

test("the detail pages: hash policy, hydrated, no violation, served from the cache", async ({ page, request }) => {
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
    const res = await page.goto(href);
    expect(res?.status(), href).toBe(200);
    await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
    await expectHashPolicy(page, res);
    await expectServedFromCache(request, href);
  }
  // The case page hydrates: its back link navigates on the client.
  await page.goto(hrefs[0]);
  await markWindow(page);
  await page.getByRole("link", { name: "返回典型案例库" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /典型案例库/ })).toBeVisible();
  expect(await windowKept(page)).toBe(true);
  // A page that does not exist answers 404 under the same policy, its scripts allowed too.
  const missing = await page.goto("/cases/no-such-case");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "页面不存在" })).toBeVisible();
  await expectHashPolicy(page, missing);
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
  // Back on the portal, signed in: still the hash policy.
  const home = await page.goto("/");
  await expectHashPolicy(page, home);
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
