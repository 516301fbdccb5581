import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { NominationState } from "@/lib/generated/prisma/enums";
import type { InScope } from "@/lib/auth/load-in-scope";
import { holds, listScope } from "@/lib/auth/permissions";
import { scopeWhere } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/roles";
import { EXPORT_ROW_LIMIT } from "@/lib/export/table";
import { freshWhere, isStale } from "@/lib/experts/stale";
import { nameLookup } from "@/lib/reference/codes";
import { codeNames, disciplineOptions, provinceOptions, withSubtree } from "@/lib/reference/queries";
import { searchTextWhere } from "@/lib/search/text";
import { meetsLevel, NOMINATABLE_STATUSES } from "@/lib/library/criteria";
import type { CandidateSearch, MemberSearch, NominationSearch } from "@/lib/library/schemas";

export const LIBRARY_PAGE_SIZE = 20;

export type LibraryView = "ministry" | "province";

/** The ministry decides (全国); a province nominates (本省). Anyone else has no library view. */
export function libraryView(user: SessionUser): LibraryView | null {
  if (holds(user, "library.decide")) return "ministry";
  if (holds(user, "library.nominate")) return "province";
  return null;
}

/**
 * Library records (nominations, members) the user may list: all for the ministry (library.decide), the grant's
 * provinces for a province (library.nominate); null for anyone else.
 */
function libraryWhere<W extends object>(user: SessionUser, inProvinces: (codes: string[]) => W): W | null {
  return scopeWhere<W>(user, "library.decide", {}) ?? scopeWhere<W>(user, "library.nominate", { province: inProvinces });
}

const provinceNames = async () => nameLookup(await provinceOptions());
const disciplineNames = async () => nameLookup(await disciplineOptions());

async function userNames(ids: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter(Boolean))];
  if (!wanted.length) return new Map();
  const rows = await db.user.findMany({ where: { id: { in: wanted } }, select: { id: true, displayName: true } });
  return new Map(rows.map((u) => [u.id, u.displayName]));
}


const EXPERT_SUMMARY = {
  id: true, name: true, employer: true, title: true, talentCategories: true, provinceCode: true, disciplineCodes: true,
} satisfies Prisma.ExpertProfileSelect;

// ─── Nominations ────────────────────────────────────────────────────────────────

/**
 * Nominations within the user's scope. `defaultState` applies when the search names none: the ministry's queue is
 * the pending nominations (oldest first, so none waits forever); a province sees all of its own, newest first.
 */
export async function searchNominations(
  user: SessionUser, search: NominationSearch, defaultState: NominationState | "ALL", pageSize = LIBRARY_PAGE_SIZE,
) {
  const scope = libraryWhere<Prisma.LibraryNominationWhereInput>(user, (codes) => ({ provinceCode: { in: codes } }));
  const empty = { total: 0, rows: [], page: 1, pageSize, state: defaultState };
  if (!scope) return empty;
  const state = search.state ?? defaultState;
  const where: Prisma.LibraryNominationWhereInput = {
    AND: [scope, {
      ...(search.province ? { provinceCode: search.province } : {}),
      ...(state === "ALL" ? {} : { state }),
      ...(search.q ? { expert: searchTextWhere(search.q) } : {}),
    }],
  };
  const [total, rows, provinceName] = await Promise.all([
    db.libraryNomination.count({ where }),
    db.libraryNomination.findMany({
      where,
      orderBy: state === "NOMINATED" ? [{ createdAt: "asc" }, { id: "asc" }] : [{ createdAt: "desc" }, { id: "asc" }],
      skip: (search.page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true, state: true, reason: true, willing: true, healthy: true, provinceCode: true, nominatedById: true,
        decidedById: true, decidedAt: true, decisionReason: true, createdAt: true,
        expert: { select: EXPERT_SUMMARY },
      },
    }),
    provinceNames(),
  ]);
  const names = await userNames(rows.flatMap((r) => [r.nominatedById, r.decidedById ?? ""]));
  return {
    total,
    page: search.page,
    pageSize,
    state,
    rows: rows.map((r) => ({
      ...r,
      provinceName: provinceName(r.provinceCode),
      nominatedByName: names.get(r.nominatedById) ?? "—",
      decidedByName: r.decidedById ? names.get(r.decidedById) ?? "—" : null,
      meetsLevel: meetsLevel(r.expert),
    })),
  };
}

// ─── Members ────────────────────────────────────────────────────────────────────

async function membersWhere(user: SessionUser, search: MemberSearch, now: Date): Promise<Prisma.ExpertProfileWhereInput | null> {
  const scope = libraryWhere<Prisma.ExpertProfileWhereInput>(user, (codes) => ({ provinceCode: { in: codes } }));
  if (!scope) return null;
  const filters: Prisma.ExpertProfileWhereInput[] = [
    scope,
    { libraryStatus: "IN_LIBRARY", ...(search.province ? { provinceCode: search.province } : {}) },
    searchTextWhere(search.q),
  ];
  if (search.discipline) {
    filters.push({ disciplineCodes: { hasSome: await withSubtree("discipline", search.discipline) } });
  }
  if (!search.stale) filters.push(freshWhere(now));
  return { AND: filters };
}

const MEMBER_SELECT = {
  ...EXPERT_SUMMARY, libraryJoinedAt: true, lastConfirmedAt: true,
} satisfies Prisma.ExpertProfileSelect;

/** Members of the library within scope; long-unconfirmed members only when asked for, and marked. */
export async function searchMembers(user: SessionUser, search: MemberSearch, now = new Date()) {
  const where = await membersWhere(user, search, now);
  if (!where) return { total: 0, staleHidden: 0, rows: [], page: 1, pageSize: LIBRARY_PAGE_SIZE };
  const withStale = search.stale ? null : await membersWhere(user, { ...search, stale: true }, now);
  const [total, rows, provinceName, disciplineName, totalWithStale] = await Promise.all([
    db.expertProfile.count({ where }),
    db.expertProfile.findMany({
      where,
      orderBy: [{ libraryJoinedAt: { sort: "desc", nulls: "last" } }, { id: "asc" }],
      skip: (search.page - 1) * LIBRARY_PAGE_SIZE,
      take: LIBRARY_PAGE_SIZE,
      select: MEMBER_SELECT,
    }),
    provinceNames(),
    disciplineNames(),
    withStale ? db.expertProfile.count({ where: withStale }) : Promise.resolve(null),
  ]);
  // How many the default list leaves out, so the page can say so.
  const staleHidden = totalWithStale === null ? 0 : Math.max(0, totalWithStale - total);
  return {
    total,
    staleHidden,
    page: search.page,
    pageSize: LIBRARY_PAGE_SIZE,
    rows: rows.map((r) => ({
      ...r,
      provinceName: provinceName(r.provinceCode),
      disciplineNames: r.disciplineCodes.map(disciplineName),
      stale: isStale(r, now),
    })),
  };
}

/** Every member matching the filters (up to the export limit), without personal contact or identity data. */
export async function membersForExport(user: SessionUser, search: MemberSearch, now = new Date()) {
  const where = await membersWhere(user, search, now);
  if (!where) return [];
  const [rows, provinceName, disciplineName] = await Promise.all([
    db.expertProfile.findMany({
      where, orderBy: [{ provinceCode: "asc" }, { libraryJoinedAt: "asc" }, { id: "asc" }], take: EXPORT_ROW_LIMIT,
      select: MEMBER_SELECT,
    }),
    provinceNames(),
    disciplineNames(),
  ]);
  return rows.map((r) => ({
    ...r,
    provinceName: provinceName(r.provinceCode),
    disciplineNames: r.disciplineCodes.map(disciplineName),
    stale: isStale(r, now),
  }));
}

// ─── Nomination candidates (province) ───────────────────────────────────────────

/** Active experts of the province's own scope who could be nominated: not members, no pending nomination. */
export async function searchCandidates(user: SessionUser, search: CandidateSearch) {
  const scope = scopeWhere<Prisma.ExpertProfileWhereInput>(user, "library.nominate", { province: (codes) => ({ provinceCode: { in: codes } }) });
  if (!scope) return { total: 0, rows: [], page: 1, pageSize: LIBRARY_PAGE_SIZE };
  const where: Prisma.ExpertProfileWhereInput = {
    AND: [
      scope,
      { status: "ACTIVE", libraryStatus: { in: [...NOMINATABLE_STATUSES] }, nominations: { none: { state: "NOMINATED" } } },
      searchTextWhere(search.q),
    ],
  };
  const [total, rows] = await Promise.all([
    db.expertProfile.count({ where }),
    db.expertProfile.findMany({
      where,
      orderBy: [{ title: "asc" }, { name: "asc" }, { id: "asc" }],
      skip: (search.page - 1) * LIBRARY_PAGE_SIZE,
      take: LIBRARY_PAGE_SIZE,
      select: { ...EXPERT_SUMMARY, libraryStatus: true, isRetired: true },
    }),
  ]);
  return {
    total, page: search.page, pageSize: LIBRARY_PAGE_SIZE,
    rows: rows.map((r) => ({ ...r, meetsLevel: meetsLevel(r) })),
  };
}

/** One expert for the nomination form, if of the user's province (for lib/auth/load-in-scope). */
export function candidateInScope(expertId: string): InScope<NonNullable<Awaited<ReturnType<typeof candidateDetail>>>> {
  return {
    operation: "library.nominate", entity: { type: "ExpertProfile", id: expertId }, load: () => candidateDetail(expertId),
    scopeOf: (e) => ({ provinceCode: e.provinceCode }),
  };
}

async function candidateDetail(expertId: string) {
  const row = await db.expertProfile.findUnique({
    where: { id: expertId },
    select: {
      ...EXPERT_SUMMARY, status: true, libraryStatus: true, isRetired: true, healthAttestedAt: true, consentAttestedAt: true,
      region: { select: { name: true } },
      nominations: { where: { state: "NOMINATED" }, select: { id: true }, take: 1 },
    },
  });
  if (!row) return null;
  const { nominations, region, ...rest } = row;
  const disciplineName = await codeNames("discipline", rest.disciplineCodes);
  return {
    ...rest,
    regionName: region.name,
    hasPendingNomination: nominations.length > 0,
    disciplineNames: rest.disciplineCodes.map(disciplineName),
  };
}

// ─── The expert's own card ──────────────────────────────────────────────────────

/** The signed-in expert's library membership, for the card on the expert console. */
export async function libraryCardFor(user: SessionUser, now = new Date()) {
  const scope = listScope(user, "library.confirm");
  if (!scope || scope.all || !scope.userId) return null;
  const row = await db.expertProfile.findUnique({
    where: { userId: scope.userId },
    select: {
      id: true, libraryStatus: true, libraryJoinedAt: true, libraryLeftAt: true, libraryLeftReason: true, lastConfirmedAt: true,
      nominations: {
        orderBy: { createdAt: "desc" }, take: 1,
        select: { state: true, createdAt: true, decidedAt: true, decisionReason: true },
      },
    },
  });
  if (!row) return null;
  const { nominations, ...rest } = row;
  const nextDue = row.lastConfirmedAt ? new Date(row.lastConfirmedAt) : null;
  nextDue?.setMonth(nextDue.getMonth() + 12);
  return { ...rest, latestNomination: nominations[0] ?? null, stale: isStale(row, now), nextDue };
}

/** The nominations list for the download: the page's filters and default state, every page of it. */
export async function nominationsForExport(user: SessionUser, search: NominationSearch) {
  const defaultState = libraryView(user) === "ministry" ? "NOMINATED" : "ALL";
  return (await searchNominations(user, { ...search, page: 1 }, defaultState, EXPORT_ROW_LIMIT)).rows;
}
