// `npm test`: every tier, each on a freshly created and migrated database.
//   unit → integration (real PostgreSQL: TEST_DATABASE_URL / DATABASE_URL, else the embedded one)
//   → end-to-end (production build + Playwright in Chromium, on a seeded database).
// Ends with one line of totals: "N passed, N failed, N skipped".
// E2E_REQUIRED=1 (set by CI) makes a missing browser a failure instead of a skip.
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { dropDatabase, migrate, recreateDatabase, run, seed } from "./database";
import { ensureClient } from "./ensure-client";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "./embedded-db";
import { findChromium } from "../tests/e2e/browser";

type Totals = { passed: number; failed: number; skipped: number };
const totals: Totals = { passed: 0, failed: 0, skipped: 0 };
const only = process.argv.slice(2).filter((a) => !a.startsWith("-")); // e.g. `npm test -- unit integration`
const wants = (tier: string) => only.length === 0 || only.includes(tier);
const reportDir = path.resolve("test-results");
const serverUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
const embeddedPort = Number(process.env.EMBEDDED_DB_PORT ?? 54330);
const stamp = `${Date.now().toString(36)}_${process.pid}`;

async function freshDatabase(tier: string): Promise<{ url: string; close: () => Promise<void> }> {
  if (serverUrl) {
    const name = `esp_${tier}_${stamp}`;
    const url = await recreateDatabase(serverUrl, name);
    await migrate(url).catch(async (err) => {
      await dropDatabase(serverUrl, name);
      throw err;
    });
    // Kept when KEEP_TEST_DB=1, for looking into a failure.
    return { url, close: async () => void (process.env.KEEP_TEST_DB === "1" || (await dropDatabase(serverUrl, name))) };
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), `esp-${tier}-`));
  const db: EmbeddedDatabase = await startEmbeddedDatabase(dir, embeddedPort + (tier === "e2e" ? 1 : 0));
  await migrate(db.url);
  return { url: db.url, close: async () => (await db.stop(), await rm(dir, { recursive: true, force: true })) };
}

async function vitest(project: string, env: NodeJS.ProcessEnv) {
  const out = path.join(reportDir, `vitest-${project}.json`);
  await rm(out, { force: true });
  let failedRun = false;
  // TEST_FILES="tests/integration/a.test.ts" runs only those files (while working on them).
  const files = (process.env.TEST_FILES ?? "").split(/\s+/).filter(Boolean);
  await run("npx", ["vitest", "run", "--project", project, ...files, "--reporter=default", "--reporter=json", `--outputFile.json=${out}`], env).catch(
    () => (failedRun = true),
  );
  if (!existsSync(out)) return void (totals.failed += 1);
  const r = JSON.parse(await readFile(out, "utf8"));
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests + (failedRun && r.numFailedTests === 0 ? 1 : 0);
  totals.skipped += r.numPendingTests + r.numTodoTests;
  console.log(`[${project}] ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
}

async function e2e() {
  const chromium = findChromium();
  if (!chromium) {
    if (process.env.E2E_REQUIRED === "1") throw new Error("未找到 Chromium：CI 要求运行端到端测试（apt-get install chromium）");
    console.log("[e2e] 未找到 Chromium，跳过端到端测试（安装 chromium 后重跑）");
    totals.skipped += 1;
    return;
  }
  const db = await freshDatabase("e2e");
  try {
    const secret = process.env.NEXTAUTH_SECRET ?? "e2e-secret-0123456789abcdefghij";
    await seed(db.url, { demo: true, env: { NEXTAUTH_SECRET: secret } });
    const port = process.env.E2E_PORT ?? "3210";
    const env = {
      ...process.env,
      DATABASE_URL: db.url,
      DATABASE_POOL_MAX: serverUrl ? "10" : "4",
      NEXTAUTH_SECRET: secret,
      NEXTAUTH_URL: `http://localhost:${port}`,
      E2E_PORT: port,
      // A second instance of the same build on the same database (tests/e2e/instances.ts), for the two-instance spec;
      // not on the embedded database, whose one shared session two servers would interleave on.
      E2E_PORT_B: process.env.E2E_PORT_B ?? String(Number(port) + 1),
      E2E_TWO_INSTANCES: serverUrl ? (process.env.E2E_TWO_INSTANCES ?? "1") : "0",
      NEXT_TELEMETRY_DISABLED: "1",
      // The seeded demo: demo accounts sign in without a second factor (lib/mfa/policy.ts) and personal data uses
      // the development data key (lib/crypto/data-key.ts), as under `npm run demo`.
      DEMO_MODE: "1",
      PLAYWRIGHT_JSON_OUTPUT_NAME: path.join(reportDir, "playwright.json"),
    };
    if (!process.env.E2E_SKIP_BUILD) await run("npm", ["run", "build"], env);
    await rm(env.PLAYWRIGHT_JSON_OUTPUT_NAME, { force: true });
    let failedRun = false;
    // E2E_SPECS="tests/e2e/a.spec.ts tests/e2e/b.spec.ts" runs only those files (while working on them).
    const specs = (process.env.E2E_SPECS ?? "").split(/\s+/).filter(Boolean);
    await run("npx", ["playwright", "test", ...specs, "--reporter=list,json"], env).catch(() => (failedRun = true));
    if (!existsSync(env.PLAYWRIGHT_JSON_OUTPUT_NAME)) return void (totals.failed += 1);
    const { stats } = JSON.parse(await readFile(env.PLAYWRIGHT_JSON_OUTPUT_NAME, "utf8"));
    totals.passed += stats.expected + stats.flaky;
    totals.failed += stats.unexpected + (failedRun && stats.unexpected === 0 ? 1 : 0);
    totals.skipped += stats.skipped;
    console.log(`[e2e] ${stats.expected + stats.flaky} passed, ${stats.unexpected} failed`);
  } finally {
    await db.close();
  }
}

async function main() {
  await ensureClient();
  if (wants("unit")) await vitest("unit", process.env);
  if (wants("integration")) {
    const db = await freshDatabase("integration");
    try {
      await vitest("integration", { ...process.env, DATABASE_URL: db.url, DATABASE_POOL_MAX: serverUrl ? "10" : "4" });
    } finally {
      await db.close();
    }
  }
  if (wants("e2e")) await e2e();
}

main()
  .catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    totals.failed += 1;
  })
  .finally(() => {
    console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
    process.exit(totals.failed > 0 || totals.passed === 0 ? 1 : 0);
  });
