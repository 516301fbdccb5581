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
