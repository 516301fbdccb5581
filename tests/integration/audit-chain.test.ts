import { mkdtemp, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { appendAudit, writeAudit } from "@/lib/audit/log";
import { GENESIS_HASH } from "@/lib/audit/chain";
import { archiveAudit, verifyAuditChain } from "@/lib/audit/integrity";
import { dropDatabase, migrate, recreateDatabase } from "@/scripts/database";

// The chain is checked on a database of its own, so its rows are the whole log (the shared test database gets
// rows from every file in parallel). Tampering needs the owner's power to switch the trigger off, as an attacker
// with it would.
const server = process.env.DATABASE_URL!;
const name = `esp_auditchain_${process.pid}_${Date.now().toString(36)}`;
let url: string;
let db: PrismaClient;

async function asOwner(sql: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}
const tamper = (sql: string) =>
  asOwner(`BEGIN; ALTER TABLE "AuditLog" DISABLE TRIGGER "AuditLog_append_only"; ${sql}; ALTER TABLE "AuditLog" ENABLE TRIGGER "AuditLog_append_only"; COMMIT;`);

const DAY = 86_400_000;

beforeAll(async () => {
  url = await recreateDatabase(server, name);
  await migrate(url);
  db = createPrismaClient(url, 8);
  // Old rows first (so they are the chain's head, which an archive can take), then recent ones.
  for (let i = 0; i < 3; i++) await appendAudit(db, { operation: "auth.login", outcome: "SUCCESS", summary: `旧记录 ${i}` }, new Date(Date.now() - (200 - i) * DAY));
}, 120_000);

afterAll(async () => {
  await db?.$disconnect();
  await dropDatabase(server, name);
});

describe("audit hash chain", () => {
  it("chains every row to the one before, from the genesis hash, also under concurrent writers", async () => {
    await db.$transaction(async (tx) => {
      await writeAudit(tx, { operation: "need.create", outcome: "SUCCESS", summary: "事务内", before: { b: 1, a: [2, { z: 1, y: "两" }] } });
    });
    await Promise.all(Array.from({ length: 12 }, (_, i) => writeAudit(db, { operation: "auth.logout", outcome: "SUCCESS", summary: `并发 ${i}` })));
    const rows = await db.auditLog.findMany({ orderBy: { seq: "asc" } });
    expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    expect(rows[0].prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) expect(rows[i].prevHash).toBe(rows[i - 1].hash);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, checked: 16, firstBreak: null });
  });

  it("refuses UPDATE, DELETE and TRUNCATE of audit rows from the application's connection", async () => {
    const row = await db.auditLog.findFirstOrThrow({ where: { seq: 5 } });
    await expect(db.auditLog.update({ where: { id: row.id }, data: { summary: "篡改" } })).rejects.toThrow();
    await expect(db.auditLog.delete({ where: { id: row.id } })).rejects.toThrow();
    await expect(db.$executeRawUnsafe(`TRUNCATE "AuditLog"`)).rejects.toThrow();
    // Past retention but never archived: still refused.
    const old = await db.auditLog.findFirstOrThrow({ where: { seq: 1 } });
    await expect(db.auditLog.delete({ where: { id: old.id } })).rejects.toThrow();
    expect(await db.auditLog.count()).toBe(16);
  });

  it("names the first broken link when a row is changed behind the trigger, and is whole again once restored", async () => {
    const row = await db.auditLog.findFirstOrThrow({ where: { seq: 6 } });
    await tamper(`UPDATE "AuditLog" SET summary = '被改动' WHERE seq = 6`);
    const broken = await verifyAuditChain(db);
    expect(broken).toMatchObject({ ok: false, checked: 5, firstBreak: { seq: BigInt(6), id: row.id } });
    expect(broken.firstBreak!.reason).toContain("本条被改动");
    await tamper(`UPDATE "AuditLog" SET summary = '${row.summary}' WHERE seq = 6`);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it("names the row after a deleted one, and a row inserted without the writer", async () => {
    await tamper(`CREATE TABLE keep_audit AS SELECT * FROM "AuditLog" WHERE seq = 9; DELETE FROM "AuditLog" WHERE seq = 9`);
    const gap = await verifyAuditChain(db);
    expect(gap.firstBreak).toMatchObject({ seq: BigInt(10) });
    expect(gap.firstBreak!.reason).toContain("序号不连续");
    await tamper(`INSERT INTO "AuditLog" SELECT * FROM keep_audit`);
    expect((await verifyAuditChain(db)).ok).toBe(true);

    // A forged row with a self-consistent hash still fails: its predecessor link does not match.
    await tamper(`INSERT INTO "AuditLog" (id, "createdAt", operation, outcome, summary, seq, "prevHash", hash)
      VALUES ('forged', now(), 'auth.login', 'SUCCESS', '伪造', 17, '${"f".repeat(64)}', '${"e".repeat(64)}')`);
    expect((await verifyAuditChain(db)).firstBreak).toMatchObject({ seq: BigInt(17), id: "forged" });
    await tamper(`DELETE FROM "AuditLog" WHERE id = 'forged'`);
  });

  it("archives rows past retention to a file, purges them, and the rest of the chain still verifies", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "audit-archive-"));
    await expect(archiveAudit(db, { before: new Date(Date.now() - 10 * DAY), dir, purge: true })).rejects.toThrow("至少保存 180 天");
    const r = await archiveAudit(db, { before: new Date(Date.now() - 190 * DAY), dir, purge: true });
    expect(r).toMatchObject({ rowCount: 3, firstSeq: BigInt(1), lastSeq: BigInt(3), purged: true });
    const lines = (await readFile(r.file, "utf8")).trim().split("\n").map((l) => JSON.parse(l));
    expect(lines.map((l) => l.summary)).toEqual(["旧记录 0", "旧记录 1", "旧记录 2"]);
    expect(await db.auditLog.count({ where: { seq: { lte: 3 } } })).toBe(0);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, firstSeq: BigInt(4), checked: 13 });
    // The register cannot be edited away.
    await expect(db.auditArchive.deleteMany({})).rejects.toThrow();

    // Head rows removed without an archive register: reported.
    await tamper(`DELETE FROM "AuditLog" WHERE seq = 4`);
    const head = await verifyAuditChain(db);
    expect(head.firstBreak).toMatchObject({ seq: BigInt(5) });
    expect(head.firstBreak!.reason).toContain("没有对应的归档登记");
  });
});
