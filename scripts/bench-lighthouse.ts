// Lighthouse on the public portal (issue 13): performance and accessibility of the home page, the case library and a
// case page, with /services (rendered on every request, no cache) measured in the same run for comparison.
//   npm run bench:lighthouse [-- --runs 3] [--desktop] [--url http://host:port] [--baseline]
// Without --url it serves the production build (`npm run build` first) on a free port over a fresh database on the
// local PostgreSQL (BENCH_DATABASE_URL, else postgresql://postgres@127.0.0.1:5432/postgres) with the demo data, and
// drops that database afterwards. Each page is measured --runs times (median reported; default 3), mobile preset
// unless --desktop. Chromium: CHROME_PATH, else /usr/bin/chromium (Debian's `chromium` package).
// --baseline: the same pages served with Next's client runtime left in (PORTAL_CLIENT_RUNTIME=1, a second server over
// the same database), measured in the same run: what serving the portal as plain HTML changes (lib/portal/plain-html.ts).
// --smoke: one run of the home page only; on a clone without a build, one run on a static page instead, which shows
// the toolchain (Chromium + lighthouse 12.2.3) works and says what the full measurement needs.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { dropDatabase, recreateDatabase } from "./database";

const { values: opts } = parseArgs({
  options: {
    runs: { type: "string", default: "3" }, desktop: { type: "boolean", default: false },
    url: { type: "string" }, smoke: { type: "boolean", default: false }, port: { type: "string" },
    baseline: { type: "boolean", default: false },
  },
});
const RUNS = opts.smoke ? 1 : Math.max(1, Number(opts.runs));
const CHROME = process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

type Scores = { performance: number; accessibility: number; tbt: number; lcp: number; fcp: number; cls: number };

async function audit(url: string, port: number): Promise<Scores> {
  const { default: lighthouse } = await import("lighthouse");
  const result = await lighthouse(url, { port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility"] },
    opts.desktop ? (await import("lighthouse/core/config/desktop-config.js")).default : undefined);
  if (!result) throw new Error(`Lighthouse 未返回结果：${url}`);
  const { categories, audits } = result.lhr;
  const num = (id: string) => Math.round(Number(audits[id]?.numericValue ?? NaN));
  return {
    performance: Math.round((categories.performance.score ?? 0) * 100), accessibility: Math.round((categories.accessibility.score ?? 0) * 100),
    tbt: num("total-blocking-time"), lcp: num("largest-contentful-paint"), fcp: num("first-contentful-paint"),
    cls: Number(audits["cumulative-layout-shift"]?.numericValue ?? 0),
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

async function measure(pages: [string, string][]) {
  if (!existsSync(CHROME)) throw new Error(`找不到 Chromium（${CHROME}）：请安装 Debian 的 chromium 软件包，或设置 CHROME_PATH`);
  const { launch } = await import("chrome-launcher");
  const chrome = await launch({ chromePath: CHROME, chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"] });
  const out: { page: string; url: string; runs: Scores[]; median: Scores }[] = [];
  try {
    for (const [name, url] of pages) {
      const runs: Scores[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await audit(url, chrome.port));
      const m = Object.fromEntries((Object.keys(runs[0]) as (keyof Scores)[]).map((k) => [k, median(runs.map((r) => r[k]))])) as Scores;
      out.push({ page: name, url, runs, median: m });
      console.log(`${name.padEnd(10)} 性能 ${m.performance}  无障碍 ${m.accessibility}  TBT ${m.tbt} ms  LCP ${m.lcp} ms  FCP ${m.fcp} ms  CLS ${m.cls.toFixed(3)}  (${RUNS} 次中位数)`);
    }
  } finally {
    await chrome.kill();
  }
  return out;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function waitHealthy(base: string, child: ChildProcess, seconds: number) {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    if (child.exitCode !== null) throw new Error("服务进程已退出（见上方输出）");
    try {
      if ((await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(5000) })).ok) return;
    } catch { /* not yet */ }
    if (Date.now() > deadline) throw new Error(`${seconds} 秒内 ${base}/api/health 未返回 200`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** The first published case's address, read from the library page. */
async function firstCasePath(base: string): Promise<string | null> {
  const html = await (await fetch(`${base}/cases`)).text();
  return html.match(/href="(\/cases\/[a-z0-9]+)"/)?.[1] ?? null;
}

async function smokeWithoutBuild() {
  const html = "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>冒烟</title></head><body><main><h1>冒烟测试</h1><p>Lighthouse 与 Chromium 可用。</p></main></body></html>";
  const server = createServer((_req, res) => { res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }); res.end(html); });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const { port } = server.address() as { port: number };
  try {
    await measure([["静态页面", `http://127.0.0.1:${port}/`]]);
  } finally {
    server.close();
  }
  console.log("尚未构建：完整测量需先运行 npm run build（本次只验证了 Lighthouse 与 Chromium 可用）");
}

async function main() {
  if (opts.url) {
    const base = opts.url.replace(/\/$/, "");
    return report(base);
  }
  if (!existsSync(path.resolve(".next/BUILD_ID"))) {
    if (opts.smoke) return smokeWithoutBuild();
    throw new Error("尚未构建：请先运行 npm run build，或用 --url 指定正在运行的实例");
  }
  const server = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const name = `bench_lighthouse_${process.pid}`;
  const url = await recreateDatabase(server, name);
  const port = Number(opts.port ?? (await freePort()));
  const child = spawn("npx", ["tsx", "scripts/start.ts", "--demo", "--port", String(port)], {
    env: { ...process.env, DATABASE_URL: url, NEXTAUTH_SECRET: randomBytes(24).toString("base64url"), JOBS_MODE: "off", SWEEP_INTERVAL_SECONDS: "0" },
    stdio: ["ignore", "ignore", "inherit"], detached: true,
  });
  let withRuntime: ChildProcess | undefined;
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitHealthy(base, child, 600);
    let baselineBase: string | undefined;
    if (opts.baseline) {
      const port2 = await freePort();
      withRuntime = spawn("npx", ["tsx", "scripts/serve.ts", "--port", String(port2), "--hostname", "127.0.0.1"], {
        env: { ...process.env, NODE_ENV: "production", DATABASE_URL: url, NEXTAUTH_SECRET: randomBytes(24).toString("base64url"),
          JOBS_MODE: "off", SWEEP_INTERVAL_SECONDS: "0", PORTAL_CLIENT_RUNTIME: "1", WEB_CONCURRENCY: "1" },
        stdio: ["ignore", "ignore", "inherit"], detached: true,
      });
      baselineBase = `http://127.0.0.1:${port2}`;
      await waitHealthy(baselineBase, withRuntime, 600);
    }
    await report(base, baselineBase);
  } finally {
    for (const c of [child, withRuntime]) if (c?.pid) { try { process.kill(-c.pid, "SIGTERM"); } catch { /* gone */ } }
    await new Promise((r) => setTimeout(r, 1500));
    await dropDatabase(server, name).catch((err) => console.error("删除测量数据库失败：", err));
  }
}

async function report(base: string, baselineBase?: string) {
  // Warm the caches once (the first hit of a page renders it; later hits are what visitors mostly get).
  const casePath = await firstCasePath(base);
  const pagesOf = (b: string): [string, string][] => opts.smoke ? [["首页", `${b}/`]] : [
    ["首页", `${b}/`], ["案例库", `${b}/cases`], ...(casePath ? [["案例页面", `${b}${casePath}`] as [string, string]] : []),
    ["服务菜单", `${b}/services`],
  ];
  const pages = pagesOf(base);
  const baselinePages = baselineBase ? pagesOf(baselineBase) : [];
  for (const [, u] of [...pages, ...baselinePages]) await fetch(u).catch(() => undefined);
  if (!opts.smoke && !casePath) console.log("没有已发布的案例：跳过案例页面");
  const loadBefore = os.loadavg()[0];
  const results = await measure(pages);
  let baseline: Awaited<ReturnType<typeof measure>> | undefined;
  if (baselinePages.length) {
    console.log("对照（保留 Next 客户端运行时，PORTAL_CLIENT_RUNTIME=1）：");
    baseline = await measure(baselinePages);
    for (const r of results) {
      const b = baseline.find((x) => x.page === r.page)!;
      const ratio = (x: number, y: number) => (y > 0 ? (x / y).toFixed(2) : "—");
      console.log(`${r.page.padEnd(10)} 性能 ${b.median.performance} → ${r.median.performance}  TBT ${b.median.tbt} → ${r.median.tbt} ms（${ratio(r.median.tbt, b.median.tbt)}×）  LCP ${b.median.lcp} → ${r.median.lcp} ms（${ratio(r.median.lcp, b.median.lcp)}×）`);
    }
  }
  const busy = Math.max(loadBefore, os.loadavg()[0]) > os.availableParallelism() / 2;
  const dir = path.resolve("bench-results");
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `lighthouse-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  await writeFile(file, JSON.stringify({ at: new Date().toISOString(), preset: opts.desktop ? "desktop" : "mobile", runs: RUNS, loadavg: os.loadavg(), results, baseline }, null, 2));
  console.log(`结果已写入 ${path.relative(process.cwd(), file)}（机器负载 ${os.loadavg().map((x) => x.toFixed(1)).join(" / ")}）`);
  const below = results.filter((r) => r.page !== "服务菜单" && (r.median.performance < 95 || r.median.accessibility < 95));
  if (below.length) console.log(`低于 95 分：${below.map((r) => r.page).join("、")}`);
  // Lighthouse scales the main-thread time it observes: with one of two cores kept busy by another process, total
  // blocking time doubles and scores drop by 3–6 points (measured 2026-12-05), so a busy machine's figures say little.
  if (busy) console.log(`注意：测量时机器负载（1 分钟平均 ${loadBefore.toFixed(1)} → ${os.loadavg()[0].toFixed(1)}）超过核数的一半，分数受 CPU 争用影响偏低，请在空闲时重测`);
}

main().then(() => process.exit(0), (err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
