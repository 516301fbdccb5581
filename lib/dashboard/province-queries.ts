import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { countBy, provinceScope } from "@/lib/dashboard/scope";

/** The province console: needs, experts, bases and activities of the user's province(s) only. */
export async function provinceDashboard(user: SessionUser) {
  const codes = provinceScope(user, "console.province");
  if (!codes.length) return null;
  const inProvince = { provinceCode: { in: codes } };
  const count = { _count: { _all: true } } as const;
  const [provinces, needs, experts, library, expertsPending, bases, activities, pendingNeeds] = await Promise.all([
    db.region.findMany({ where: { level: "PROVINCE", ...inProvince }, select: { name: true }, orderBy: { code: "asc" } }),
    db.need.groupBy({ by: ["state"], where: inProvince, ...count }),
    db.expertProfile.count({ where: { ...inProvince, status: "ACTIVE" } }),
    db.expertProfile.count({ where: { ...inProvince, status: "ACTIVE", libraryStatus: "IN_LIBRARY" } }),
    db.expertProfile.count({ where: { ...inProvince, status: "PENDING" } }),
    db.serviceBase.groupBy({ by: ["state"], where: inProvince, ...count }),
    db.demonstrationActivity.groupBy({ by: ["state"], where: inProvince, ...count }),
    db.need.findMany({
      where: { ...inProvince, state: "SUBMITTED" },
      orderBy: { submittedAt: "asc" },
      take: 5,
      select: { id: true, code: true, title: true, submittedAt: true, unit: { select: { name: true } } },
    }),
  ]);
  return {
    provinceNames: provinces.map((p) => p.name),
    needsByState: countBy(needs, "state"),
    experts,
    library,
    expertsPending,
    basesByState: countBy(bases, "state"),
    activitiesByState: countBy(activities, "state"),
    pendingNeeds: pendingNeeds.map((n) => ({ id: n.id, code: n.code, title: n.title, unitName: n.unit.name, submittedAt: n.submittedAt })),
  };
}
