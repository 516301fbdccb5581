import { z } from "zod";

// Validated once; a missing or malformed variable fails with one clear line, not a stack trace.
const schema = z.object({
  DATABASE_URL: z
    .string({ error: "DATABASE_URL 未设置：生产环境请指向 PostgreSQL；本地演示请用 npm run demo（内置数据库）" })
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL 必须是 postgresql:// 开头的连接串"),
  NEXTAUTH_SECRET: z.string().min(16, "NEXTAUTH_SECRET 至少 16 个字符").optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join("；"));
  cached = parsed.data;
  return cached;
}
