import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";
import { findChromium } from "./tests/e2e/browser";
import { PORT_A, PORT_B, PORT_C, secondInstanceWanted, workersInstanceWanted } from "./tests/e2e/instances";

// Run through `npm test` (which prepares a seeded database and a production build) or
// `npm run test:e2e` against a server you started. Chromium from Debian (/usr/bin/chromium) by default.
const port = PORT_A;

// `npm run test:e2e` serves this checkout's production build: say what to run first, not next's English error.
if (!existsSync(".next/BUILD_ID")) {
  throw new Error(
    "未找到生产构建：请先运行 npm run build，并设置 DATABASE_URL 指向已迁移、已载入演示数据的数据库（npm run db:migrate && npm run db:seed）；" +
      "或运行 npm test -- e2e，它会自动准备数据库与构建",
  );
}

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://localhost:${port}`,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    launchOptions: {
      executablePath: findChromium() ?? undefined,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
    trace: "retain-on-failure",
  },
  // Instance A serves every spec (baseURL); instance B, the same build on the same database, is there for
  // tests/e2e/two-instances.spec.ts, and C, the same with two worker processes, for portal-cache-instances.spec.ts
  // (tests/e2e/instances.ts says when they start).
  webServer: [
    server(port),
    ...(secondInstanceWanted() ? [server(PORT_B)] : []),
    // C only answers the portal: a small pool and no background jobs of its own.
    ...(workersInstanceWanted() ? [server(PORT_C, { WEB_CONCURRENCY: "2", DATABASE_POOL_MAX: "4", JOBS_MODE: "off" })] : []),
  ],
});

function server(at: string, extraEnv: Record<string, string> = {}) {
  return {
    command: `npx tsx scripts/serve.ts --port ${at}`,
    url: `http://localhost:${at}/api/health`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    stdout: "ignore" as const,
    // Every journey signs in from this one machine: lift the per-address sign-in limits (per address and account stay).
    // It serves a demo-seeded database: demo mode (the staff demo accounts sign in without a second factor), as `npm test` sets.
    // All instances get the same settings (one site behind a balancer): NEXTAUTH_URL stays A's.
    env: { ...process.env, DEMO_MODE: process.env.DEMO_MODE ?? "1", LOGIN_ATTEMPTS_PER_ADDRESS: "100000", LOGIN_FAILURES_PER_ADDRESS: "100000", ...extraEnv } as Record<string, string>,
    stderr: "pipe" as const,
  };
}
