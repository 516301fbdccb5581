// Starts the platform. With DATABASE_URL it uses that PostgreSQL; without it, the embedded one under .data/.
//   tsx scripts/start.ts [--build] [--seed] [--dev] [--port 3000]
// `npm run demo` = --build --seed: a production build with demo data on http://localhost:3000.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { assertReachable, migrate, run, seed } from "./database";
import { ensureClient } from "./ensure-client";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "./embedded-db";

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const portArg = args.includes("--port") ? args[args.indexOf("--port") + 1] : undefined;
const port = Number(portArg ?? process.env.PORT ?? 3000);
const dataDir = path.resolve(process.env.EMBEDDED_DB_DIR ?? ".data/pglite");

async function authSecret(embedded: boolean): Promise<string> {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  if (!embedded) throw new Error("NEXTAUTH_SECRET 未设置：多实例部署须为所有实例设置同一个会话签名密钥");
  // The embedded demo keeps its own secret beside its data, so sessions survive a restart.
  const file = path.resolve(".data/auth-secret");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  await mkdir(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

async function main() {
  if (!flag("build") && !flag("dev") && !existsSync(path.resolve(".next/BUILD_ID"))) {
    throw new Error("尚未构建：请先运行 npm run build（或用 npm run demo 构建并启动演示）");
  }
  // The seed and the app import the generated client; a fresh clone has none yet.
  await ensureClient();
  let embedded: EmbeddedDatabase | null = null;
  let url = process.env.DATABASE_URL;
  if (!url) {
    embedded = await startEmbeddedDatabase(dataDir, Number(process.env.EMBEDDED_DB_PORT ?? 54320));
    url = embedded.url;
    console.log(`内置数据库（PGlite）已启动：${dataDir}`);
  }
  await assertReachable(url);
  await migrate(url);
  console.log("数据库迁移已应用");
  if (flag("seed")) await seed(url);

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: url,
    NEXTAUTH_SECRET: await authSecret(!!embedded),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    // PGlite serves one session at a time; a small pool avoids queueing many idle connections.
    DATABASE_POOL_MAX: process.env.DATABASE_POOL_MAX ?? (embedded ? "4" : "10"),
    NEXT_TELEMETRY_DISABLED: "1",
  };
  if (flag("build")) await run("npm", ["run", "build"], env);

  const next = spawn("npx", ["next", flag("dev") ? "dev" : "start", "-p", String(port)], { env, stdio: "inherit" });
  console.log(`平台地址：http://localhost:${port}`);
  const shutdown = async () => {
    next.kill("SIGTERM");
    await embedded?.stop();
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  next.on("exit", async (code) => {
    await embedded?.stop();
    process.exit(code ?? 0);
  });
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
