import { db } from "@/lib/db";
import { portalCached, PORTAL_TAG } from "@/lib/portal/cache";

// Public portal: only aggregates and published material. No names of people, no contact details, no IDs of
// users or experts ever leave this module.

export async function portalFigures() {
  const [experts, needsServing, needsCompleted, bases, cases] = await Promise.all([
    db.expertProfile.count({ where: { status: "ACTIVE" } }),
    db.need.count({ where: { state: { in: ["MATCHED", "IN_SERVICE"] } } }),
    db.need.count({ where: { state: "COMPLETED" } }),
    db.serviceBase.count({ where: { state: { in: ["ESTABLISHED", "RECTIFYING"] } } }),
    db.typicalCase.count({ where: { state: "PUBLISHED" } }),
  ]);
  return { experts, needsServing, needsCompleted, bases, cases };
}

/** This year's annual themes (the latest year with a plan past its draft), each with its program and state. */
export async function readAnnualThemes() {
  const latest = await db.annualPlan.findFirst({ where: { state: { not: "DRAFT" } }, orderBy: { year: "desc" }, select: { year: true } });
  if (!latest) return [];
  return db.annualPlan.findMany({
    where: { year: latest.year, state: { not: "DRAFT" } },
    orderBy: { program: { code: "asc" } },
    select: { id: true, year: true, theme: true, description: true, state: true, applicationClosesAt: true, program: { select: { name: true } } },
  });
}

// The home page's reads, cached (lib/portal/cache.ts): figures and themes change slowly; a minute's delay is fine.
export const cachedPortalFigures = portalCached("home:figures", [PORTAL_TAG.home, PORTAL_TAG.cases], portalFigures);
export const cachedAnnualThemes = portalCached("home:themes", [PORTAL_TAG.home], readAnnualThemes);
