import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { searchEngagements } from "@/lib/engagements/queries";
import { engagementSearchSchema } from "@/lib/engagements/schemas";
import { exportFor } from "@/lib/export/route";
import type { EngagementState, NeedState } from "@/lib/generated/prisma/enums";
import { searchNeeds } from "@/lib/needs/queries";
import { needSearchSchema } from "@/lib/needs/schemas";
import { trackingExport } from "@/lib/tracking/export";
import { myFeedbackSummary } from "@/lib/questionnaires/queries";
import { feedbackSearchSchema } from "@/lib/questionnaires/schemas";
import { ownEngagementsHref, ownFeedbackHref, ownNeedsHref } from "@/lib/tracking/links";
import { ownEngagementsByState, ownFeedback, ownNeedsByState } from "@/lib/tracking/own";
import { trackingView } from "@/lib/tracking/view";
import { createNeed, createOrganization, uniqueSuffix } from "@/prisma/seed/factories";
import { auditRows } from "./helpers";
import { expertWithUser, ministryAdmin, provinceAdmin, unitUser, userWith } from "./fixtures";

// The own dashboards' tables download through /api/export/tracking (lib/tracking/export.ts via lib/export/route.ts):
// each owner gets its own rows only, whatever the URL names; another role's table is refused (403, audited); a
// hand-made bad query is a 400 that says why in Chinese. And each number's link, read by the list behind it, lists
// exactly the rows the table counted for the dashboard's year.
//
// Fixtures in 宁夏 (64): unit A has an open need in 2022 and one in 2023, unit B one in 2022, beside the needs of
// their engagements: expert X serves A and B in 2022, expert Y serves A in 2023 and B in 2022 (twice, once in the
// activity of host H's base, which also filed its 2022 report); the units rated X once in 2022 and Y once a year.

const Y1 = 2022;
const Y2 = 2023;
type F = {
  unitA: SessionUser; unitB: SessionUser; expertX: SessionUser; expertY: SessionUser; host: SessionUser;
  orgB: string; baseName: string;
};
let f: F;

const at = (year: number, month = 6) => new Date(`${year}-${String(month).padStart(2, "0")}-15T04:00:00Z`);

async function need(unitId: string, state: NeedState, year: number) {
  const n = await createNeed(db, { unitId, state });
  await db.need.update({ where: { id: n.id }, data: { createdAt: at(year) } });
  return n;
}

async function engagement(unitId: string, expertId: string, state: EngagementState, year: number, activityId?: string) {
  const n = await need(unitId, "IN_SERVICE", year);
  const match = await db.match.create({ data: { needId: n.id, expertId, score: 0.7, source: "SYSTEM", state: "CONFIRMED" } });
  return db.engagement.create({ data: { matchId: match.id, needId: n.id, expertId, state, activityId, createdAt: at(year, 7) } });
}

/** The download as the route answers it (the session's user given directly). */
function download(user: SessionUser, query: string) {
  return exportFor(trackingExport, user, new URL(`http://localhost/api/export/tracking?${query}`));
}

/** A CSV download's data rows as [first cell, second cell, …] (header aside). */
async function csv(user: SessionUser, query: string): Promise<string[][]> {
  const res = await download(user, `${query}&format=csv`);
  expect(res.status, await res.clone().text()).toBe(200);
  const lines = (await res.text()).replace(/^\uFEFF/, "").trim().split("\r\n");
  return lines.slice(1).map((l) => l.split(","));
}
const counts = (rows: string[][]) => Object.fromEntries(rows.map((r) => [r[0], Number(r[1])]));

beforeAll(async () => {
  const county = (await db.region.findFirstOrThrow({ where: { provinceCode: "64", level: "COUNTY" }, orderBy: { code: "asc" } })).code;
  const program = await db.program.upsert({ where: { code: "EXPERT_SERVICE" }, update: {}, create: { code: "EXPERT_SERVICE", name: "专家服务基层行动", description: "" } });
  const [orgA, orgB, hostOrg] = await Promise.all([
    createOrganization(db, { type: "COOPERATIVE", regionCode: county }), createOrganization(db, { type: "COOPERATIVE", regionCode: county }),
    createOrganization(db, { type: "BASE_HOST", regionCode: county }),
  ]);
  const [unitA, unitB, host, x, y] = await Promise.all([
    unitUser(orgA.id), unitUser(orgB.id), userWith("BASE_HOST", { organizationId: hostOrg.id }),
    expertWithUser({ regionCode: county }), expertWithUser({ regionCode: county }),
  ]);
  const baseName = `宁夏测试基地${uniqueSuffix()}`;
  const base = await db.serviceBase.create({
    data: { hostOrgId: hostOrg.id, name: baseName, level: "PROVINCIAL", regionCode: county, provinceCode: "64", focus: "枸杞", state: "ESTABLISHED" },
  });
  const activity = await db.demonstrationActivity.create({
    data: { programId: program.id, applicantOrgId: hostOrg.id, hostBaseId: base.id, regionCode: county, provinceCode: "64", title: `宁夏示范活动${uniqueSuffix()}`, summary: "基地依托的示范活动", state: "IN_PROGRESS" },
  });
  await db.activityProgressReport.create({ data: { activityId: activity.id, period: `${Y1}-05`, content: "进展", expertsCount: 2, serviceHours: 16, serviceDays: 2, peopleServed: 25, peopleTrained: 10, forms: ["TECH_GUIDANCE"], submittedById: host.id } });
  await db.baseAnnualReport.create({ data: { baseId: base.id, year: Y1, content: "年度报告", submittedById: host.id, expertsCount: 5, activitiesCount: 3, peopleTrained: 80 } });

  await need(orgA.id, "OPEN", Y1);
  await need(orgA.id, "OPEN", Y2);
  await need(orgB.id, "OPEN", Y1);
  const ax = await engagement(orgA.id, x.id, "ACTIVE", Y1);
  await engagement(orgB.id, x.id, "ACTIVE", Y1);
  const ay = await engagement(orgA.id, y.id, "CLOSED", Y2);
  const by = await engagement(orgB.id, y.id, "PLANNING", Y1);
  // The activity's own engagement (unit B, expert Y): a base host's figures, never its table of engagements.
  await engagement(orgB.id, y.id, "ACTIVE", Y1, activity.id);
  // The units' feedback (and one expert's own, which never counts for the expert).
  await db.feedback.createMany({
    data: [
      { engagementId: ax.id, party: "UNIT", authorId: unitA.id, rating: 4, createdAt: at(Y1, 9) },
      { engagementId: ay.id, party: "UNIT", authorId: unitA.id, rating: 5, createdAt: at(Y2, 9) },
      { engagementId: by.id, party: "UNIT", authorId: unitB.id, rating: 3, createdAt: at(Y1, 10) },
      { engagementId: ax.id, party: "EXPERT", authorId: x.session.id, rating: 2, createdAt: at(Y1, 9) },
    ],
  });
  f = { unitA, unitB, expertX: x.session, expertY: y.session, host, orgB: orgB.id, baseName };
});

describe("own dashboard tables export to their owners only", () => {
  it("gives a unit its own needs and engagements by state, for the year or all years", async () => {
    expect(counts(await csv(f.unitA, `table=needs&year=${Y1}`))).toEqual({ 待匹配: 1, 服务中: 1 });
    expect(counts(await csv(f.unitA, "table=needs"))).toEqual({ 待匹配: 2, 服务中: 2 });
    expect(counts(await csv(f.unitA, `table=engagements&year=${Y1}`))).toEqual({ 服务中: 1 });
    expect(counts(await csv(f.unitA, "table=engagements"))).toEqual({ 服务中: 1, 已结束: 1 });
    // Unit B: its own, never A's.
    expect(counts(await csv(f.unitB, `table=needs&year=${Y1}`))).toEqual({ 待匹配: 1, 服务中: 3 });
  });

  it("gives an expert only their own engagements, whatever the URL names", async () => {
    expect(counts(await csv(f.expertX, "table=engagements"))).toEqual({ 服务中: 2 });
    // Foreign ids and another expert's or unit's coordinates in the URL change nothing.
    const foreign = `table=engagements&expert=${f.expertY.id}&unit=${f.orgB}&userId=${f.expertY.id}`;
    expect(counts(await csv(f.expertX, foreign))).toEqual({ 服务中: 2 });
    expect(counts(await csv(f.expertY, "table=engagements"))).toEqual({ 制定工作方案: 1, 服务中: 1, 已结束: 1 });
    expect(counts(await csv(f.expertY, `table=engagements&year=${Y2}`))).toEqual({ 已结束: 1 });
    // A province the expert did not serve in: nothing.
    expect(await csv(f.expertX, "table=engagements&province=33")).toEqual([]);
  });

  it("gives a base host its bases' reports and its activities' progress reports, in Excel too", async () => {
    const bases = await csv(f.host, `table=bases&year=${Y1}`);
    expect(bases).toEqual([[f.baseName, "省级", "0", String(Y1), "5", "3", "80"]]);
    // Without a year the base counts the activity it hosts (an activity of no year's plan).
    expect((await csv(f.host, "table=bases"))[0].slice(0, 3)).toEqual([f.baseName, "省级", "1"]);
    const activities = await csv(f.host, `table=activities&year=${Y1}`);
    expect(activities).toEqual([["专家服务基层行动", "1", "1", "2", "16", "25"]]);
    const xlsx = await download(f.host, "table=bases&format=xlsx");
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("content-type")).toContain("spreadsheetml");
    expect((await xlsx.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    expect(decodeURIComponent(xlsx.headers.get("content-disposition") ?? "")).toContain("基地年度报告");
  });

  it("refuses another role's table with a 403 that says why, and audits the refusal", async () => {
    const cases: [SessionUser, string][] = [
      [f.expertX, "needs"], [f.expertX, "bases"], [f.expertX, "activities"], [f.unitA, "bases"], [f.unitA, "activities"],
      [f.host, "needs"], [f.host, "engagements"], [await ministryAdmin(), "needs"], [await provinceAdmin("64"), "engagements"],
    ];
    for (const [user, table] of cases) {
      const res = await download(user, `table=${table}&format=csv`);
      expect(res.status, `${user.roles[0].role} ${table}`).toBe(403);
      expect(await res.text()).toMatch(/^无权导出“.+”：这张表只在.+自己的跟踪问效页面上$/);
    }
    const denied = await auditRows({ actorId: f.expertX.id, operation: "tracking.export" });
    expect(denied.filter((r) => r.outcome === "DENIED")).toHaveLength(3);
    // The shared tables stay open to every view (over the owner's own records).
    expect((await download(f.expertX, "table=month&format=csv")).status).toBe(200);
    // A role without the permission at all: refused before anything else.
    expect((await download(await userWith("ENTERPRISE"), "table=needs")).status).toBe(403);
  });

  it("gives the ministry and a province the report summaries of their dashboards, and nobody else", async () => {
    // 宁夏's province sees the host's 2022 base report (5 experts, 3 activities, 80 trained) within its totals.
    const ningxia = await provinceAdmin("64");
    const bases = await csv(ningxia, `table=baseReports&year=${Y1}`);
    const provincial = bases.find((r) => r[0] === "省级");
    expect(provincial).toBeDefined();
    expect(Number(provincial![1])).toBeGreaterThanOrEqual(1);
    expect(Number(provincial![4])).toBeGreaterThanOrEqual(80);
    // Another province's view holds none of 宁夏's reports, whatever the URL's province says.
    const gansu = await csv(await provinceAdmin("62"), `table=baseReports&year=${Y1}&province=64`);
    expect(gansu).toEqual([]);
    expect((await download(await ministryAdmin(), `table=activityReports&year=${Y1}&format=csv`)).status).toBe(200);
    for (const [user, table] of [[f.host, "baseReports"], [f.host, "activityReports"], [f.unitA, "activityReports"], [f.expertX, "baseReports"]] as const) {
      const res = await download(user, `table=${table}&format=csv`);
      expect(res.status, `${user.roles[0].role} ${table}`).toBe(403);
      expect(await res.text()).toMatch(/^无权导出“.+”：这张表只在部、省级的跟踪问效页面上$/);
    }
  });

  it("answers a bad query with a 400 that names the problem in Chinese", async () => {
    const bad: [string, string][] = [
      ["table=secrets", "没有这张统计表"], ["table=needs&year=1999", "年度不正确"], ["table=needs&year=20x2", "年度不正确"],
      ["table=engagements&province=640", "省份不正确"], ["table=activities&program=X", "专项行动不正确"], ["table=month&form=Y", "服务形式不正确"],
    ];
    for (const [query, reason] of bad) {
      const res = await download(f.unitA, query);
      expect(res.status, query).toBe(400);
      expect(await res.text()).toBe(`筛选条件有误：${reason}。请返回列表页重新查询后再导出`);
    }
    // An empty value is no filter.
    expect((await download(f.unitA, "table=needs&year=&format=csv")).status).toBe(200);
  });

  it("writes one success audit row per download, naming its filters", async () => {
    const before = (await auditRows({ actorId: f.unitB.id, operation: "tracking.export" })).length;
    await csv(f.unitB, `table=engagements&year=${Y1}`);
    const rows = await auditRows({ actorId: f.unitB.id, operation: "tracking.export" });
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({ outcome: "SUCCESS", summary: "导出跟踪问效统计表 2 行" });
    expect(JSON.stringify(rows.at(-1)!.after)).toContain(`year=${Y1}`);
  });
});

describe("an own table's numbers link to exactly the rows they count", () => {
  const query = (href: string) => Object.fromEntries(new URL(href, "http://x").searchParams);

  it("for each state and year, the engagements list holds the expert's and the unit's count", async () => {
    for (const user of [f.expertX, f.expertY, f.unitA, f.unitB]) {
      const own = trackingView(user)!.own!;
      for (const filter of [{}, { year: Y1 }, { year: Y2 }, { year: Y1, province: "64" }]) {
        for (const { state, count } of await ownEngagementsByState(own, filter)) {
          const search = engagementSearchSchema.parse(query(ownEngagementsHref(filter, state)));
          expect((await searchEngagements(user, search)).total, `${state} ${JSON.stringify(filter)}`).toBe(count);
        }
      }
    }
  });

  it("for each year, the expert's feedback page holds the dashboard's feedback count", async () => {
    const expected: [SessionUser, object, number][] = [
      [f.expertX, {}, 1], [f.expertX, { year: Y1 }, 1], [f.expertX, { year: Y2 }, 0],
      [f.expertY, {}, 2], [f.expertY, { year: Y1 }, 1], [f.expertY, { year: Y2 }, 1],
    ];
    for (const [user, filter, count] of expected) {
      expect((await ownFeedback(trackingView(user)!.own!, filter))!.count).toBe(count);
      const summary = await myFeedbackSummary(user, feedbackSearchSchema.parse(query(ownFeedbackHref(filter))));
      expect(summary!.count, JSON.stringify(filter)).toBe(count);
    }
  });

  it("for each state and year, the needs list holds the unit's count", async () => {
    let checked = 0;
    for (const user of [f.unitA, f.unitB]) {
      const own = trackingView(user)!.own!;
      for (const filter of [{}, { year: Y1 }, { year: Y2 }]) {
        for (const { state, count } of await ownNeedsByState(own, filter)) {
          const search = needSearchSchema.parse(query(ownNeedsHref(filter, state)));
          expect((await searchNeeds(user, search)).total, `${state} ${JSON.stringify(filter)}`).toBe(count);
          checked += 1;
        }
      }
    }
    // A: two states in each year and over both; B: two states in 2022 and over both, none in 2023.
    expect(checked).toBe(10);
  });
});
