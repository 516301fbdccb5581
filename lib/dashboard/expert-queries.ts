import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { countBy, selfScope } from "@/lib/dashboard/scope";

/** The expert console: the signed-in expert's own profile summary and own matches / engagements. */
export async function expertDashboard(user: SessionUser) {
  const userId = selfScope(user, "console.expert");
  if (!userId) return null;
  const profile = await db.expertProfile.findUnique({
    where: { userId },
    select: {
      id: true, name: true, title: true, employer: true, libraryStatus: true, status: true, talentCategories: true,
      preferredForms: true, maxConcurrent: true, activeEngagements: true, region: { select: { name: true } },
    },
  });
  if (!profile) return { profile: null, matchesByState: {}, engagementsByState: {} };
  const [matches, engagements] = await Promise.all([
    db.match.groupBy({ by: ["state"], where: { expertId: profile.id }, _count: { _all: true } }),
    db.engagement.groupBy({ by: ["state"], where: { expertId: profile.id }, _count: { _all: true } }),
  ]);
  const { region, ...rest } = profile;
  return {
    profile: { ...rest, regionName: region.name },
    matchesByState: countBy(matches, "state"),
    engagementsByState: countBy(engagements, "state"),
  };
}
