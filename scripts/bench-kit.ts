// What every benchmark script shares: percentiles, the machine's load for the record, and its own database on the
// local PostgreSQL (BENCH_DATABASE_URL's server, never the test databases) — fresh, or one kept by `--keep` and
// named with `--reuse <name>`.
import os from "node:os";
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
