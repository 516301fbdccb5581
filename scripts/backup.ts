// Backup, restore and the consistency check of the platform's database.
//   npm run db:backup  -- [--out backups]                 a backup file named with its time, and its manifest (.json)
//   npm run db:restore -- --file F [--clean] [--no-check]  restore into an empty database, then run the check
//   npm run db:check   -- [--manifest F.json | --compare URL]   the checks of lib/system/consistency.ts
// With DATABASE_URL (PostgreSQL): pg_dump's custom format (-Fc) over one exported snapshot, in which the manifest's
// row counts are taken too; pg_restore in one transaction into DATABASE_URL (or --to URL), refusing a database that
// already holds tables unless --clean. Without it, the embedded database (PGlite, EMBEDDED_DB_DIR, default
// .data/pglite): PGlite's own copy of its data directory (dumpDataDir, a .tar.gz), restored with loadDataDir. PGlite
// is PostgreSQL 18 and the Debian client is 15 (pg_dump refuses a newer server), so pg_dump is not used there; both
// work offline. The embedded database must be stopped (npm run demo holds its directory) to be backed up or restored.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";
import { describeUrl } from "./database";

export type Manifest = {
  format: "pg_dump-custom" | "pglite-datadir";
  createdAt: string;
  /** Where it came from: host:port/database, or the embedded data directory. */
  source: string;
  serverVersion: string;
  /** pg_dump's version (custom format), or PGlite's. */
  tool: string;
  sha256: string;
  bytes: number;
  /** Rows of every table at the moment of the backup (the dump's own snapshot). */
  counts: Record<string, number>;
};

const manifestPath = (file: string) => `${file}.json`;
const sha256 = async (file: string) => createHash("sha256").update(await readFile(file)).digest("hex");
const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");

export async function readManifest(file: string): Promise<Manifest | null> {
  const m = manifestPath(file);
  return existsSync(m) ? (JSON.parse(await readFile(m, "utf8")) as Manifest) : null;
}

/** The backup file is the one the manifest describes (not truncated, not altered since). */
async function verifyAgainstManifest(file: string, manifest: Manifest | null): Promise<void> {
  if (!manifest) return;
  if ((await sha256(file)) !== manifest.sha256) {
    throw new Error(`备份文件 ${file} 与其清单的 SHA-256 不符：文件不完整或已被改动，已拒绝恢复`);
  }
}

// ─── PostgreSQL: pg_dump / pg_restore ───────────────────────────────────────────────────────────────────────────

/** PG_BIN: the directory of the PostgreSQL client to use (e.g. /usr/lib/postgresql/16/bin), else the PATH's. */
const pgTool = (name: string) => (process.env.PG_BIN ? path.join(process.env.PG_BIN, name) : name);

/** The URL without its password (which goes to libpq in PGPASSWORD, never on a command line others can list). */
function libpq(url: string): { url: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = "";
  return { url: u.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

function exec(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { env, maxBuffer: 256 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (!err) return resolve(stdout);
      if ((err as NodeJS.ErrnoException).code === "ENOENT") {
        return reject(new Error(`未找到 ${cmd}：请安装 PostgreSQL 客户端（Debian/Ubuntu：apt-get install postgresql-client），或设置 PG_BIN 指向其 bin 目录`));
      }
      reject(new Error(`${path.basename(cmd)} 失败：${(stderr || err.message).trim().split("\n").slice(-8).join("\n")}`));
    });
  });
}

export async function toolMajor(name: "pg_dump" | "pg_restore"): Promise<{ major: number; version: string }> {
  const out = (await exec(pgTool(name), ["--version"])).trim();
  const m = out.match(/\)\s*(\d+)(?:\.(\d+))?/) ?? out.match(/(\d+)\.(\d+)/);
  if (!m) throw new Error(`无法识别 ${name} 的版本：${out}`);
  return { major: Number(m[1]), version: out };
}

async function connect(url: string, purpose: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    return client;
  } catch (err) {
    await client.end().catch(() => {});
    const code = (err as { code?: string }).code;
    if (code === "3D000") throw new Error(`${purpose} ${describeUrl(url)} 不存在：请先建一个空库（createdb 或 CREATE DATABASE），再运行`);
    throw new Error(`无法连接${purpose} ${describeUrl(url)}（${code ?? (err instanceof Error ? err.message : err)}）：请检查地址与数据库服务`);
  }
}

const serverMajor = async (client: pg.Client) => {
  const { rows } = await client.query<{ n: string; v: string }>("SELECT current_setting('server_version_num') AS n, current_setting('server_version') AS v");
  return { major: Math.floor(Number(rows[0].n) / 10000), version: rows[0].v };
};

/** pg_dump of the whole database in custom format; the manifest's row counts come from the snapshot pg_dump reads. */
export async function backupPostgres(url: string, outDir: string, now = new Date()): Promise<{ file: string; manifest: Manifest }> {
  const dump = await toolMajor("pg_dump");
  const client = await connect(url, "数据库");
  try {
    const server = await serverMajor(client);
    if (dump.major < server.major) {
      throw new Error(
        `pg_dump ${dump.major} 不能备份更新的 PostgreSQL ${server.major} 服务器：请安装同一大版本或更新的客户端` +
          `（Debian：apt-get install postgresql-client-${server.major}），或用 PG_BIN 指向其 bin 目录`,
      );
    }
    await mkdir(outDir, { recursive: true });
    const database = new URL(url).pathname.replace(/^\//, "") || "postgres";
    const file = path.resolve(outDir, `expert-platform-${database.replace(/[^\w.-]/g, "_")}-${stamp(now)}.dump`);
    const partial = `${file}.partial`;
    // One snapshot for both: the counts describe exactly what the dump holds, even while the platform keeps writing.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const { rows } = await client.query<{ id: string }>("SELECT pg_export_snapshot() AS id");
    const { tableCounts } = await import("@/lib/system/consistency");
    const counts = await tableCounts(async (sql) => (await client.query(sql)).rows);
    const conn = libpq(url);
    try {
      await exec(pgTool("pg_dump"), ["--format=custom", `--snapshot=${rows[0].id}`, "--file", partial, "--dbname", conn.url], conn.env);
    } catch (err) {
      await rm(partial, { force: true });
      throw err;
    } finally {
      await client.query("COMMIT").catch(() => {});
    }
    // The archive must be readable before it counts as a backup.
    await exec(pgTool("pg_restore"), ["--list", partial]);
    await rename(partial, file);
    const manifest: Manifest = {
      format: "pg_dump-custom", createdAt: now.toISOString(), source: describeUrl(url), serverVersion: server.version,
      tool: dump.version, sha256: await sha256(file), bytes: (await stat(file)).size, counts,
    };
    await writeFile(manifestPath(file), JSON.stringify(manifest, null, 2) + "\n");
    return { file, manifest };
  } finally {
    await client.end().catch(() => {});
  }
}

/** Tables, views, sequences … outside the system schemas: a database holding any is not empty. */
async function userRelations(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ n: number }>(`
    SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'`);
  return rows[0].n;
}

export type RestoreOptions = { clean?: boolean; keepPrivileges?: boolean };

/** pg_restore into `targetUrl` in one transaction (all or nothing); refuses a database with tables unless `clean`. */
export async function restorePostgres(file: string, targetUrl: string, opts: RestoreOptions = {}): Promise<Manifest | null> {
  if (!existsSync(file)) throw new Error(`备份文件不存在：${file}`);
  const manifest = await readManifest(file);
  if (manifest && manifest.format !== "pg_dump-custom") throw new Error(`${file} 是内置数据库的备份：请在未设置 DATABASE_URL 时恢复（恢复到内置数据库）`);
  await verifyAgainstManifest(file, manifest);
  const restore = await toolMajor("pg_restore");
  const made = manifest?.tool.match(/\)\s*(\d+)/);
  if (made && Number(made[1]) > restore.major) {
    throw new Error(`备份由 pg_dump ${made[1]} 写出，pg_restore ${restore.major} 读不了：请安装 ${made[1]} 或更新的客户端，或用 PG_BIN 指向其 bin 目录`);
  }
  const client = await connect(targetUrl, "目标数据库");
  try {
    const n = await userRelations(client);
    if (n > 0 && !opts.clean) {
      throw new Error(
        `目标数据库 ${describeUrl(targetUrl)} 不是空库（已有 ${n} 个表、视图或序列）：为免覆盖其中的数据，已拒绝恢复。` +
          `请恢复到一个新建的空库；确要用备份覆盖此库，加 --clean（先删除备份中的同名对象再恢复）`,
      );
    }
  } finally {
    await client.end().catch(() => {});
  }
  const conn = libpq(targetUrl);
  const args = [
    "--dbname", conn.url, "--single-transaction", "--exit-on-error",
    // Owners and grants name roles the target server may not have; by default the restoring role owns everything.
    ...(opts.keepPrivileges ? [] : ["--no-owner", "--no-privileges"]),
    ...(opts.clean ? ["--clean", "--if-exists"] : []),
    file,
  ];
  await exec(pgTool("pg_restore"), args, conn.env);
  return manifest;
}

// ─── The embedded database: PGlite's own data-directory copy ────────────────────────────────────────────────────

export const embeddedDir = () => path.resolve(process.env.EMBEDDED_DB_DIR ?? ".data/pglite");
export const embeddedPort = () => Number(process.env.EMBEDDED_DB_PORT ?? 54320);

export function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

async function assertEmbeddedStopped(port: number, doing: string): Promise<void> {
  if (await portInUse(port)) {
    throw new Error(`端口 ${port} 上有程序在运行（通常是 npm run demo 的内置数据库）：请先停止它再${doing}——内置数据库的目录不能同时由两个进程打开`);
  }
}

async function openPglite(dataDir: string, loadDataDir?: Blob) {
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  return PGlite.create(dataDir, { extensions: { pg_trgm }, ...(loadDataDir ? { loadDataDir } : {}) });
}

export async function backupEmbedded(dataDir: string, outDir: string, opts: { port?: number; now?: Date } = {}): Promise<{ file: string; manifest: Manifest }> {
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    throw new Error(`没有内置数据库可备份：${dataDir} 不存在（未设置 DATABASE_URL 时备份内置数据库；它在第一次 npm run demo 时建立）`);
  }
  await assertEmbeddedStopped(opts.port ?? embeddedPort(), "备份");
  const now = opts.now ?? new Date();
  const db = await openPglite(dataDir);
  try {
    const { tableCounts } = await import("@/lib/system/consistency");
    const counts = await tableCounts(async (sql) => (await db.query<Record<string, unknown>>(sql)).rows);
    const { rows } = await db.query<{ v: string }>("SELECT current_setting('server_version') AS v");
    const tarball = await db.dumpDataDir("gzip");
    await mkdir(outDir, { recursive: true });
    const file = path.resolve(outDir, `expert-platform-embedded-${stamp(now)}.tar.gz`);
    await writeFile(`${file}.partial`, Buffer.from(await tarball.arrayBuffer()));
    await rename(`${file}.partial`, file);
    const { version } = JSON.parse(await readFile(path.resolve("node_modules/@electric-sql/pglite/package.json"), "utf8")) as { version: string };
    const manifest: Manifest = {
      format: "pglite-datadir", createdAt: now.toISOString(), source: dataDir, serverVersion: rows[0].v, tool: `PGlite ${version}`,
      sha256: await sha256(file), bytes: (await stat(file)).size, counts,
    };
    await writeFile(manifestPath(file), JSON.stringify(manifest, null, 2) + "\n");
    return { file, manifest };
  } finally {
    await db.close();
  }
}

/**
 * Unpacks the copy into `dataDir`; an existing database there is refused, or with `clean` moved aside (kept).
 * Returns the restored tables' row counts, read while it is open.
 */
export async function restoreEmbedded(
  file: string, dataDir: string, opts: { clean?: boolean; port?: number; now?: Date } = {},
): Promise<{ manifest: Manifest | null; movedAside: string | null; counts: Record<string, number> }> {
  if (!existsSync(file)) throw new Error(`备份文件不存在：${file}`);
  const manifest = await readManifest(file);
  if (manifest && manifest.format !== "pglite-datadir") throw new Error(`${file} 是 PostgreSQL 的备份（pg_dump）：请设置 DATABASE_URL 指向目标数据库后恢复`);
  await verifyAgainstManifest(file, manifest);
  await assertEmbeddedStopped(opts.port ?? embeddedPort(), "恢复");
  let movedAside: string | null = null;
  if (existsSync(dataDir) && (await readdir(dataDir)).length > 0) {
    if (!opts.clean) {
      throw new Error(`内置数据库目录 ${dataDir} 不是空的：为免覆盖其中的数据，已拒绝恢复。确要用备份替换它，加 --clean（原目录改名保留）`);
    }
    movedAside = `${dataDir}.before-restore-${stamp(opts.now ?? new Date())}`;
    await rename(dataDir, movedAside);
  }
  await mkdir(dataDir, { recursive: true });
  let counts: Record<string, number>;
  try {
    const db = await openPglite(dataDir, new Blob([await readFile(file)]));
    const { tableCounts } = await import("@/lib/system/consistency");
    counts = await tableCounts(async (sql) => (await db.query<Record<string, unknown>>(sql)).rows).finally(() => db.close());
  } catch (err) {
    await rm(dataDir, { recursive: true, force: true });
    if (movedAside) await rename(movedAside, dataDir);
    throw new Error(`无法从 ${file} 恢复内置数据库（原目录已复原）：${err instanceof Error ? err.message : err}`);
  }
  return { manifest, movedAside, counts };
}

// ─── The commands ───────────────────────────────────────────────────────────────────────────────────────────────

const USAGE = `用法：
  npm run db:backup  -- [--out 目录]                               备份（默认目录 backups/），并写出同名 .json 清单
  npm run db:restore -- --file 备份文件或目录 [--to URL] [--clean] [--keep-privileges] [--no-check]
                                                                   恢复到空库（默认 DATABASE_URL），然后做一致性检查
  npm run db:check   -- [--manifest 备份文件.json | --compare 源库URL]  一致性检查；给出清单或源库时逐表比对行数
设置 DATABASE_URL 时操作该 PostgreSQL（pg_dump / pg_restore，PG_BIN 可指定客户端目录）；
未设置时操作内置数据库（EMBEDDED_DB_DIR，默认 .data/pglite；须先停止 npm run demo）。`;

/** The file itself, or the newest backup of that kind in a directory (names carry their time, so they sort). */
async function backupFile(given: string, ext: string): Promise<string> {
  if (!existsSync(given) || !(await stat(given)).isDirectory()) return given;
  const newest = (await readdir(given)).filter((f) => f.startsWith("expert-platform-") && f.endsWith(ext)).sort().pop();
  if (!newest) throw new Error(`${given} 中没有 ${ext} 备份文件`);
  console.log(`使用 ${given} 中最新的备份：${newest}`);
  return path.join(given, newest);
}

/** A database to check: DATABASE_URL, or the embedded one (the running demo's, else started here for the check). */
async function withDatabase<T>(fn: (url: string, label: string) => Promise<T>): Promise<T> {
  if (process.env.DATABASE_URL) return fn(process.env.DATABASE_URL, describeUrl(process.env.DATABASE_URL));
  const port = embeddedPort();
  if (await portInUse(port)) return fn(`postgresql://postgres:postgres@127.0.0.1:${port}/postgres`, `运行中的内置数据库（端口 ${port}）`);
  const dir = embeddedDir();
  if (!existsSync(path.join(dir, "PG_VERSION"))) {
    throw new Error(`未设置 DATABASE_URL，也没有内置数据库（${dir}）：请设置 DATABASE_URL，或先运行 npm run demo`);
  }
  const { startEmbeddedDatabase } = await import("./embedded-db");
  const embedded = await startEmbeddedDatabase(dir, port);
  try {
    return await fn(embedded.url, `内置数据库 ${dir}`);
  } finally {
    await embedded.stop();
  }
}

/** Runs the check and prints its report; true when consistent. */
async function check(url: string, label: string, expected?: { counts: Record<string, number>; source: string }): Promise<boolean> {
  const { createPrismaClient } = await import("@/lib/db");
  const { checkConsistency, formatReport } = await import("@/lib/system/consistency");
  const db = createPrismaClient(url, 1);
  try {
    const report = await checkConsistency(db, { expectedCounts: expected?.counts, countsSource: expected?.source });
    (report.ok ? console.log : console.error)(formatReport(report, label));
    return report.ok;
  } finally {
    await db.$disconnect();
  }
}

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({
    args: rest,
    options: {
      out: { type: "string" }, file: { type: "string" }, to: { type: "string" }, clean: { type: "boolean" }, force: { type: "boolean" },
      "keep-privileges": { type: "boolean" }, "no-check": { type: "boolean" }, manifest: { type: "string" }, compare: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help || !["backup", "restore", "check"].includes(command ?? "")) {
    console.log(USAGE);
    if (!values.help) process.exitCode = 1;
    return;
  }
  const url = process.env.DATABASE_URL;
  if (command === "backup") {
    const out = path.resolve(values.out ?? "backups");
    const { file, manifest } = url ? await backupPostgres(url, out) : await backupEmbedded(embeddedDir(), out);
    const rows = Object.values(manifest.counts).reduce((a, b) => a + b, 0);
    console.log(`已备份 ${manifest.source}（${manifest.serverVersion}，${manifest.tool}）：${file}`);
    console.log(`  ${(manifest.bytes / 1024 / 1024).toFixed(1)} MB，${Object.keys(manifest.counts).length} 张表共 ${rows} 行；清单 ${manifestPath(file)}`);
    return;
  }
  if (command === "restore") {
    if (!values.file) throw new Error("请用 --file 指定备份文件（或备份目录：取其中最新的一份），例如 npm run db:restore -- --file backups/");
    const clean = !!(values.clean || values.force);
    const target = values.to ?? url;
    const file = await backupFile(path.resolve(values.file), target ? ".dump" : ".tar.gz");
    let manifest: Manifest | null;
    let checkOn: (fn: (url: string, label: string) => Promise<boolean>) => Promise<boolean>;
    if (target) {
      manifest = await restorePostgres(file, target, { clean, keepPrivileges: values["keep-privileges"] });
      console.log(`已恢复到 ${describeUrl(target)}`);
      checkOn = (fn) => fn(target, describeUrl(target));
    } else {
      const r = await restoreEmbedded(file, embeddedDir(), { clean });
      manifest = r.manifest;
      console.log(`已恢复到内置数据库 ${embeddedDir()}${r.movedAside ? `（原目录已改名为 ${r.movedAside}）` : ""}`);
      checkOn = withDatabase;
    }
    if (values["no-check"]) return;
    const ok = await checkOn((u, label) => check(u, label, manifest ? { counts: manifest.counts, source: "备份清单" } : undefined));
    if (!ok) process.exitCode = 2;
    return;
  }
  // check
  let expected: { counts: Record<string, number>; source: string } | undefined;
  if (values.manifest) {
    // The manifest, or the backup file it sits beside.
    const given = path.resolve(values.manifest);
    const m = JSON.parse(await readFile(given.endsWith(".json") ? given : manifestPath(given), "utf8")) as Manifest;
    expected = { counts: m.counts, source: "备份清单" };
  } else if (values.compare) {
    const source = await connect(values.compare, "源数据库");
    try {
      const { tableCounts } = await import("@/lib/system/consistency");
      expected = { counts: await tableCounts(async (sql) => (await source.query(sql)).rows), source: "源数据库" };
    } finally {
      await source.end().catch(() => {});
    }
  }
  if (!(await withDatabase((u, label) => check(u, label, expected)))) process.exitCode = 2;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
