import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { countBy, organizationScope } from "@/lib/dashboard/scope";

/** The enterprise console: the enterprise's own 揭榜挂帅 challenges. */
export async function enterpriseDashboard(user: SessionUser) {
  const orgIds = organizationScope(user, "console.enterprise");
  if (!orgIds.length) return null;
  const own = { enterpriseId: { in: orgIds } };
  const [orgs, byState, recent] = await Promise.all([
    db.organization.findMany({ where: { id: { in: orgIds } }, select: { name: true }, orderBy: { name: "asc" } }),
    db.challenge.groupBy({ by: ["state"], where: own, _count: { _all: true } }),
    db.challenge.findMany({
      where: own,
      orderBy: { updatedAt: "desc" },
      take: 8,
      select: { id: true, title: true, state: true, bidDeadline: true, _count: { select: { bids: true } } },
    }),
  ]);
  return {
    enterpriseNames: orgs.map((o) => o.name),
    challengesByState: countBy(byState, "state"),
    recentChallenges: recent.map(({ _count, ...c }) => ({ ...c, bids: _count.bids })),
  };
}
