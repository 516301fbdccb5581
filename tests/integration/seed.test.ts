import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { attemptLogin } from "@/lib/auth/login";
import { finishedChallengesForCases } from "@/lib/challenges/queries";
import { NeedState } from "@/lib/generated/prisma/enums";
import { DEMO_PASSWORD, seedAll } from "@/prisma/seed/index";
import { openPlanYear } from "@/prisma/seed/demo-activities";
import { meta } from "./helpers";

// The demo data set is what a newcomer first sees; these are the promises the README makes about it.
describe("demo seed", () => {
  beforeAll(async () => {
    await seedAll(db, { demo: true });
  }, 300_000);

  it("has every province plus 兵团, each with its zone, and real cities and counties", async () => {
    const provinces = await db.region.findMany({ where: { level: "PROVINCE" }, select: { code: true, zone: true } });
    expect(provinces).toHaveLength(32);
    const zones = Object.fromEntries(provinces.map((p) => [p.code, p.zone]));
    expect(zones).toMatchObject({ "11": "EAST", "33": "EAST", "34": "CENTRAL", "51": "WEST", "66": "WEST", "21": "NORTHEAST" });
    expect(await db.region.count({ where: { level: "COUNTY" } })).toBeGreaterThan(300);
    expect(await db.region.findUnique({ where: { code: "510131" } })).toMatchObject({ name: "蒲江县", provinceCode: "51" });
  });

  it("covers every service form on the menu and the three programs", async () => {
    const forms = await db.serviceMenuItem.groupBy({ by: ["form"] });
    expect(forms.length).toBe(15);
    expect(await db.program.count()).toBe(3);
  });

  it("has the ministry, every provincial bureau, and ≥ 60 grassroots units in ≥ 10 provinces", async () => {
    // Other test files add organizations to the same database: count what the seed promises, not totals.
    expect(await db.organization.findFirst({ where: { type: "MINISTRY", name: "人力资源社会保障部专家服务中心" } })).not.toBeNull();
    const bureauProvinces = await db.organization.groupBy({ by: ["regionCode"], where: { type: "PROVINCIAL_BUREAU" } });
    expect(bureauProvinces.map((b) => b.regionCode).sort()).toEqual(
      (await db.region.findMany({ where: { level: "PROVINCE" }, select: { code: true } })).map((r) => r.code).sort(),
    );
    const grassroots = await db.organization.findMany({
      where: { type: { in: ["COUNTY_GOVERNMENT", "TOWNSHIP_GOVERNMENT", "ENTERPRISE", "COOPERATIVE", "HOSPITAL", "SCHOOL", "RESEARCH_STATION"] } },
      select: { region: { select: { provinceCode: true } } },
    });
    expect(grassroots.length).toBeGreaterThanOrEqual(60);
    expect(new Set(grassroots.map((g) => g.region.provinceCode)).size).toBeGreaterThanOrEqual(10);
  });

  it("has ≥ 300 experts with retired ones and library members, and ≥ 150 needs in every state", async () => {
    expect(await db.expertProfile.count()).toBeGreaterThanOrEqual(300);
    expect(await db.expertProfile.count({ where: { isRetired: true } })).toBeGreaterThan(0);
    expect(await db.expertProfile.count({ where: { libraryStatus: "IN_LIBRARY" } })).toBeGreaterThan(0);
    expect(await db.need.count()).toBeGreaterThanOrEqual(150);
    const states = await db.need.groupBy({ by: ["state"] });
    expect(states.map((s) => s.state).sort()).toEqual(Object.values(NeedState).sort());
  });

  it("lets every demo account sign in with the documented password into the documented scope", async () => {
    const expected = {
      ministry: { role: "MINISTRY_ADMIN" },
      sichuan: { role: "PROVINCE_ADMIN", provinceCode: "51" },
      zhejiang: { role: "PROVINCE_ADMIN", provinceCode: "33" },
      unit: { role: "UNIT_USER" },
      expert: { role: "EXPERT" },
      base: { role: "BASE_HOST" },
      enterprise: { role: "ENTERPRISE" },
      department: { role: "DEPARTMENT_ADMIN" },
      sysadmin: { role: "SYSTEM_ADMIN" },
      secadmin: { role: "SECURITY_ADMIN" },
      auditor: { role: "AUDIT_ADMIN" },
    };
    for (const [username, grant] of Object.entries(expected)) {
      const result = await attemptLogin(db, { username, password: DEMO_PASSWORD }, meta);
      expect(result.ok, username).toBe(true);
      if (result.ok) expect(result.user.roles[0]).toMatchObject(grant);
    }
    const unit = await db.user.findUniqueOrThrow({ where: { username: "unit" }, select: { organization: { select: { region: true } } } });
    expect(unit.organization?.region.provinceCode).toBe("51");
    const expert = await db.expertProfile.findFirstOrThrow({ where: { user: { username: "expert" } } });
    expect(expert.provinceCode).toBe("33");
  });

  it("shows the activity cycle in flight: next year's plan open now, 四川 at its quota, recommendations from provinces and the department", async () => {
    const plan = await db.annualPlan.findFirstOrThrow({
      where: { year: openPlanYear(), program: { code: "EXPERT_SERVICE" } }, include: { quotas: true, activities: { include: { team: true } } },
    });
    const now = new Date();
    expect(plan.state).toBe("OPEN");
    expect(plan.applicationOpensAt!.getTime()).toBeLessThan(now.getTime());
    expect(plan.applicationClosesAt!.getTime()).toBeGreaterThan(now.getTime());
    const recommended = plan.activities.filter((a) => a.state === "RECOMMENDED");
    expect(recommended.length).toBeGreaterThanOrEqual(4);
    expect(new Set(recommended.filter((a) => !a.channelOrgId).map((a) => a.provinceCode)).size).toBeGreaterThanOrEqual(2);
    expect(recommended.some((a) => a.channelOrgId)).toBe(true);
    const sichuanQuota = plan.quotas.find((q) => q.provinceCode === "51")!.quota;
    expect(recommended.filter((a) => a.provinceCode === "51" && !a.channelOrgId)).toHaveLength(sichuanQuota);
    expect(new Set(plan.activities.map((a) => a.state))).toEqual(new Set(["RECOMMENDED", "SUBMITTED", "NOT_RECOMMENDED", "RETURNED"]));
    expect(plan.activities.every((a) => a.team.length > 0)).toBe(true);
    const states = await db.demonstrationActivity.groupBy({ by: ["state"] });
    expect(states.length).toBe(10);
  });

  it("shows the challenge board in several states, with reviewers, a pending mid-term check and a case candidate", async () => {
    const states = (await db.challenge.groupBy({ by: ["state"] })).map((s) => s.state);
    expect(states).toEqual(expect.arrayContaining(["DRAFT", "SUBMITTED", "RETURNED", "PUBLISHED", "CLOSED", "AWARDED", "ACCEPTANCE", "COMPLETED"]));
    // Drafts may still lack them (other test files save drafts in this database at the same time).
    expect(await db.challenge.count({ where: { indicators: { isEmpty: true }, state: { not: "DRAFT" } } })).toBe(0);
    expect(await db.challengeReviewer.count()).toBeGreaterThan(0);
    expect(await db.challengeMilestone.count({ where: { state: "REPORTED" } })).toBeGreaterThan(0);
    expect((await finishedChallengesForCases()).length).toBeGreaterThan(0);
  });

  it("is idempotent: a second run changes no counts", async () => {
    const count = async () =>
      Promise.all([db.region.count(), db.user.count(), db.expertProfile.count(), db.need.count(), db.match.count(), db.serviceMenuItem.count()]);
    const before = await count();
    await seedAll(db, { demo: true });
    expect(await count()).toEqual(before);
  }, 300_000);
});
