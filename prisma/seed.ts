// Seeds reference data: `DATABASE_URL=… tsx prisma/seed.ts`; with `--demo` (or DEMO_MODE=1) also the demo data set,
// whose accounts share the README's password — never on a production installation.
import { createPrismaClient } from "@/lib/db";
import { seedAll } from "./seed/index";

function fail(message: string): never {
  // Prisma prefixes the cause with the failing call and a code frame; keep only the cause, on one line.
  const lines = message.split("\n").map((l) => l.trim()).filter(Boolean);
  const cause = lines[0]?.startsWith("Invalid `") ? lines[lines.length - 1] : lines.join(" ");
  console.error(`种子数据写入失败 / Seed failed: ${cause.slice(0, 600)}`);
  process.exit(1);
}

const url = process.env.DATABASE_URL;
if (!url) fail("未设置 DATABASE_URL / DATABASE_URL is not set");

// One connection: the seed runs its queries one after another, and an embedded PGlite server has one session.
const prisma = createPrismaClient(url, 1);
const started = performance.now();
try {
  const wantsDemo = process.argv.includes("--demo") || process.env.DEMO_MODE === "1";
  const { counts, demoSkipped } = await seedAll(prisma, { demo: wantsDemo });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const list = Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(", ");
  const demo = !wantsDemo
    ? "仅基础数据（演示数据需加 --demo）/ reference data only (--demo for the demo set)"
    : demoSkipped ? "演示数据已存在，跳过 / demo set already present, skipped" : "演示数据已写入 / demo set written";
  console.log(`种子数据完成 / Seed done in ${seconds}s — ${demo}; ${list}`);
} catch (error) {
  await prisma.$disconnect().catch(() => undefined);
  fail(error instanceof Error ? error.message : String(error));
}
await prisma.$disconnect();
