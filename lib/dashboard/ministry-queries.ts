import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import type { BaseState, Zone } from "@/lib/generated/prisma/enums";
import { countBy, isNational } from "@/lib/dashboard/scope";
import { provinceZones } from "@/lib/reference/queries";

export type ZoneRow = { zone: Zone; experts: number; library: number; needs: number; needsCompleted: number; bases: number; activities: number };

const ZONES: Zone[] = ["EAST", "CENTRAL", "WEST", "NORTHEAST"];
const LIVE_BASE: BaseState[] = ["ESTABLISHED", "RECTIFYING"];

/** National totals and the 东部/中部/西部/东北 breakdown. Null unless the user's console scope is national. */
export async function ministryDashboard(user: SessionUser) {
  if (!isNational(user, "console.ministry")) return null;
  const count = { _count: { _all: true } } as const;
  // Active experts once, by province and library status (the library figures are a subset); the provinces' zones from
  // the reference tables (kept a few minutes, lib/reference/queries).
  const [provinces, profiles, needs, bases, activities, cases] = await Promise.all([
    provinceZones(),
    db.expertProfile.groupBy({ by: ["provinceCode", "libraryStatus"], where: { status: "ACTIVE" }, ...count }),
    db.need.groupBy({ by: ["provinceCode", "state"], ...count }),
    db.serviceBase.groupBy({ by: ["provinceCode", "state"], ...count }),
    db.demonstrationActivity.groupBy({ by: ["provinceCode", "state"], ...count }),
    db.typicalCase.count({ where: { state: "PUBLISHED" } }),
  ]);

  const experts = profiles;
  const library = profiles.filter((r) => r.libraryStatus === "IN_LIBRARY");
  const zoneOf = new Map(provinces.map((p) => [p.provinceCode, p.zone]));
  const zones = new Map<Zone, ZoneRow>(
    ZONES.map((zone) => [zone, { zone, experts: 0, library: 0, needs: 0, needsCompleted: 0, bases: 0, activities: 0 }]),
  );
  const add = (provinceCode: string, field: keyof Omit<ZoneRow, "zone">, n: number) => {
    const zone = zoneOf.get(provinceCode);
    const row = zone && zones.get(zone);
    if (row) row[field] += n;
  };
  for (const r of experts) add(r.provinceCode, "experts", r._count._all);
  for (const r of library) add(r.provinceCode, "library", r._count._all);
  for (const r of needs) {
    if (r.state !== "DRAFT") add(r.provinceCode, "needs", r._count._all);
    if (r.state === "COMPLETED") add(r.provinceCode, "needsCompleted", r._count._all);
  }
  for (const r of bases) if (LIVE_BASE.includes(r.state)) add(r.provinceCode, "bases", r._count._all);
  for (const r of activities) if (r.state !== "DRAFT") add(r.provinceCode, "activities", r._count._all);

  const total = (rows: { _count: { _all: number } }[]) => rows.reduce((a, r) => a + r._count._all, 0);
  return {
    experts: total(experts),
    library: total(library),
    activities: total(activities.filter((r) => r.state !== "DRAFT")),
    publishedCases: cases,
    needsByState: countBy(needs, "state"),
    basesByState: countBy(bases, "state"),
    activitiesByState: countBy(activities, "state"),
    zones: [...zones.values()],
  };
}
