// Runs once when a server instance starts. Each instance sweeps on a timer (invitation deadlines, stale match
// terms: lib/system/sweep); the sweeps are idempotent, so several instances over one database do no harm and keep
// no state.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/lib/env");
  // Not awaited: a slow or unreachable database must not hold up the server's start.
  void startBackgroundJobs(env()).catch((err) => console.error("[jobs] 后台任务启动失败", err));
  // The matching model is fitted once per instance (seconds of CPU): here, soon after the start, rather than inside
  // the first user's request for a recommendation.
  // (Imported under the runtime check itself, so the edge bundle leaves the word segmenter out.)
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const [{ warmScoring }, { db }] = await Promise.all([import("@/lib/matches/service"), import("@/lib/db")]);
    setTimeout(() => void warmScoring(db).catch((err) => console.error("[matching] 匹配模型预热失败", err)), 3_000).unref();
  }
  const seconds = env().SWEEP_INTERVAL_SECONDS;
  if (!seconds) return;
  const { runSweeps } = await import("@/lib/system/sweep");
  const sweep = () => runSweeps().catch((err) => console.error("[sweep] 定时检查失败", err));
  setTimeout(sweep, 15_000).unref();
  setInterval(sweep, seconds * 1000).unref();
}

// Background jobs (lib/jobs: the rectification escalation sweep): pg-boss on PostgreSQL, a timer on the embedded
// PGlite; a failure to start never stops the app. The process's exit closes pg-boss's connections; its jobs are
// safe to interrupt.
async function startBackgroundJobs(config: { JOBS_MODE: "auto" | "pg-boss" | "interval" | "off"; DATABASE_URL: string }) {
  if (config.JOBS_MODE === "off") return;
  const [{ startJobs }, { db }] = await Promise.all([import("@/lib/jobs/boss"), import("@/lib/db")]);
  const jobs = await startJobs({ mode: config.JOBS_MODE, connectionString: config.DATABASE_URL, db });
  console.log(`[jobs] 后台任务：${jobs.mode}`);
}
