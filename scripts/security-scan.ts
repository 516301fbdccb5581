// `npm run scan:security [-- --quick | --dry-run | --port 3330 | --keep | --reuse <db> | --roles unit,ministry |
//   --wapiti-roles anonymous,unit | --level 2 | --jobs 3 | --no-sqlmap | --no-wapiti | --report <dir>]`
// SQL injection and web vulnerability scans of the whole app with signed-in sessions, as an outside tester runs them:
// sqlmap and wapiti from Debian (`apt-get install sqlmap wapiti`; both run offline).
//   1. Its own database on the local PostgreSQL (the server of SCAN_DATABASE_URL, else
//      postgresql://postgres@127.0.0.1:5432/postgres): `esp_scan_<time>`, migrated and demo-seeded, dropped at the end.
//   2. The production build (`npm run build` when .next/BUILD_ID is missing) served by scripts/serve.ts in demo mode
//      (the demo accounts sign in without a second factor), background jobs off.
//   3. Signs in as each role through next-auth's credentials flow and crawls what that role can reach: every page of
//      app/ without a dynamic segment, then the links and forms found in them (detail pages with real ids, list pages
//      with their filters, exports, attachments). Each route pattern counts once per role and set of parameters.
//   4. sqlmap on every target found — query parameters, path ids, GET filter forms, server-action forms (posted as the
//      browser posts them without JavaScript: multipart with Next's `$ACTION_*` fields, which are left alone), the
//      import upload route and the sign-in endpoint — each injection point marked with `*`, with that role's session.
//      Every other server action of the build (.next/server/server-reference-manifest.json: forms behind a
//      confirmation step, uploads, calls with arguments) gets the request Next's client would send, synthesised from
//      its zod schema (scripts/security-scan-actions.ts): `Next-Action` to a page of the action that a role holding its
//      operation reached, the fields as a form's `(prevState, formData)` or as JSON arguments, real ids from that page.
//   5. wapiti over the site with each wapiti role's session cookie (modules that need no outside endpoint; the sign-out
//      and account-administration pages excluded, since its attacks submit every form they find).
// Writes scan-results/<time>/summary.md (and each tool's raw output beside it) and exits 1 when sqlmap finds an
// injectable parameter or wapiti a finding of level high or critical (vulnerabilities and anomalies: a 500 counts).
// `--quick`: three roles, a few targets each, sqlmap level 1, wapiti as `unit` with shorter limits. `--report <dir>`
// rebuilds the summary from a results directory; `--targets <dir>` scans a previous run's targets again (no crawl). `--dry-run`: lists what would be
// scanned from the source tree (route patterns, route handlers, server actions and how many the synthesiser can
// build) and which tools are installed, starts nothing (CI's smoke step).
import { spawn, spawnSync } from "node:child_process";
import { createWriteStream, existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { assertReachable, dropDatabase, migrate, recreateDatabase, run, seed } from "./database";
import { cookiesOf, signInWithPassword, startServe, waitHealthy, type ServedApp } from "./bench-kit";
import {
  accepts, actionSources, argumentsBody, formParts, idModels, idsIn, isIdField, prismaModels, resolveActions, sampleValue, workerPattern,
  type ResolvedAction, type SynthPart,
} from "./security-scan-actions";

/** Run as the script (not imported by a unit test for its parsers). */
const isMain = !!process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
const { values: args } = parseArgs({
  args: isMain ? process.argv.slice(2) : [],
  options: {
    quick: { type: "boolean", default: false },
    "dry-run": { type: "boolean", default: false },
    port: { type: "string", default: process.env.SCAN_PORT ?? "3330" },
    roles: { type: "string" },
    "wapiti-roles": { type: "string" },
    jobs: { type: "string", default: "3" },
    level: { type: "string" },
    keep: { type: "boolean", default: false },
    reuse: { type: "string" },
    build: { type: "boolean", default: false },
    "no-wapiti": { type: "boolean", default: false },
    "no-sqlmap": { type: "boolean", default: false },
    help: { type: "boolean", default: false },
    report: { type: "string" },
    targets: { type: "string" },
  },
});

const PASSWORD = "Demo@2025"; // the demo accounts' password (README), only in the seeded demo set
const port = Number(args.port);
const HOST = `127.0.0.1:${port}`;
const base = `http://${HOST}`;
const quick = args.quick;
/** sqlmap's --level: 2 by default (more boundaries and payloads per parameter), 1 in --quick. */
const level = Number(args.level ?? (quick ? 1 : 2));

/** The roles signed in (README demo accounts); the order is the scan order, the administrators' forms last. */
const ALL_ROLES = ["unit", "expert", "enterprise", "base", "department", "sichuan", "auditor", "sysadmin", "secadmin", "ministry"];
const QUICK_ROLES = ["unit", "sichuan", "ministry"];
const WAPITI_ROLES = args["wapiti-roles"]?.split(",") ?? (quick ? ["unit"] : ["anonymous", "unit", "ministry"]);
const roles = args.roles?.split(",") ?? (quick ? QUICK_ROLES : ALL_ROLES);

/** Pages whose forms end or change the scanning sessions, or administer accounts: wapiti never crawls them (nor
 * Next's static chunks, which it would otherwise attack one by one). */
const WAPITI_EXCLUDE = ["/_next/*", "/api/auth/*", "/ministry/users*", "/province/users*", "/system*", "/security/admins*", "/account/*"];
/** wapiti modules that need no outside endpoint (ssrf and xxe call wapiti's public server; nikto/buster/brute_login_form
 * are dictionaries and account lockouts, wapp downloads its database). */
const WAPITI_MODULES = "sql,blindsql,xss,permanentxss,exec,file,crlf,redirect,csrf,csp,cookieflags,http_headers,methods,htaccess,backup,shellshock";

// ---------------------------------------------------------------------------------------------------------------
// The source tree: route patterns, route handlers, server actions.

type RoutePattern = { pattern: string; regex: RegExp; kind: "page" | "api"; dynamic: boolean; methods: string[] };

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

export function routePatterns(appDir = "app"): RoutePattern[] {
  const out: RoutePattern[] = [];
  for (const file of walk(appDir)) {
    const m = file.match(/[\\/](page|route)\.tsx?$/);
    if (!m) continue;
    const segments = path.relative(appDir, path.dirname(file)).split(path.sep).filter((s) => s && !/^\(.*\)$/.test(s));
    const pattern = "/" + segments.join("/");
    const regex = new RegExp("^" + segments.map((s) => "/" + (s.startsWith("[...") ? ".+" : s.startsWith("[") ? "[^/]+" : s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))).join("") + "/?$");
    const source = readFileSync(file, "utf8");
    const methods = m[1] === "route" ? ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((v) => new RegExp(`export (async function|const) ${v}\\b|export \\{[^}]*\\bas ${v}\\b`).test(source) || (v === "GET" && /exportRoute\(/.test(source))) : ["GET"];
    out.push({ pattern: pattern === "/" ? "/" : pattern, regex: pattern === "/" ? /^\/$/ : regex, kind: m[1] === "route" ? "api" : "page", dynamic: pattern.includes("["), methods });
  }
  // Most specific first: static segments before dynamic ones, catch-all routes (the unmatched-address page) last.
  const rank = (r: RoutePattern) => (r.pattern.includes("[...") ? 2 : r.dynamic ? 1 : 0);
  return out.sort((a, b) => rank(a) - rank(b) || b.pattern.length - a.pattern.length);
}

/** Modules with "use server" and their exported functions: the server actions a form can call. */
export function serverActionModules(dirs = ["lib", "app"]): { file: string; exports: string[] }[] {
  return dirs.flatMap((d) => walk(d)).filter((f) => /\.tsx?$/.test(f) && !f.includes("generated")).flatMap((file) => {
    const source = readFileSync(file, "utf8");
    if (!/^\s*["']use server["']/m.test(source.slice(0, 400))) return [];
    return [{ file, exports: [...source.matchAll(/export (?:async function|const) (\w+)/g)].map((m) => m[1]) }];
  });
}

function tool(cmd: string, versionArgs: string[]): string | null {
  const r = spawnSync(cmd, versionArgs, { encoding: "utf8", timeout: 30_000 });
  if (r.error || r.status !== 0) return null;
  const lines = (r.stdout + r.stderr).split("\n").map((l) => l.trim()).filter((l) => l && !l.includes("[WARNING]"));
  const version = lines.filter((l) => /\d+\.\d+/.test(l)).pop() ?? lines.pop() ?? "";
  return cmd === "sqlmap" ? `sqlmap ${version}` : version;
}

// ---------------------------------------------------------------------------------------------------------------
// HTML: links and forms (React's server output quotes and escapes every attribute, so a tag scanner suffices).

type Field = { name: string; value: string; type: string };
type Form = { method: string; action: string | null; enctype: string | null; fields: Field[] };

const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:$-]+)(?:="([^"]*)")?/g)) out[m[1].toLowerCase()] = decode(m[2] ?? "");
  return out;
}

export function parseHtml(html: string): { links: string[]; forms: Form[] } {
  const links = [...html.matchAll(/<a\b([^>]*)>/g)].map((m) => attrs(m[1]).href).filter((h): h is string => !!h);
  const forms: Form[] = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const a = attrs(m[1]);
    const fields: Field[] = [];
    for (const t of m[2].matchAll(/<(input|select|textarea|button)\b([^>]*)>(?:([\s\S]*?)<\/\1>)?/g)) {
      const f = attrs(t[2]);
      if (!f.name) continue;
      const type = t[1] === "input" ? (f.type ?? "text") : t[1];
      if (type === "button" && t[1] === "button" && !f.value) continue;
      if ((type === "checkbox" || type === "radio") && fields.some((x) => x.name === f.name)) continue;
      let value = f.value ?? "";
      if (t[1] === "select") {
        const options = [...(t[3] ?? "").matchAll(/<option\b([^>]*)>/g)].map((o) => attrs(o[1]));
        value = (options.find((o) => "selected" in o) ?? options.find((o) => o.value) ?? { value: "" }).value ?? "";
      } else if (t[1] === "textarea") value = decode(t[3] ?? "");
      else if (type === "checkbox" && !f.value) value = "on";
      fields.push({ name: f.name, value, type });
    }
    forms.push({ method: (a.method ?? "").toLowerCase(), action: a.action ?? null, enctype: a.enctype ?? null, fields });
  }
  return { links, forms };
}

const isActionField = (name: string) => name.startsWith("$ACTION");

// ---------------------------------------------------------------------------------------------------------------
// The running app: database, server, sessions.

/** One name=value of a query or a body; `marked` ones are injection points (sqlmap's `*`). */
type Part = SynthPart;

type Target = {
  id: string;
  role: string;
  kind: "query" | "path-id" | "api" | "action" | "js-action" | "synth-action" | "sign-in" | "upload";
  /** The route pattern (app/ path) and, for actions, the action id: what the de-duplication keys on. */
  pattern: string;
  action?: string;
  label: string;
  method: "GET" | "POST";
  /** The path, a path id marked with `*` when the target is the path itself. */
  pathname: string;
  query: Part[];
  /** "json": React's reply encoding of arguments without files (`[null,{…}]`, or `[a,b]` when `positional`). */
  body?: { type: "multipart" | "urlencoded" | "json"; parts: Part[]; positional?: boolean };
  headers?: Record<string, string>;
  /** Send this cookie instead of the role's session (the sign-in endpoint's CSRF cookie). */
  cookie?: string;
  /** Add a random X-Forwarded-For per request (sqlmap's xforwardedfor tamper) so sign-in limits do not answer first. */
  spoofAddress?: boolean;
};

const paramsOf = (t: Target) => [...t.query, ...(t.body?.parts ?? [])].filter((p) => p.marked).map((p) => p.name)
  .concat(t.pathname.includes("*") ? ["(路径)"] : []);


const signIn = (username: string) => signInWithPassword(base, username, PASSWORD);

/** Sessions end after 30 idle minutes; a scan of one target takes less, so each target starts with a fresh one. */
const sessions = new Map<string, { cookie: string; at: number }>();
async function session(role: string): Promise<string> {
  if (role === "anonymous") return "";
  const s = sessions.get(role);
  if (s && Date.now() - s.at < 10 * 60_000) return s.cookie;
  const cookie = await signIn(role);
  sessions.set(role, { cookie, at: Date.now() });
  return cookie;
}

// ---------------------------------------------------------------------------------------------------------------
// Crawling one role's reach into targets.

const SKIP_LINK = /^\/(_next|api\/auth)|\.(svg|png|ico|jpg|css|js|txt|xml)(\?|$)/;

function patternOf(p: string, patterns: RoutePattern[]): RoutePattern | undefined {
  return patterns.find((r) => r.regex.test(p));
}

function pathIdTarget(role: string, pattern: RoutePattern, pathname: string): Target | null {
  const patSegs = pattern.pattern.split("/");
  let marked = false;
  const segs = pathname.split("/").map((s, i) => {
    const p = patSegs[i];
    if (p?.startsWith("[") && !p.startsWith("[...")) { marked = true; return `${s}*`; }
    return s;
  });
  if (!marked) return null;
  return { id: "", role, kind: "path-id", pattern: pattern.pattern, label: `${pattern.pattern}（路径参数）`, method: "GET", pathname: segs.join("/"), query: [] };
}

/** A page a role reached (200, HTML): the server actions of its route can be posted to it; its ids are in its scope. */
type Visit = { url: string; pattern: string; ids: string[] };
type Crawl = { targets: Target[]; pages: number; actionIds: Set<string>; jsFormPages: Map<string, number>; visits: Visit[] };

async function crawl(role: string, cookie: string, patterns: RoutePattern[], protectedIds: Set<string>): Promise<Crawl> {
  const queue: string[] = patterns.filter((p) => p.kind === "page" && !p.dynamic).map((p) => p.pattern);
  const seen = new Set<string>();
  const perPattern = new Map<string, number>();
  const targets: Target[] = [];
  const actionIds = new Set<string>();
  const jsFormPages = new Map<string, number>();
  const visits: Visit[] = [];
  let pages = 0;
  const maxPages = quick ? 40 : 400;
  const query = (kind: Target["kind"], pattern: RoutePattern, pathname: string, params: [string, string][]) => {
    if (params.length) targets.push({
      id: "", role, kind, pattern: pattern.pattern, label: pattern.pattern, method: "GET", pathname,
      query: params.map(([name, value]) => ({ name, value: value || "1", marked: true })),
    });
  };

  while (queue.length && pages < maxPages) {
    const u = new URL(queue.shift()!, base);
    if (u.host !== HOST || SKIP_LINK.test(u.pathname)) continue;
    const pattern = patternOf(u.pathname, patterns);
    if (!pattern) continue;
    const params = [...u.searchParams.entries()].filter(([k], i, all) => k !== "callbackUrl" && all.findIndex(([k2]) => k2 === k) === i);
    query(pattern.kind === "api" ? "api" : "query", pattern, u.pathname, params);
    if (pattern.dynamic) { const t = pathIdTarget(role, pattern, u.pathname); if (t) targets.push(t); }
    if (pattern.kind === "api") continue; // downloads: targets, not pages to crawl
    const names = params.map(([k]) => k).sort().join("&");
    const visitKey = `${pattern.pattern}?${names}`;
    if (seen.has(visitKey) || (!names && (perPattern.get(pattern.pattern) ?? 0) >= (quick ? 1 : 2))) continue;
    seen.add(visitKey);
    perPattern.set(pattern.pattern, (perPattern.get(pattern.pattern) ?? 0) + 1);
    let res: Response;
    try {
      res = await fetch(u, { headers: { cookie, accept: "text/html" }, redirect: "manual", signal: AbortSignal.timeout(60_000) });
    } catch { continue; }
    if (res.status !== 200 || !(res.headers.get("content-type") ?? "").includes("text/html")) { await res.body?.cancel(); continue; }
    pages++;
    const html = await res.text();
    visits.push({ url: u.pathname + u.search, pattern: pattern.pattern, ids: idsIn(html) });
    const { links, forms } = parseHtml(html);
    for (const l of links) if (l.startsWith("/") && !l.startsWith("//")) queue.push(l);
    for (const f of forms) {
      const userFields = f.fields.filter((x) => !isActionField(x.name) && x.type !== "submit" && x.type !== "button");
      const actionField = f.fields.find((x) => x.name.startsWith("$ACTION_ID_") || x.name.startsWith("$ACTION_REF_"));
      if (actionField) {
        // A form posted without JavaScript: multipart to the page, Next's $ACTION_* fields naming the action.
        const idField = f.fields.find((x) => x.name.startsWith("$ACTION_ID_"));
        const refJson = f.fields.find((x) => /^\$ACTION_\d+:0$/.test(x.name))?.value;
        const actionId = idField ? idField.name.slice("$ACTION_ID_".length) : (refJson?.match(/"id":"([0-9a-f]+)"/)?.[1] ?? "?");
        actionIds.add(actionId);
        if (!userFields.length) continue;
        // A form acting on one of the scanning accounts (disable, unlock, reset) would end that role's sessions.
        if (f.fields.some((x) => [...protectedIds].some((id) => x.value.includes(id)))) continue;
        const target = f.action && f.action.startsWith("/") ? new URL(f.action, base) : u;
        targets.push({
          id: "", role, kind: "action", pattern: pattern.pattern, action: actionId, label: `${pattern.pattern} 表单`, method: "POST",
          pathname: target.pathname + target.search, query: [], headers: { Origin: base },
          body: { type: "multipart", parts: f.fields.filter((x) => x.type !== "submit" || x.name).map((x) => ({
            name: x.name, value: x.value, file: x.type === "file", marked: !isActionField(x.name) && x.type !== "file" && x.type !== "submit",
          })) },
        });
      } else if (f.method === "get") {
        if (!userFields.length) continue;
        const action = f.action && f.action.startsWith("/") ? new URL(f.action, base).pathname : u.pathname;
        const ap = patternOf(action, patterns);
        if (ap) query("query", ap, action, userFields.filter((x, i) => userFields.findIndex((y) => y.name === x.name) === i).map((x) => [x.name, x.value]));
      } else {
        jsFormPages.set(u.pathname + u.search, (jsFormPages.get(u.pathname + u.search) ?? 0) + 1);
      }
    }
  }
  return { targets, pages, actionIds, jsFormPages, visits };
}

/**
 * Forms sent by client code (`<form onSubmit>` → the server action with a FormData): each is filled in Chromium and
 * submitted, and the request it makes — `Next-Action` header and multipart body — is captured and aborted, so
 * nothing is written; sqlmap then replays it with every form field marked.
 */
async function captureJsForms(role: string, cookie: string, urls: { pattern: string; url: string }[], protectedIds: Set<string>): Promise<Target[]> {
  const { chromium } = await import("@playwright/test");
  const { findChromium } = await import("../tests/e2e/browser");
  const executablePath = findChromium();
  if (!executablePath) { console.log("  （未找到 Chromium：跳过由脚本提交的表单）"); return []; }
  const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"] });
  const out: Target[] = [];
  try {
    const context = await browser.newContext({ baseURL: base, locale: "zh-CN" });
    const [name, value] = [cookie.slice(0, cookie.indexOf("=")), cookie.slice(cookie.indexOf("=") + 1)];
    await context.addCookies([{ name, value, domain: "127.0.0.1", path: "/", httpOnly: true, sameSite: "Lax" }]);
    const page = await context.newPage();
    let captured: { url: string; headers: Record<string, string>; body: Buffer | null } | null = null;
    await page.route("**/*", async (route) => {
      const req = route.request();
      if (req.method() === "POST" && req.headers()["next-action"]) {
        captured = { url: req.url(), headers: req.headers(), body: req.postDataBuffer() };
        await route.abort();
      } else await route.continue();
    });
    for (const { pattern, url } of urls) {
      const count = await page.goto(url, { waitUntil: "load", timeout: 60_000 }).then(() => page.locator("form:not([method=get])").count()).catch(() => 0);
      for (let i = 0; i < count; i++) {
        if (i > 0) await page.goto(url, { waitUntil: "load", timeout: 60_000 }).catch(() => {});
        await page.waitForTimeout(300); // hydration
        captured = null;
        await page.evaluate((index) => {
          const form = [...document.querySelectorAll("form")].filter((f) => f.getAttribute("method") !== "get")[index];
          if (!form) return;
          for (const el of form.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>("input, select, textarea")) {
            if (el instanceof HTMLSelectElement) {
              if (!el.value) { const o = [...el.options].find((x) => x.value); if (o) el.value = o.value; }
            } else if (el instanceof HTMLInputElement && ["checkbox", "radio"].includes(el.type)) {
              if (!form.querySelector(`input[name="${el.name}"]:checked`)) el.checked = true;
            } else if (!el.value && !(el instanceof HTMLInputElement && ["hidden", "file", "submit", "button"].includes(el.type))) {
              const t = el instanceof HTMLInputElement ? el.type : "textarea";
              el.value = t === "number" ? "1" : t === "date" ? "2026-06-01" : t === "month" ? "2026-06" : t === "email" ? "scan@example.com" : t === "tel" ? "13800000000" : t === "password" ? "Scan@2026x" : "安全扫描测试内容";
            }
          }
          form.requestSubmit();
        }, i).catch(() => {});
        for (let w = 0; w < 30 && !captured; w++) await page.waitForTimeout(100);
        const c = captured as { url: string; headers: Record<string, string>; body: Buffer | null } | null;
        if (!c || !c.body) continue;
        const type = c.headers["content-type"] ?? "";
        const u = new URL(c.url);
        const headers = { "Next-Action": c.headers["next-action"], Origin: base, Accept: "text/x-component",
          ...(c.headers["next-router-state-tree"] ? { "Next-Router-State-Tree": c.headers["next-router-state-tree"] } : {}) };
        const text = c.body.toString("utf8");
        if ([...protectedIds].some((id) => text.includes(id))) continue;
        const boundary = type.match(/boundary=(.+)$/)?.[1];
        if (!boundary) continue; // a plain-argument call: no form fields to mark
        const parts = text.split(`--${boundary}`).slice(1, -1).map((chunk) => {
          const [head, ...rest] = chunk.replace(/^\r\n/, "").split("\r\n\r\n");
          const n = head.match(/name="([^"]*)"/)?.[1] ?? "";
          const file = /filename="/.test(head);
          return { name: n, value: rest.join("\r\n\r\n").replace(/\r\n$/, ""), file, marked: !file && /^_?\d+_/.test(n) && !n.includes("$ACTION") };
        });
        if (!parts.some((p) => p.marked)) continue;
        out.push({
          id: "", role, kind: "js-action", pattern: `${pattern}`, action: c.headers["next-action"], label: `${pattern} 表单`, method: "POST",
          pathname: u.pathname + u.search, query: [], headers, body: { type: "multipart", parts },
        });
      }
    }
  } finally {
    await browser.close();
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Server actions no crawled form posts: the request Next's client would send, synthesised from the action's schema.

/** How the scan reached one server action of the build. */
type ActionReport = { id: string; name: string; file: string; status: "crawled" | "synthesised" | "no-fields" | "unreached"; role?: string; page?: string; note?: string };

/** Actions called with arguments and checked inside (not through an operation): the permission they require. */
const ARG_OPERATION: Record<string, string> = { findAssignableExpertsAction: "match.invite" };
const SCOPE_RANK: Record<string, number> = { national: 4, province: 3, unit: 2, self: 1 };

type Manifest = { node?: Record<string, { workers: Record<string, unknown>; filename: string; exportedName: string }> };

async function synthesiseActions(opts: {
  manifest: Manifest; covered: Set<string>; visits: Map<string, Visit[]>; db: pg.Client; roles: string[]; protectedIds: Set<string>;
}): Promise<{ targets: Target[]; report: ActionReport[] }> {
  const { manifest, covered, visits, db, roles: candidates, protectedIds } = opts;
  const resolved = new Map((await resolveActions(actionSources())).map((a) => [`${a.file}#${a.name}`, a]));
  const { PERMISSIONS } = await import("../lib/auth/permissions");
  const grants = new Map<string, string[]>();
  for (const r of (await db.query<{ username: string; role: string }>(`SELECT u.username, ra.role FROM "User" u JOIN "RoleAssignment" ra ON ra."userId" = u.id WHERE u.username = ANY($1)`, [candidates])).rows) {
    grants.set(r.username, [...(grants.get(r.username) ?? []), r.role]);
  }
  const rank = (role: string, op: string) => Math.max(0, ...(grants.get(role) ?? []).map((g) => SCOPE_RANK[(PERMISSIONS as Record<string, Record<string, string>>)[g]?.[op] ?? ""] ?? 0));
  const { models, versioned } = prismaModels();
  const protectedList = [...protectedIds];
  const pickIds = async (modelsOf: string[], pageIds: string[], n: number): Promise<{ model: string; ids: string[] } | null> => {
    // Never a scanning account, nor a record of one (a role grant, say): acting on it would end that role's sessions.
    const guard = (n: number) => `NOT (t.id = ANY($${n})) AND NOT (coalesce(to_jsonb(t)->>'userId', '') = ANY($${n}))`;
    for (const pass of ["page", "any"] as const) {
      if (pass === "page" && !pageIds.length) continue;
      for (const model of modelsOf.slice(0, pass === "page" ? 60 : 3)) {
        try {
          const rows = pass === "page"
            ? (await db.query<{ id: string }>(`SELECT t.id FROM "${model}" t WHERE t.id = ANY($1) AND ${guard(2)} LIMIT ${n}`, [pageIds, protectedList])).rows
            : (await db.query<{ id: string }>(`SELECT t.id FROM "${model}" t WHERE ${guard(1)} ORDER BY t.id LIMIT ${n}`, [protectedList])).rows;
          if (rows.length) return { model, ids: rows.map((r) => r.id) };
        } catch { /* not a table with a text id */ }
      }
    }
    return null;
  };

  const targets: Target[] = [];
  const report: ActionReport[] = [];
  for (const [id, entry] of Object.entries(manifest.node ?? {}).sort(([, a], [, b]) => `${a.filename}#${a.exportedName}`.localeCompare(`${b.filename}#${b.exportedName}`))) {
    const entryReport: ActionReport = { id, name: entry.exportedName, file: entry.filename, status: "unreached" };
    if (covered.has(id)) { report.push({ ...entryReport, status: "crawled" }); continue; }
    const a: ResolvedAction | undefined = resolved.get(`${entry.filename}#${entry.exportedName}`);
    if (!a) { report.push({ ...entryReport, note: "源码中找不到这个导出" }); continue; }
    if (a.problem) { report.push({ ...entryReport, note: a.problem }); continue; }
    const operation = a.operation ?? ARG_OPERATION[a.name] ?? null;
    const patterns = Object.keys(entry.workers).map(workerPattern).filter((p): p is string => !!p);
    // The role: one that holds the operation (widest scope first) and reached a page of the action; anonymous for
    // the public ones; else whoever reached such a page (the scan then tests the action up to its refusal).
    const holders = operation ? candidates.filter((r) => rank(r, operation) > 0).sort((x, y) => rank(y, operation) - rank(x, operation)) : ["anonymous"];
    const pageOf = (role: string) => (role === "anonymous" ? undefined : visits.get(role)?.find((v) => patterns.includes(v.pattern)));
    let role = holders.find((r) => pageOf(r));
    let page = role ? pageOf(role) : undefined;
    const notes: string[] = [];
    if (!role) {
      const anyVisit = [...visits.values()].flat().find((v) => patterns.includes(v.pattern));
      const fixed = patterns.find((p) => !p.includes("["));
      if (holders.length) {
        role = holders[0];
        page = anyVisit ?? { url: fixed ?? patterns[0]?.replace(/\[[^\]]+\]/g, "scan") ?? "/", pattern: fixed ?? patterns[0] ?? "/", ids: [] };
        if (role !== "anonymous") notes.push(`${role} 未爬到该操作的页面，借用 ${page.url}`);
      } else {
        role = candidates.find((r) => pageOf(r));
        page = role ? pageOf(role) : undefined;
        if (!role || !page) { report.push({ ...entryReport, note: `没有扫描角色持有操作 ${operation}，也没有角色到达其页面` }); continue; }
        notes.push(`没有扫描角色持有操作 ${operation}：测到拒绝为止`);
      }
    }
    // The values: real ids from the page the role reached (within its scope), else from the database; the others the
    // first value each field's own schema accepts.
    const values: Record<string, { value: unknown; file?: boolean }> = {};
    let primary: { model: string; id: string } | null = null;
    const fieldList: [string, Parameters<typeof sampleValue>[1] | null][] = a.call === "args"
      ? a.params.map((p): [string, null] => [p, null])
      : Object.entries(a.fields ?? {});
    for (const [name, leaf] of fieldList) {
      if (isIdField(name)) {
        const many = /Ids$/.test(name);
        const picked = await pickIds(idModels(name, a.file, models), page!.ids, many ? 2 : 1);
        if (picked) primary ??= { model: picked.model, id: picked.ids[0] };
        else notes.push(`${name} 找不到真实记录`);
        values[name] = { value: many ? (picked?.ids ?? ["scan-none"]) : (picked?.ids[0] ?? "scan-none") };
      } else if (name !== "version") {
        const v = leaf ? sampleValue(name, leaf) : null;
        if (!v && leaf) notes.push(`${name} 没有被模式接受的样本值`);
        values[name] = v ?? { value: name === "q" ? "安全" : "安全扫描测试内容" };
      }
    }
    if (a.fields && "version" in a.fields) {
      let version = "0";
      if (primary && versioned.has(primary.model)) {
        version = String((await db.query<{ version: number }>(`SELECT version FROM "${primary.model}" WHERE id = $1`, [primary.id]).catch(() => ({ rows: [] as { version: number }[] }))).rows[0]?.version ?? 0);
      }
      values.version = { value: version };
    }
    if (!Object.keys(values).length) { report.push({ ...entryReport, status: "no-fields", role, note: "没有参数（无可注入之处）" }); continue; }
    // Sent as a form (multipart, `(prevState, formData)`) when the schema takes the values as text, as the app's forms
    // send them; as JSON arguments when it needs typed ones (`run({…})` callers) or the action takes plain arguments.
    const schema = a.zodSchema as { safeParse: (v: unknown) => { success: boolean } } | undefined;
    const typed = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.value]));
    const asText = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.file ? new File([String(v.value)], "scan.pdf", { type: "application/pdf" }) : Array.isArray(v.value) ? v.value.map(String) : String(v.value)]));
    const json = a.call === "args" || (!!schema && !accepts(schema, asText) && accepts(schema, typed) && !Object.values(values).some((v) => v.file));
    const body: Target["body"] = json
      ? { type: "json", positional: a.call === "args", parts: Object.entries(values).map(([name, v]) => ({ name, value: String(v.value), raw: v.value, marked: true })) }
      : { type: "multipart", parts: formParts(values) };
    const text = body.parts.map((p) => p.value).join("\n");
    if (protectedList.some((pid) => text.includes(pid))) { report.push({ ...entryReport, note: "只找到扫描账号本身的记录（会中断扫描会话）" }); continue; }
    targets.push({
      id: "", role, kind: "synth-action", pattern: page!.pattern, action: id, label: `${page!.pattern} 合成请求`, method: "POST",
      pathname: page!.url, query: [], headers: { "Next-Action": id, Accept: "text/x-component", Origin: base },
      body,
    });
    report.push({ ...entryReport, status: "synthesised", role, page: page!.url, note: notes.join("；") || undefined });
  }
  return { targets, report };
}

/** Endpoints no page links to as HTML: the sign-in callback, the import upload. */
async function fixedTargets(): Promise<Target[]> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  return [
    {
      id: "", role: "anonymous", kind: "sign-in", pattern: "/api/auth/callback/credentials", label: "/api/auth/callback/credentials（登录）", method: "POST",
      pathname: "/api/auth/callback/credentials", query: [], cookie: cookiesOf(csrf).join("; "), spoofAddress: true,
      body: { type: "urlencoded", parts: [
        { name: "csrfToken", value: csrfToken, marked: false }, { name: "username", value: "scan-nobody", marked: true },
        { name: "password", value: "Wrong@2025", marked: true }, { name: "callbackUrl", value: base, marked: false }, { name: "json", value: "true", marked: false },
      ] },
    },
    {
      id: "", role: "ministry", kind: "upload", pattern: "/api/imports", label: "/api/imports（导入上传）", method: "POST", pathname: "/api/imports",
      query: [], headers: { Origin: base },
      body: { type: "multipart", parts: [{ name: "kind", value: "EXPERT", marked: true }, { name: "file", value: "name\r\nscan", marked: false, file: true }] },
    },
  ];
}

/**
 * One target per role, route pattern (and action) and kind, its parameters the union of those found; then each
 * parameter of a pattern is marked once over all roles (the first role's target keeps it, later ones send it unmarked).
 */
export function consolidate(targets: Target[]): Target[] {
  const merged = new Map<string, Target>();
  for (const t of targets) {
    const key = `${t.role}|${t.kind}|${t.pattern}|${t.action ?? ""}`;
    const m = merged.get(key);
    if (!m) { merged.set(key, { ...t, query: [...t.query], body: t.body && { ...t.body, parts: [...t.body.parts] } }); continue; }
    if (t.kind === "query" || t.kind === "api") for (const p of t.query) if (!m.query.some((q) => q.name === p.name)) m.query.push(p);
  }
  const marked = new Set<string>();
  const out: Target[] = [];
  for (const t of merged.values()) {
    const group = `${t.kind === "js-action" || t.kind === "action" || t.kind === "synth-action" ? `action:${t.action}` : t.kind}|${t.pattern}`;
    const unmark = (p: Part): Part => {
      if (!p.marked) return p;
      const key = `${group}|${p.name}`;
      if (marked.has(key)) return { ...p, marked: false };
      marked.add(key);
      return p;
    };
    let pathname = t.pathname;
    if (pathname.includes("*")) {
      const key = `${group}|(路径)`;
      if (marked.has(key)) pathname = pathname.replace(/\*/g, "");
      else marked.add(key);
    }
    const next = { ...t, pathname, query: t.query.map(unmark), body: t.body && { ...t.body, parts: t.body.parts.map(unmark) } };
    if (paramsOf(next).length) out.push(next);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// sqlmap and wapiti.

type SqlmapResult = { target: Target; tested: string[]; injectable: string[]; rejected: string[]; heuristics: string[]; errors: string[]; seconds: number; exit: number | null };

const BOUNDARY = "----esp-scan-7d93a1c0";

/** The raw HTTP request sqlmap reads (`-r`), each injection point marked with `*`. */
export function requestFile(t: Target, cookie: string): string {
  const enc = (p: Part) => `${encodeURIComponent(p.name)}=${encodeURIComponent(p.value)}${p.marked ? "*" : ""}`;
  const qs = t.query.map(enc).join("&");
  let body = "";
  let type = "";
  if (t.body?.type === "urlencoded") {
    body = t.body.parts.map(enc).join("&");
    type = "application/x-www-form-urlencoded";
  } else if (t.body?.type === "json") {
    body = argumentsBody(t.body.parts, !!t.body.positional);
    type = "text/plain;charset=UTF-8";
  } else if (t.body) {
    body = t.body.parts.map((p) => p.file
      ? `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${p.name}"; filename="${p.value.startsWith("%PDF") ? "scan.pdf" : "scan.csv"}"\r\nContent-Type: ${p.value.startsWith("%PDF") ? "application/pdf" : "text/csv"}\r\n\r\n${p.value}\r\n`
      : `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${p.name}"\r\n\r\n${p.value}${p.marked ? "*" : ""}\r\n`).join("") + `--${BOUNDARY}--\r\n`;
    type = `multipart/form-data; boundary=${BOUNDARY}`;
  }
  const headers = [
    `${t.method} ${t.pathname}${qs ? `${t.pathname.includes("?") ? "&" : "?"}${qs}` : ""} HTTP/1.1`, `Host: ${HOST}`, "User-Agent: esp-security-scan (sqlmap)",
    ...(t.headers?.Accept ? [] : [`Accept: ${t.kind === "query" || t.kind === "path-id" || t.kind === "action" ? "text/html" : "*/*"}`]),
    ...Object.entries(t.headers ?? {}).map(([k, v]) => `${k}: ${v}`),
    ...(cookie ? [`Cookie: ${cookie}`] : []),
    ...(type ? [`Content-Type: ${type}`] : []),
  ];
  return headers.join("\r\n") + "\r\n\r\n" + body;
}

/** The scanners running now (each in its own process group), stopped with the script on Ctrl-C. */
const running = new Set<number>();

function runProcess(cmd: string, argv: string[], log: string, timeoutMs: number): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, argv, { stdio: ["ignore", "pipe", "pipe"], detached: true });
    if (child.pid) running.add(child.pid);
    // The log grows as the tool writes (a long wapiti run can be followed with tail -f).
    const file = createWriteStream(log);
    let output = "";
    const keep = (d: Buffer) => { output += d; file.write(d); };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    const timer = setTimeout(() => { try { process.kill(-child.pid!, "SIGKILL"); } catch { /* gone */ } }, timeoutMs);
    child.on("exit", (code) => {
      clearTimeout(timer);
      if (child.pid) running.delete(child.pid);
      file.end(() => resolve({ code, output }));
    });
    child.on("error", (err) => { clearTimeout(timer); resolve({ code: -1, output: String(err) }); });
  });
}

/**
 * sqlmap's verdict: a parameter counts as injectable only once sqlmap confirms it ("… is vulnerable", or listed under
 * "sqlmap identified the following injection point(s)"). A first "appears to be … injectable" that its own
 * false-positive checks then reject ("does not seem to be injectable") is kept apart, as are heuristic hints.
 */
export function parseSqlmap(output: string) {
  const tested = new Set<string>();
  const injectable = new Set<string>();
  const rejected = new Set<string>();
  const heuristics = new Set<string>();
  let inBlock = false;
  for (const line of output.split("\n")) {
    const t = line.match(/testing for SQL injection on (.+?) parameter '(.+?)'/);
    if (t) tested.add(`${t[1]} ${t[2]}`);
    const v = line.match(/(?:\] )?([^\]]+?) parameter '(.+?)' is vulnerable/);
    if (v) injectable.add(`${v[1]} ${v[2]}`);
    if (/sqlmap identified the following injection point/.test(line)) inBlock = true;
    const listed = inBlock && line.match(/^Parameter: (.+) \((.+)\)\s*$/);
    if (listed && ![...injectable].some((x) => x.endsWith(` ${listed[1]}`))) injectable.add(`${listed[2]} ${listed[1]}`);
    const a = line.match(/\] ([^\]]+?) parameter '(.+?)' appears to be '.*' injectable/);
    if (a) rejected.add(`${a[1]} ${a[2]}`);
    const h = line.match(/heuristic \(.+?\) test shows that (.+?) parameter '(.+?)' might be (injectable|vulnerable to cross-site scripting).*/);
    if (h) heuristics.add(`${h[1]} ${h[2]}：${h[3] === "injectable" ? "启发式检测提示可能可注入" : "启发式检测提示可能存在 XSS"}`);
  }
  for (const x of injectable) rejected.delete(x);
  return { tested: [...tested], injectable: [...injectable], rejected: [...rejected], heuristics: [...heuristics] };
}

async function sqlmap(t: Target, dir: string): Promise<SqlmapResult> {
  const cookie = t.cookie ?? (await session(t.role));
  const req = path.join(dir, `${t.id}.req`);
  await writeFile(req, requestFile(t, cookie));
  const t0 = performance.now();
  const argv = [
    "-r", req, "--batch", "--dbms=PostgreSQL", `--level=${level}`, "--risk=1", "--technique=BEUST", "--time-sec=5",
    "--output-dir", path.join(dir, `${t.id}.out`), "--flush-session", "--disable-coloring", "--timeout=60", "--retries=1",
    "--skip-waf", "--ignore-stdin", "--ignore-code=401", "--text-only",
    ...(t.spoofAddress ? ["--tamper=xforwardedfor"] : []),
  ];
  const { code, output } = await runProcess("sqlmap", argv, path.join(dir, `${t.id}.log`), 45 * 60_000);
  return sqlmapResult(t, output, (performance.now() - t0) / 1000, code);
}

function sqlmapResult(t: Target, output: string, seconds: number, exit: number | null): SqlmapResult {
  // sqlmap numbers the `*` marks (`MULTIPART #3*`, `URI #1*`): name them after the fields they mark.
  const names = paramsOf(t);
  const parsed = parseSqlmap(output.replace(/#(\d+)\*/g, (m, n) => names[Number(n) - 1] ?? m));
  const errors = [...output.matchAll(/\[(?:CRITICAL|ERROR)\] (.+)/g)].map((m) => m[1]).filter((e) => !/all tested parameters do not appear to be injectable/.test(e));
  return { target: t, ...parsed, errors, seconds, exit };
}

/**
 * Debian's wapiti 3.0.4 compiles every `-x` pattern as `<regex>\\Z(?ms)`, which Python 3.11 rejects (global flags must
 * come first), so any exclusion crashes it: run it with that one function corrected.
 */
const WAPITI_LAUNCHER = [
  "import re, sys",
  "import wapitiCore.net.crawler as crawler",
  "crawler.wildcard_translate = lambda p: re.compile('(?ms)' + ''.join('.*' if c == '*' else re.escape(c) for c in p) + r'\\Z')",
  "from wapitiCore.main.wapiti import wapiti_main",
  "sys.argv[0] = 'wapiti'",
  "sys.exit(wapiti_main())",
].join("\n");

/** The Python that wapiti's own launcher names (Debian's /usr/bin/python3, not whatever python3 comes first). */
function wapitiPython(): string {
  const bin = spawnSync("sh", ["-c", "command -v wapiti"], { encoding: "utf8" }).stdout.trim();
  const shebang = bin && existsSync(bin) ? readFileSync(bin, "utf8").split("\n")[0] : "";
  return shebang.startsWith("#!") ? shebang.slice(2).trim().split(/\s+/)[0] : "/usr/bin/python3";
}

type WapitiFinding = { kind: "vulnerability" | "anomaly" | "additional"; category: string; level: number; info: string; path: string; parameter: string };
type WapitiResult = { role: string; urls: number; findings: WapitiFinding[]; seconds: number; error?: string };

export function parseWapiti(report: { vulnerabilities?: Record<string, unknown[]>; anomalies?: Record<string, unknown[]>; additionals?: Record<string, unknown[]>; infos?: unknown }): WapitiFinding[] {
  const out: WapitiFinding[] = [];
  for (const kind of ["vulnerabilities", "anomalies", "additionals"] as const) {
    for (const [category, list] of Object.entries(report[kind] ?? {})) {
      for (const raw of list as { level?: number | string; info?: string; path?: string; parameter?: string }[]) {
        out.push({ kind: kind === "vulnerabilities" ? "vulnerability" : kind === "anomalies" ? "anomaly" : "additional", category, level: Number(raw.level ?? 0), info: raw.info ?? "", path: raw.path ?? "", parameter: raw.parameter ?? "" });
      }
    }
  }
  return out;
}

async function wapiti(role: string, dir: string): Promise<WapitiResult> {
  const t0 = performance.now();
  const cookie = await session(role);
  const jar: Record<string, Record<string, Record<string, unknown>>> = { "127.0.0.1": { "/": {} } };
  if (cookie) {
    const [name, value] = [cookie.slice(0, cookie.indexOf("=")), cookie.slice(cookie.indexOf("=") + 1)];
    jar["127.0.0.1"]["/"][name] = { value, expires: null, secure: false, port: null, version: 0 };
  }
  const cookieFile = path.join(dir, `wapiti-${role}-cookie.json`);
  await writeFile(cookieFile, JSON.stringify(jar));
  const out = path.join(dir, `wapiti-${role}.json`);
  const landing: Record<string, string> = { unit: "/unit", expert: "/expert", enterprise: "/enterprise", sichuan: "/province", ministry: "/ministry" };
  const scanTime = quick ? 180 : 420;
  // wapiti stops crawling after scanTime and each module after attackTime; killed later, it would write no report.
  const attackTime = quick ? 30 : 60;
  const argv = [
    "-u", `${base}/`, "--scope", "folder", "-c", cookieFile, "-m", WAPITI_MODULES, "-f", "json", "-o", out,
    "--flush-session", "--no-bugreport", "--store-session", path.join(dir, "wapiti-session"), "--store-config", path.join(dir, "wapiti-config"),
    "--max-scan-time", String(scanTime), "--max-attack-time", String(attackTime), "-d", quick ? "3" : "5",
    "--max-links-per-page", quick ? "30" : "60", "--max-files-per-dir", quick ? "20" : "50", "-t", "60", "-v", "1",
    ...(landing[role] ? ["-s", `${base}${landing[role]}`] : []),
    ...WAPITI_EXCLUDE.flatMap((x) => ["-x", `${base}${x}`]),
  ];
  const { code, output } = await runProcess(wapitiPython(), ["-c", WAPITI_LAUNCHER, ...argv], path.join(dir, `wapiti-${role}.log`), (scanTime + attackTime * WAPITI_MODULES.split(",").length + 900) * 1000);
  if (!existsSync(out)) return { role, urls: 0, findings: [], seconds: (performance.now() - t0) / 1000, error: `wapiti 未写出报告（退出码 ${code}）：${output.slice(-500)}` };
  const report = JSON.parse(await readFile(out, "utf8"));
  const urls = Number(output.match(/Wapiti found (\d+) URLs and forms/)?.[1] ?? 0);
  return { role, urls, findings: parseWapiti(report), seconds: (performance.now() - t0) / 1000 };
}

// ---------------------------------------------------------------------------------------------------------------

async function pool<T, R>(items: T[], n: number, fn: (x: T, i: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.max(1, n) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  }));
  return results;
}

/** In --quick, a few targets per role: one of each kind, the first found. */
function quickSubset(targets: Target[]): Target[] {
  const out: Target[] = [];
  const count = new Map<string, number>();
  for (const t of targets) {
    const key = `${t.role}:${t.kind}`;
    const n = count.get(key) ?? 0;
    if (n < (t.kind === "action" || t.kind === "synth-action" ? 2 : 1)) { out.push(t); count.set(key, n + 1); }
  }
  return out;
}

const LEVEL = ["—", "低", "中", "高", "严重"];

async function dryRun() {
  const patterns = routePatterns();
  const actions = serverActionModules();
  const pages = patterns.filter((p) => p.kind === "page");
  const apis = patterns.filter((p) => p.kind === "api");
  console.log(`[scan:security] 演练（--dry-run）：不启动服务、不运行扫描`);
  console.log(`  页面路由 ${pages.length} 个（其中带路径参数 ${pages.filter((p) => p.dynamic).length} 个），接口路由 ${apis.length} 个：`);
  for (const a of apis) console.log(`    ${a.methods.join("/")} ${a.pattern}`);
  console.log(`  server action 模块 ${actions.length} 个，导出函数 ${actions.reduce((n, a) => n + a.exports.length, 0)} 个`);
  // What the synthesiser can build for the actions no crawled form reaches: their zod fields (imported, offline; the
  // operation modules need the Prisma client, generated here when missing).
  const { ensureClient } = await import("./ensure-client");
  await ensureClient();
  const resolved = await resolveActions(actionSources());
  const ok = resolved.filter((a) => !a.problem);
  console.log(`  server action ${resolved.length} 个（表单调用 ${resolved.filter((a) => a.call === "form").length}，参数调用 ${resolved.filter((a) => a.call === "args").length}）：合成器可构造请求 ${ok.length} 个（读出 zod 字段 ${ok.filter((a) => a.fields).length} 个，字段 ${ok.reduce((n, a) => n + Object.keys(a.fields ?? {}).length + (a.call === "args" ? a.params.length : 0), 0)} 个）`);
  for (const a of resolved.filter((x) => x.problem)) console.log(`    不能合成 ${a.name}（${a.file}）：${a.problem}`);
  const manifestFile = ".next/server/server-reference-manifest.json";
  if (existsSync(manifestFile)) {
    const built = Object.values((JSON.parse(readFileSync(manifestFile, "utf8")) as Manifest).node ?? {});
    const known = new Set(ok.map((a) => `${a.file}#${a.name}`));
    console.log(`  构建中的 server action ${built.length} 个，其中合成器可构造 ${built.filter((e) => known.has(`${e.filename}#${e.exportedName}`)).length} 个`);
  }
  console.log(`  登录角色：${roles.join("、")}；wapiti 角色：${WAPITI_ROLES.join("、")}；wapiti 模块：${WAPITI_MODULES}`);
  console.log(`  ${tool("sqlmap", ["--version"]) ?? "sqlmap 未安装（apt-get install sqlmap）"}；wapiti：${tool("wapiti", ["--version"]) ?? "未安装（apt-get install wapiti）"}`);
}

async function main() {
  if (args.help) {
    console.log(readFileSync(new URL(import.meta.url), "utf8").split("\n").filter((l) => l.startsWith("//")).map((l) => l.slice(3)).join("\n"));
    return;
  }
  if (args["dry-run"]) return void (await dryRun());
  if (args.report) return reportAgain(path.resolve(args.report));
  const missing = [...(args["no-sqlmap"] ? [] : ["sqlmap"]), ...(args["no-wapiti"] ? [] : ["wapiti"])].filter((t) => !tool(t, ["--version"]));
  if (missing.length) throw new Error(`未安装 ${missing.join("、")}：请先运行 apt-get install -y ${missing.join(" ")}（Debian 软件包，离线可用）`);
  const { ensureClient } = await import("./ensure-client");
  await ensureClient();
  const started = new Date();
  const t0 = performance.now();
  const dir = path.resolve("scan-results", started.toISOString().replace(/[:.]/g, "-"));
  await mkdir(dir, { recursive: true });

  const server = process.env.SCAN_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  await assertReachable(server);
  const dbName = args.reuse ?? `esp_scan_${Date.now().toString(36)}_${process.pid}`;
  const dbUrl = args.reuse ? Object.assign(new URL(server), { pathname: `/${args.reuse}` }).toString() : await recreateDatabase(server, dbName);
  const secrets = { NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "scan-secret-0123456789abcdefghijklmnopqr" };
  const env: NodeJS.ProcessEnv = {
    ...process.env, ...secrets, DATABASE_URL: dbUrl, NEXTAUTH_URL: base, DEMO_MODE: "1", JOBS_MODE: "off", SWEEP_INTERVAL_SECONDS: "0",
    NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production",
    // The scanners send thousands of requests from one address; the sign-in target varies X-Forwarded-For per request.
    LOGIN_ATTEMPTS_PER_ADDRESS: "1000000", LOGIN_FAILURES_PER_ADDRESS: "1000000", TRUSTED_PROXY_HOPS: "1",
  };
  let app: ServedApp | null = null;
  const cleanUp = async () => {
    for (const pid of running) { try { process.kill(-pid, "SIGKILL"); } catch { /* gone */ } }
    await app?.stop();
    if (!args.reuse && !args.keep) await dropDatabase(server, dbName).catch(() => {});
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      console.log(`\n[scan:security] 中止：停止扫描与服务${args.reuse || args.keep ? "" : `，删除数据库 ${dbName}`}`);
      void cleanUp().finally(() => process.exit(130));
    });
  }
  try {
    if (!args.reuse) {
      console.log(`[scan:security] 数据库 ${dbName}：迁移并载入演示数据…`);
      await migrate(dbUrl);
      await seed(dbUrl, { demo: true, env: secrets });
    }
    if (args.build || !existsSync(".next/BUILD_ID")) {
      console.log("[scan:security] 生产构建（npm run build）…");
      await run("npm", ["run", "build"], env, true);
    }
    app = startServe({ port, env, logFile: path.join(dir, "server.log"), tailChars: 200_000 });
    await waitHealthy(base, app);
    console.log(`[scan:security] 服务 ${base}；角色 ${roles.join("、")}${quick ? "（--quick）" : ""}；结果写入 ${path.relative(process.cwd(), dir)}`);

    // The scanning accounts' ids: their own administration forms are left out (they would end the sessions).
    const db = new pg.Client({ connectionString: dbUrl });
    await db.connect();
    const protectedIds = new Set((await db.query<{ id: string }>(`SELECT id FROM "User" WHERE username = ANY($1)`, [[...ALL_ROLES, ...WAPITI_ROLES]])).rows.map((r) => r.id));
    // …and their role grants (a 三员 revocation form names the grant, not the account).
    for (const r of (await db.query<{ id: string }>(`SELECT id FROM "RoleAssignment" WHERE "userId" = ANY($1)`, [[...protectedIds]])).rows) protectedIds.add(r.id);

    const patterns = routePatterns();
    const manifestFile = ".next/server/server-reference-manifest.json";
    const manifest: Manifest = existsSync(manifestFile) ? JSON.parse(readFileSync(manifestFile, "utf8")) : { node: {} };
    const allActions = Object.keys(manifest.node ?? {});
    const actionName = (id: string | undefined) => {
      const e = id ? manifest.node?.[id] : undefined;
      return e ? `${e.exportedName}（${e.filename}）` : `server action ${id?.slice(0, 10) ?? "?"}`;
    };
    const found: Target[] = [];
    const reached = new Set<string>();
    let pages = 0;
    let jsForms = 0;
    const visits = new Map<string, Visit[]>();
    // `--targets <dir>`: a previous run's targets (the demo seed's ids are the same in every scan database).
    const previous = args.targets ? path.resolve(args.targets) : null;
    const previousMeta: Partial<Meta> = previous ? JSON.parse(readFileSync(path.join(previous, "meta.json"), "utf8")) : {};
    if (previous) { pages = previousMeta.pages ?? 0; jsForms = previousMeta.jsForms ?? 0; }
    // (wapiti crawls by itself: with --no-sqlmap nothing is collected.)
    for (const role of args["no-sqlmap"] || previous ? [] : roles) {
      const cookie = await session(role);
      const c = await crawl(role, cookie, patterns, protectedIds);
      pages += c.pages;
      visits.set(role, c.visits);
      c.actionIds.forEach((id) => reached.add(id));
      // One page per route pattern with forms sent by client code.
      const formPages = new Map<string, string>();
      for (const url of c.jsFormPages.keys()) {
        const pattern = patternOf(url.split("?")[0], patterns)?.pattern ?? url;
        if (!formPages.has(pattern)) formPages.set(pattern, url);
      }
      jsForms += [...formPages.values()].reduce((n, u) => n + (c.jsFormPages.get(u) ?? 0), 0);
      const js = await captureJsForms(role, cookie, [...formPages].map(([pattern, url]) => ({ pattern, url })), protectedIds);
      js.forEach((t) => t.action && reached.add(t.action));
      console.log(`  ${role}：${c.pages} 个页面，${c.targets.length + js.length} 个候选目标（页面无脚本表单 ${c.targets.filter((t) => t.kind === "action").length} 个，脚本提交的表单 ${js.length} 个）`);
      found.push(...c.targets, ...js);
    }
    let actions: ActionReport[] = previousMeta.actions ?? [];
    if (!args["no-sqlmap"] && !previous) {
      found.push(...(await fixedTargets()));
      // Every server action of the build no crawled form reached: the request its client code would send.
      const covered = new Set(consolidate(found).flatMap((t) => (t.action ? [t.action] : [])));
      const synth = await synthesiseActions({ manifest, covered, visits, db, roles, protectedIds });
      found.push(...synth.targets);
      actions = synth.report;
      await writeFile(path.join(dir, "actions.json"), JSON.stringify(actions, null, 2));
      const n = (s: ActionReport["status"]) => actions.filter((a) => a.status === s).length;
      console.log(`  server action ${actions.length} 个：爬到的表单 ${n("crawled")}，合成请求 ${n("synthesised")}，无参数 ${n("no-fields")}，未覆盖 ${n("unreached")}`);
      for (const a of actions.filter((x) => x.status === "unreached")) console.log(`    未覆盖 ${a.name}（${a.file}）：${a.note}`);
    }
    await db.end();
    for (const t of found) if (t.action) t.label = `${t.pattern} ${t.kind === "synth-action" ? "合成请求" : "表单"} → ${actionName(t.action)}`;
    // Each role's forms after its reading targets; the roles in order, the ministry (which can disable accounts) last.
    const order: Target["kind"][] = ["sign-in", "query", "path-id", "api", "upload", "action", "js-action", "synth-action"];
    found.sort((a, b) => (roles.indexOf(a.role) - roles.indexOf(b.role)) || (order.indexOf(a.kind) - order.indexOf(b.kind)));
    let targets = previous ? (JSON.parse(readFileSync(path.join(previous, "targets.json"), "utf8")) as Target[]) : consolidate(found);
    if (previous) await writeFile(path.join(dir, "actions.json"), JSON.stringify(actions, null, 2));
    if (quick) targets = quickSubset(targets);
    targets.forEach((t, i) => (t.id = `t${String(i + 1).padStart(3, "0")}`));
    await writeFile(path.join(dir, "targets.json"), JSON.stringify(targets, null, 2));
    const synthesised = new Set(targets.filter((t) => t.kind === "synth-action").map((t) => t.action));
    for (const a of actions) if (a.status === "synthesised" && !synthesised.has(a.id)) { a.status = "unreached"; a.note = quick ? "--quick 未选入" : "合成的参数已由其他目标测试"; }
    const reachedActions = new Set(targets.flatMap((t) => (t.action ? [t.action] : [])));
    const meta: Meta = { started: started.toISOString(), pages, jsForms, reached: reachedActions.size, allActions: allActions.length, level, quick, actions };
    await writeFile(path.join(dir, "meta.json"), JSON.stringify(meta, null, 2));
    const params = targets.reduce((n, t) => n + paramsOf(t).length, 0);
    console.log(`[scan:security] ${targets.length} 个目标，${params} 个注入点；server action ${reachedActions.size}/${allActions.length} 个有 sqlmap 目标（页面表单 ${reached.size} 个）`);

    let sql: SqlmapResult[] = [];
    if (!args["no-sqlmap"]) {
      const sqlDir = path.join(dir, "sqlmap");
      await mkdir(sqlDir, { recursive: true });
      let done = 0;
      sql = await pool(targets, Number(args.jobs), async (t) => {
        const r = await sqlmap(t, sqlDir);
        done++;
        const flag = r.injectable.length ? `发现可注入参数：${r.injectable.join("，")}` : r.tested.length ? `${r.tested.length} 个参数未发现注入` : `未测试任何参数${r.errors[0] ? `：${r.errors[0]}` : ""}`;
        console.log(`  [${done}/${targets.length}] ${t.role} ${t.method} ${t.label}：${flag}（${r.seconds.toFixed(0)} s）`);
        return r;
      });
    }
    const wap: WapitiResult[] = [];
    if (!args["no-wapiti"]) {
      for (const role of WAPITI_ROLES) {
        const r = await wapiti(role, dir);
        wap.push(r);
        const high = r.findings.filter((f) => f.level >= 3 && f.kind !== "additional").length;
        console.log(`  wapiti ${role}：${r.urls} 个 URL/表单，${r.findings.length} 项发现，其中高危及以上 ${high} 项（${r.seconds.toFixed(0)} s）${r.error ? `；${r.error}` : ""}`);
      }
    }

    await conclude(dir, { level, quick, started, seconds: (performance.now() - t0) / 1000, targets, pages, jsForms, sql, wap, reached: reachedActions.size, allActions: allActions.length, actions });
  } finally {
    await cleanUp();
    await rm(path.join(dir, "wapiti-session"), { recursive: true, force: true }).catch(() => {});
  }
}

type Meta = { started: string; pages: number; jsForms: number; reached: number; allActions: number; level: number; quick: boolean; actions?: ActionReport[] };
type Run = { level: number; quick: boolean; started: Date; seconds: number; targets: Target[]; pages: number; jsForms: number; sql: SqlmapResult[]; wap: WapitiResult[]; reached: number; allActions: number; actions?: ActionReport[] };

/** The summary (written to summary.md and printed) and the exit code. */
async function conclude(dir: string, r: Run) {
  const summary = writeSummary(r);
  await writeFile(path.join(dir, "summary.md"), summary);
  console.log("\n" + summary);
  const injectable = r.sql.reduce((n, x) => n + x.injectable.length, 0);
  const high = r.wap.reduce((n, x) => n + x.findings.filter((f) => f.level >= 3 && f.kind !== "additional").length, 0);
  const untested = r.sql.filter((x) => !x.tested.length).length;
  const failedWapiti = r.wap.filter((x) => x.error).length;
  if (injectable || high || failedWapiti) process.exitCode = 1;
  console.log(`[scan:security] ${injectable ? `发现 ${injectable} 个可注入参数` : "0 个可注入参数"}；wapiti 高危及以上 ${high} 项${untested ? `；${untested} 个目标 sqlmap 未能测试（见 summary.md）` : ""}`);
}

/** `--report <dir>`: the summary again from a results directory's saved outputs (after changing how they are read). */
async function reportAgain(dir: string) {
  const targets = JSON.parse(await readFile(path.join(dir, "targets.json"), "utf8")) as Target[];
  const metaFile = path.join(dir, "meta.json");
  const meta: Partial<Meta> = existsSync(metaFile) ? JSON.parse(await readFile(metaFile, "utf8")) : {};
  const sql = targets.flatMap((t) => {
    const log = path.join(dir, "sqlmap", `${t.id}.log`);
    if (!existsSync(log)) return [];
    const output = readFileSync(log, "utf8");
    const times = [...output.matchAll(/\[\*\] (?:starting|ending) @ (\d\d:\d\d:\d\d)/g)].map((m) => m[1].split(":").map(Number)).map(([h, m, x]) => h * 3600 + m * 60 + x);
    return [sqlmapResult(t, output, times.length === 2 ? (times[1] - times[0] + 86400) % 86400 : 0, 0)];
  });
  const wap: WapitiResult[] = [];
  for (const file of readdirSync(dir).filter((f) => /^wapiti-[\w-]+\.json$/.test(f) && !f.endsWith("-cookie.json"))) {
    const role = file.slice("wapiti-".length, -".json".length);
    const log = path.join(dir, `wapiti-${role}.log`);
    const output = existsSync(log) ? readFileSync(log, "utf8") : "";
    wap.push({ role, urls: Number(output.match(/Wapiti found (\d+) URLs and forms/)?.[1] ?? 0), findings: parseWapiti(JSON.parse(readFileSync(path.join(dir, file), "utf8"))), seconds: 0 });
  }
  await conclude(dir, {
    level: meta.level ?? level, quick: meta.quick ?? quick, started: new Date(meta.started ?? statSync(dir).mtime), seconds: sql.reduce((n, x) => n + x.seconds, 0), targets,
    pages: meta.pages ?? 0, jsForms: meta.jsForms ?? 0, sql, wap, reached: meta.reached ?? 0, allActions: meta.allActions ?? 0, actions: meta.actions,
  });
}

function writeSummary(r: Run): string {
  const byKind = (k: Target["kind"]) => r.targets.filter((t) => t.kind === k).length;
  const tested = r.sql.reduce((n, x) => n + x.tested.length, 0);
  const injectable = r.sql.flatMap((x) => x.injectable.map((p) => `${x.target.role} ${x.target.method} ${x.target.label}：${p}`));
  const rejected = r.sql.flatMap((x) => x.rejected);
  const heuristics = r.sql.flatMap((x) => x.heuristics.map((p) => `${x.target.role} ${x.target.label}：${p}`));
  const untested = r.sql.filter((x) => !x.tested.length);
  const findings = r.wap.flatMap((w) => w.findings.map((f) => ({ ...f, role: w.role })));
  const lines = [
    `# 安全扫描结果 ${r.started.toISOString().slice(0, 16).replace("T", " ")} UTC${r.quick ? "（--quick）" : ""}`,
    "",
    `用时 ${(r.seconds / 60).toFixed(1)} 分钟；机器 ${os.cpus().length} 核，结束时负载 ${os.loadavg().map((x) => x.toFixed(1)).join(" / ")}；${tool("sqlmap", ["--version"]) ?? "sqlmap —"}，${tool("wapiti", ["--version"]) ?? "wapiti —"}。`,
    "",
    `## sqlmap`,
    "",
    `角色 ${[...new Set(r.targets.map((t) => t.role))].join("、")}，爬取 ${r.pages} 个页面；目标 ${r.targets.length} 个：页面的查询参数与筛选表单 ${byKind("query")}，路径参数 ${byKind("path-id")}，接口 ${byKind("api")}，server action ${byKind("action") + byKind("js-action") + byKind("synth-action")}（无脚本提交的表单 ${byKind("action")}，脚本提交的表单 ${byKind("js-action")}，按模式合成的请求 ${byKind("synth-action")}），登录 ${byKind("sign-in")}，导入上传 ${byKind("upload")}。`,
    `标记的注入点 ${r.targets.reduce((n, t) => n + paramsOf(t).length, 0)} 个（每个路由、参数在所有角色中测一次），sqlmap 实际测试 ${tested} 个（--dbms=PostgreSQL --level=${r.level} --risk=1 --technique=BEUST）。`,
    ...actionLines(r),
    "",
    `**可注入参数：${injectable.length}**`,
    ...injectable.map((x) => `- ${x}`),
    ...(rejected.length ? ["", `sqlmap 初判可注入、随后被其误报检查否定的参数 ${rejected.length} 个（页面内容随请求变化所致，不计入）。`] : []),
    ...(heuristics.length ? ["", `启发式提示（非确认的注入）：`, ...heuristics.map((x) => `- ${x}`)] : []),
    ...(untested.length ? ["", `sqlmap 未能测试的目标 ${untested.length} 个：`, ...untested.map((x) => `- ${x.target.role} ${x.target.method} ${x.target.label}：${x.errors[0] ?? `退出码 ${x.exit}`}`)] : []),
    "",
    `## wapiti`,
    "",
    `模块 ${WAPITI_MODULES}；排除 ${WAPITI_EXCLUDE.join("、")}。`,
    "",
    `| 角色 | URL/表单 | 严重 | 高 | 中 | 低 | 用时 |`,
    `|---|---|---|---|---|---|---|`,
    ...r.wap.map((w) => {
      const n = (l: number) => w.findings.filter((f) => f.level === l && f.kind !== "additional").length;
      return `| ${w.role} | ${w.urls} | ${n(4)} | ${n(3)} | ${n(2)} | ${n(1)} | ${(w.seconds / 60).toFixed(1)} 分钟${w.error ? `（${w.error.slice(0, 80)}）` : ""} |`;
    }),
    "",
    ...summarizeFindings(findings),
  ];
  return lines.join("\n") + "\n";
}

/** Server actions: how many the scan reached, how, and why the others not. */
function actionLines(r: Run): string[] {
  if (!r.actions?.length) return [`server action：${r.reached}/${r.allActions} 个有 sqlmap 目标（页面上由脚本提交的表单 ${r.jsForms} 个）。`];
  const n = (s: ActionReport["status"]) => r.actions!.filter((a) => a.status === s);
  const borrowed = n("synthesised").filter((a) => a.note);
  return [
    `server action：构建中共 ${r.actions.length} 个，${r.reached} 个有 sqlmap 目标：爬到的页面表单 ${n("crawled").length} 个（无脚本提交的表单直接重放，脚本提交的在 Chromium 中填写提交、截获请求后重放；页面上由脚本提交的表单 ${r.jsForms} 个），` +
      `其余 ${n("synthesised").length} 个按其 zod 模式合成 Next 客户端会发出的请求（Next-Action 头，multipart 的 (prevState, formData) 或 JSON 参数；id 取该角色页面上的真实记录，以持有该操作权限的角色登录）；` +
      `没有参数的 ${n("no-fields").length} 个，未覆盖 ${n("unreached").length} 个。`,
    ...n("unreached").map((a) => `- 未覆盖：${a.name}（${a.file}）：${a.note ?? ""}`),
    ...n("no-fields").map((a) => `- 无参数：${a.name}（${a.file}）`),
    ...(borrowed.length ? [`合成请求的附注：`, ...borrowed.map((a) => `- ${a.name}（${a.role}，${a.page}）：${a.note}`)] : []),
  ];
}

function summarizeFindings(findings: (WapitiFinding & { role: string })[]): string[] {
  const groups = new Map<string, { f: WapitiFinding; roles: Set<string>; paths: Set<string> }>();
  for (const f of findings) {
    const key = `${f.kind}|${f.category}|${f.level}`;
    const g = groups.get(key) ?? { f, roles: new Set(), paths: new Set() };
    g.roles.add(f.role);
    g.paths.add(`${f.path}${f.parameter ? ` (${f.parameter})` : ""}`);
    groups.set(key, g);
  }
  if (!groups.size) return ["wapiti 无发现。"];
  return [...groups.values()].sort((a, b) => b.f.level - a.f.level).map(({ f, roles, paths }) =>
    `- [${LEVEL[f.level] ?? f.level}] ${f.kind === "anomaly" ? "异常" : f.kind === "vulnerability" ? "漏洞" : "附加"}：${f.category}（${[...roles].join("、")}；${paths.size} 处，如 ${[...paths].slice(0, 3).join("、")}）${f.info ? `— ${f.info.slice(0, 160)}` : ""}`);
}

if (isMain) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
