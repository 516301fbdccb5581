// CI's smoke step (`tsx scripts/smoke.ts`, run by .ci/run right after `npm ci`): every command of the README's
// scripts table in its smallest form, as a newcomer runs it on a fresh clone — each one starting without a
// generated Prisma client (lib/generated is removed before each), without DATABASE_URL unless the command needs a
// database (then a scratch one created on the local PostgreSQL and dropped at the end), with a time bound.
// Every `bench:*` script of package.json runs with `--smoke`. A README command without a step here fails too.
// One line per command, then one line of totals: "N passed, N failed".
//   SMOKE_DATABASE_URL (else TEST_DATABASE_URL, else postgresql://postgres@127.0.0.1:5432/postgres): the server
//   for the scratch database; SMOKE_PORT (default 3340): the first of the ports the servers listen on;
//   `--only lint,match` runs only those steps (while working on them).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { dropDatabase, recreateDatabase } from "./database";
import { CLIENT_DIR, ensureClient } from "./ensure-client";

export type Step = {
  /** The README script names this step proves work (`demo` also runs `build`). */
  covers: string[];
  command: string[];
  env?: Record<string, string>;
  timeoutSeconds: number;
  /** A server: passes once GET /api/health on this port answers 200, and is then stopped. */
  servePort?: number;
  /** Run after a successful exit; throws to fail the step. */
  verify?: () => Promise<void>;
};

/** The script names in the first column of the README's "## Scripts" table (`npm run a` / `b:c` / `npm start`). */
export function readmeScripts(readme: string): string[] {
  const section = readme.split(/^## /m).find((s) => s.startsWith("Scripts"));
  if (!section) throw new Error("README 中没有「## Scripts」一节");
  const names = new Set<string>();
  for (const line of section.split("\n")) {
    const firstCell = line.match(/^\|([^|]+)\|/)?.[1];
    if (!firstCell) continue;
    for (const [, code] of firstCell.matchAll(/`([^`]+)`/g)) {
      const name = code.match(/^npm (?:run )?([\w:-]+)/)?.[1] ?? code.match(/^([\w:-]+)$/)?.[1];
      if (name) names.add(name);
    }
  }
  return [...names];
}

/** README commands that are no npm script, or that no step runs: each is a failed check. */
export function uncovered(readme: string[], scripts: Record<string, string>, steps: Step[]): string[] {
  const covered = new Set(steps.flatMap((s) => s.covers));
  return readme.flatMap((name) => [
    ...(name in scripts ? [] : [`README 列出的 npm ${name} 在 package.json 中不存在`]),
    ...(covered.has(name) ? [] : [`README 列出的 npm ${name} 没有冒烟步骤（scripts/smoke.ts）`]),
  ]);
}

function plan(scratchUrl: string, productionUrl: string, restoreUrl: string, server: string, work: string, scripts: Record<string, string>): Step[] {
  const port = Number(process.env.SMOKE_PORT ?? 3340);
  const secret = { NEXTAUTH_SECRET: "smoke-secret-0123456789abcdefghijklmnop" };
  // The production installation (setup, then start) needs its own personal-data key.
  const dataKey = { DATA_ENCRYPTION_KEY: randomBytes(32).toString("hex") };
  const onScratch = { DATABASE_URL: scratchUrl };
  const e = path.join(work, "experts.jsonl");
  const n = path.join(work, "needs.jsonl");
  const out = path.join(work, "scores.jsonl");
  const benches = Object.keys(scripts).filter((s) => s.startsWith("bench:")).sort();
  return [
    {
      covers: ["match"], timeoutSeconds: 120,
      command: ["npm", "run", "match", "--", "affinity", "--experts", e, "--needs", n, "--out", out],
      verify: async () => {
        const lines = (await readFile(out, "utf8")).trim().split("\n");
        if (lines.length !== 4) throw new Error(`应写出 4 行（2 位专家 × 2 项需求），实际 ${lines.length} 行`);
      },
    },
    { covers: ["lint"], command: ["npm", "run", "lint"], timeoutSeconds: 300 },
    { covers: ["typecheck"], command: ["npm", "run", "typecheck"], timeoutSeconds: 300 },
    { covers: ["test"], command: ["npm", "test", "--", "unit"], env: { TEST_FILES: "tests/unit/working-days.test.ts" }, timeoutSeconds: 180 },
    { covers: ["test:unit"], command: ["npm", "run", "test:unit", "--", "tests/unit/working-days.test.ts"], timeoutSeconds: 180 },
    { covers: ["db:migrate"], command: ["npm", "run", "db:migrate"], env: onScratch, timeoutSeconds: 180 },
    { covers: ["db:seed"], command: ["npm", "run", "db:seed"], env: onScratch, timeoutSeconds: 300 },
    // Security commands on the seeded scratch database (its development data key: no DATA_ENCRYPTION_KEY needed).
    { covers: ["audit:verify"], command: ["npm", "run", "audit:verify"], env: onScratch, timeoutSeconds: 180 },
    { covers: ["audit:archive"], command: ["npm", "run", "audit:archive", "--", "--out", path.join(work, "audit-archive")], env: onScratch, timeoutSeconds: 180 },
    { covers: ["keys:rotate"], command: ["npm", "run", "keys:rotate"], env: onScratch, timeoutSeconds: 300 },
    // The restore drill: back the seeded scratch database up, restore the newest backup into an empty one (which runs
    // the consistency check against the backup's manifest), and check the scratch database itself.
    {
      covers: ["db:backup"], command: ["npm", "run", "db:backup", "--", "--out", path.join(work, "backups")], env: onScratch, timeoutSeconds: 180,
      verify: async () => {
        const files = (await readdir(path.join(work, "backups"))).filter((f) => f.endsWith(".dump") || f.endsWith(".dump.json"));
        if (files.length !== 2) throw new Error(`应写出备份文件及其清单，实际：${files.join("、") || "无"}`);
      },
    },
    { covers: ["db:restore"], command: ["npm", "run", "db:restore", "--", "--file", path.join(work, "backups")], env: { DATABASE_URL: restoreUrl }, timeoutSeconds: 180 },
    { covers: ["db:check"], command: ["npm", "run", "db:check"], env: onScratch, timeoutSeconds: 180 },
    // The scans need sqlmap and wapiti (Debian) and an hour: CI lists what they would cover, starting nothing.
    { covers: ["scan:security"], command: ["npm", "run", "scan:security", "--", "--dry-run"], timeoutSeconds: 120 },
    // A production installation: setup on its own empty database, later served by `npm start` (no demo accounts).
    { covers: ["setup"], command: ["npm", "run", "setup"], env: { DATABASE_URL: productionUrl, ...dataKey }, timeoutSeconds: 300 },
    {
      covers: ["test:integration"], timeoutSeconds: 300, env: onScratch,
      command: ["npm", "run", "test:integration", "--", "tests/integration/calendar.test.ts"],
    },
    // bench:pages serves a production build on its own port, building one first on a fresh clone.
    ...benches.map((b): Step => b === "bench:pages"
      ? { covers: [b], command: ["npm", "run", b, "--", "--smoke", "--port", String(port + 5)], env: { BENCH_DATABASE_URL: server }, timeoutSeconds: 900 }
      : { covers: [b], command: ["npm", "run", b, "--", "--smoke"], env: { BENCH_DATABASE_URL: server }, timeoutSeconds: 300 }),
    // load:fault restarts its own PostgreSQL for ten minutes: here only its plan, and (bench:pages has built by now)
    // that the build's server actions it drives are found.
    { covers: ["load:fault"], command: ["npm", "run", "load:fault", "--", "--dry-run"], timeoutSeconds: 120 },
    // The servers last: dev first, since the demo's production build is what `npm start` and test:e2e serve.
    { covers: ["dev"], command: ["npm", "run", "dev", "--", "--port", String(port)], env: { ...onScratch, ...secret }, servePort: port, timeoutSeconds: 300 },
    {
      // The newcomer's path: no DATABASE_URL, so the embedded database (in a temporary directory).
      covers: ["demo", "build"], command: ["npm", "run", "demo", "--", "--port", String(port + 1)], servePort: port + 1, timeoutSeconds: 900,
      env: { EMBEDDED_DB_DIR: path.join(work, "pglite"), EMBEDDED_DB_PORT: String(port + 10) },
    },
    {
      // Two worker processes on one port, as a multi-core production server runs (scripts/serve.ts WEB_CONCURRENCY).
      covers: ["start"], command: ["npm", "start", "--", "--port", String(port + 2)], servePort: port + 2, timeoutSeconds: 180,
      env: { DATABASE_URL: productionUrl, ...secret, ...dataKey, WEB_CONCURRENCY: "2" },
    },
    {
      covers: ["test:e2e"], timeoutSeconds: 300,
      command: ["npm", "run", "test:e2e", "--", "tests/e2e/auth.spec.ts", "-g", "signing out ends the session"],
      env: { ...onScratch, ...secret, E2E_PORT: String(port + 3), NEXTAUTH_URL: `http://localhost:${port + 3}` },
    },
  ];
}


async function healthy(port: number): Promise<boolean> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(10_000) });
    return res.status === 200;
  } catch {
    return false;
  }
}

/** Runs one step in its own process group (so a timeout or a server's stop ends all its children). */
async function runStep(step: Step, baseEnv: NodeJS.ProcessEnv, log: string): Promise<void> {
  // Something already answering there would pass the step without our server.
  if (step.servePort && (await healthy(step.servePort))) throw new Error(`端口 ${step.servePort} 已有服务在运行：请先关闭它，或设置 SMOKE_PORT`);
  const child = spawn(step.command[0], step.command.slice(1), { env: { ...baseEnv, ...step.env }, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const file = createWriteStream(log);
  child.stdout.pipe(file);
  child.stderr.pipe(file);
  const exited = new Promise<number | null>((resolve) => {
    child.on("exit", (code) => resolve(code));
    child.on("error", () => resolve(-1));
  });
  const stop = async () => {
    const kill = (sig: NodeJS.Signals) => { try { process.kill(-child.pid!, sig); } catch { /* already gone */ } };
    kill("SIGTERM");
    if ((await Promise.race([exited.then(() => true), sleep(15_000).then(() => false)])) === false) kill("SIGKILL");
    await exited;
  };
  const deadline = Date.now() + step.timeoutSeconds * 1000;
  try {
    if (step.servePort) {
      let code: number | null | undefined;
      void exited.then((c) => (code = c));
      while (!(await healthy(step.servePort))) {
        if (code !== undefined) throw new Error(`服务未启动即退出（退出码 ${code}）`);
        if (Date.now() > deadline) throw new Error(`${step.timeoutSeconds} 秒内 /api/health 未返回 200`);
        await sleep(2000);
      }
      return;
    }
    const code = await Promise.race([exited, sleep(step.timeoutSeconds * 1000).then(() => "timeout" as const)]);
    if (code === "timeout") throw new Error(`超过 ${step.timeoutSeconds} 秒未结束`);
    if (code !== 0) throw new Error(`退出码 ${code}`);
    await step.verify?.();
  } finally {
    await stop();
    await new Promise((resolve) => file.end(resolve));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  const { values } = parseArgs({ options: { only: { type: "string" } } });
  const only = values.only?.split(",");
  const root = process.cwd();
  const readme = readFileSync(path.join(root, "README.md"), "utf8");
  const scripts = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).scripts as Record<string, string>;
  const server = process.env.SMOKE_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const work = await mkdtemp(path.join(os.tmpdir(), "esp-smoke-"));
  const logs = path.join(root, "smoke-results"); // each command's full output (Playwright empties test-results/)
  await mkdir(logs, { recursive: true });
  await writeFile(path.join(work, "experts.jsonl"), '{"id":"e1","name":"张三","skills":["水稻病虫害防治"],"bio":"长期从事水稻栽培与植保"}\n{"id":"e2","bio":"猕猴桃果树栽培与修剪"}\n');
  await writeFile(path.join(work, "needs.jsonl"), '{"id":"n1","title":"水稻病虫害绿色防控"}\n{"id":"n2","title":"猕猴桃果园提质增效"}\n');

  const name = `esp_smoke_${Date.now().toString(36)}_${process.pid}`;
  const scratchUrl = await recreateDatabase(server, name);
  const productionUrl = await recreateDatabase(server, `${name}_prod`);
  const restoreUrl = await recreateDatabase(server, `${name}_restore`);
  // A newcomer's shell: no database configured, nothing generated.
  const baseEnv: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  for (const key of ["DATABASE_URL", "TEST_DATABASE_URL", "NEXTAUTH_URL", "NEXTAUTH_SECRET", "E2E_PORT", "TEST_FILES", "E2E_SPECS"]) delete baseEnv[key];

  const steps = plan(scratchUrl, productionUrl, restoreUrl, server, work, scripts);
  let passed = 0;
  let failed = 0;
  const gaps = uncovered(readmeScripts(readme), scripts, steps);
  for (const gap of gaps) console.log(`[smoke] 失败 ${gap}`);
  failed += gaps.length;
  try {
    for (const step of steps.filter((s) => !only || s.covers.some((c) => only.includes(c)))) {
      await rm(path.join(root, CLIENT_DIR), { recursive: true, force: true });
      const label = step.command.join(" ").replaceAll(`${work}/`, "");
      const log = path.join(logs, `${step.covers[0].replace(/:/g, "-")}.log`);
      const t0 = Date.now();
      try {
        await runStep(step, baseEnv, log);
        passed++;
        console.log(`[smoke] 通过 ${label}（${((Date.now() - t0) / 1000).toFixed(0)} 秒）`);
      } catch (err) {
        failed++;
        const tail = existsSync(log) ? readFileSync(log, "utf8").trim().split("\n").slice(-25).join("\n") : "";
        console.log(`[smoke] 失败 ${label}（${((Date.now() - t0) / 1000).toFixed(0)} 秒）：${err instanceof Error ? err.message : err}`);
        if (tail) console.log(tail.replace(/^/gm, "    "));
      }
    }
  } finally {
    await dropDatabase(server, name).catch(() => {});
    await dropDatabase(server, `${name}_prod`).catch(() => {});
    await dropDatabase(server, `${name}_restore`).catch(() => {});
    await rm(work, { recursive: true, force: true });
    await ensureClient(); // whatever the last step did, leave a generated client behind
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 || passed === 0 ? 1 : 0);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    console.log("0 passed, 1 failed");
    process.exit(1);
  });
}
