import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createUser } from "@/prisma/seed/factories";
import { appendAudit, writeAudit } from "@/lib/audit/log";

describe("database constraints", () => {
  it("refuses a duplicate role grant even when its scope columns are empty", async () => {
    const user = await createUser(db, { role: "EXPERT" });
    await expect(db.roleAssignment.create({ data: { userId: user.id, role: "EXPERT" } })).rejects.toThrow();
    expect(await db.roleAssignment.count({ where: { userId: user.id } })).toBe(1);
  });

  it("keeps a region that organizations still use (onDelete: Restrict)", async () => {
    await expect(db.region.delete({ where: { code: "510131" } })).rejects.toThrow();
  });
});

describe("audit log protection", () => {
  it("accepts new rows but refuses to edit or delete recent ones", async () => {
    const summary = `原始摘要 ${Date.now()}`;
    await writeAudit(db, { operation: "auth.logout", outcome: "SUCCESS", summary });
    const row = await db.auditLog.findFirstOrThrow({ where: { summary } });
    await expect(db.auditLog.update({ where: { id: row.id }, data: { summary: "篡改" } })).rejects.toThrow();
    await expect(db.auditLog.delete({ where: { id: row.id } })).rejects.toThrow();
    expect((await db.auditLog.findUniqueOrThrow({ where: { id: row.id } })).summary).toBe(summary);
  });

  it("refuses to delete a row past the retention period that was never archived (tests/integration/audit-chain.test.ts purges archived ones)", async () => {
    const summary = `过期未归档 ${Date.now()}`;
    await appendAudit(db, { operation: "auth.logout", outcome: "SUCCESS", summary }, new Date(Date.now() - 200 * 86400_000));
    const old = await db.auditLog.findFirstOrThrow({ where: { summary } });
    await expect(db.auditLog.delete({ where: { id: old.id } })).rejects.toThrow();
    expect(await db.auditLog.findUnique({ where: { id: old.id } })).not.toBeNull();
  });
});
