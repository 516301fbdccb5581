import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { chinaDay } from "@/lib/calendar/china-time";
import { organizationScope } from "@/lib/dashboard/scope";

/** The base console: bases hosted by the user's organization(s) and their open rectification orders. */
export async function baseDashboard(user: SessionUser) {
  const orgIds = organizationScope(user, "console.base");
  if (!orgIds.length) return null;
  const [hosts, bases, orders] = await Promise.all([
    db.organization.findMany({ where: { id: { in: orgIds } }, select: { name: true }, orderBy: { name: "asc" } }),
    db.serviceBase.findMany({
      where: { hostOrgId: { in: orgIds } },
      orderBy: { createdAt: "asc" },
      select: { id: true, name: true, level: true, state: true, focus: true, establishedAt: true },
    }),
    db.rectificationOrder.findMany({
      where: { base: { hostOrgId: { in: orgIds } }, state: { in: ["ISSUED", "RESPONDED"] } },
      orderBy: { deadline: "asc" },
      select: { id: true, reason: true, deadline: true, state: true, base: { select: { name: true } } },
    }),
  ]);
  return {
    hostNames: hosts.map((h) => h.name),
    bases,
    // Deadlines are calendar dates; one is overdue once its day has passed in Beijing time.
    openRectifications: orders.map(({ base, ...o }) => ({ ...o, baseName: base.name, overdue: o.deadline < chinaDay() })),
  };
}
