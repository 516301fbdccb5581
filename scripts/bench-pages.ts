// `npm run bench:pages [-- --duration 10 --connections 20 --think 1 --workers 1 --port 3360]`
// Console pages under load, measured from outside as a user would: a production build (reused when .next/BUILD_ID
// exists; `--build` rebuilds) served by scripts/serve.ts (as `npm start` serves it; `--workers N` sets WEB_CONCURRENCY)
// on its own seeded demo database on the local PostgreSQL (the server of BENCH_DATABASE_URL, else
// postgresql://postgres@127.0.0.1:5432/postgres; never the test databases). Signs in as each role through the
// next-auth credentials flow (as the login form does), then measures every console landing page and the main lists,
// and /ping — a trivial page rendered per request that reads nothing — as the baseline, first and last in the same run,
// in two ways:
//   users: `--connections` signed-in users, each reading a page for a while (`--think` seconds on average,
//     exponentially distributed) before the next request: the latency people feel (p50, p95) at that many users;
//   saturated: the same number of keep-alive connections, each sending its next request as soon as the previous one
//     answered: the most the server manages (req/s) and how latency queues up when it cannot keep pace.
// Reports both, the server's CPU time per request (from /proc over all its processes: the figure a busy shared machine
// disturbs least) and the ratios of each to the baseline; before the load, the database queries one request of
// each page makes (the server logs every query with DATABASE_LOG_QUERIES=1; counted from its output, one request at
// a time). Results go to bench-results/ (gitignored) with the machine's load average. `--think 0` skips the users run.
// `--smoke`: 1 s per page with 2 connections (CI's smoke step); `--keep` keeps the database; `--reuse <name>` serves an
// existing demo database without re-creating it.
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import { migrate, run, seed } from "./database";
import { benchDatabase, loadAverage, percentile, signInWithPassword, startServe, waitHealthy } from "./bench-kit";
import { ensureClient } from "./ensure-client";

const { values: args } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    warmup: { type: "string", default: "2" },
    connections: { type: "string", default: "20" },
    think: { type: "string", default: "1" },
    workers: { type: "string", default: "1" },
    port: { type: "string", default: process.env.BENCH_PORT ?? "3360" },
    only: { type: "string" },
    build: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    reuse: { type: "string" },
    smoke: { type: "boolean", default: false },
  },
});
const duration = args.smoke ? 1 : Number(args.duration);
const warmup = args.smoke ? 0.3 : Number(args.warmup);
const connections = args.smoke ? 2 : Number(args.connections);
const thinkMs = Number(args.think) * 1000;
const workers = Math.max(1, Number(args.workers));
const port = Number(args.port);
const base = `http://127.0.0.1:${port}`;
const PASSWORD = "Demo@2025"; // the demo accounts' password (README), only in the seeded demo set

type Target = { label: string; path: string; account: string; kind: "baseline" | "static" | "console" | "list" };
const TARGETS: Target[] = [
  { label: "部级工作台", path: "/ministry", account: "ministry", kind: "console" },
  { label: "省级工作台", path: "/province", account: "sichuan", kind: "console" },
  { label: "基层单位工作台", path: "/unit", account: "unit", kind: "console" },
  { label: "专家工作台", path: "/expert", account: "expert", kind: "console" },
  { label: "基地工作台", path: "/base", account: "base", kind: "console" },
  { label: "企业工作台", path: "/enterprise", account: "enterprise", kind: "console" },
  { label: "部门工作台", path: "/department", account: "department", kind: "console" },
  { label: "需求（基层单位）", path: "/needs", account: "unit", kind: "list" },
  { label: "需求审核（省）", path: "/needs", account: "sichuan", kind: "list" },
  { label: "需求总览（部）", path: "/needs", account: "ministry", kind: "list" },
  { label: "专家库（省）", path: "/experts", account: "sichuan", kind: "list" },
  { label: "服务项目（基层单位）", path: "/engagements", account: "unit", kind: "list" },
  { label: "示范活动申报（基层单位）", path: "/activities", account: "unit", kind: "list" },
  { label: "重点联系专家库（部）", path: "/library", account: "ministry", kind: "list" },
  { label: "邀请与申请（专家）", path: "/expert/invitations", account: "expert", kind: "list" },
  { label: "找需求（专家）", path: "/expert/needs", account: "expert", kind: "list" },
  { label: "通知（基层单位）", path: "/notifications", account: "unit", kind: "list" },
];
const BASELINE: Target = { label: "基准：/ping（每请求渲染、不读数据库）", path: "/ping", account: "unit", kind: "baseline" };
const STATIC: Target = { label: "参考：静态文件 /icon.svg", path: "/icon.svg", account: "unit", kind: "static" };

/**
 * CPU time (ms) the server's processes have used so far (its process group: serve.ts, tsx and the workers), from
 * /proc (Linux; null elsewhere). CPU per request is the figure a shared, busy machine disturbs least: throughput and
 * latency follow how much CPU the other work leaves over.
 */
async function cpuMs(group: number | undefined): Promise<number | null> {
  if (!group) return null;
  try {
    let total = 0;
    for (const pid of await readdir("/proc")) {
      if (!/^\d+$/.test(pid)) continue;
      const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) === group) total += ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
    }
    return total;
  } catch {
    return null;
  }
}
const CLOCK_TICKS = 100; // USER_HZ on Linux

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const load = loadAverage;

/** Its own database (BENCH_DATABASE_URL's server), migrated and seeded with the demo data when fresh. */
async function database() {
  const target = await benchDatabase("esp_bench_pages", args);
  if (target.fresh) {
    await migrate(target.url);
    await seed(target.url, { demo: true });
  }
  return target;
}

/** scripts/serve.ts with `workers` processes; the queries Prisma logs to its output are counted. */
function startServer(env: NodeJS.ProcessEnv) {
  let queries = 0;
  const app = startServe({
    port, env: { ...env, WEB_CONCURRENCY: String(workers) }, tailChars: 4000,
    onLine: (line) => { if (line.startsWith("prisma:query")) queries++; },
  });
  return { ...app, queries: () => queries };
}

const signIn = (username: string) => signInWithPassword(base, username, PASSWORD);

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** One GET, its body read to the end; resolves with the status code. */
function get(target: string, cookie: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${base}${target}`, { agent, headers: { cookie, accept: "text/html" } }, (res) => {
      res.on("data", () => {});
      res.on("end", () => resolve(res.statusCode ?? 0));
      res.on("error", reject);
    });
    req.on("error", reject);
  });
}

type Run = { requests: number; errors: number; rps: number; p50: number; p95: number; p975: number; p99: number; cpuPerRequest: number | null };
type Result = { target: Target; queries: number | null; users: Run | null; saturated: Run };

/** Think time of a user between two pages: exponential around `thinkMs`, so arrivals do not march in step. */
const thinkTime = () => -Math.log(1 - Math.random()) * thinkMs;

/**
 * `connections` clients, each sending its next request when the previous one has answered — at once (`pause` 0:
 * saturated), or after reading the page for a while (a user).
 */
async function drive(target: Target, cookie: string, seconds: number, record: boolean, pause: () => number) {
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, async () => {
    // Users start spread over one think time, not all in the same millisecond.
    const first = pause();
    if (first > 0) await sleep(Math.random() * first);
    while (performance.now() < end) {
      const t = performance.now();
      const status = await get(target.path, cookie).catch(() => 0);
      if (status !== 200) errors++;
      if (record) latencies.push(performance.now() - t);
      const wait = pause();
      if (wait > 0) await sleep(Math.min(wait, Math.max(0, end - performance.now())));
    }
  }));
  return { latencies, errors, seconds: (performance.now() - started) / 1000 };
}

async function runOnce(target: Target, cookie: string, pid: number | undefined, pause: () => number): Promise<Run> {
  if (warmup > 0) await drive(target, cookie, warmup, false, pause);
  const cpuBefore = await cpuMs(pid);
  const { latencies, errors, seconds } = await drive(target, cookie, duration, true, pause);
  const cpuAfter = await cpuMs(pid);
  const sorted = latencies.sort((a, b) => a - b);
  return {
    requests: sorted.length, errors, rps: sorted.length / seconds,
    cpuPerRequest: cpuBefore === null || cpuAfter === null || !sorted.length ? null : (cpuAfter - cpuBefore) / sorted.length,
    p50: percentile(sorted, 50), p95: percentile(sorted, 95), p975: percentile(sorted, 97.5), p99: percentile(sorted, 99),
  };
}

async function measure(target: Target, cookie: string, queries: number | null, pid: number | undefined): Promise<Result> {
  const users = thinkMs > 0 ? await runOnce(target, cookie, pid, thinkTime) : null;
  return { target, queries, users, saturated: await runOnce(target, cookie, pid, () => 0) };
}

/** Queries of one request (the median of three, after one request that warms the page up), one request at a time. */
async function countQueries(server: ReturnType<typeof startServer>, target: Target, cookie: string): Promise<number> {
  await get(target.path, cookie);
  const counts: number[] = [];
  for (let i = 0; i < 3; i++) {
    await sleep(30);
    const before = server.queries();
    await get(target.path, cookie);
    await sleep(80); // the server's log lines may trail its response
    counts.push(server.queries() - before);
  }
  return counts.sort((a, b) => a - b)[1];
}

async function main() {
  await ensureClient();
  const t0 = performance.now();
  const target = await database();
  console.log(`[bench:pages] 数据库 ${target.name}（演示数据）；${connections} 个并发连接，每页 ${duration} s（预热 ${warmup} s）；CPU ${os.cpus().length} 核，负载 ${load()}`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: target.url,
    DATABASE_POOL_MAX: process.env.DATABASE_POOL_MAX ?? "10",
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "bench-pages-secret-0123456789abcdefghij",
    NEXTAUTH_URL: `http://localhost:${port}`,
    DEMO_MODE: "1",
    // Nothing else runs in the server while it is measured.
    JOBS_MODE: "off",
    SWEEP_INTERVAL_SECONDS: "0",
    DATABASE_LOG_QUERIES: "1",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const app = { stop: async () => {} } as { stop: () => Promise<void> };
  try {
    if (args.build || !existsSync(path.resolve(".next/BUILD_ID"))) {
      console.log("[bench:pages] 生产构建（npm run build）…");
      await run("npm", ["run", "build"], env, true);
    } else {
      console.log("[bench:pages] 沿用已有的生产构建 .next/（--build 重新构建）");
    }
    const served = startServer(env);
    app.stop = served.stop;
    await waitHealthy(base, served, 120);
    const only = args.only?.split(",");
    const targets = TARGETS.filter((t) => !only || only.some((o) => t.path === o || t.account === o));
    const cookies = new Map<string, string>();
    for (const account of new Set([BASELINE.account, ...targets.map((t) => t.account)])) cookies.set(account, await signIn(account));
    // Every page answers 200 to its user (not a redirect to the login or 403 page) before anything is timed.
    for (const t of [BASELINE, STATIC, ...targets]) {
      const status = await get(t.path, cookies.get(t.account)!);
      if (status !== 200) throw new Error(`${t.path}（${t.account}）返回 HTTP ${status}，应为 200`);
    }
    const queries = new Map<Target, number>();
    for (const t of [BASELINE, ...targets]) queries.set(t, await countQueries(served, t, cookies.get(t.account)!));
    console.log(`[bench:pages] 准备 ${((performance.now() - t0) / 1000).toFixed(0)} s；开始测量，负载 ${load()}`);

    const results: Result[] = [];
    const first = await measure(BASELINE, cookies.get(BASELINE.account)!, queries.get(BASELINE)!, served.pid);
    results.push(await measure(STATIC, cookies.get(STATIC.account)!, null, served.pid));
    for (const t of targets) {
      const r = await measure(t, cookies.get(t.account)!, queries.get(t)!, served.pid);
      results.push(r);
      console.log(`  ${t.path} (${t.account})：${r.users ? `${connections} 名用户 p95 ${r.users.p95.toFixed(0)} ms；` : ""}` +
        `饱和 ${r.saturated.rps.toFixed(0)} 次/秒，p95 ${r.saturated.p95.toFixed(0)} ms，服务器 CPU ${r.saturated.cpuPerRequest?.toFixed(1) ?? "—"} ms/次`);
    }
    const last = await measure(BASELINE, cookies.get(BASELINE.account)!, queries.get(BASELINE)!, served.pid);
    // The baseline is the mean of its first and last measurement, so a machine that got busier mid-run shows.
    const baseline: Result = { ...first, users: first.users && last.users && meanRun(first.users, last.users), saturated: meanRun(first.saturated, last.saturated) };
    report([baseline, ...results], baseline, first, last);
    await mkdir("bench-results", { recursive: true });
    const file = path.join("bench-results", `pages-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
    const ratios = (r: Run | null, b: Run | null) => r && b && ({
      rpsRatio: r.rps / b.rps, p95Ratio: r.p95 / b.p95,
      cpuRatio: r.cpuPerRequest !== null && b.cpuPerRequest ? r.cpuPerRequest / b.cpuPerRequest : null,
    });
    await writeFile(file, JSON.stringify({
      at: new Date().toISOString(), load: os.loadavg(), cpus: os.cpus().length, connections, thinkMs, workers, duration, warmup,
      baseline: { first, last },
      results: results.map((r) => ({
        ...r, usersRatios: ratios(r.users, baseline.users), saturatedRatios: ratios(r.saturated, baseline.saturated),
      })),
    }, null, 2));
    console.log(`[bench:pages] 结果已写入 ${file}；负载 ${load()}`);
    const errorsOf = (r: Result) => r.saturated.errors + (r.users?.errors ?? 0);
    const failed = results.filter((r) => errorsOf(r) > 0);
    if (failed.length) throw new Error(`有请求未返回 200：${failed.map((r) => `${r.target.path}（${r.target.account}）${errorsOf(r)} 次`).join("，")}`);
  } finally {
    await app.stop();
    agent.destroy();
    await target.close();
  }
}

const meanRun = (a: Run, b: Run): Run => ({
  requests: a.requests + b.requests, errors: a.errors + b.errors,
  rps: (a.rps + b.rps) / 2, p50: (a.p50 + b.p50) / 2, p95: (a.p95 + b.p95) / 2, p975: (a.p975 + b.p975) / 2, p99: (a.p99 + b.p99) / 2,
  cpuPerRequest: a.cpuPerRequest === null || b.cpuPerRequest === null ? null : (a.cpuPerRequest + b.cpuPerRequest) / 2,
});

function report(rows: Result[], baseline: Result, first: Result, last: Result) {
  const f = (x: number) => (Number.isNaN(x) ? "—" : x.toFixed(x < 10 ? 1 : 0));
  const ratio = (x: number | null | undefined, b: number | null | undefined) => (x == null || !b || Number.isNaN(x) ? "—" : (x / b).toFixed(2));
  console.log("");
  console.log(`${connections} 名用户（每人平均停留 ${thinkMs / 1000} s）与 ${connections} 个饱和连接；${workers} 个工作进程`);
  console.log(`| 页面 | 账号 | 查询/请求 | 用户 p50 ms | 用户 p95 ms | 饱和 次/秒 | 饱和 p95 ms | CPU ms/请求 | 次/秒 ÷ 基准 | 用户 p95 ÷ 基准 | CPU ÷ 基准 |`);
  console.log(`|---|---|---|---|---|---|---|---|---|---|---|`);
  for (const r of rows) {
    const t = r.target;
    const s = r.saturated;
    console.log(`| ${t.label} \`${t.path}\` | ${t.kind === "static" ? "—" : t.account} | ${r.queries ?? "—"} | ${r.users ? f(r.users.p50) : "—"} | ${r.users ? f(r.users.p95) : "—"} | ` +
      `${f(s.rps)} | ${f(s.p95)} | ${s.cpuPerRequest === null ? "—" : f(s.cpuPerRequest)} | ${ratio(s.rps, baseline.saturated.rps)} | ` +
      `${ratio(r.users?.p95, baseline.users?.p95)} | ${ratio(s.cpuPerRequest, baseline.saturated.cpuPerRequest)} |`);
  }
  console.log("");
  console.log(`基准前后两次：饱和 ${first.saturated.rps.toFixed(0)} / ${last.saturated.rps.toFixed(0)} 次/秒，` +
    `用户 p95 ${first.users?.p95.toFixed(0) ?? "—"} / ${last.users?.p95.toFixed(0) ?? "—"} ms，` +
    `CPU ${first.saturated.cpuPerRequest?.toFixed(1) ?? "—"} / ${last.saturated.cpuPerRequest?.toFixed(1) ?? "—"} ms/次`);
  const consoles = rows.filter((r) => r.target.kind === "console" || r.target.kind === "list");
  const p95 = (r: Result) => (r.users ?? r.saturated).p95;
  const worst = consoles.reduce((a, b) => (p95(b) > p95(a) ? b : a), consoles[0]);
  if (worst) console.log(`最慢：${worst.target.path}（${worst.target.account}）${worst.users ? "用户" : "饱和"} p95 ${p95(worst).toFixed(0)} ms（目标 ≤ 200 ms）`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
