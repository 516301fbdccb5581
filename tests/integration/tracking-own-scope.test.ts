import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import type { ServiceForm } from "@/lib/generated/prisma/enums";
import { indicatorsOf, type RecordFacts } from "@/lib/tracking/indicators";
import { ownExtras } from "@/lib/tracking/own";
import {
  activityReportSummary, baseReportSummary, trackingBreakdown, trackingDashboard, trackingFlows, trackingPriorities, trackingTotals, trackingYears,
} from "@/lib/tracking/queries";
import { searchTrackingRecords, trackingRecordsForExport } from "@/lib/tracking/records";
import { trackingRecordSearchSchema, type TrackingFilter } from "@/lib/tracking/schemas";
import { tableRows } from "@/lib/tracking/tables";
import { ownRoles, trackingView, type TrackingView } from "@/lib/tracking/view";
import { createNeed, createOrganization, uniqueSuffix } from "@/prisma/seed/factories";
import { expertWithUser, unitUser, userWith } from "./fixtures";

// The own dashboards (unit, expert, base host) at /tracking: each role's figures are computed over its own confirmed
// records only — whatever province, program or form the URL names — and equal a plain computation over the fixtures.
//
// Fixtures: 青海 (63) in 2022, a province and year no other test writes. Unit A is served by experts X and Y, unit B
// by expert X; a base of host H hosts an activity whose engagement serves unit C with expert Z. One record of each
// engagement is left unconfirmed (never counts).

const YEAR = 2022;
let COUNTY = "";

type Engagement = { id: string; needId: string };
type Fixture = {
  unitA: SessionUser; unitB: SessionUser; expertX: SessionUser; expertY: SessionUser; host: SessionUser;
  orgA: string; orgB: string; orgC: string; hostOrg: string; baseId: string; activityId: string;
  facts: Map<string, RecordFacts & { form: ServiceForm; unitOrg: string; month: string; program: string }>;
  byEngagement: Map<string, string[]>;
};
let f: Fixture;

async function engagement(orgId: string, expertId: string, activityId?: string): Promise<Engagement> {
  const need = await createNeed(db, { unitId: orgId, state: "IN_SERVICE", breakBottleneck: true, ...(activityId ? { activityId } : {}) });
  const match = await db.match.create({ data: { needId: need.id, expertId, score: 0.7, source: "SYSTEM", state: "CONFIRMED" } });
  const e = await db.engagement.create({ data: { matchId: match.id, needId: need.id, expertId, state: "ACTIVE", activityId } });
  return { id: e.id, needId: need.id };
}

async function records(e: Engagement, expertId: string, unitOrg: string, program: string, rows: [string, string, number, ServiceForm, number, number, number, number][]) {
  for (const [start, end, hours, form, served, trained, tech, income] of rows) {
    const r = await db.serviceRecord.create({
      data: {
        engagementId: e.id, startDate: new Date(start), endDate: new Date(end), hours, form, content: "测试服务内容，现场指导与培训。",
        peopleServed: served, peopleTrained: trained, techniquesPromoted: tech, incomeEffect: income, state: "CONFIRMED", confirmedAt: new Date(),
      },
    });
    f.facts.set(r.id, { startDate: start, endDate: end, hours, peopleServed: served, peopleTrained: trained, techniquesPromoted: tech, incomeEffect: income, expertId, form, unitOrg, month: start.slice(0, 7), program });
    f.byEngagement.set(e.id, [...(f.byEngagement.get(e.id) ?? []), r.id]);
  }
  // Unconfirmed: never counts anywhere.
  await db.serviceRecord.create({
    data: { engagementId: e.id, startDate: new Date(`${YEAR}-06-01`), endDate: new Date(`${YEAR}-06-01`), hours: 20, form: "TECH_GUIDANCE", content: "待确认的服务记录。", peopleServed: 999 },
  });
}

beforeAll(async () => {
  COUNTY = (await db.region.findFirstOrThrow({ where: { provinceCode: "63", level: "COUNTY" }, orderBy: { code: "asc" } })).code;
  const program = await db.program.upsert({ where: { code: "EXPERT_SERVICE" }, update: {}, create: { code: "EXPERT_SERVICE", name: "专家服务基层行动", description: "" } });
  const [orgA, orgB, orgC, hostOrg] = await Promise.all([
    createOrganization(db, { type: "COOPERATIVE", regionCode: COUNTY }), createOrganization(db, { type: "COOPERATIVE", regionCode: COUNTY }),
    createOrganization(db, { type: "COOPERATIVE", regionCode: COUNTY }), createOrganization(db, { type: "BASE_HOST", regionCode: COUNTY }),
  ]);
  const [unitA, unitB, host, x, y, z] = await Promise.all([
    unitUser(orgA.id), unitUser(orgB.id), userWith("BASE_HOST", { organizationId: hostOrg.id }),
    expertWithUser({ regionCode: "330106", activeEngagements: 2 }), expertWithUser({ regionCode: COUNTY }), expertWithUser({ regionCode: COUNTY }),
  ]);
  const base = await db.serviceBase.create({
    data: { hostOrgId: hostOrg.id, name: `测试基地${uniqueSuffix()}`, level: "PROVINCIAL", regionCode: COUNTY, provinceCode: "63", focus: "高原农牧", state: "ESTABLISHED" },
  });
  const activity = await db.demonstrationActivity.create({
    data: { programId: program.id, applicantOrgId: hostOrg.id, hostBaseId: base.id, regionCode: COUNTY, provinceCode: "63", title: `测试示范活动${uniqueSuffix()}`, summary: "基地依托的示范活动", state: "IN_PROGRESS" },
  });
  await db.activityProgressReport.create({ data: { activityId: activity.id, period: `${YEAR}-05`, content: "进展", expertsCount: 3, serviceHours: 40, serviceDays: 5, peopleServed: 60, peopleTrained: 30, forms: ["TECH_GUIDANCE"], submittedById: host.id } });
  await db.baseAnnualReport.create({ data: { baseId: base.id, year: YEAR, content: "年度报告", submittedById: host.id, expertsCount: 7, activitiesCount: 4, peopleTrained: 120 } });
  f = {
    unitA, unitB, expertX: x.session, expertY: y.session, host, orgA: orgA.id, orgB: orgB.id, orgC: orgC.id, hostOrg: hostOrg.id,
    baseId: base.id, activityId: activity.id, facts: new Map(), byEngagement: new Map(),
  };
  const ax = await engagement(orgA.id, x.id);
  const ay = await engagement(orgA.id, y.id);
  const bx = await engagement(orgB.id, x.id);
  const cz = await engagement(orgC.id, z.id, activity.id);
  await records(ax, x.id, orgA.id, "NONE", [[`${YEAR}-03-02`, `${YEAR}-03-03`, 12, "TECH_GUIDANCE", 30, 20, 1, 2.5], [`${YEAR}-04-10`, `${YEAR}-04-10`, 6, "TOURING_LECTURE", 50, 50, 0, 0]]);
  await records(ay, y.id, orgA.id, "NONE", [[`${YEAR}-04-01`, `${YEAR}-04-01`, 3.5, "TECH_GUIDANCE", 8, 0, 2, 10]]);
  await records(bx, x.id, orgB.id, "NONE", [[`${YEAR}-05-05`, `${YEAR}-05-07`, 20, "TECH_PROMOTION", 100, 40, 3, 15.75], [`${YEAR - 1}-12-30`, `${YEAR}-01-02`, 16, "TECH_GUIDANCE", 10, 10, 0, 0]]);
  await records(cz, z.id, orgC.id, "EXPERT_SERVICE", [[`${YEAR}-05-20`, `${YEAR}-05-21`, 9, "DEMONSTRATION_TEACHING", 40, 15, 1, 1.2]]);
  // Feedback of unit B on expert X, and of X on unit B (only the unit's counts for the expert).
  await db.feedback.create({ data: { engagementId: bx.id, party: "UNIT", authorId: unitB.id, rating: 4 } });
  await db.feedback.create({ data: { engagementId: ax.id, party: "UNIT", authorId: unitA.id, rating: 5 } });
  await db.feedback.create({ data: { engagementId: bx.id, party: "EXPERT", authorId: x.session.id, rating: 1 } });
});

const factsOf = (pred: (r: Fixture["facts"] extends Map<string, infer V> ? V : never) => boolean) => [...f.facts.values()].filter(pred);
const inYear = (r: { startDate: Date | string }) => String(r.startDate).startsWith(String(YEAR));

// Whatever foreign coordinates the URL carries (another province, program, form, a zone), the view stays the owner's.
const FOREIGN: TrackingFilter[] = [{ province: "33" }, { zone: "EAST" }, { program: "OVERSEAS_TALENT" }, { province: "11", form: "TECH_GUIDANCE" }];

describe("own tracking views (unit, expert, base host)", () => {
  it("derives an own view from the grants and nothing for roles without one", async () => {
    const unit = trackingView(f.unitA)!;
    expect(unit.own).toEqual({ unitOrgIds: [f.orgA], expertUserIds: [], hostOrgIds: [] });
    expect(ownRoles(unit)).toEqual(["unit"]);
    expect(trackingView(f.expertX)!.own).toEqual({ unitOrgIds: [], expertUserIds: [f.expertX.id], hostOrgIds: [] });
    expect(trackingView(f.host)!.own).toEqual({ unitOrgIds: [], expertUserIds: [], hostOrgIds: [f.hostOrg] });
    // A unit account not tied to a unit, an enterprise and a department see nothing (deny by default).
    expect(trackingView(await userWith("UNIT_USER", { organizationId: null }))).toBeNull();
    expect(trackingView(await userWith("ENTERPRISE"))).toBeNull();
    expect(trackingView(await userWith("DEPARTMENT_ADMIN"))).toBeNull();
  });

  it("gives a unit exactly the indicators of its own needs' confirmed records", async () => {
    const view = trackingView(f.unitA)!;
    const expected = indicatorsOf(factsOf((r) => r.unitOrg === f.orgA));
    expect(await trackingTotals({ view, filter: {} })).toEqual(expected);
    expect(expected).toMatchObject({ records: 3, hours: 21.5, days: 4, experts: 2, peopleServed: 88, peopleTrained: 70, techniquesPromoted: 3, incomeEffect: 12.5 });
    // By form and by month, each equal to the plain computation over its slice.
    for (const r of await trackingBreakdown({ view, filter: {} }, "form")) {
      expect(r).toEqual({ key: r.key, ...indicatorsOf(factsOf((x) => x.unitOrg === f.orgA && x.form === r.key)) });
    }
    const months = await trackingBreakdown({ view, filter: { year: YEAR } }, "month");
    expect(months.map((m) => [m.key, m.hours])).toEqual([[`${YEAR}-03`, 12], [`${YEAR}-04`, 9.5]]);
    expect(await trackingYears(view)).toEqual([YEAR]);
    // The records behind the total: the same three, in the list and in the export.
    const list = await searchTrackingRecords(view, trackingRecordSearchSchema.parse({}));
    expect(list.total).toBe(3);
    expect(new Set(list.rows.map((r) => r.id))).toEqual(new Set(factsOf((r) => r.unitOrg === f.orgA).map((r) => [...f.facts].find(([, v]) => v === r)![0])));
    const ex = await trackingRecordsForExport(view, trackingRecordSearchSchema.parse({ month: `${YEAR}-04` }));
    expect(ex.map((r) => r.hours).sort()).toEqual([3.5, 6]);
  });

  it("gives an expert exactly their own records across units, and the units' feedback", async () => {
    const view = trackingView(f.expertX)!;
    const mine = factsOf((r) => r.expertId === [...f.facts.values()].find((v) => v.unitOrg === f.orgB)!.expertId);
    expect(await trackingTotals({ view, filter: {} })).toEqual(indicatorsOf(mine));
    expect(await trackingTotals({ view, filter: { year: YEAR } })).toEqual(indicatorsOf(mine.filter(inYear)));
    expect((await trackingTotals({ view, filter: {} })).experts).toBe(1);
    expect((await searchTrackingRecords(view, trackingRecordSearchSchema.parse({}))).total).toBe(4);
    const extras = await ownExtras(view.own!, {});
    expect(extras.feedback).toEqual({ count: 2, rating: 4.5 });
    expect(extras.engagementsByState).toEqual([{ state: "ACTIVE", count: 2 }]);
    expect(extras.needsByState).toEqual([]);
    // Expert Y sees only their one record.
    expect(await trackingTotals({ view: trackingView(f.expertY)!, filter: {} })).toMatchObject({ records: 1, hours: 3.5, experts: 1 });
  });

  it("gives a base host the service of the activities its bases host, and its own reports", async () => {
    const view = trackingView(f.host)!;
    expect(await trackingTotals({ view, filter: {} })).toEqual(indicatorsOf(factsOf((r) => r.unitOrg === f.orgC)));
    const programs = await trackingBreakdown({ view, filter: {} }, "program");
    expect(programs.map((p) => [p.key, p.records, p.hours])).toEqual([["EXPERT_SERVICE", 1, 9]]);
    expect(await activityReportSummary({ view, filter: { year: YEAR } })).toEqual([
      { program: "EXPERT_SERVICE", activities: 1, reports: 1, expertsCount: 3, serviceHours: 40, serviceDays: 5, peopleServed: 60, peopleTrained: 30 },
    ]);
    expect(await baseReportSummary({ view, filter: { year: YEAR } })).toEqual([
      { level: "PROVINCIAL", reports: 1, bases: 1, expertsCount: 7, activitiesCount: 4, peopleTrained: 120 },
    ]);
    const extras = await ownExtras(view.own!, { year: YEAR });
    // The hosted activity belongs to no year's plan: counted over all years, not in the year's (as /activities?year= lists).
    expect(extras.bases).toEqual([{ id: f.baseId, name: expect.any(String), level: "PROVINCIAL", activities: 0, reports: [{ year: YEAR, expertsCount: 7, activitiesCount: 4, peopleTrained: 120 }] }]);
    expect((await ownExtras(view.own!, {})).bases[0].activities).toBe(1);
    expect((await ownExtras(view.own!, { program: "NONE" })).bases[0].activities).toBe(0);
    // A unit sees no base reports and no activity reports of activities it did not apply for.
    const unit = trackingView(f.unitA)!;
    expect(await baseReportSummary({ view: unit, filter: {} })).toEqual([]);
    expect(await activityReportSummary({ view: unit, filter: {} })).toEqual([]);
  });

  it("never shows a role anyone else's numbers, whatever foreign ids the filters carry", async () => {
    const cases: [SessionUser, (r: { unitOrg: string; expertId: string }) => boolean][] = [
      [f.unitA, (r) => r.unitOrg === f.orgA], [f.unitB, (r) => r.unitOrg === f.orgB],
      [f.expertY, (r) => r.unitOrg === f.orgA && r.expertId !== [...f.facts.values()].find((v) => v.unitOrg === f.orgB)!.expertId],
      [f.host, (r) => r.unitOrg === f.orgC],
    ];
    for (const [user, own] of cases) {
      const view: TrackingView = trackingView(user)!;
      const ownIds = new Set([...f.facts].filter(([, v]) => own(v)).map(([id]) => id));
      for (const filter of [{}, ...FOREIGN]) {
        const totals = await trackingTotals({ view, filter });
        // Never more than the owner's own, and exactly the owner's own when the filter leaves them all.
        expect(totals.records).toBeLessThanOrEqual(ownIds.size);
        const dash = await trackingDashboard({ view, filter });
        const names = { name: (c: string) => c, zone: () => undefined };
        for (const table of ["province", "program", "form", "month", "flow", "priority"] as const) {
          const rows = tableRows(dash, table, names).filter((r) => r.label !== "合计");
          const total = rows.reduce((s, r) => s + (r.records ?? 0), 0);
          if (table !== "priority" && table !== "flow") expect(total, `${table} ${JSON.stringify(filter)}`).toBe(totals.records);
          else expect(total).toBeLessThanOrEqual(ownIds.size);
        }
        const flows = await trackingFlows({ view, filter });
        expect(flows.reduce((s, r) => s + r.records, 0)).toBeLessThanOrEqual(ownIds.size);
        const priorities = await trackingPriorities({ view, filter });
        // The needs counted are the owner's own (submitted needs in the year; the fixtures' needs in service).
        for (const p of priorities) expect(p.needs).toBeLessThanOrEqual(3);
        const listed = await trackingRecordsForExport(view, trackingRecordSearchSchema.parse({ ...filter, expertProvince: "33" }));
        expect(listed.every((r) => ownIds.has(r.id))).toBe(true);
        const all = await searchTrackingRecords(view, trackingRecordSearchSchema.parse(filter));
        expect(all.rows.every((r) => ownIds.has(r.id))).toBe(true);
        expect(all.total).toBe(totals.records);
      }
      expect((await trackingTotals({ view, filter: {} })).records).toBe(ownIds.size);
    }
  });
});
