import { mkdtemp, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { appendAudit, writeAudit } from "@/lib/audit/log";
import { GENESIS_HASH } from "@/lib/audit/chain";
import { AUDIT_CHAIN_LOCK, chainSettled } from "@/lib/audit/chainer";
import { chainAllAudit } from "./helpers";
import { archiveAudit, UNCHAINED_BOUND_MS, verifyAuditChain } from "@/lib/audit/integrity";
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

/** Runs `fn` while another session holds the chain's lock, as an attacker keeping the chainer out would. */
async function withChainLockHeld<T>(fn: () => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(`SELECT pg_advisory_lock(${AUDIT_CHAIN_LOCK})`);
    return await fn();
  } finally {
    await c.end();
  }
}

const maxSeq = async () => (await db.auditLog.findFirstOrThrow({ where: { seq: { not: null } }, orderBy: { seq: "desc" } })).seq!;

beforeAll(async () => {
  url = await recreateDatabase(server, name);
  await migrate(url);
  db = createPrismaClient(url, 24);
  // Old rows first (so they are the chain's head, which an archive can take), then recent ones.
  for (let i = 0; i < 3; i++) await appendAudit(db, { operation: "auth.login", outcome: "SUCCESS", summary: `旧记录 ${i}` }, new Date(Date.now() - (200 - i) * DAY));
  await chainAllAudit(db);
}, 120_000);

afterAll(async () => {
  if (db) await chainSettled(db);
  await db?.$disconnect();
  await dropDatabase(server, name);
});

describe("audit hash chain", () => {
  it("chains every row to the one before, from the genesis hash, also under concurrent writers", async () => {
    await db.$transaction(async (tx) => {
      await writeAudit(tx, { operation: "need.create", outcome: "SUCCESS", summary: "事务内", before: { b: 1, a: [2, { z: 1, y: "两" }] } });
    });
    await Promise.all(Array.from({ length: 12 }, (_, i) => writeAudit(db, { operation: "auth.logout", outcome: "SUCCESS", summary: `并发 ${i}` })));
    await chainAllAudit(db);
    const rows = await db.auditLog.findMany({ orderBy: { seq: "asc" } });
    expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    expect(rows[0].prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) expect(rows[i].prevHash).toBe(rows[i - 1].hash);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, checked: 16, firstBreak: null, pending: 0, stale: { count: 0 } });
  });

  it("lets 20 transactions that wrote audit rows be open at once (no lock between them); all commit and chain", async () => {
    // Each transaction writes its row, then waits until all 20 have written theirs before committing. With a lock
    // held from the audit write to the commit (the old writer) the second would wait for the first, which waits for
    // the second: the barrier would time out instead.
    const N = 20;
    let arrived = 0;
    let release!: () => void;
    const all = new Promise<void>((res) => (release = res));
    const barrier = () => {
      if (++arrived === N) release();
      return Promise.race([all, new Promise((_, rej) => setTimeout(() => rej(new Error(`只有 ${arrived} 个事务同时写入`)), 15_000))]);
    };
    const before = await maxSeq();
    const results = await Promise.allSettled(Array.from({ length: N }, (_, i) => db.$transaction(async (tx) => {
      await writeAudit(tx, { operation: "need.create", outcome: "SUCCESS", summary: `同时 ${i}` });
      await barrier();
    }, { timeout: 30_000, maxWait: 30_000 })));
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(arrived).toBe(N);
    await chainAllAudit(db);
    const rows = await db.auditLog.findMany({ where: { summary: { startsWith: "同时 " } }, orderBy: { seq: "asc" } });
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: N }, (_, i) => before + BigInt(i + 1)));
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, checked: 16 + N, pending: 0 });
  });

  it("leaves no row (and no gap in the chain) when the transaction rolls back", async () => {
    await expect(db.$transaction(async (tx) => {
      await writeAudit(tx, { operation: "need.create", outcome: "SUCCESS", summary: "回滚的写入" });
      throw new Error("业务失败");
    })).rejects.toThrow("业务失败");
    await writeAudit(db, { operation: "auth.logout", outcome: "SUCCESS", summary: "回滚之后" });
    await chainAllAudit(db);
    expect(await db.auditLog.count({ where: { summary: "回滚的写入" } })).toBe(0);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, checked: 37 });
  });

  it("refuses UPDATE, DELETE and TRUNCATE of audit rows from the application's connection", async () => {
    const row = await db.auditLog.findFirstOrThrow({ where: { seq: 5 } });
    await expect(db.auditLog.update({ where: { id: row.id }, data: { summary: "篡改" } })).rejects.toThrow();
    await expect(db.auditLog.delete({ where: { id: row.id } })).rejects.toThrow();
    await expect(db.$executeRawUnsafe(`TRUNCATE "AuditLog"`)).rejects.toThrow();
    // A chained row's chain columns are as fixed as the rest.
    await expect(db.auditLog.update({ where: { id: row.id }, data: { hash: "0".repeat(64) } })).rejects.toThrow();
    await expect(db.auditLog.update({ where: { id: row.id }, data: { seq: BigInt(999), prevHash: "1", hash: "2" } })).rejects.toThrow();
    // Past retention but never archived: still refused.
    const old = await db.auditLog.findFirstOrThrow({ where: { seq: 1 } });
    await expect(db.auditLog.delete({ where: { id: old.id } })).rejects.toThrow();
    expect(await db.auditLog.count()).toBe(37);
  });

  it("lets a row not yet chained receive its three chain columns once, and nothing else", async () => {
    await withChainLockHeld(async () => {
      await appendAudit(db, { operation: "auth.logout", outcome: "SUCCESS", summary: "待入链" }, new Date());
      const row = await db.auditLog.findFirstOrThrow({ where: { summary: "待入链" } });
      expect(row).toMatchObject({ seq: null, prevHash: null, hash: null });
      const chain = { seq: BigInt(1000), prevHash: "a".repeat(64), hash: "b".repeat(64) };
      await expect(db.auditLog.update({ where: { id: row.id }, data: { summary: "改了内容" } })).rejects.toThrow();
      await expect(db.auditLog.update({ where: { id: row.id }, data: { ...chain, summary: "改了内容" } })).rejects.toThrow();
      await expect(db.auditLog.update({ where: { id: row.id }, data: { ...chain, actorName: "别人" } })).rejects.toThrow();
      await expect(db.auditLog.update({ where: { id: row.id }, data: { seq: chain.seq } })).rejects.toThrow();
      await expect(db.auditLog.delete({ where: { id: row.id } })).rejects.toThrow();
      expect(await db.auditLog.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ summary: "待入链", seq: null });
    });
    await chainAllAudit(db);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, checked: 38 });
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

  it("names two rows swapped in order", async () => {
    await tamper(`UPDATE "AuditLog" SET seq = -7 WHERE seq = 7; UPDATE "AuditLog" SET seq = 7 WHERE seq = 8; UPDATE "AuditLog" SET seq = 8 WHERE seq = -7`);
    const swapped = await verifyAuditChain(db);
    expect(swapped).toMatchObject({ ok: false, checked: 6, firstBreak: { seq: BigInt(7) } });
    await tamper(`UPDATE "AuditLog" SET seq = -7 WHERE seq = 7; UPDATE "AuditLog" SET seq = 7 WHERE seq = 8; UPDATE "AuditLog" SET seq = 8 WHERE seq = -7`);
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
    const next = (await maxSeq()) + BigInt(1);
    await tamper(`INSERT INTO "AuditLog" (id, "createdAt", operation, outcome, summary, seq, "prevHash", hash)
      VALUES ('forged', now(), 'auth.login', 'SUCCESS', '伪造', ${next}, '${"f".repeat(64)}', '${"e".repeat(64)}')`);
    expect((await verifyAuditChain(db)).firstBreak).toMatchObject({ seq: next, id: "forged" });
    await tamper(`DELETE FROM "AuditLog" WHERE id = 'forged'`);
  });

  it("reports rows left unchained longer than the bound (the chainer kept out), until a run has chained them", async () => {
    await withChainLockHeld(async () => {
      // Writes go on while the lock is held: they do not need it. (appendAudit: no background chaining asked for.)
      await appendAudit(db, { operation: "auth.logout", outcome: "SUCCESS", summary: "刚写入" }, new Date());
      let r = await verifyAuditChain(db, { chainFirst: true });
      expect(r).toMatchObject({ ok: true, pending: 1, stale: { count: 0 } });
      const late = new Date(Date.now() - UNCHAINED_BOUND_MS - 60_000);
      await appendAudit(db, { operation: "auth.logout", outcome: "SUCCESS", summary: "久未入链" }, late);
      r = await verifyAuditChain(db, { chainFirst: true });
      expect(r).toMatchObject({ ok: false, firstBreak: null, pending: 2, stale: { count: 1, oldest: late } });
    });
    // The run that chains them still reports that they waited too long; the next finds the log whole.
    expect(await verifyAuditChain(db, { chainFirst: true })).toMatchObject({ ok: false, pending: 0, stale: { count: 1 } });
    expect(await verifyAuditChain(db, { chainFirst: true })).toMatchObject({ ok: true, checked: 40, pending: 0, stale: { count: 0 } });
  });

  it("archives rows past retention to a file, purges them, and the rest of the chain still verifies", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "audit-archive-"));
    await expect(archiveAudit(db, { before: new Date(Date.now() - 10 * DAY), dir, purge: true })).rejects.toThrow("至少保存 180 天");
    const r = await archiveAudit(db, { before: new Date(Date.now() - 190 * DAY), dir, purge: true });
    expect(r).toMatchObject({ rowCount: 3, firstSeq: BigInt(1), lastSeq: BigInt(3), purged: true });
    const lines = (await readFile(r.file, "utf8")).trim().split("\n").map((l) => JSON.parse(l));
    expect(lines.map((l) => l.summary)).toEqual(["旧记录 0", "旧记录 1", "旧记录 2"]);
    expect(await db.auditLog.count({ where: { seq: { lte: 3 } } })).toBe(0);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, firstSeq: BigInt(4), checked: 37 });
    // The register cannot be edited away.
    await expect(db.auditArchive.deleteMany({})).rejects.toThrow();

    // Head rows removed without an archive register: reported.
    await tamper(`DELETE FROM "AuditLog" WHERE seq = 4`);
    const head = await verifyAuditChain(db);
    expect(head.firstBreak).toMatchObject({ seq: BigInt(5) });
    expect(head.firstBreak!.reason).toContain("没有对应的归档登记");
  });
});
