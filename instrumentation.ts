// Runs once when a server instance starts. Each instance sweeps on a timer (invitation deadlines, stale match
// terms: lib/system/sweep); the sweeps are idempotent, so several instances over one database do no harm and keep
// no state.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/lib/env");
  const seconds = env().SWEEP_INTERVAL_SECONDS;
  if (!seconds) return;
  const { runSweeps } = await import("@/lib/system/sweep");
  const sweep = () => runSweeps().catch((err) => console.error("[sweep] 定时检查失败", err));
  setTimeout(sweep, 15_000).unref();
  setInterval(sweep, seconds * 1000).unref();
}
