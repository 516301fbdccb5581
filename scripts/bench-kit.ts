// What every benchmark script shares: percentiles, the machine's load for the record, the build served as `npm start`
// serves it, and its own database on the local PostgreSQL (BENCH_DATABASE_URL's server, never the test databases) —
// fresh, or one kept by `--keep` and named with `--reuse <name>`.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { assertReachable, dropDatabase, recreateDatabase } from "./database";

/** The p-th percentile (nearest rank) of some timings, in any order. */
export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.max(0, Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
}

export const median = (xs: number[]) => percentile(xs, 50);
export const ms = (x: number) => `${x.toFixed(1)} ms`;
/** The load average (1 / 5 / 15 minutes), printed beside absolute times. */
export const loadAverage = () => os.loadavg().map((x) => x.toFixed(2)).join(" / ");

export type BenchDatabase = { url: string; name: string; fresh: boolean; close: () => Promise<void> };

/** A database for one benchmark run: `reuse` names a kept one; a fresh one is dropped on close unless `keep`. */
export async function benchDatabase(prefix: string, options: { reuse?: string; keep?: boolean }): Promise<BenchDatabase> {
  const server = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  await assertReachable(server);
  if (options.reuse) {
    const u = new URL(server);
    u.pathname = `/${options.reuse}`;
    return { url: u.toString(), name: options.reuse, fresh: false, close: () => Promise.resolve() };
  }
  const name = `${prefix}_${Date.now().toString(36)}`;
  const url = await recreateDatabase(server, name);
  return { url, name, fresh: true, close: () => (options.keep ? Promise.resolve() : dropDatabase(server, name)) };
}

/** The cookies a response sets, as `name=value` pairs. */
export const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0]);

/** The login form's flow against a running server: next-auth's CSRF token, then the credentials callback; returns
 * the session cookie (`next-auth.session-token=…`). */
export async function signInWithPassword(base: string, username: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST", redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrf).join("; ") },
    body: new URLSearchParams({ csrfToken, username, password, callbackUrl: base, json: "true" }),
  });
  const session = cookiesOf(res).find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`${username} 登录失败（HTTP ${res.status}）`);
  return session;
}

export type ServedApp = {
  pid: number | undefined;
  exited: Promise<void>;
  /** undefined while running, else the exit code (null when ended by a signal). */
  exitCode: () => number | null | undefined;
  /** The last of the server's output (stdout and stderr), for error messages and logs. */
  tail: () => string;
  /** SIGTERM to the whole process group (serve.ts and its workers), SIGKILL after 10 s. */
  stop: () => Promise<void>;
};

/**
 * The production build served by scripts/serve.ts (as `npm start` serves it) in its own process group on
 * 127.0.0.1:`port`. `onLine` sees each stdout line (bench-pages counts the queries Prisma logs); `logFile` keeps all
 * the output.
 */
export function startServe(options: {
  port: number; env: NodeJS.ProcessEnv; onLine?: (line: string) => void; logFile?: string; tailChars?: number;
}): ServedApp {
  const args = [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/serve.ts", "--port", String(options.port), "--hostname", "127.0.0.1"];
  const child: ChildProcess = spawn(process.execPath, args, { env: options.env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const tailChars = options.tailChars ?? 20_000;
  const file = options.logFile ? createWriteStream(options.logFile) : null;
  let tail = "";
  let buffered = "";
  const keep = (d: Buffer) => {
    tail = (tail + d.toString()).slice(-tailChars);
    file?.write(d);
  };
  child.stdout!.on("data", (d: Buffer) => {
    keep(d);
    if (!options.onLine) return;
    buffered += d.toString();
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    for (const line of lines) options.onLine(line);
  });
  child.stderr!.on("data", keep);
  let exitCode: number | null | undefined;
  const exited = new Promise<void>((resolve) => child.on("exit", (code) => { exitCode = code; file?.end(); resolve(); }));
  const signal = (sig: NodeJS.Signals) => { try { process.kill(-child.pid!, sig); } catch { /* already gone */ } };
  return {
    pid: child.pid, exited, exitCode: () => exitCode, tail: () => tail,
    stop: async () => {
      signal("SIGTERM");
      if (!(await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]))) signal("SIGKILL");
    },
  };
}

/** Waits until `base`/api/health answers 200; fails with the server's last output if it exits or takes too long. */
export async function waitHealthy(base: string, app: ServedApp, seconds = 180): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    if (app.exitCode() !== undefined) throw new Error(`服务未启动即退出：\n${app.tail().slice(-4000)}`);
    try {
      if ((await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(5000) })).status === 200) return;
    } catch { /* not yet */ }
    if (Date.now() > deadline) throw new Error(`${seconds} 秒内 /api/health 未返回 200：\n${app.tail().slice(-4000)}`);
    await sleep(1000);
  }
}
