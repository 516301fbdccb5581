import { db } from "@/lib/db";

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

/** Annual plans currently accepting applications, with their program. */
export async function openPlans() {
  return db.annualPlan.findMany({
    where: { state: "OPEN" },
    orderBy: [{ year: "desc" }, { program: { code: "asc" } }],
    select: {
      id: true, year: true, theme: true, description: true, applicationClosesAt: true,
      program: { select: { name: true } },
    },
  });
}

/** The latest published typical cases (title, summary, province name, date). */
export async function latestCases(take = 6) {
  const rows = await db.typicalCase.findMany({
    where: { state: "PUBLISHED", publishedAt: { not: null } },
    orderBy: { publishedAt: "desc" },
    take,
    select: { id: true, title: true, summary: true, provinceCode: true, publishedAt: true },
  });
  const codes = [...new Set(rows.map((r) => r.provinceCode).filter((c): c is string => !!c))];
  const provinces = codes.length
    ? await db.region.findMany({ where: { level: "PROVINCE", provinceCode: { in: codes } }, select: { provinceCode: true, name: true } })
    : [];
  const nameOf = new Map(provinces.map((p) => [p.provinceCode, p.name]));
  return rows.map(({ provinceCode, ...r }) => ({ ...r, provinceName: provinceCode ? (nameOf.get(provinceCode) ?? null) : null }));
}
