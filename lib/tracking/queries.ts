import { cache } from "react";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Zone } from "@/lib/generated/prisma/enums";
import { allowedProvinces, EMPTY_INDICATORS, type Indicators } from "@/lib/tracking/indicators";
import { PRIORITY_BITS, PRIORITY_FLAGS, type PriorityFlag, type ProgramKey, type TrackingFilter } from "@/lib/tracking/schemas";
import type { OwnScope, TrackingView } from "@/lib/tracking/view";

// Every dashboard number, from the rollups (TrackingMonthly, TrackingFlowYear, TrackingPriorityYear,
// TrackingExpertYear) or — the same SQL over the raw
// rows — from the confirmed service records joined to their engagement, need, expert and activity. The raw form is
// what the rollups replace: tests hold the two equal after every kind of write, and bench:dashboards times both.

export type Source = "rollup" | "raw";

/** The owner's predicate over the raw join (n: need, x: expert, b: the hosting base); FALSE when it names nobody. */
function ownerSql(own: OwnScope): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (own.unitOrgIds.length) parts.push(Prisma.sql`n."unitId" = ANY(${own.unitOrgIds}::text[])`);
  if (own.expertUserIds.length) parts.push(Prisma.sql`x."userId" = ANY(${own.expertUserIds}::text[])`);
  if (own.hostOrgIds.length) parts.push(Prisma.sql`b."hostOrgId" = ANY(${own.hostOrgIds}::text[])`);
  return parts.length ? Prisma.sql`(${Prisma.join(parts, " OR ")})` : Prisma.sql`FALSE`;
}

function raw(own?: OwnScope): Prisma.Sql {
  return Prisma.sql`(
  SELECT date_trunc('month', r."startDate")::date AS "month", extract(year FROM r."startDate")::int AS "year",
         n."provinceCode", x."provinceCode" AS "expertProvinceCode", COALESCE(p."code"::text, 'NONE') AS "programKey",
         ((CASE WHEN n."breakBottleneck" THEN 1 ELSE 0 END) + (CASE WHEN n."promoteTechnology" THEN 2 ELSE 0 END)
           + (CASE WHEN n."raiseFarmerIncome" THEN 4 ELSE 0 END))::smallint AS "priority",
         r."form", 1 AS "records", r."hours", (r."endDate" - r."startDate" + 1) AS "days", r."peopleServed", r."peopleTrained",
         r."techniquesPromoted", r."incomeEffect", e."expertId"
    FROM "ServiceRecord" r
    JOIN "Engagement" e ON e."id" = r."engagementId"
    JOIN "Need" n ON n."id" = e."needId"
    JOIN "ExpertProfile" x ON x."id" = e."expertId"
    LEFT JOIN "DemonstrationActivity" a ON a."id" = e."activityId"
    LEFT JOIN "Program" p ON p."id" = a."programId"${own ? Prisma.sql`
    LEFT JOIN "ServiceBase" b ON b."id" = a."hostBaseId"` : Prisma.empty}
   WHERE r."state" = 'CONFIRMED'${own ? Prisma.sql` AND ${ownerSql(own)}` : Prisma.empty}) AS src`;
}
const RAW = raw();

/** The needs, activities and bases an own view covers (Prisma; an empty scope matches nothing). */
export function ownNeedWhere(own: OwnScope): Prisma.NeedWhereInput {
  const or: Prisma.NeedWhereInput[] = [];
  if (own.unitOrgIds.length) or.push({ unitId: { in: own.unitOrgIds } });
  if (own.expertUserIds.length) or.push({ engagements: { some: { expert: { userId: { in: own.expertUserIds } } } } });
  if (own.hostOrgIds.length) or.push({ engagements: { some: { activity: { hostBase: { hostOrgId: { in: own.hostOrgIds } } } } } });
  return or.length ? { OR: or } : { id: { in: [] } };
}
/** The engagements an own view covers: the unit's needs, the expert's own, those of activities the host's bases host. */
export function ownEngagementWhere(own: OwnScope): Prisma.EngagementWhereInput {
  const or: Prisma.EngagementWhereInput[] = [];
  if (own.unitOrgIds.length) or.push({ need: { unitId: { in: own.unitOrgIds } } });
  if (own.expertUserIds.length) or.push({ expert: { userId: { in: own.expertUserIds } } });
  if (own.hostOrgIds.length) or.push({ activity: { hostBase: { hostOrgId: { in: own.hostOrgIds } } } });
  return or.length ? { OR: or } : { id: { in: [] } };
}
export function ownActivityWhere(own: OwnScope): Prisma.DemonstrationActivityWhereInput {
  const or: Prisma.DemonstrationActivityWhereInput[] = [];
  if (own.unitOrgIds.length) or.push({ applicantOrgId: { in: own.unitOrgIds } });
  if (own.expertUserIds.length) or.push({ team: { some: { expert: { userId: { in: own.expertUserIds } } } } });
  if (own.hostOrgIds.length) or.push({ hostBase: { hostOrgId: { in: own.hostOrgIds } } });
  return or.length ? { OR: or } : { id: { in: [] } };
}
export const ownBaseWhere = (own: OwnScope): Prisma.ServiceBaseWhereInput => ({ hostOrgId: { in: own.hostOrgIds } });

// An own view (unit, expert, base) always reads the raw records under its owner's predicate, never a rollup.
const monthly = (s: Source, v: TrackingView) => (v.own ? raw(v.own) : s === "raw" ? RAW : Prisma.sql`"TrackingMonthly" AS src`);
const expertly = (s: Source, v: TrackingView) => (v.own ? raw(v.own) : s === "raw" ? RAW : Prisma.sql`"TrackingExpertYear" AS src`);
const flowly = (s: Source, v: TrackingView) => (v.own ? raw(v.own) : s === "raw" ? RAW : Prisma.sql`"TrackingFlowYear" AS src`);
const priorityly = (s: Source, v: TrackingView) => (v.own ? raw(v.own) : s === "raw" ? RAW : Prisma.sql`"TrackingPriorityYear" AS src`);

const SUMS = Prisma.sql`COALESCE(SUM(src."records"), 0)::float8 AS "records", COALESCE(SUM(src."hours"), 0)::float8 AS "hours",
  COALESCE(SUM(src."days"), 0)::float8 AS "days", COALESCE(SUM(src."peopleServed"), 0)::float8 AS "peopleServed",
  COALESCE(SUM(src."peopleTrained"), 0)::float8 AS "peopleTrained",
  COALESCE(SUM(src."techniquesPromoted"), 0)::float8 AS "techniquesPromoted",
  COALESCE(SUM(src."incomeEffect"), 0)::float8 AS "incomeEffect"`;

type Sums = Omit<Indicators, "experts">;

/** Province codes and their zones (reference data; per request). */
export const provinceZones = cache(async (): Promise<Map<string, { name: string; zone: Zone }>> => {
  const rows = await db.region.findMany({ where: { level: "PROVINCE" }, select: { provinceCode: true, name: true, zone: true }, orderBy: { code: "asc" } });
  return new Map(rows.map((r) => [r.provinceCode, { name: r.name, zone: r.zone }]));
});

/** The provinces a query reads (null: all), or [] when the filters leave none of the viewer's. */
async function provincesFor(view: TrackingView, f: TrackingFilter): Promise<string[] | null> {
  const zones = await provinceZones();
  return allowedProvinces(view.provinceCodes, f, (c) => zones.get(c)?.zone, [...zones.keys()]);
}

function where(f: TrackingFilter, provinces: string[] | null, time: "month" | "year", extra: Prisma.Sql[] = []): Prisma.Sql {
  const parts: Prisma.Sql[] = [...extra];
  if (provinces) parts.push(Prisma.sql`src."provinceCode" = ANY(${provinces}::text[])`);
  if (f.year && time === "month") {
    parts.push(Prisma.sql`src."month" >= ${`${f.year}-01-01`}::date AND src."month" < ${`${f.year + 1}-01-01`}::date`);
  }
  if (f.year && time === "year") parts.push(Prisma.sql`src."year" = ${f.year}`);
  if (f.program) parts.push(Prisma.sql`src."programKey" = ${f.program}`);
  if (f.form) parts.push(Prisma.sql`src."form" = ${f.form}::"ServiceForm"`);
  return parts.length ? Prisma.sql`WHERE ${Prisma.join(parts, " AND ")}` : Prisma.empty;
}

export type Scoped = { view: TrackingView; filter: TrackingFilter; source?: Source };

/** National or regional totals of the indicators. */
export async function trackingTotals({ view, filter, source = "rollup" }: Scoped): Promise<Indicators> {
  const provinces = await provincesFor(view, filter);
  if (provinces?.length === 0) return EMPTY_INDICATORS;
  const [[sums], [experts]] = await Promise.all([
    db.$queryRaw<Sums[]>`SELECT ${SUMS} FROM ${monthly(source, view)} ${where(filter, provinces, "month")}`,
    // DISTINCT in a subquery hashes; COUNT(DISTINCT …) would sort (several times slower on the expert rollup).
    db.$queryRaw<{ experts: number }[]>`
      SELECT count(*)::float8 AS "experts" FROM (SELECT DISTINCT src."expertId" FROM ${expertly(source, view)} ${where(filter, provinces, "year")}) d`,
  ]);
  return { ...sums, experts: experts.experts };
}

export type Dimension = "province" | "program" | "form" | "month";
const DIM_SQL: Record<Dimension, Prisma.Sql> = {
  province: Prisma.sql`src."provinceCode"`,
  program: Prisma.sql`src."programKey"`,
  form: Prisma.sql`src."form"::text`,
  month: Prisma.sql`to_char(src."month", 'YYYY-MM')`,
};

export type BreakdownRow = Indicators & { key: string };

/** The indicators by one dimension (experts counted distinct per key; not per month, which the yearly rollup lacks). */
export async function trackingBreakdown({ view, filter, source = "rollup" }: Scoped, dim: Dimension): Promise<BreakdownRow[]> {
  const provinces = await provincesFor(view, filter);
  if (provinces?.length === 0) return [];
  const key = DIM_SQL[dim];
  const [rows, experts] = await Promise.all([
    db.$queryRaw<(Sums & { key: string })[]>`
      SELECT ${key} AS "key", ${SUMS} FROM ${monthly(source, view)} ${where(filter, provinces, "month")} GROUP BY 1 ORDER BY 1`,
    dim === "month"
      ? Promise.resolve([])
      : db.$queryRaw<{ key: string; experts: number }[]>`
      SELECT d."key", count(*)::float8 AS "experts"
        FROM (SELECT DISTINCT ${key} AS "key", src."expertId" FROM ${expertly(source, view)} ${where(filter, provinces, "year")}) d GROUP BY 1`,
  ]);
  const byKey = new Map(experts.map((e) => [e.key, e.experts]));
  return rows.map((r) => ({ ...r, experts: byKey.get(r.key) ?? 0 }));
}

export type FlowRow = { from: string; to: string; records: number; hours: number; experts: number };

/** Experts serving outside their own province: from the expert's province to the served one (东中西部人才协作). */
export async function trackingFlows({ view, filter, source = "rollup" }: Scoped): Promise<FlowRow[]> {
  const provinces = await provincesFor(view, filter);
  if (provinces?.length === 0) return [];
  const across = [Prisma.sql`src."expertProvinceCode" <> src."provinceCode"`];
  const [rows, experts] = await Promise.all([
    db.$queryRaw<{ from: string; to: string; records: number; hours: number }[]>`
      SELECT src."expertProvinceCode" AS "from", src."provinceCode" AS "to", COALESCE(SUM(src."records"), 0)::float8 AS "records",
             COALESCE(SUM(src."hours"), 0)::float8 AS "hours"
        FROM ${flowly(source, view)} ${where(filter, provinces, "year", across)} GROUP BY 1, 2`,
    db.$queryRaw<{ from: string; to: string; experts: number }[]>`
      SELECT d."from", d."to", count(*)::float8 AS "experts"
        FROM (SELECT DISTINCT src."expertProvinceCode" AS "from", src."provinceCode" AS "to", src."expertId"
                FROM ${expertly(source, view)} ${where(filter, provinces, "year", across)}) d GROUP BY 1, 2`,
  ]);
  const byPair = new Map(experts.map((e) => [`${e.from}>${e.to}`, e.experts]));
  return rows
    .map((r) => ({ ...r, experts: byPair.get(`${r.from}>${r.to}`) ?? 0 }))
    .sort((a, b) => b.hours - a.hours || a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
}

export type PriorityRow = { flag: PriorityFlag | "none"; records: number; hours: number; peopleServed: number; needs: number };

/**
 * Service on needs with each priority flag (a need may carry several, so the rows overlap), and how many needs
 * carry it (needs submitted in the year and region; program and form do not apply to needs).
 */
export async function trackingPriorities({ view, filter, source = "rollup" }: Scoped): Promise<PriorityRow[]> {
  const provinces = await provincesFor(view, filter);
  if (provinces?.length === 0) return [];
  const flags = [...PRIORITY_FLAGS, "none"] as const;
  const test = (flag: (typeof flags)[number]) =>
    flag === "none" ? Prisma.sql`src."priority" = 0` : Prisma.sql`(src."priority" & ${PRIORITY_BITS[flag]}) <> 0`;
  const cols = Prisma.join(flags.map((flag) => Prisma.sql`
    COALESCE(SUM(src."records") FILTER (WHERE ${test(flag)}), 0)::float8,
    COALESCE(SUM(src."hours") FILTER (WHERE ${test(flag)}), 0)::float8,
    COALESCE(SUM(src."peopleServed") FILTER (WHERE ${test(flag)}), 0)::float8`), ", ");
  const needWhere: Prisma.NeedWhereInput = {
    state: { notIn: ["DRAFT"] },
    ...(view.own ? { AND: [ownNeedWhere(view.own)] } : {}),
    ...(provinces ? { provinceCode: { in: provinces } } : {}),
    ...(filter.year ? { createdAt: { gte: new Date(`${filter.year}-01-01T00:00:00+08:00`), lt: new Date(`${filter.year + 1}-01-01T00:00:00+08:00`) } } : {}),
  };
  const [[row], bottleneck, technology, income, none] = await Promise.all([
    db.$queryRaw<{ v: number[] }[]>`SELECT ARRAY[${cols}] AS "v" FROM ${priorityly(source, view)} ${where(filter, provinces, "year")}`,
    db.need.count({ where: { ...needWhere, breakBottleneck: true } }),
    db.need.count({ where: { ...needWhere, promoteTechnology: true } }),
    db.need.count({ where: { ...needWhere, raiseFarmerIncome: true } }),
    db.need.count({ where: { ...needWhere, breakBottleneck: false, promoteTechnology: false, raiseFarmerIncome: false } }),
  ]);
  const needs = [bottleneck, technology, income, none];
  return flags.map((flag, i) => ({
    flag, records: row.v[i * 3], hours: row.v[i * 3 + 1], peopleServed: row.v[i * 3 + 2], needs: needs[i],
  }));
}

/** Activities' progress reports (调度) by program: what the activities reported in the period. */
export async function activityReportSummary({ view, filter }: Scoped) {
  const provinces = await provincesFor(view, filter);
  // Activities all belong to a program: none is 常态化服务.
  if (provinces?.length === 0 || filter.program === "NONE") return [];
  const reports = await db.activityProgressReport.findMany({
    where: {
      ...(filter.year ? { period: { startsWith: `${filter.year}-` } } : {}),
      ...(filter.form ? { forms: { has: filter.form } } : {}),
      activity: {
        ...(view.own ? { AND: [ownActivityWhere(view.own)] } : {}),
        ...(provinces ? { provinceCode: { in: provinces } } : {}),
        ...(filter.program ? { program: { code: filter.program } } : {}),
      },
    },
    select: {
      activityId: true, expertsCount: true, serviceHours: true, serviceDays: true, peopleServed: true, peopleTrained: true,
      activity: { select: { program: { select: { code: true } } } },
    },
  });
  const by = new Map<ProgramKey, { program: ProgramKey; activities: Set<string>; reports: number; expertsCount: number; serviceHours: number; serviceDays: number; peopleServed: number; peopleTrained: number }>();
  for (const r of reports) {
    const program = r.activity.program.code;
    const row = by.get(program) ?? { program, activities: new Set(), reports: 0, expertsCount: 0, serviceHours: 0, serviceDays: 0, peopleServed: 0, peopleTrained: 0 };
    row.activities.add(r.activityId);
    row.reports += 1;
    row.expertsCount += r.expertsCount;
    row.serviceHours += r.serviceHours;
    row.serviceDays += r.serviceDays;
    row.peopleServed += r.peopleServed;
    row.peopleTrained += r.peopleTrained;
    by.set(program, row);
  }
  return [...by.values()].map(({ activities, ...r }) => ({ ...r, activities: activities.size })).sort((a, b) => a.program.localeCompare(b.program));
}

/** Bases' annual reports by level, for the year (or all years). */
export async function baseReportSummary({ view, filter }: Scoped) {
  const provinces = await provincesFor(view, filter);
  if (provinces?.length === 0) return [];
  const reports = await db.baseAnnualReport.findMany({
    where: {
      ...(filter.year ? { year: filter.year } : {}),
      ...(provinces || view.own ? { base: { ...(provinces ? { provinceCode: { in: provinces } } : {}), ...(view.own ? ownBaseWhere(view.own) : {}) } } : {}),
    },
    select: { baseId: true, expertsCount: true, activitiesCount: true, peopleTrained: true, base: { select: { level: true } } },
  });
  const by = new Map<string, { level: "NATIONAL" | "PROVINCIAL"; bases: Set<string>; reports: number; expertsCount: number; activitiesCount: number; peopleTrained: number }>();
  for (const r of reports) {
    const row = by.get(r.base.level) ?? { level: r.base.level, bases: new Set(), reports: 0, expertsCount: 0, activitiesCount: 0, peopleTrained: 0 };
    row.bases.add(r.baseId);
    row.reports += 1;
    row.expertsCount += r.expertsCount;
    row.activitiesCount += r.activitiesCount;
    row.peopleTrained += r.peopleTrained;
    by.set(r.base.level, row);
  }
  return [...by.values()].map(({ bases, ...r }) => ({ ...r, bases: bases.size })).sort((a, b) => a.level.localeCompare(b.level));
}

/** Everything a tracking dashboard shows, in parallel. */
export async function trackingDashboard(scoped: Scoped) {
  const [totals, byProvince, byProgram, byForm, byMonth, flows, priorities, activities, bases] = await Promise.all([
    trackingTotals(scoped),
    trackingBreakdown(scoped, "province"),
    trackingBreakdown(scoped, "program"),
    trackingBreakdown(scoped, "form"),
    trackingBreakdown(scoped, "month"),
    trackingFlows(scoped),
    trackingPriorities(scoped),
    activityReportSummary(scoped),
    baseReportSummary(scoped),
  ]);
  return { totals, byProvince, byProgram, byForm, byMonth, flows, priorities, activities, bases };
}
export type TrackingDashboard = Awaited<ReturnType<typeof trackingDashboard>>;

/** Years that have confirmed service within the view (for the year filter), newest first. */
export async function trackingYears(view: TrackingView): Promise<number[]> {
  const rows = view.own
    ? await db.$queryRaw<{ y: number }[]>`SELECT DISTINCT src."year" AS "y" FROM ${raw(view.own)}`
    : view.provinceCodes
    ? await db.$queryRaw<{ y: number }[]>`SELECT DISTINCT extract(year FROM "month")::int AS "y" FROM "TrackingMonthly" WHERE "provinceCode" = ANY(${view.provinceCodes}::text[])`
    : await db.$queryRaw<{ y: number }[]>`SELECT DISTINCT extract(year FROM "month")::int AS "y" FROM "TrackingMonthly"`;
  return rows.map((r) => r.y).sort((a, b) => b - a);
}
