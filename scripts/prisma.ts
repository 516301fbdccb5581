// Runs the Prisma CLI with DATABASE_URL set: without it the CLI falls back to downloading a native engine,
// which fails offline. Commands that never connect (generate, format, validate) get a placeholder; those that
// do (migrate, db) stop with one line saying what to set. `generate` also stamps the client (ensure-client.ts).
import { run } from "./database";
import { generateClient, PLACEHOLDER_URL } from "./ensure-client";

const args = process.argv.slice(2);
const connects = ["migrate", "db"].includes(args[0] ?? "");

async function main() {
  if (args[0] === "generate" && args.length === 1) return generateClient();
  if (connects && !process.env.DATABASE_URL) {
    throw new Error(
      `DATABASE_URL 未设置：prisma ${args.slice(0, 2).join(" ")} 需要数据库地址，` +
        "例如 DATABASE_URL=postgresql://postgres@127.0.0.1:5432/expert_platform npm run db:migrate（本地演示无需设置，直接 npm run demo）",
    );
  }
  await run("npx", ["prisma", ...args], { ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? PLACEHOLDER_URL });
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
