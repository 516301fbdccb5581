// Shared by the launcher and the test runner: check a database, apply migrations, seed.
import { spawn } from "node:child_process";
import pg from "pg";

export function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, quiet = false): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit" });
    let output = "";
    child.stdout?.on("data", (d) => (output += d));
    child.stderr?.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(" ")} 退出码 ${code}\n${output.slice(-4000)}`)),
    );
  });
}

export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return "(无法解析的地址)";
  }
}

/** One clear line when the database cannot be reached, instead of a stack trace later. */
export async function assertReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query("select 1");
  } catch (err) {
    const reason = err instanceof Error ? (err as NodeJS.ErrnoException).code ?? err.message : String(err);
    throw new Error(`无法连接数据库 ${describeUrl(url)}（${reason}）：请检查 DATABASE_URL 与数据库服务是否启动`);
  } finally {
    await client.end().catch(() => {});
  }
}

export async function migrate(url: string): Promise<void> {
  await run("npx", ["prisma", "migrate", "deploy"], { ...process.env, DATABASE_URL: url }, true);
}

export async function seed(url: string, options: { demo: boolean; env?: Record<string, string> }): Promise<void> {
  // options.env: the app's secrets, so demo rows signed by the seed (service certificates) verify in the app.
  await run("npx", ["tsx", "prisma/seed.ts", ...(options.demo ? ["--demo"] : [])], { ...process.env, ...options.env, DATABASE_URL: url });
}

async function onServer(serverUrl: string, name: string, sql: string[]): Promise<void> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`非法数据库名：${name}`);
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    for (const statement of sql) await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Create (or re-create) a database on a server, given a URL to any database on it; returns its URL. */
export async function recreateDatabase(serverUrl: string, name: string): Promise<string> {
  await onServer(serverUrl, name, [`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`, `CREATE DATABASE "${name}"`]);
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await onServer(serverUrl, name, [`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`]);
}
