import { z } from "zod";

// Validated once; a missing or malformed variable fails with one clear line, not a stack trace.
const schema = z.object({
  DATABASE_URL: z
    .string({ error: "DATABASE_URL 未设置：生产环境请指向 PostgreSQL；本地演示请用 npm run demo（内置数据库）" })
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL 必须是 postgresql:// 开头的连接串"),
  DATABASE_POOL_MAX: z.coerce.number({ error: "DATABASE_POOL_MAX 必须是数字" }).int().min(1).max(200).default(10),
  // Attachments (lib/storage). Several instances need a shared directory here (or another Storage implementation).
  STORAGE_DIR: z.string().trim().min(1, "STORAGE_DIR 不能为空").default(".data/uploads"),
  // The periodic sweeps (lib/system/sweep.ts: invitation reminders and expiry, stale match terms): every instance
  // runs them on this timer; 0 turns it off.
  SWEEP_INTERVAL_SECONDS: z.coerce.number({ error: "SWEEP_INTERVAL_SECONDS 必须是数字" }).int().min(0).max(86_400).default(600),
  // Background jobs (lib/jobs): pg-boss on PostgreSQL, a timer on the embedded PGlite ("auto"); "off" disables them.
  JOBS_MODE: z.enum(["auto", "pg-boss", "interval", "off"], { error: "JOBS_MODE 只能是 auto、pg-boss、interval 或 off" }).default("auto"),
  // POST /api/cron/sweep with "Authorization: Bearer <CRON_SECRET>" runs a sweep on demand (unset: the route is off).
  CRON_SECRET: z.string().min(16, "CRON_SECRET 至少 16 个字符").optional(),
});
// The session secret is checked where it is used (lib/auth/secret.ts), also by proxy.ts, which cannot load this.

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join("；"));
  cached = parsed.data;
  return cached;
}
