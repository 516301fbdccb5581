import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import { createTestUsers, expertWithUser, SICHUAN, unitIn, ZHEJIANG } from "./fixtures";

// The shared cast is what every other file's denials are built on: each user must hold exactly the grant its name says.
describe("test fixtures", () => {
  it("casts each user with one role at the scope its name says", async () => {
    const u = await createTestUsers();
    expect(u.ministry.roles).toEqual([expect.objectContaining({ role: "MINISTRY_ADMIN", provinceCode: null })]);
    expect(u.sichuan.roles).toEqual([expect.objectContaining({ role: "PROVINCE_ADMIN", provinceCode: SICHUAN })]);
    expect(u.zhejiang.roles).toEqual([expect.objectContaining({ role: "PROVINCE_ADMIN", provinceCode: ZHEJIANG })]);
    expect(u.unit.roles).toEqual([{ role: "UNIT_USER", organizationId: u.unitOrg.id, provinceCode: null }]);
    expect(u.otherUnit.roles).toEqual([{ role: "UNIT_USER", organizationId: u.otherUnitOrg.id, provinceCode: null }]);
    expect(u.unitOrg.id).not.toBe(u.otherUnitOrg.id);
    expect(u.expert.roles).toEqual([expect.objectContaining({ role: "EXPERT", organizationId: null })]);
    expect(u.base.roles).toEqual([expect.objectContaining({ role: "BASE_HOST" })]);
    expect(u.enterprise.roles).toEqual([expect.objectContaining({ role: "ENTERPRISE" })]);

    const regions = await db.region.findMany({ where: { code: { in: [u.unitOrg.regionCode, u.otherUnitOrg.regionCode] } } });
    expect(regions.map((r) => r.provinceCode)).toEqual([SICHUAN]);
    const expert = await db.expertProfile.findUniqueOrThrow({ where: { id: u.expertId } });
    expect(expert).toMatchObject({ userId: u.expert.id, provinceCode: ZHEJIANG });
    // The unit of one is not the other's; Sichuan's admin reaches both, Zhejiang's neither.
    expect(can(u.unit, "need.update", { organizationId: u.otherUnitOrg.id })).toBe(false);
    expect(can(u.sichuan, "need.review", { provinceCode: SICHUAN })).toBe(true);
    expect(can(u.zhejiang, "need.review", { provinceCode: SICHUAN })).toBe(false);
  });

  it("makes fresh rows on every call, so no two tests share a user", async () => {
    const [a, b] = [await createTestUsers(), await createTestUsers()];
    const ids = (u: typeof a) => [u.ministry, u.sichuan, u.zhejiang, u.unit, u.otherUnit, u.expert, u.base, u.enterprise].map((x) => x.id);
    expect(new Set([...ids(a), ...ids(b)]).size).toBe(16);
    expect((await unitIn()).org.id).not.toBe((await unitIn()).org.id);
    const expert = await expertWithUser({ regionCode: "510131" });
    expect(expert).toMatchObject({ userId: expert.session.id, provinceCode: SICHUAN });
  });
});
