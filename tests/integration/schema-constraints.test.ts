import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createUser } from "@/prisma/seed/factories";

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
    const row = await db.auditLog.create({ data: { operation: "test.protect", outcome: "SUCCESS", summary: "原始摘要" } });
    await expect(db.auditLog.update({ where: { id: row.id }, data: { summary: "篡改" } })).rejects.toThrow();
    await expect(db.auditLog.delete({ where: { id: row.id } })).rejects.toThrow();
    expect((await db.auditLog.findUniqueOrThrow({ where: { id: row.id } })).summary).toBe("原始摘要");
  });

  it("lets rows past the retention period be purged", async () => {
    const old = await db.auditLog.create({
      data: { operation: "test.purge", outcome: "SUCCESS", createdAt: new Date(Date.now() - 200 * 86400_000) },
    });
    await db.auditLog.delete({ where: { id: old.id } });
    expect(await db.auditLog.findUnique({ where: { id: old.id } })).toBeNull();
  });
});
