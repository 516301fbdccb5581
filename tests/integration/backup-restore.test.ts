// The restore drill (issue 14, reliability): a migrated database with the demo data and an audit chain is backed up
// with pg_dump, restored into a fresh database, and the restored copy passes the consistency check with every table's
// rows equal to the source's; a copy tampered with behind the triggers' back fails it, naming what broke; restoring
// over a database that holds tables is refused unless asked to clean it. Then the embedded database's own copy.
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PGlite } from "@electric-sql/pglite";
import { createPrismaClient } from "@/lib/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { writeAudit } from "@/lib/audit/log";
import { chainAllAudit } from "./helpers";
import { checkConsistency, prismaQuery, tableCounts, type ConsistencyReport } from "@/lib/system/consistency";
import { seedAll } from "@/prisma/seed/index";
import { backupEmbedded, backupPostgres, restoreEmbedded, restorePostgres, type Manifest } from "@/scripts/backup";
import { dropDatabase, migrate, recreateDatabase } from "@/scripts/database";

const server = process.env.DATABASE_URL!;
const stamp = `${process.pid}_${Date.now().toString(36)}`;
const SOURCE = `esp_backup_src_${stamp}`;
const RESTORED = `esp_backup_dst_${stamp}`;
let sourceUrl: string;
let restoredUrl: string;
let source: PrismaClient;
let restored: PrismaClient | undefined;
let work: string;
let backup: { file: string; manifest: Manifest };

const failing = (r: ConsistencyReport) => r.checks.filter((c) => !c.ok).map((c) => c.key);
const check = (r: ConsistencyReport, key: string) => r.checks.find((c) => c.key === key)!;
const detail = (r: ConsistencyReport, key: string) => check(r, key).detail;

/** As the database owner (superuser here), bypassing the triggers, as someone editing the copy by hand would. */
async function behindTriggers(url: string, sql: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(`BEGIN; SET LOCAL session_replication_role = replica; ${sql}; COMMIT;`);
  } finally {
    await c.end();
  }
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), "esp-backup-"));
  // Both sources at once: the migration runs in its own process while PGlite creates its data directory here.
  await Promise.all([
    (async () => {
      sourceUrl = await recreateDatabase(server, SOURCE);
      await migrate(sourceUrl);
      source = createPrismaClient(sourceUrl, 2);
      await seedAll(source, { demo: true });
      // The demo seed writes no audit rows: chain a few, as the platform does.
      for (let i = 1; i <= 5; i++) await writeAudit(source, { operation: "auth.login", outcome: "SUCCESS", summary: `演练记录 ${i}` });
      await chainAllAudit(source);
    })(),
    (async () => {
      const db = await PGlite.create(path.join(work, "pglite-src"));
      await db.exec(`CREATE TABLE "Note" ("id" int PRIMARY KEY, "body" text NOT NULL); INSERT INTO "Note" SELECT g, '记录 ' || g FROM generate_series(1, 250) g`);
      await db.close();
    })(),
  ]);
}, 240_000);

afterAll(async () => {
  await restored?.$disconnect();
  await source?.$disconnect();
  await dropDatabase(server, RESTORED).catch(() => {});
  await dropDatabase(server, SOURCE).catch(() => {});
  if (work) await rm(work, { recursive: true, force: true });
});

describe("backup and restore on PostgreSQL (pg_dump / pg_restore)", () => {
  it("restores into a fresh database that passes the consistency check, every table's rows equal to the source's", async () => {
    backup = await backupPostgres(sourceUrl, path.join(work, "backups"));
    expect(path.basename(backup.file)).toMatch(new RegExp(`^expert-platform-${SOURCE}-\\d{8}T\\d{6}Z\\.dump$`));
    const sourceCounts = await tableCounts(prismaQuery(source));
    expect(backup.manifest.counts).toEqual(sourceCounts);
    expect(sourceCounts).toMatchObject({ AuditLog: 5 });
    expect(sourceCounts.ServiceRecord).toBeGreaterThan(100);
    expect(sourceCounts.TrackingMonthly).toBeGreaterThan(0);

    restoredUrl = await recreateDatabase(server, RESTORED);
    await restorePostgres(backup.file, restoredUrl);
    restored = createPrismaClient(restoredUrl, 2);
    const report = await checkConsistency(restored, { expectedCounts: backup.manifest.counts, countsSource: "备份清单" });
    expect(failing(report)).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.counts).toEqual(sourceCounts);
    expect(detail(report, "audit")).toContain("5 条");
    expect(detail(report, "counts")).toContain("与备份清单逐表一致");
  });

  it("fails a tampered copy, naming the broken audit link, the rollup, the dangling references and the row counts", async () => {
    const row = await restored!.auditLog.findFirstOrThrow({ where: { seq: 3 } });
    const org = await restored!.organization.findFirstOrThrow({ where: { users: { some: {} } }, select: { id: true } });
    await behindTriggers(restoredUrl, `
      UPDATE "AuditLog" SET "summary" = '改过的记录' WHERE "seq" = 3;
      UPDATE "TrackingMonthly" SET "hours" = "hours" + 1 WHERE ctid = (SELECT ctid FROM "TrackingMonthly" LIMIT 1);
      DELETE FROM "Organization" WHERE "id" = '${org.id}'`);
    const report = await checkConsistency(restored!, { expectedCounts: backup.manifest.counts, countsSource: "备份清单" });
    expect(report.ok).toBe(false);
    expect(failing(report).sort()).toEqual(["audit", "counts", "foreignKeys", "rollups"]);
    expect(detail(report, "audit")).toContain(`第 3 条（id ${row.id}）`);
    expect(detail(report, "rollups")).toMatch(/^TrackingMonthly 与已确认服务记录的重新汇总不符/);
    expect(check(report, "foreignKeys").problems).toContainEqual(expect.stringMatching(/^"User" 有 \d+ 行引用了 "Organization" 中不存在的记录（外键 User_organizationId_fkey）$/));
    expect(detail(report, "counts")).toContain(`Organization 有 ${backup.manifest.counts.Organization - 1} 行，备份清单有 ${backup.manifest.counts.Organization} 行`);
    // The source was not touched.
    expect((await checkConsistency(source, { expectedCounts: backup.manifest.counts })).ok).toBe(true);
  });

  it("refuses a database that holds tables, and a backup file that differs from its manifest; --clean restores over it", async () => {
    const before = await tableCounts(prismaQuery(restored!));
    await expect(restorePostgres(backup.file, restoredUrl)).rejects.toThrow(/不是空库（已有 \d+ 个表、视图或序列）：为免覆盖其中的数据，已拒绝恢复/);
    const altered = path.join(work, "altered.dump");
    const bytes = await readFile(backup.file);
    bytes[bytes.length - 10] ^= 0xff;
    await writeFile(altered, bytes);
    await writeFile(`${altered}.json`, JSON.stringify(backup.manifest));
    await expect(restorePostgres(altered, restoredUrl, { clean: true })).rejects.toThrow(/与其清单的 SHA-256 不符/);
    expect(await tableCounts(prismaQuery(restored!))).toEqual(before);

    await restored!.$disconnect();
    await restorePostgres(backup.file, restoredUrl, { clean: true });
    restored = createPrismaClient(restoredUrl, 2);
    const report = await checkConsistency(restored, { expectedCounts: backup.manifest.counts, countsSource: "备份清单" });
    expect(failing(report)).toEqual([]);
  });
});

describe("backup and restore of the embedded database (PGlite's own data-directory copy)", () => {
  it("copies the data directory while the database is stopped, and restores it only into an empty directory unless asked", async () => {
    // A free port stands for EMBEDDED_DB_PORT (a running `npm run demo` holds its own).
    const probe = net.createServer();
    const port = await new Promise<number>((resolve) => probe.listen(0, "127.0.0.1", () => resolve((probe.address() as net.AddressInfo).port)));
    const src = path.join(work, "pglite-src"); // created by beforeAll: one table of 250 rows

    await expect(backupEmbedded(src, path.join(work, "out"), { port })).rejects.toThrow(/端口 \d+ 上有程序在运行.*请先停止它再备份/);
    await new Promise((resolve) => probe.close(resolve));
    const { file, manifest } = await backupEmbedded(src, path.join(work, "out"), { port });
    expect(file).toMatch(/expert-platform-embedded-\d{8}T\d{6}Z\.tar\.gz$/);
    expect(manifest).toMatchObject({ format: "pglite-datadir", counts: { Note: 250 } });
    await expect(restorePostgres(file, "postgresql://127.0.0.1:1/none")).rejects.toThrow(/是内置数据库的备份/);

    // A directory holding anything is refused; --clean moves it aside and restores into the emptied place.
    const dst = path.join(work, "pglite-dst");
    await mkdir(dst);
    await writeFile(path.join(dst, "PG_VERSION"), "18\n");
    await expect(restoreEmbedded(file, dst, { port })).rejects.toThrow(/不是空的：为免覆盖其中的数据，已拒绝恢复/);
    const restoredCopy = await restoreEmbedded(file, dst, { port, clean: true });
    expect(restoredCopy.movedAside).toMatch(/pglite-dst\.before-restore-/);
    expect(await readFile(path.join(restoredCopy.movedAside!, "PG_VERSION"), "utf8")).toBe("18\n");
    expect(restoredCopy.counts).toEqual({ Note: 250 });
  }, 120_000);
});
