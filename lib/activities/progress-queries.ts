import { db } from "@/lib/db";
import type { InScope } from "@/lib/auth/load-in-scope";
import type { SessionUser } from "@/lib/auth/roles";
import { ACTIVITY_WORKFLOW } from "@/lib/activities/workflow";
import { applicantScope, canReadActivity } from "@/lib/activities/scope";
import { targetsOf } from "@/lib/activities/progress-schemas";
import { currentPeriod, linkableEngagementsWhere, progressPrefill } from "@/lib/activities/progress-service";
import { PERIOD_PATTERN } from "@/lib/activities/progress-schemas";

// Reads of a running activity, for whoever may read the activity (lib/activities/scope canReadActivity).

const placeSelect = {
  id: true, title: true, state: true, version: true, provinceCode: true, applicantOrgId: true, channelOrgId: true, isDemonstration: true,
  startedAt: true, completedAt: true, finalReport: true, targets: true, plannedStart: true, plannedEnd: true,
  team: { select: { expert: { select: { userId: true } } } },
  reviews: { select: { reviewerId: true } },
} as const;

type Place = { applicantOrgId: string; provinceCode: string; channelOrgId: string | null; team: { expert: { userId: string | null } }[]; reviews: { reviewerId: string }[] };

export const readsActivity = (user: Pick<SessionUser, "id" | "roles">, a: Place) =>
  canReadActivity(user, {
    ...a, teamUserIds: a.team.flatMap((t) => (t.expert.userId ? [t.expert.userId] : [])), reviewerIds: a.reviews.map((r) => r.reviewerId),
  });

/** An activity for its tracking pages: a 404 unless the user may read it. */
export function trackedInScopeFor(activityId: string): InScope<NonNullable<Awaited<ReturnType<typeof loadPlace>>>> {
  return {
    operation: "activity.read",
    entity: { type: "DemonstrationActivity", id: activityId },
    load: () => loadPlace(activityId),
    allows: (user, a) => readsActivity(user, a),
  };
}

const loadPlace = (activityId: string) => db.demonstrationActivity.findUnique({ where: { id: activityId }, select: placeSelect });

/** The progress page: reports, engagements linked and linkable, the month's pre-filled figures, the buttons. */
export async function trackingPage(user: SessionUser, a: NonNullable<Awaited<ReturnType<typeof loadPlace>>>, period: string | undefined) {
  const [reports, linked, linkable] = await Promise.all([
    db.activityProgressReport.findMany({ where: { activityId: a.id }, orderBy: { period: "desc" } }),
    db.engagement.findMany({
      where: { activityId: a.id }, orderBy: { createdAt: "asc" },
      select: {
        id: true, state: true, need: { select: { title: true, unit: { select: { name: true } } } }, expert: { select: { name: true } },
        records: { where: { state: "CONFIRMED" }, select: { hours: true } },
      },
    }),
    db.engagement.findMany({
      where: { ...linkableEngagementsWhere(a), activityId: null }, orderBy: { createdAt: "asc" }, take: 50,
      select: { id: true, state: true, need: { select: { title: true } }, expert: { select: { name: true } } },
    }),
  ]);
  const now = currentPeriod();
  const reported = new Set(reports.map((r) => r.period));
  const chosen = period && PERIOD_PATTERN.test(period) && period <= now ? period : now;
  const allowed = ACTIVITY_WORKFLOW.allowed(user, a.state, applicantScope(a));
  return {
    reports,
    linked: linked.map((e) => ({
      id: e.id, state: e.state, need: e.need.title, unit: e.need.unit.name, expert: e.expert.name,
      confirmedHours: e.records.reduce((s, r) => s + Number(r.hours), 0),
    })),
    linkable: allowed.reportProgress || allowed.start
      ? linkable.map((e) => ({ id: e.id, state: e.state, need: e.need.title, expert: e.expert.name })) : [],
    period: chosen,
    periodReported: reported.has(chosen),
    prefill: await progressPrefill(db, a.id, chosen),
    targets: targetsOf(a.targets),
    can: { start: allowed.start, report: allowed.reportProgress, complete: allowed.complete, link: allowed.reportProgress || allowed.start },
  };
}
