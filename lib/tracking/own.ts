import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { EngagementState, NeedState } from "@/lib/generated/prisma/enums";
import type { TrackingFilter } from "@/lib/tracking/schemas";
import { ownEngagementWhere } from "@/lib/tracking/queries";
import type { OwnScope } from "@/lib/tracking/view";

// What an own dashboard shows beside the service figures (lib/tracking/queries.ts, under the same owner predicate):
// a unit its needs and engagements, an expert their engagements and the units' feedback, a base host its bases'
// annual reports and hosted activities. Every list is the owner's own, whatever the filters say. Each number keeps
// the filters its list (lib/tracking/links.ts) applies too, so a click lands on exactly the rows counted.

const yearRange = (year?: number) =>
  year ? { gte: new Date(`${year}-01-01T00:00:00+08:00`), lt: new Date(`${year + 1}-01-01T00:00:00+08:00`) } : undefined;

/** A unit's needs by state: created in the year, placed in the province (the needs list's from/to and region). */
export async function ownNeedsByState(own: OwnScope, filter: TrackingFilter) {
  if (!own.unitOrgIds.length) return [];
  const created = yearRange(filter.year);
  const rows = await db.need.groupBy({
    by: ["state"], _count: { _all: true }, orderBy: { state: "asc" },
    where: { unitId: { in: own.unitOrgIds }, ...(created ? { createdAt: created } : {}), ...(filter.province ? { provinceCode: filter.province } : {}) },
  });
  return rows.map((n) => ({ state: n.state as NeedState, count: n._count._all }));
}

/**
 * A unit's or an expert's engagements by state: created in the year, serving the province (the engagements list's
 * year and province). A base host's engagements are its activities' (counted in the figures), not its own to list.
 */
export async function ownEngagementsByState(own: OwnScope, filter: TrackingFilter) {
  if (!own.unitOrgIds.length && !own.expertUserIds.length) return [];
  const created = yearRange(filter.year);
  const where: Prisma.EngagementWhereInput[] = [ownEngagementWhere({ ...own, hostOrgIds: [] })];
  if (created) where.push({ createdAt: created });
  if (filter.province) where.push({ need: { provinceCode: filter.province } });
  const rows = await db.engagement.groupBy({ by: ["state"], where: { AND: where }, _count: { _all: true }, orderBy: { state: "asc" } });
  return rows.map((e) => ({ state: e.state as EngagementState, count: e._count._all }));
}

/** The units' feedback on an expert in the year: how many, and the average rating (one decimal). */
export async function ownFeedback(own: OwnScope, filter: TrackingFilter) {
  if (!own.expertUserIds.length) return null;
  const created = yearRange(filter.year);
  const feedback = await db.feedback.aggregate({
    where: { party: "UNIT", engagement: { expert: { userId: { in: own.expertUserIds } } }, ...(created ? { createdAt: created } : {}) },
    _count: { _all: true }, _avg: { rating: true },
  });
  return { count: feedback._count._all, rating: feedback._avg.rating === null ? null : Math.round(feedback._avg.rating * 10) / 10 };
}

/**
 * A base host's bases: each with its annual reports of the year and the activities it hosts of the year's plans,
 * the program and the province (the activities list's year, program and province; no activity is 常态化服务).
 */
export async function ownBases(own: OwnScope, filter: TrackingFilter) {
  if (!own.hostOrgIds.length) return [];
  const activities: Prisma.DemonstrationActivityWhereInput = filter.program === "NONE" ? { id: { in: [] } } : {
    ...(filter.program ? { program: { code: filter.program } } : {}),
    ...(filter.year ? { plan: { year: filter.year } } : {}),
    ...(filter.province ? { provinceCode: filter.province } : {}),
  };
  const bases = await db.serviceBase.findMany({
    where: { hostOrgId: { in: own.hostOrgIds } },
    orderBy: { createdAt: "asc" },
    select: {
      id: true, name: true, level: true,
      reports: { where: filter.year ? { year: filter.year } : {}, orderBy: { year: "desc" }, select: { year: true, expertsCount: true, activitiesCount: true, peopleTrained: true } },
      _count: { select: { activities: { where: activities } } },
    },
  });
  return bases.map((b) => ({ id: b.id, name: b.name, level: b.level, activities: b._count.activities, reports: b.reports }));
}

export async function ownExtras(own: OwnScope, filter: TrackingFilter) {
  const [orgs, needsByState, engagementsByState, feedback, bases] = await Promise.all([
    db.organization.findMany({ where: { id: { in: [...own.unitOrgIds, ...own.hostOrgIds] } }, select: { name: true }, orderBy: { name: "asc" } }),
    ownNeedsByState(own, filter), ownEngagementsByState(own, filter), ownFeedback(own, filter), ownBases(own, filter),
  ]);
  return { names: orgs.map((o) => o.name), needsByState, engagementsByState, feedback, bases };
}
export type OwnExtras = Awaited<ReturnType<typeof ownExtras>>;
