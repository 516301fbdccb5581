import { db } from "@/lib/db";
import { EXPORT_ROW_LIMIT } from "@/lib/export/table";
import { Prisma } from "@/lib/generated/prisma/client";
import { allowedProvinces } from "@/lib/tracking/indicators";
import { ownEngagementWhere, provinceZones } from "@/lib/tracking/queries";
import { PRIORITY_BITS, type TrackingRecordSearch } from "@/lib/tracking/schemas";
import type { TrackingView } from "@/lib/tracking/view";

// The confirmed service records behind a dashboard number: the same filters on the record's own copy of where it
// counts (provinceCode, expertProvinceCode, programKey, priority — the columns the rollups are kept from), so the
// list's count is the number that was clicked.

export const TRACKING_RECORD_PAGE_SIZE = 20;

async function provincesOf(view: TrackingView, s: TrackingRecordSearch) {
  const zones = await provinceZones();
  return allowedProvinces(view.provinceCodes, s, (c) => zones.get(c)?.zone, [...zones.keys()]);
}

/** The period the search asks for, whole months: a month outside the chosen year leaves nothing, as on the dashboard. */
function periodOf(s: TrackingRecordSearch): { gte: Date; lt: Date } | null {
  const from = s.month ? `${s.month}-01` : s.year ? `${s.year}-01-01` : null;
  if (!from) return null;
  const start = new Date(`${from}T00:00:00Z`);
  const end = s.month
    ? new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1))
    : new Date(Date.UTC(start.getUTCFullYear() + 1, 0, 1));
  const yearEnd = s.year ? new Date(Date.UTC(s.year + 1, 0, 1)) : end;
  const yearStart = s.year ? new Date(Date.UTC(s.year, 0, 1)) : start;
  return { gte: start > yearStart ? start : yearStart, lt: end < yearEnd ? end : yearEnd };
}

async function whereOf(view: TrackingView, s: TrackingRecordSearch, provinces?: string[] | null): Promise<Prisma.ServiceRecordWhereInput | null> {
  if (provinces === undefined) provinces = await provincesOf(view, s);
  if (provinces?.length === 0) return null;
  const where: Prisma.ServiceRecordWhereInput[] = [{ state: "CONFIRMED" }];
  if (view.own) where.push({ engagement: ownEngagementWhere(view.own) });
  if (provinces) where.push({ provinceCode: { in: provinces } });
  const period = periodOf(s);
  if (period) where.push({ startDate: period });
  if (s.program) where.push({ programKey: s.program });
  if (s.form) where.push({ form: s.form });
  if (s.expertProvince) where.push({ expertProvinceCode: s.expertProvince });
  // Flags are bits 1/2/4 of a value 0–7: the values with the flag's bit set.
  if (s.priority === "none") where.push({ priority: 0 });
  else if (s.priority) {
    const bit = PRIORITY_BITS[s.priority];
    where.push({ priority: { in: [1, 2, 3, 4, 5, 6, 7].filter((v) => (v & bit) !== 0) } });
  }
  return { AND: where };
}

const select = {
  id: true, startDate: true, endDate: true, hours: true, form: true, content: true, peopleServed: true, peopleTrained: true,
  techniquesPromoted: true, incomeEffect: true, provinceCode: true, expertProvinceCode: true, programKey: true, priority: true,
  confirmedAt: true,
  engagement: {
    select: {
      id: true,
      need: { select: { code: true, title: true, unit: { select: { name: true } } } },
      expert: { select: { name: true } },
    },
  },
} satisfies Prisma.ServiceRecordSelect;

type Raw = Prisma.ServiceRecordGetPayload<{ select: typeof select }>;

function shape(r: Raw) {
  return {
    id: r.id, engagementId: r.engagement.id, startDate: r.startDate, endDate: r.endDate, hours: Number(r.hours), form: r.form,
    content: r.content, peopleServed: r.peopleServed, peopleTrained: r.peopleTrained, techniquesPromoted: r.techniquesPromoted,
    incomeEffect: Number(r.incomeEffect), provinceCode: r.provinceCode ?? "", expertProvinceCode: r.expertProvinceCode ?? "",
    programKey: r.programKey ?? "NONE", priority: r.priority ?? 0, confirmedAt: r.confirmedAt,
    needCode: r.engagement.need.code, needTitle: r.engagement.need.title, unitName: r.engagement.need.unit.name, expertName: r.engagement.expert.name,
  };
}
export type TrackingRecordRow = ReturnType<typeof shape>;

/**
 * The count from the monthly rollup when every filter is one of its dimensions (month, province, program, form): the
 * rollup is kept equal to the confirmed records in the same transaction, and summing its rows is milliseconds where
 * counting hundreds of thousands of records is not. null when the search filters on anything else.
 */
async function countFromRollup(view: TrackingView, s: TrackingRecordSearch, provinces: string[] | null): Promise<number | null> {
  if (view.own || s.expertProvince || s.priority) return null;
  const conditions: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (provinces) conditions.push(Prisma.sql`"provinceCode" IN (${Prisma.join(provinces)})`);
  const period = periodOf(s);
  if (period) conditions.push(Prisma.sql`"month" >= ${period.gte}::date AND "month" < ${period.lt}::date`);
  if (s.program) conditions.push(Prisma.sql`"programKey" = ${s.program}`);
  if (s.form) conditions.push(Prisma.sql`"form"::text = ${s.form}`);
  const [{ records }] = await db.$queryRaw<{ records: number }[]>`
    SELECT coalesce(sum("records"), 0)::int AS "records" FROM "TrackingMonthly" WHERE ${Prisma.join(conditions, " AND ")}`;
  return records;
}

export async function searchTrackingRecords(view: TrackingView, s: TrackingRecordSearch) {
  const pageSize = TRACKING_RECORD_PAGE_SIZE;
  const provinces = await provincesOf(view, s);
  const where = await whereOf(view, s, provinces);
  if (!where) return { rows: [], total: 0, page: 1, pageSize };
  const skip = (s.page - 1) * pageSize;
  const orderBy: Prisma.ServiceRecordOrderByWithRelationInput[] = [{ startDate: "desc" }, { id: "asc" }];
  const [rows, total] = await Promise.all([
    db.serviceRecord.findMany({ where, select, orderBy, skip, take: pageSize }),
    countFromRollup(view, s, provinces).then((n) => n ?? db.serviceRecord.count({ where })),
  ]);
  return { rows: rows.map(shape), total, page: s.page, pageSize };
}

export async function trackingRecordsForExport(view: TrackingView, s: TrackingRecordSearch) {
  const where = await whereOf(view, s);
  if (!where) return [];
  const orderBy: Prisma.ServiceRecordOrderByWithRelationInput[] = [{ startDate: "desc" }, { id: "asc" }];
  return (await db.serviceRecord.findMany({ where, select, orderBy, take: EXPORT_ROW_LIMIT })).map(shape);
}
