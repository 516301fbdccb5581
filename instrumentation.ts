// Runs once when a server instance starts. Each instance sweeps invitation deadlines on a timer; the sweep is
// idempotent (conditional updates), so several instances over one database do no harm and keep no state.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/lib/env");
  const seconds = env().SWEEP_INTERVAL_SECONDS;
  if (!seconds) return;
  const { sweepInvitations } = await import("@/lib/matches/sweep");
  const sweep = () => sweepInvitations().catch((err) => console.error("[sweep] 邀请期限检查失败", err));
  setTimeout(sweep, 15_000).unref();
  setInterval(sweep, seconds * 1000).unref();
}
