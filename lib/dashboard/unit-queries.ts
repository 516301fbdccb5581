import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { countBy, organizationScope } from "@/lib/dashboard/scope";

/** The unit console: the unit's own needs only. */
export async function unitDashboard(user: SessionUser) {
  const orgIds = organizationScope(user, "console.unit");
  if (!orgIds.length) return null;
  const ofUnit = { unitId: { in: orgIds } };
  const [units, needs, recent] = await Promise.all([
    db.organization.findMany({ where: { id: { in: orgIds } }, select: { name: true }, orderBy: { name: "asc" } }),
    db.need.groupBy({ by: ["state"], where: ofUnit, _count: { _all: true } }),
    db.need.findMany({
      where: ofUnit,
      orderBy: { updatedAt: "desc" },
      take: 8,
      select: { id: true, code: true, title: true, state: true, updatedAt: true },
    }),
  ]);
  return { unitNames: units.map((u) => u.name), needsByState: countBy(needs, "state"), recentNeeds: recent };
}
