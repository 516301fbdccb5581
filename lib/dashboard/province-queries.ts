import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { countBy, provinceScope } from "@/lib/dashboard/scope";
import { provinceOptions } from "@/lib/reference/queries";

/** The province console: needs, experts, bases and activities of the user's province(s) only. */
export async function provinceDashboard(user: SessionUser) {
  const codes = provinceScope(user, "console.province");
  if (!codes.length) return null;
  const inProvince = { provinceCode: { in: codes } };
  const count = { _count: { _all: true } } as const;
  // One query for the three expert figures (active, of which in the library, and pending registrations); the
  // province names come from the reference tables (kept a few minutes, lib/reference/queries).
  const [provinces, needs, profiles, bases, activities, pendingNeeds] = await Promise.all([
    provinceOptions(),
    db.need.groupBy({ by: ["state"], where: inProvince, ...count }),
    db.expertProfile.groupBy({ by: ["status", "libraryStatus"], where: { ...inProvince, status: { in: ["ACTIVE", "PENDING"] } }, ...count }),
    db.serviceBase.groupBy({ by: ["state"], where: inProvince, ...count }),
    db.demonstrationActivity.groupBy({ by: ["state"], where: inProvince, ...count }),
    db.need.findMany({
      where: { ...inProvince, state: "SUBMITTED" },
      orderBy: { submittedAt: "asc" },
      take: 5,
      select: { id: true, code: true, title: true, submittedAt: true, unit: { select: { name: true } } },
    }),
  ]);
  const profilesWhere = (keep: (p: (typeof profiles)[number]) => boolean) => profiles.filter(keep).reduce((n, p) => n + p._count._all, 0);
  const experts = profilesWhere((p) => p.status === "ACTIVE");
  const library = profilesWhere((p) => p.status === "ACTIVE" && p.libraryStatus === "IN_LIBRARY");
  const expertsPending = profilesWhere((p) => p.status === "PENDING");
  return {
    provinceNames: provinces.filter((p) => codes.includes(p.code)).map((p) => p.name),
    needsByState: countBy(needs, "state"),
    experts,
    library,
    expertsPending,
    basesByState: countBy(bases, "state"),
    activitiesByState: countBy(activities, "state"),
    pendingNeeds: pendingNeeds.map((n) => ({ id: n.id, code: n.code, title: n.title, unitName: n.unit.name, submittedAt: n.submittedAt })),
  };
}
