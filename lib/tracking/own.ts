import { db } from "@/lib/db";
import type { EngagementState, NeedState } from "@/lib/generated/prisma/enums";
import type { TrackingFilter } from "@/lib/tracking/schemas";
import { ownEngagementWhere } from "@/lib/tracking/queries";
import type { OwnScope } from "@/lib/tracking/view";

// What an own dashboard shows beside the service figures (lib/tracking/queries.ts, under the same owner predicate):
// a unit its needs and engagements, an expert their engagements and the units' feedback, a base host its bases'
// annual reports and hosted activities. Every list is the owner's own, whatever the filters say.

const yearRange = (year?: number) =>
  year ? { gte: new Date(`${year}-01-01T00:00:00+08:00`), lt: new Date(`${year + 1}-01-01T00:00:00+08:00`) } : undefined;

export async function ownExtras(own: OwnScope, filter: TrackingFilter) {
  const created = yearRange(filter.year);
  // A base host's engagements are its activities' (counted in the figures), not its own to list by state.
  const engagementWhere = own.unitOrgIds.length || own.expertUserIds.length ? ownEngagementWhere({ ...own, hostOrgIds: [] }) : null;
  const [orgs, needs, engagements, feedback, bases] = await Promise.all([
    db.organization.findMany({ where: { id: { in: [...own.unitOrgIds, ...own.hostOrgIds] } }, select: { name: true }, orderBy: { name: "asc" } }),
    own.unitOrgIds.length
      ? db.need.groupBy({ by: ["state"], where: { unitId: { in: own.unitOrgIds }, ...(created ? { createdAt: created } : {}) }, _count: { _all: true } })
      : Promise.resolve([]),
    engagementWhere
      ? db.engagement.groupBy({ by: ["state"], where: { AND: [engagementWhere, created ? { createdAt: created } : {}] }, _count: { _all: true } })
      : Promise.resolve([]),
    own.expertUserIds.length
      ? db.feedback.aggregate({
          where: { party: "UNIT", engagement: { expert: { userId: { in: own.expertUserIds } } }, ...(created ? { createdAt: created } : {}) },
          _count: { _all: true }, _avg: { rating: true },
        })
      : Promise.resolve(null),
    own.hostOrgIds.length
      ? db.serviceBase.findMany({
          where: { hostOrgId: { in: own.hostOrgIds } },
          orderBy: { createdAt: "asc" },
          select: {
            id: true, name: true, level: true,
            reports: { where: filter.year ? { year: filter.year } : {}, orderBy: { year: "desc" }, select: { year: true, expertsCount: true, activitiesCount: true, peopleTrained: true } },
            _count: { select: { activities: { where: filter.program && filter.program !== "NONE" ? { program: { code: filter.program } } : {} } } },
          },
        })
      : Promise.resolve([]),
  ]);
  return {
    names: orgs.map((o) => o.name),
    needsByState: needs.map((n) => ({ state: n.state as NeedState, count: n._count._all })),
    engagementsByState: engagements.map((e) => ({ state: e.state as EngagementState, count: e._count._all })),
    feedback: feedback ? { count: feedback._count._all, rating: feedback._avg.rating === null ? null : Math.round(feedback._avg.rating * 10) / 10 } : null,
    bases: bases.map((b) => ({ id: b.id, name: b.name, level: b.level, activities: b._count.activities, reports: b.reports })),
  };
}
export type OwnExtras = Awaited<ReturnType<typeof ownExtras>>;
