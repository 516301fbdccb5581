import PgBoss from "pg-boss";
import { CHINA_TIME_ZONE } from "@/lib/calendar/china-time";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { RECURRING_JOBS, type RecurringJob } from "@/lib/jobs/schedule";

// Background jobs on the project's own PostgreSQL with pg-boss (pinned to 10.x: pg-boss 11 needs Node 22). Any
// instance may start a boss on DATABASE_URL: pg-boss keeps one schedule per job across instances and hands each job
// to one worker. The jobs themselves are also exactly-once by construction (conditional updates), which is what
// lets the interval fallback below run them on every instance.
//
// JOBS_MODE: "auto" (default) — pg-boss on PostgreSQL, the interval fallback on the embedded PGlite; "pg-boss";
// "interval"; "off" (tests and e2e that do not want background work).
//
// Why not pg-boss on PGlite: every connection to PGlite shares one session (pglite-socket), so pg-boss's own pool,
// its advisory-lock transactions and its polling would interleave with the app's transactions on that one session.
// `npm run demo` therefore sweeps on a timer; the sweep's conditional update
// (`where { id, state: ISSUED, escalatedAt: null, deadline < today }`) keeps each escalation exactly-once anyway.

export type JobsMode = "auto" | "pg-boss" | "interval" | "off";

export type Jobs = {
  /** What actually runs: pg-boss, the interval fallback, or nothing. */
  mode: "pg-boss" | "interval" | "off";
  boss: PgBoss | null;
  stop: () => Promise<void>;
};

const log = (message: string, err?: unknown) => console.error(`[jobs] ${message}`, err ?? "");

/** Whether the database is the embedded PGlite (its version string names the WebAssembly target). */
export async function isEmbeddedDatabase(db: PrismaClient): Promise<boolean> {
  const [row] = await db.$queryRaw<{ version: string }[]>`SELECT version() AS version`;
  return /PGlite|emscripten|wasm32/i.test(row?.version ?? "");
}

function runGuarded(job: RecurringJob, db: PrismaClient) {
  return job.run(db, new Date()).catch((err) => log(`${job.name} 执行失败`, err));
}

/** The interval fallback: each job on its own unref'd timer (never keeps a process, test or build alive). */
function startIntervals(db: PrismaClient, jobs: RecurringJob[]): Jobs {
  const timers = jobs.flatMap((job) => [
    setTimeout(() => void runGuarded(job, db), 20_000).unref(),
    setInterval(() => void runGuarded(job, db), job.everySeconds * 1000).unref(),
  ]);
  return { mode: "interval", boss: null, stop: async () => timers.forEach((t) => clearTimeout(t)) };
}

/** A boss on `connectionString`, started, with a queue, a schedule and a worker for each job. */
export async function startBoss(
  connectionString: string, db: PrismaClient, jobs: RecurringJob[] = RECURRING_JOBS,
  options: { schedule?: boolean; pollingIntervalSeconds?: number } = {},
): Promise<PgBoss> {
  // A small pool: the app keeps its own; pg-boss needs a couple of connections for polling and maintenance.
  const boss = new PgBoss({ connectionString, max: 3, schema: "pgboss", application_name: "zjrc-jobs" });
  boss.on("error", (err) => log("pg-boss 错误", err));
  await boss.start();
  for (const job of jobs) {
    // Instances starting together may deadlock in pg-boss's queue and schedule upserts: PostgreSQL aborts one of
    // them, which simply tries again.
    await retried(() => boss.createQueue(job.name));
    if (options.schedule !== false) await retried(() => boss.schedule(job.name, job.cron, {}, { tz: CHINA_TIME_ZONE }));
    await boss.work(job.name, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 }, async () => { await job.run(db, new Date()); });
  }
  return boss;
}

async function retried<T>(fn: () => Promise<T>, attempts = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (err) {
      if (i >= attempts || !/deadlock|could not serialize|duplicate key/i.test(String((err as Error)?.message))) throw err;
      await new Promise((r) => setTimeout(r, 50 * i + Math.random() * 100));
    }
  }
}

/** Stop a boss without waiting for long jobs (a sweep is short and safe to interrupt: it is repeated next time). */
export async function stopBoss(boss: PgBoss): Promise<void> {
  await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
}

/** Start the jobs of this instance according to `mode`; never throws (a failure falls back to the interval timer). */
export async function startJobs(args: { mode: JobsMode; connectionString: string; db: PrismaClient; jobs?: RecurringJob[] }): Promise<Jobs> {
  const jobs = args.jobs ?? RECURRING_JOBS;
  if (args.mode === "off") return { mode: "off", boss: null, stop: async () => {} };
  if (args.mode === "interval") return startIntervals(args.db, jobs);
  try {
    if (args.mode === "auto" && (await isEmbeddedDatabase(args.db))) return startIntervals(args.db, jobs);
    const boss = await startBoss(args.connectionString, args.db, jobs);
    return { mode: "pg-boss", boss, stop: () => stopBoss(boss) };
  } catch (err) {
    log("pg-boss 启动失败，改用定时器执行后台任务", err);
    return startIntervals(args.db, jobs);
  }
}
