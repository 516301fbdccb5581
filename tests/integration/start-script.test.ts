import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("starting against a database that is not there", () => {
  it("stops with one clear line, not a stack trace", () => {
    // --build: a clone with no build yet must get as far as the database (the build comes after it).
    const run = spawnSync("npx", ["tsx", "scripts/start.ts", "--build"], {
      env: { ...process.env, DATABASE_URL: "postgresql://nobody@127.0.0.1:1/nowhere", NEXTAUTH_SECRET: "x".repeat(32) },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^无法连接数据库 127\.0\.0\.1:1\/nowhere（ECONNREFUSED）/);
    expect(run.stdout).not.toMatch(/at .*\.ts:\d+/);
  });
});
