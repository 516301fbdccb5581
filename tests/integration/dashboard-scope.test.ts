import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { provinceDashboard } from "@/lib/dashboard/province-queries";
import { unitDashboard } from "@/lib/dashboard/unit-queries";
import { expertDashboard } from "@/lib/dashboard/expert-queries";
import { ministryDashboard } from "@/lib/dashboard/ministry-queries";
import { sum } from "@/lib/dashboard/scope";
import { createExpert, createNeed } from "@/prisma/seed/factories";
import { expertWithUser, provinceAdmin, unitIn } from "./fixtures";

// Each console counts only what its role's scope covers: a unit its own needs, a province its province.
describe("dashboard scope", () => {
  it("shows a unit only its own needs", async () => {
    const mine = await unitIn("510131", "COUNTY_GOVERNMENT");
    const other = await unitIn("510131", "COUNTY_GOVERNMENT");
    const own = await createNeed(db, { unitId: mine.org.id, state: "SUBMITTED" });
    await createNeed(db, { unitId: mine.org.id, state: "DRAFT" });
    const foreign = await createNeed(db, { unitId: other.org.id, state: "SUBMITTED" });

    const dash = await unitDashboard(mine.user);
    expect(sum(dash!.needsByState)).toBe(2);
    expect(dash!.needsByState).toEqual({ SUBMITTED: 1, DRAFT: 1 });
    const ids = dash!.recentNeeds.map((n) => n.id);
    expect(ids).toContain(own.id);
    expect(ids).not.toContain(foreign.id);
  });

  it("counts for a province only the needs of that province", async () => {
    const admin = await provinceAdmin("51");
    const before = await provinceDashboard(admin);
    expect(before!.provinceNames).toEqual(["四川省"]);

    const zhejiangUnit = await unitIn("330106", "COUNTY_GOVERNMENT");
    await createNeed(db, { unitId: zhejiangUnit.org.id, state: "SUBMITTED" });
    const unchanged = await provinceDashboard(admin);
    expect(unchanged!.needsByState.SUBMITTED ?? 0).toBe(before!.needsByState.SUBMITTED ?? 0);

    const sichuanUnit = await unitIn("510131", "COUNTY_GOVERNMENT");
    const own = await createNeed(db, { unitId: sichuanUnit.org.id, state: "SUBMITTED" });
    const after = await provinceDashboard(admin);
    expect(after!.needsByState.SUBMITTED).toBe((before!.needsByState.SUBMITTED ?? 0) + 1);
    expect(await db.need.count({ where: { provinceCode: "51", state: "SUBMITTED" } })).toBe(after!.needsByState.SUBMITTED);
    expect(own.provinceCode).toBe("51");
  });

  it("shows an expert only their own profile", async () => {
    const expert = await expertWithUser({ name: "测试专家甲" });
    await createExpert(db, { user: true, name: "测试专家乙" });
    const dash = await expertDashboard(expert.session);
    expect(dash!.profile).toMatchObject({ id: expert.id, name: "测试专家甲" });
  });

  it("returns nothing to a role the console is not for", async () => {
    const unit = await unitIn("510131", "COUNTY_GOVERNMENT");
    expect(await provinceDashboard(unit.user)).toBeNull();
    expect(await ministryDashboard(unit.user)).toBeNull();
    expect(await expertDashboard(unit.user)).toBeNull();
  });
});
