import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { publishedDemonstration } from "@/lib/activities/selection-queries";
import { PUBLIC_CHALLENGE_STATES } from "@/lib/challenges/workflow";
import { searchTextWhere } from "@/lib/search/text";
import { portalCached, PORTAL_TAG } from "@/lib/portal/cache";
import { readFigures } from "@/lib/cases/figures";
import { sanitizeStory } from "@/lib/cases/sanitize";
import type { PublicCaseSearch } from "@/lib/cases/schemas";

// The public case library: published cases only, whatever the address asks for. No names of people, no user ids.

export const PUBLIC_CASE_PAGE_SIZE = 12;

const PUBLISHED = { state: "PUBLISHED" } as const satisfies Prisma.TypicalCaseWhereInput;

async function provinceNames(codes: (string | null)[]) {
  const wanted = [...new Set(codes.filter((c): c is string => !!c))];
  if (!wanted.length) return new Map<string, string>();
  const rows = await db.region.findMany({ where: { level: "PROVINCE", provinceCode: { in: wanted } }, select: { provinceCode: true, name: true } });
  return new Map(rows.map((r) => [r.provinceCode, r.name]));
}

export async function listPublished(search: PublicCaseSearch) {
  const where: Prisma.TypicalCaseWhereInput = {
    AND: [
      PUBLISHED,
      searchTextWhere(search.q),
      search.field ? { field: search.field } : {},
      search.form ? { forms: { has: search.form } } : {},
      search.region ? { provinceCode: search.region } : {},
      search.replicable ? { replicable: true } : {},
    ],
  };
  const [total, rows] = await Promise.all([
    db.typicalCase.count({ where }),
    db.typicalCase.findMany({
      where, orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
      skip: (search.page - 1) * PUBLIC_CASE_PAGE_SIZE, take: PUBLIC_CASE_PAGE_SIZE,
      select: { id: true, title: true, summary: true, provinceCode: true, field: true, forms: true, replicable: true, publishedAt: true, figures: true },
    }),
  ]);
  const names = await provinceNames(rows.map((r) => r.provinceCode));
  return {
    total, page: search.page, pageSize: PUBLIC_CASE_PAGE_SIZE,
    rows: rows.map(({ provinceCode, figures, ...r }) => ({ ...r, provinceName: provinceCode ? (names.get(provinceCode) ?? null) : null, figures: readFigures(figures) })),
  };
}

/** One page of the library (cached per search). */
export const publishedCases = portalCached("cases:list", [PORTAL_TAG.cases], listPublished);

export async function onePublished(id: string) {
  const c = await db.typicalCase.findFirst({
    where: { ...PUBLISHED, id: id.slice(0, 40) },
    select: {
      id: true, title: true, summary: true, body: true, provinceCode: true, regionCode: true, field: true, forms: true, replicable: true,
      figures: true, figuresAt: true, publishedAt: true, sourceKind: true, sourceId: true, activityId: true,
    },
  });
  if (!c) return null;
  const [names, region, demonstration, challenge] = await Promise.all([
    provinceNames([c.provinceCode]),
    c.regionCode ? db.region.findUnique({ where: { code: c.regionCode }, select: { name: true } }) : null,
    c.activityId ? publishedDemonstration(c.activityId) : null,
    // A 揭榜挂帅 case links to the challenge's public page (never to one the public cannot see).
    c.sourceKind === "CHALLENGE" && c.sourceId
      ? db.challenge.findFirst({ where: { id: c.sourceId, state: { in: [...PUBLIC_CHALLENGE_STATES] }, publishedAt: { not: null } }, select: { id: true, title: true } })
      : null,
  ]);
  return {
    id: c.id, title: c.title, summary: c.summary, field: c.field, forms: c.forms, replicable: c.replicable,
    figuresAt: c.figuresAt, publishedAt: c.publishedAt, sourceKind: c.sourceKind,
    body: sanitizeStory(c.body), // stored clean; cleaned again in case a row was written around the editor
    figures: readFigures(c.figures),
    provinceName: c.provinceCode ? (names.get(c.provinceCode) ?? null) : null,
    regionName: region?.name ?? null,
    demonstration: demonstration ? { id: demonstration.id, title: demonstration.title } : null,
    challenge,
  };
}

/** A published case, or null for anything else (a draft, a case in review, a withdrawn one, no such id). */
export const publishedCase = portalCached("cases:one", [PORTAL_TAG.cases], onePublished);

/** The latest published cases for the home page. */
export const latestPublishedCases = portalCached("cases:latest", [PORTAL_TAG.cases], async (take: number) => {
  const page = await listPublished({ page: 1 });
  return page.rows.slice(0, take);
});

/** Provinces that have published cases (the library's region filter). */
export const caseProvinces = portalCached("cases:provinces", [PORTAL_TAG.cases], async () => {
  const rows = await db.typicalCase.groupBy({ by: ["provinceCode"], where: PUBLISHED, _count: true });
  const names = await provinceNames(rows.map((r) => r.provinceCode));
  return rows.flatMap((r) => (r.provinceCode ? [{ code: r.provinceCode, name: names.get(r.provinceCode) ?? r.provinceCode }] : []))
    .sort((a, b) => a.code.localeCompare(b.code));
});
