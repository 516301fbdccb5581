import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { executeAction } from "@/lib/actions/pipeline";
import type { SessionUser } from "@/lib/auth/roles";
import { editRecordOp, logRecordOp, reviewRecordOp } from "@/lib/engagements/operations";
import { Prisma } from "@/lib/generated/prisma/client";
import { searchTrackingRecords, trackingRecordsForExport } from "@/lib/tracking/records";
import {
  activityReportSummary, baseReportSummary, trackingBreakdown, trackingDashboard, trackingFlows, trackingPriorities, trackingTotals,
  type Dimension, type Scoped,
} from "@/lib/tracking/queries";
import { trackingRecordSearchSchema, type TrackingFilter } from "@/lib/tracking/schemas";
import { trackingView, type TrackingView } from "@/lib/tracking/view";
import { createNeed, createOrganization } from "@/prisma/seed/factories";
import { expertWithUser, ministryAdmin, provinceAdmin, unitUser, userWith, ZHEJIANG_COUNTY } from "./fixtures";
import { meta, REFUSED } from "./helpers";

// The tracking indicators on known fixtures; the rollups (kept by triggers) equal the raw computation after every
// kind of write; the scope of every dashboard query per role; impossible service records refused (zod and CHECK).
//
// Fixtures serve 甘肃 (62, west) in 2021 with experts from 浙江 (33, east), a year and province no other test uses,
// so the known figures can be asserted exactly while other tests write elsewhere in the same database.

const GANSU = "62";
let GANSU_COUNTY = "";
const YEAR = 2021;
const NATIONAL: TrackingView = { national: true, provinceCodes: null };
const IN_GANSU: TrackingView = { national: false, provinceCodes: [GANSU] };

beforeAll(async () => {
  GANSU_COUNTY = (await db.region.findFirstOrThrow({ where: { provinceCode: GANSU, level: "COUNTY" }, orderBy: { code: "asc" } })).code;
});

const ok = <T>(r: { ok: boolean; error?: string; data?: T }) => {
  if (!r.ok) throw new Error(`expected ok, got: ${r.error} ${JSON.stringify((r as { fieldErrors?: unknown }).fieldErrors)}`);
  return r.data as T;
};

/** An ACTIVE engagement since 2021-01-01 of a fresh unit in `county` with a fresh expert from `expertCounty`. */
async function activeEngagement(opts: { county?: string; expertCounty?: string; flags?: { breakBottleneck?: boolean; raiseFarmerIncome?: boolean } } = {}) {
  const org = await createOrganization(db, { type: "COOPERATIVE", regionCode: opts.county ?? GANSU_COUNTY });
  const unit = await unitUser(org.id);
  const need = await createNeed(db, { unitId: org.id, state: "IN_SERVICE", ...opts.flags });
  const expert = await expertWithUser({ regionCode: opts.expertCounty ?? ZHEJIANG_COUNTY, activeEngagements: 1 });
  const match = await db.match.create({ data: { needId: need.id, expertId: expert.id, score: 0.8, source: "SYSTEM", state: "CONFIRMED" } });
  const e = await db.engagement.create({
    data: { matchId: match.id, needId: need.id, expertId: expert.id, state: "ACTIVE", createdAt: new Date("2021-01-01T00:00:00Z") },
  });
  return { engagementId: e.id, unit, expert: expert.session, expertId: expert.id, needId: need.id };
}
type Active = Awaited<ReturnType<typeof activeEngagement>>;

const record = (o: Record<string, unknown> = {}) => ({
  startDate: "2021-03-02", endDate: "2021-03-03", hours: "12", form: "TECH_GUIDANCE",
  content: "现场指导马铃薯晚疫病防控，讲解轮作和药剂使用。", peopleServed: "30", peopleTrained: "20", techniquesPromoted: "1", incomeEffect: "2.5",
  ...o,
});

async function log(a: Active, o: Record<string, unknown> = {}) {
  return ok(await executeAction(logRecordOp, a.expert, meta, { engagementId: a.engagementId, ...record(o) })).id;
}
const version = async (id: string) => (await db.serviceRecord.findUniqueOrThrow({ where: { id } })).version;
async function confirm(a: Active, recordId: string) {
  ok(await executeAction(reviewRecordOp, a.unit, meta, { recordId, version: await version(recordId), decision: "confirm", reason: "" }));
}
async function dispute(a: Active, recordId: string) {
  ok(await executeAction(reviewRecordOp, a.unit, meta, { recordId, version: await version(recordId), decision: "dispute", reason: "人数与签到表不符" }));
}

// ─── Rollups = raw ─────────────────────────────────────────────────────────────

/** Every rollup, row by row, against the same grouping computed from the records and their joins right now. */
const RAW = Prisma.sql`(
  SELECT r.*, date_trunc('month', r."startDate")::date AS "m", extract(year FROM r."startDate")::int AS "y",
         n."provinceCode" AS "p", x."provinceCode" AS "xp", e."expertId" AS "x", COALESCE(pr."code"::text, 'NONE') AS "k",
         ((CASE WHEN n."breakBottleneck" THEN 1 ELSE 0 END) + (CASE WHEN n."promoteTechnology" THEN 2 ELSE 0 END)
           + (CASE WHEN n."raiseFarmerIncome" THEN 4 ELSE 0 END))::int AS "f"
    FROM "ServiceRecord" r JOIN "Engagement" e ON e."id" = r."engagementId" JOIN "Need" n ON n."id" = e."needId"
    JOIN "ExpertProfile" x ON x."id" = e."expertId" LEFT JOIN "DemonstrationActivity" a ON a."id" = e."activityId"
    LEFT JOIN "Program" pr ON pr."id" = a."programId"
   WHERE r."state" = 'CONFIRMED') AS raw`;

async function expectRollupsEqualRaw() {
  expect(await db.$queryRaw`
    SELECT "month"::text, "provinceCode", "programKey", "form"::text, "records", "hours"::text, "days", "peopleServed"::text,
           "peopleTrained"::text, "techniquesPromoted"::text, "incomeEffect"::text
      FROM "TrackingMonthly" ORDER BY 1, 2, 3, 4`).toEqual(await db.$queryRaw`
    SELECT "m"::text AS "month", "p" AS "provinceCode", "k" AS "programKey", "form"::text, count(*)::int AS "records",
           sum("hours")::decimal(14,1)::text AS "hours", sum("endDate" - "startDate" + 1)::int AS "days",
           sum("peopleServed")::text AS "peopleServed", sum("peopleTrained")::text AS "peopleTrained",
           sum("techniquesPromoted")::text AS "techniquesPromoted", sum("incomeEffect")::decimal(16,2)::text AS "incomeEffect"
      FROM ${RAW} GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`);
  expect(await db.$queryRaw`
    SELECT "year", "expertProvinceCode", "provinceCode", "programKey", "form"::text, "records", "hours"::text
      FROM "TrackingFlowYear" ORDER BY 1, 2, 3, 4, 5`).toEqual(await db.$queryRaw`
    SELECT "y" AS "year", "xp" AS "expertProvinceCode", "p" AS "provinceCode", "k" AS "programKey", "form"::text,
           count(*)::int AS "records", sum("hours")::decimal(14,1)::text AS "hours"
      FROM ${RAW} WHERE "xp" <> "p" GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`);
  expect(await db.$queryRaw`
    SELECT "year", "provinceCode", "programKey", "form"::text, "priority"::int, "records", "hours"::text, "peopleServed"::text
      FROM "TrackingPriorityYear" ORDER BY 1, 2, 3, 4, 5`).toEqual(await db.$queryRaw`
    SELECT "y" AS "year", "p" AS "provinceCode", "k" AS "programKey", "form"::text, "f" AS "priority", count(*)::int AS "records",
           sum("hours")::decimal(14,1)::text AS "hours", sum("peopleServed")::text AS "peopleServed"
      FROM ${RAW} GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`);
  expect(await db.$queryRaw`
    SELECT "year", "provinceCode", "programKey", "form"::text, "expertId", "expertProvinceCode", "records"
      FROM "TrackingExpertYear" ORDER BY 1, 2, 3, 4, 5, 6`).toEqual(await db.$queryRaw`
    SELECT "y" AS "year", "p" AS "provinceCode", "k" AS "programKey", "form"::text, "x" AS "expertId", "xp" AS "expertProvinceCode",
           count(*)::int AS "records"
      FROM ${RAW} GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6`);
  // And every dashboard query answers the same from the rollups as from the raw rows.
  for (const filter of [{}, { year: YEAR }, { year: YEAR, form: "TECH_GUIDANCE" as const }, { zone: "WEST" as const, program: "NONE" as const }]) {
    for (const view of [NATIONAL, IN_GANSU]) {
      const [a, b] = await Promise.all([trackingDashboard({ view, filter }), trackingDashboard({ view, filter, source: "raw" })]);
      expect(a).toEqual(b);
    }
  }
}

const gansu2021 = (filter: TrackingFilter = {}): Scoped => ({ view: IN_GANSU, filter: { year: YEAR, ...filter } });

describe("indicators on known fixtures", () => {
  it("sums confirmed records only: hours, days (both ends), experts, people, techniques and income", async () => {
    const before = await trackingTotals(gansu2021());
    const a = await activeEngagement({ flags: { breakBottleneck: true } });
    const b = await activeEngagement({ flags: { raiseFarmerIncome: true } });
    await confirm(a, await log(a)); // 2 days, 12 h
    await confirm(a, await log(a, { startDate: "2021-04-10", endDate: "2021-04-10", hours: "5.5", form: "THEMED_LECTURE", peopleServed: "60", peopleTrained: "60", techniquesPromoted: "0", incomeEffect: "0" }));
    await confirm(b, await log(b, { startDate: "2021-03-20", endDate: "2021-03-24", hours: "30", incomeEffect: "10.25" })); // 5 days
    await log(b, { startDate: "2021-05-01", endDate: "2021-05-01", hours: "8" }); // waiting: not counted
    await dispute(b, await log(b, { startDate: "2021-05-02", endDate: "2021-05-02", hours: "8" })); // disputed: not counted

    const after = await trackingTotals(gansu2021());
    const delta = Object.fromEntries(Object.entries(after).map(([k, v]) => [k, Math.round((v - before[k as keyof typeof before]) * 100) / 100]));
    expect(delta).toEqual({
      records: 3, hours: 47.5, days: 8, experts: 2, peopleServed: 120, peopleTrained: 100, techniquesPromoted: 2, incomeEffect: 12.75,
    });
    const months = await trackingBreakdown(gansu2021(), "month");
    expect(months.find((m) => m.key === "2021-04")).toMatchObject({ records: 1, hours: 5.5, days: 1, peopleServed: 60 });
    const flows = await trackingFlows(gansu2021());
    expect(flows.find((f) => f.from === "33" && f.to === GANSU)).toMatchObject({ records: 3, hours: 47.5, experts: 2 });
    const priorities = await trackingPriorities(gansu2021());
    expect(priorities.find((p) => p.flag === "breakBottleneck")).toMatchObject({ records: 2, hours: 17.5 });
    expect(priorities.find((p) => p.flag === "raiseFarmerIncome")).toMatchObject({ records: 1, hours: 30 });
    // The drill-through list holds exactly the records behind the number.
    const list = await searchTrackingRecords(IN_GANSU, trackingRecordSearchSchema.parse({ year: String(YEAR), month: "2021-04" }));
    expect(list.total).toBe(1);
    expect(list.rows[0]).toMatchObject({ hours: 5.5, form: "THEMED_LECTURE", provinceCode: GANSU, expertProvinceCode: "33", programKey: "NONE" });
    const flagged = await searchTrackingRecords(IN_GANSU, trackingRecordSearchSchema.parse({ year: String(YEAR), priority: "raiseFarmerIncome" }));
    expect(flagged.rows.map((r) => r.hours)).toEqual([30]);
    expect(flagged.total).toBe(1); // counted from the records (the flag is not a dimension of the monthly rollup)
    // The year's count comes from the monthly rollup; it equals the records listed.
    const year = await searchTrackingRecords(IN_GANSU, trackingRecordSearchSchema.parse({ year: String(YEAR) }));
    expect(year.total).toBe(3);
    expect(year.rows).toHaveLength(3);
    const lectures = await searchTrackingRecords(IN_GANSU, trackingRecordSearchSchema.parse({ year: String(YEAR), form: "THEMED_LECTURE" }));
    expect(lectures.total).toBe(1);
    expect(lectures.rows.map((r) => r.hours)).toEqual([5.5]);
    await expectRollupsEqualRaw();
  });
});

describe("rollups equal the raw computation after every kind of write", () => {
  it("log, confirm, dispute, amend, re-confirm, direct correction, delete and cascade", async () => {
    const a = await activeEngagement();
    const check = expectRollupsEqualRaw;
    const r1 = await log(a); // submitted
    await check();
    await confirm(a, r1); // confirmed
    await check();
    const r2 = await log(a, { startDate: "2021-06-01", endDate: "2021-06-01", hours: "4" });
    await dispute(a, r2); // rejected
    await check();
    ok(await executeAction(editRecordOp, a.expert, meta, { recordId: r2, version: await version(r2), ...record({ startDate: "2021-07-01", endDate: "2021-07-02", hours: "9", form: "MENTORSHIP" }) }));
    await check(); // amended, waiting again
    await confirm(a, r2);
    await check();
    // A correction in the database (an administrator's fix): month, form and figures of a confirmed record move.
    await db.serviceRecord.update({ where: { id: r1 }, data: { startDate: new Date("2021-08-01"), endDate: new Date("2021-08-01"), hours: new Prisma.Decimal("3.5"), form: "DECISION_CONSULTING", peopleServed: 3, peopleTrained: 0 } });
    await check();
    await db.serviceRecord.update({ where: { id: r1 }, data: { state: "DISPUTED" } }); // un-confirmed
    await check();
    await db.serviceRecord.delete({ where: { id: r2 } }); // deleted while confirmed
    await check();
    const r3 = await log(a, { startDate: "2021-09-01", endDate: "2021-09-01", hours: "2" });
    await confirm(a, r3);
    await db.engagement.delete({ where: { id: a.engagementId } }); // cascade
    await check();
  });

  it("stays equal when several units confirm records under the same rollup key at once", async () => {
    const all = await Promise.all([activeEngagement(), activeEngagement(), activeEngagement()]);
    const ids = await Promise.all(all.map((a) => log(a, { startDate: "2021-10-05", endDate: "2021-10-05", hours: "7" })));
    await Promise.all(all.map((a, i) => confirm(a, ids[i])));
    await expectRollupsEqualRaw();
    const month = (await trackingBreakdown(gansu2021(), "month")).find((m) => m.key === "2021-10");
    expect(month?.records).toBeGreaterThanOrEqual(3);
  });
});

describe("impossible service records are refused", () => {
  const cases: [string, Record<string, unknown>, string, string][] = [
    ["end before start", { startDate: "2021-03-05", endDate: "2021-03-04" }, "endDate", "结束日期不能早于开始日期"],
    ["hours beyond the days", { startDate: "2021-03-05", endDate: "2021-03-05", hours: "25" }, "hours", "1 天内的服务时长不能超过 24 小时"],
    ["negative people served", { peopleServed: "-3", peopleTrained: "0" }, "peopleServed", "服务人数不能为负数"],
    ["negative people trained", { peopleTrained: "-1" }, "peopleTrained", "培训人数不能为负数"],
    ["negative techniques", { techniquesPromoted: "-1" }, "techniquesPromoted", "推广技术数不能为负数"],
    ["negative income", { incomeEffect: "-0.5" }, "incomeEffect", "带动增收不能为负数"],
    ["trained beyond served", { peopleServed: "5", peopleTrained: "6" }, "peopleTrained", "培训人数不能多于服务人数"],
  ];
  for (const [name, o, field, message] of cases) {
    it(`${name}: refused in Chinese, nothing written`, async () => {
      const a = await activeEngagement();
      const r = await executeAction(logRecordOp, a.expert, meta, { engagementId: a.engagementId, ...record(o) });
      expect(r.ok).toBe(false);
      expect((r as { fieldErrors?: Record<string, string[]> }).fieldErrors?.[field]).toContain(message);
      expect(await db.serviceRecord.count({ where: { engagementId: a.engagementId } })).toBe(0);
    });
  }

  it("the database refuses them too, whoever writes", async () => {
    const a = await activeEngagement();
    const base = { engagementId: a.engagementId, form: "TECH_GUIDANCE" as const, content: "现场指导", state: "CONFIRMED" as const };
    const bad = [
      { ...base, startDate: new Date("2021-03-05"), endDate: new Date("2021-03-04"), hours: 2 },
      { ...base, startDate: new Date("2021-03-05"), endDate: new Date("2021-03-06"), hours: 49 },
      { ...base, startDate: new Date("2021-03-05"), endDate: new Date("2021-03-05"), hours: 0 },
      { ...base, startDate: new Date("2021-03-05"), endDate: new Date("2021-03-05"), hours: 2, peopleServed: -1 },
      { ...base, startDate: new Date("2021-03-05"), endDate: new Date("2021-03-05"), hours: 2, incomeEffect: -1 },
      { ...base, startDate: new Date("2021-03-05"), endDate: new Date("2021-03-05"), hours: 2, peopleServed: 1, peopleTrained: 2 },
    ];
    for (const data of bad) await expect(db.serviceRecord.create({ data })).rejects.toThrow(/check constraint|violates/i);
    expect(await db.serviceRecord.count({ where: { engagementId: a.engagementId } })).toBe(0);
    await expectRollupsEqualRaw();
  });
});

describe("dashboard scope per role", () => {
  let zhejiangRecord = "";
  beforeAll(async () => {
    // One confirmed record served in 浙江 by a 四川 expert, which 甘肃 must never see.
    const a = await activeEngagement({ county: ZHEJIANG_COUNTY, expertCounty: "510131" });
    zhejiangRecord = await log(a, { startDate: "2021-03-09", endDate: "2021-03-09", hours: "3" });
    await confirm(a, zhejiangRecord);
    const g = await activeEngagement();
    await confirm(g, await log(g, { startDate: "2021-03-10", endDate: "2021-03-10", hours: "4" }));
  });

  it("gives the ministry the nation, a province its own provinces, a unit, expert or base host its own; other roles nothing", async () => {
    expect(trackingView(await ministryAdmin())).toEqual(NATIONAL);
    expect(trackingView(await provinceAdmin(GANSU))).toEqual(IN_GANSU);
    // Own views (tracking-own-scope.test.ts holds their figures to the owner's records).
    for (const role of ["UNIT_USER", "EXPERT", "BASE_HOST"] as const) {
      expect(trackingView(await userWith(role)), role).toMatchObject({ national: false, provinceCodes: null, own: expect.any(Object) });
    }
    for (const role of ["ENTERPRISE", "DEPARTMENT_ADMIN"] as const) {
      expect(trackingView(await userWith(role)), role).toBeNull();
    }
  });

  const dims: Dimension[] = ["province", "program", "form", "month"];
  const filters: TrackingFilter[] = [{}, { year: YEAR }, { province: "33" }, { zone: "EAST" }, { zone: "WEST", province: "33" }, { province: GANSU }];

  it("keeps every query of a province's dashboard inside the province, whatever the filters say", async () => {
    const user: SessionUser = await provinceAdmin(GANSU);
    const view = trackingView(user)!;
    for (const filter of filters) {
      const scoped = { view, filter };
      const mine = { view: NATIONAL, filter: { ...filter, province: GANSU } };
      const outside = filter.province && filter.province !== GANSU || filter.zone === "EAST";
      // The province's numbers are the nation's numbers for the province (or nothing when the filter points outside).
      const [totals, nationalForGansu] = await Promise.all([trackingTotals(scoped), trackingTotals(mine)]);
      expect(totals).toEqual(outside ? { records: 0, hours: 0, days: 0, experts: 0, peopleServed: 0, peopleTrained: 0, techniquesPromoted: 0, incomeEffect: 0 } : nationalForGansu);
      for (const dim of dims) {
        const rows = await trackingBreakdown(scoped, dim);
        expect(rows, `${dim} ${JSON.stringify(filter)}`).toEqual(outside ? [] : await trackingBreakdown(mine, dim));
        if (dim === "province") expect(rows.every((r) => r.key === GANSU)).toBe(true);
      }
      const flows = await trackingFlows(scoped);
      expect(flows.every((f) => f.to === GANSU)).toBe(true);
      expect(await trackingPriorities(scoped)).toEqual(outside ? [] : await trackingPriorities(mine));
      expect(await activityReportSummary(scoped)).toEqual(outside ? [] : await activityReportSummary(mine));
      expect(await baseReportSummary(scoped)).toEqual(outside ? [] : await baseReportSummary(mine));
      const list = await searchTrackingRecords(view, trackingRecordSearchSchema.parse(filter));
      expect(list.rows.every((r) => r.provinceCode === GANSU)).toBe(true);
      const exported = await trackingRecordsForExport(view, trackingRecordSearchSchema.parse(filter));
      expect(exported.map((r) => r.id)).not.toContain(zhejiangRecord);
      expect(exported.every((r) => r.provinceCode === GANSU)).toBe(true);
    }
  });

  it("lets the ministry see both provinces", async () => {
    const view = trackingView(await ministryAdmin())!;
    const provinces = (await trackingBreakdown({ view, filter: { year: YEAR } }, "province")).map((r) => r.key);
    expect(provinces).toEqual(expect.arrayContaining([GANSU, "33"]));
    const exported = await trackingRecordsForExport(view, trackingRecordSearchSchema.parse({ year: String(YEAR) }));
    expect(exported.map((r) => r.id)).toContain(zhejiangRecord);
  });

  it("refuses an expert logging into someone else's engagement (service records stay in scope)", async () => {
    const a = await activeEngagement();
    const other = await expertWithUser();
    const r = await executeAction(logRecordOp, other.session, meta, { engagementId: a.engagementId, ...record() });
    expect(r).toMatchObject(REFUSED);
    expect(await db.serviceRecord.count({ where: { engagementId: a.engagementId } })).toBe(0);
  });
});
