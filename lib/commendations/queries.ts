import { db } from "@/lib/db";
import type { InScope } from "@/lib/auth/load-in-scope";
import { listScope } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { scopeWhere } from "@/lib/auth/scope";
import { chinaDate } from "@/lib/calendar/china-time";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CandidateSearch, CommendationSearch } from "@/lib/commendations/schemas";
import type { CommendationFigures } from "@/lib/commendations/schemas";
import { yearFigures } from "@/lib/commendations/service";
import { COMMENDATION_WORKFLOW } from "@/lib/commendations/workflow";
import { EXPORT_ROW_LIMIT } from "@/lib/export/table";

export const COMMENDATION_PAGE_SIZE = 20;

export const currentYear = () => Number(chinaDate().slice(0, 4));

/** Nominations `user` may see: the ministry all, a province its experts'. */
export function commendationsReadable(user: SessionUser): Prisma.CommendationWhereInput | null {
  return scopeWhere<Prisma.CommendationWhereInput>(user, "commendation.read", {
    province: (codes) => ({ provinceCode: { in: codes } }),
  });
}

function whereOf(scope: Prisma.CommendationWhereInput, s: CommendationSearch): Prisma.CommendationWhereInput {
  return {
    AND: [
      scope,
      s.year ? { year: s.year } : {},
      s.state ? { state: s.state } : {},
      s.priority ? { priority: true } : {},
      s.q ? { expert: { OR: [{ name: { contains: s.q } }, { employer: { contains: s.q } }] } } : {},
    ],
  };
}

const listSelect = {
  id: true, year: true, state: true, priority: true, figures: true, reason: true, decisionComment: true, nominatedAt: true, decidedAt: true,
  provinceCode: true, expert: { select: { name: true, employer: true, title: true, region: { select: { name: true } } } },
} satisfies Prisma.CommendationSelect;

function listRow(c: Prisma.CommendationGetPayload<{ select: typeof listSelect }>) {
  const { figures, expert, ...rest } = c;
  return { ...rest, figures: figures as unknown as CommendationFigures, expertName: expert.name, employer: expert.employer, title: expert.title, place: expert.region.name };
}
export type CommendationRow = ReturnType<typeof listRow>;

export async function searchCommendations(user: SessionUser, search: CommendationSearch) {
  const scope = commendationsReadable(user);
  if (!scope) return { total: 0, rows: [], page: 1, pageSize: COMMENDATION_PAGE_SIZE };
  const where = whereOf(scope, search);
  const [total, rows] = await Promise.all([
    db.commendation.count({ where }),
    db.commendation.findMany({
      where, select: listSelect, orderBy: [{ year: "desc" }, { nominatedAt: "desc" }, { id: "asc" }],
      skip: (search.page - 1) * COMMENDATION_PAGE_SIZE, take: COMMENDATION_PAGE_SIZE,
    }),
  ]);
  return { total, rows: rows.map(listRow), page: search.page, pageSize: COMMENDATION_PAGE_SIZE };
}

/** The download: the list's filters, every page (the 优先推荐 list is state=APPROVED&priority=1). */
export async function commendationsForExport(user: SessionUser, search: CommendationSearch) {
  const scope = commendationsReadable(user);
  if (!scope) return [];
  const rows = await db.commendation.findMany({
    where: whereOf(scope, search), select: listSelect, orderBy: [{ year: "desc" }, { provinceCode: "asc" }, { nominatedAt: "asc" }], take: EXPORT_ROW_LIMIT,
  });
  return rows.map(listRow);
}

async function loadCommendation(id: string) {
  const c = await db.commendation.findUnique({
    where: { id },
    select: {
      ...listSelect, version: true, expertId: true, nominatedById: true, decidedById: true,
    },
  });
  if (!c) return null;
  const people = await db.user.findMany({ where: { id: { in: [c.nominatedById, c.decidedById].filter((x): x is string => !!x) } }, select: { id: true, displayName: true } });
  const name = new Map(people.map((p) => [p.id, p.displayName]));
  return { ...listRow(c), version: c.version, expertId: c.expertId, nominatedBy: name.get(c.nominatedById) ?? null, decidedBy: c.decidedById ? name.get(c.decidedById) ?? null : null };
}

export function commendationInScope(id: string): InScope<NonNullable<Awaited<ReturnType<typeof loadCommendation>>>> {
  return {
    operation: "commendation.read",
    entity: { type: "Commendation", id },
    load: () => loadCommendation(id),
    scopeOf: (c) => ({ provinceCode: c.provinceCode }),
  };
}

export function commendationActions(user: SessionUser, c: { state: CommendationRow["state"]; provinceCode: string }) {
  return COMMENDATION_WORKFLOW.allowed(user, c.state, { provinceCode: c.provinceCode });
}

export type Candidate = {
  expertId: string; name: string; employer: string; provinceCode: string; hours: number; records: number; units: number;
  peopleServed: number; nomination: string | null;
};

/**
 * Experts in the user's scope with unit-confirmed service in the year, most hours first: where nominations start.
 * One aggregate query over the records (not the experts' figures one by one).
 */
export async function searchCandidates(user: SessionUser, search: CandidateSearch) {
  const year = search.year ?? currentYear();
  const scope = listScope(user, "commendation.nominate");
  const empty = { year, total: 0, rows: [] as Candidate[], page: 1, pageSize: COMMENDATION_PAGE_SIZE };
  if (!scope || (!scope.all && !scope.provinceCodes.length)) return empty;
  const inScope = scope.all ? Prisma.sql`TRUE` : Prisma.sql`p."provinceCode" IN (${Prisma.join(scope.provinceCodes)})`;
  const named = search.q ? Prisma.sql`(p.name LIKE ${`%${search.q}%`} OR p.employer LIKE ${`%${search.q}%`})` : Prisma.sql`TRUE`;
  const from = new Date(`${year}-01-01T00:00:00Z`);
  const to = new Date(`${year}-12-31T00:00:00Z`);
  const base = Prisma.sql`
    FROM "ServiceRecord" r
    JOIN "Engagement" e ON e.id = r."engagementId"
    JOIN "Need" n ON n.id = e."needId"
    JOIN "ExpertProfile" p ON p.id = e."expertId"
    WHERE r.state = 'CONFIRMED' AND e.state <> 'CANCELLED' AND r."startDate" >= ${from} AND r."endDate" <= ${to}
      AND ${inScope} AND ${named}`;
  const [{ count }] = await db.$queryRaw<{ count: bigint }[]>`SELECT count(DISTINCT p.id) AS count ${base}`;
  const rows = await db.$queryRaw<{ expertId: string; name: string; employer: string; provinceCode: string; hours: Prisma.Decimal; records: bigint; units: bigint; peopleServed: bigint }[]>`
    SELECT p.id AS "expertId", p.name, p.employer, p."provinceCode", sum(r.hours) AS hours, count(*) AS records,
           count(DISTINCT n."unitId") AS units, sum(r."peopleServed") AS "peopleServed"
    ${base}
    GROUP BY p.id ORDER BY hours DESC, p.name, p.id
    LIMIT ${COMMENDATION_PAGE_SIZE} OFFSET ${(search.page - 1) * COMMENDATION_PAGE_SIZE}`;
  const nominations = await db.commendation.findMany({ where: { year, expertId: { in: rows.map((r) => r.expertId) } }, select: { expertId: true, state: true } });
  const stateOf = new Map(nominations.map((n) => [n.expertId, n.state]));
  return {
    year, total: Number(count), page: search.page, pageSize: COMMENDATION_PAGE_SIZE,
    rows: rows.map((r): Candidate => ({
      expertId: r.expertId, name: r.name, employer: r.employer, provinceCode: r.provinceCode, hours: Number(r.hours), records: Number(r.records),
      units: Number(r.units), peopleServed: Number(r.peopleServed), nomination: stateOf.get(r.expertId) ?? null,
    })),
  };
}

async function loadNominee(expertId: string) {
  return db.expertProfile.findUnique({ where: { id: expertId }, select: { id: true, name: true, employer: true, title: true, provinceCode: true, region: { select: { name: true } } } });
}

/** The expert a nomination form is for (commendation.nominate over the expert's province; else 404). */
export function nomineeInScope(expertId: string): InScope<NonNullable<Awaited<ReturnType<typeof loadNominee>>>> {
  return {
    operation: "commendation.nominate",
    entity: { type: "ExpertProfile", id: expertId },
    load: () => loadNominee(expertId),
    scopeOf: (e) => ({ provinceCode: e.provinceCode }),
  };
}

/** The figures the nomination would rest on, and the nomination already made for the year, if any. */
export async function nominationFacts(expertId: string, year: number) {
  const [figures, existing] = await Promise.all([
    yearFigures(db, expertId, year),
    db.commendation.findUnique({ where: { expertId_year: { expertId, year } }, select: { id: true, state: true } }),
  ]);
  return { figures, existing };
}
