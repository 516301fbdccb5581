import { describeValue, REVIEWED_FIELD_LABEL, REVIEWED_FIELDS, type ReviewedChanges } from "@/lib/experts/profile-review";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/roles";
import type { InScope } from "@/lib/auth/load-in-scope";
import { listScope } from "@/lib/auth/permissions";
import { scopeWhere } from "@/lib/auth/scope";
import { EXPORT_ROW_LIMIT } from "@/lib/export/table";
import { matchability } from "@/lib/experts/eligibility";
import type { ExpertSearch } from "@/lib/experts/schemas";
import { canApprove, canEdit, canRead, canViewPersonal, expertListWhere, isOwnProvince, SCOPE_SELECT, SHARED_WHERE } from "@/lib/experts/scope";
import { freshWhere, isStale } from "@/lib/experts/stale";
import { openPersonal } from "@/lib/privacy/at-rest";
import { maskPersonal } from "@/lib/privacy/mask";
import { codeNames, regionPaths, withSubtree } from "@/lib/reference/queries";
import { searchTextWhere } from "@/lib/search/text";

// Reads of the expert pool. Phone, e-mail and ID number leave this module only masked; the full values are
// returned solely by the audited reveal action (operations.ts revealPersonalOp).

export const EXPERT_PAGE_SIZE = 20;

/** The where-clause of a search, within the user's scope; null when the user may list nothing. */
export async function expertSearchWhere(user: SessionUser, s: ExpertSearch, now = new Date()): Promise<Prisma.ExpertProfileWhereInput | null> {
  const scope = expertListWhere(user);
  if (!scope) return null;
  const and: Prisma.ExpertProfileWhereInput[] = [scope, searchTextWhere(s.q)];
  const ownProvinces = user.roles.filter((g) => g.role === "PROVINCE_ADMIN" && g.provinceCode).map((g) => g.provinceCode!);
  if (s.origin === "own" && ownProvinces.length) and.push({ provinceCode: { in: ownProvinces } });
  if (s.origin === "shared" && ownProvinces.length) and.push({ ...SHARED_WHERE, provinceCode: { notIn: ownProvinces } });
  if (s.province) and.push({ provinceCode: s.province });
  if (s.region) and.push({ regionCode: { startsWith: s.region } });
  if (s.discipline) and.push({ disciplineCodes: { hasSome: await withSubtree("discipline", s.discipline) } });
  if (s.industry) and.push({ industryCodes: { hasSome: await withSubtree("industry", s.industry) } });
  if (s.title) and.push({ title: s.title });
  if (s.talent) and.push({ talentCategories: { has: s.talent } });
  if (s.library) and.push({ libraryStatus: s.library });
  if (s.status) and.push({ status: s.status });
  if (s.retired) and.push({ isRetired: s.retired === "yes" });
  if (s.sharing) and.push({ shareAcrossRegions: s.sharing === "yes" });
  // Stale profiles are left out by default; the registration queue is about new people, so it shows them all.
  if (!s.stale && s.status !== "PENDING") and.push(freshWhere(now));
  return { AND: and };
}

const ORDER: Record<ExpertSearch["sort"], Prisma.ExpertProfileOrderByWithRelationInput[]> = {
  updated: [{ updatedAt: "desc" }, { id: "asc" }],
  name: [{ name: "asc" }, { id: "asc" }],
  confirmed: [{ lastConfirmedAt: { sort: "desc", nulls: "last" } }, { id: "asc" }],
  birthYear: [{ birthYear: "asc" }, { id: "asc" }],
};

const ROW_SELECT = {
  id: true, name: true, gender: true, birthYear: true, employer: true, title: true, regionCode: true, provinceCode: true,
  disciplineCodes: true, industryCodes: true, skills: true, talentCategories: true, libraryStatus: true, status: true,
  isRetired: true, shareAcrossRegions: true, lastConfirmedAt: true, userId: true, source: true,
  phone: true, email: true, idNumber: true,
} satisfies Prisma.ExpertProfileSelect;

type RawRow = Prisma.ExpertProfileGetPayload<{ select: typeof ROW_SELECT }>;

function toRow(user: SessionUser, r: RawRow, regions: Map<string, string>, now: Date) {
  const { phone, email, idNumber, userId, ...rest } = openPersonal(r);
  return {
    ...rest,
    ...maskPersonal({ phone, email, idNumber }),
    regionName: regions.get(r.regionCode) ?? r.regionCode,
    stale: isStale(r, now),
    shared: !listScope(user, "expert.read")?.all && !isOwnProvince(user, r) && userId !== user.id,
  };
}

export type ExpertRow = ReturnType<typeof toRow>;

/** One page of the experts the user may see, personal data masked. */
export async function searchExperts(user: SessionUser, s: ExpertSearch, now = new Date()) {
  const where = await expertSearchWhere(user, s, now);
  if (!where) return { total: 0, rows: [] as ExpertRow[], page: 1, pageSize: EXPERT_PAGE_SIZE };
  const [total, raw] = await Promise.all([
    db.expertProfile.count({ where }),
    db.expertProfile.findMany({ where, orderBy: ORDER[s.sort], skip: (s.page - 1) * EXPERT_PAGE_SIZE, take: EXPERT_PAGE_SIZE, select: ROW_SELECT }),
  ]);
  const regions = await regionPaths(raw.map((r) => r.regionCode));
  return { total, page: s.page, pageSize: EXPERT_PAGE_SIZE, rows: raw.map((r) => toRow(user, r, regions, now)) };
}

/** Every matching expert for an export (capped), personal data masked. */
export async function exportExperts(user: SessionUser, s: ExpertSearch, now = new Date()) {
  const where = await expertSearchWhere(user, s, now);
  if (!where) return [];
  const raw = await db.expertProfile.findMany({ where, orderBy: ORDER[s.sort], take: EXPORT_ROW_LIMIT, select: ROW_SELECT });
  const regions = await regionPaths(raw.map((r) => r.regionCode));
  const [discipline, industry] = await Promise.all([
    codeNames("discipline", raw.flatMap((r) => r.disciplineCodes)),
    codeNames("industry", raw.flatMap((r) => r.industryCodes)),
  ]);
  return raw.map((r) => ({
    ...toRow(user, r, regions, now),
    disciplineNames: r.disciplineCodes.map(discipline),
    industryNames: r.industryCodes.map(industry),
  }));
}

export type ExpertAccess = { read: boolean; edit: boolean; viewPersonal: boolean; approve: boolean; own: boolean; self: boolean };

/** Only the scope fields, to decide access before loading the profile. */
export async function expertScopeOf(id: string) {
  return db.expertProfile.findUnique({ where: { id }, select: { id: true, ...SCOPE_SELECT } });
}
type ExpertScopeRow = NonNullable<Awaited<ReturnType<typeof expertScopeOf>>>;

/** An expert's scope fields, if the user may read (or edit) the profile (for lib/auth/load-in-scope). */
export function expertInScope(id: string, operation: "expert.read" | "expert.update"): InScope<ExpertScopeRow> {
  return {
    operation, entity: { type: "ExpertProfile", id }, load: () => expertScopeOf(id),
    allows: operation === "expert.read" ? canRead : canEdit,
  };
}

export function accessTo(user: SessionUser, e: ExpertScopeRow): ExpertAccess {
  return {
    read: canRead(user, e),
    edit: canEdit(user, e),
    viewPersonal: canViewPersonal(user, e),
    approve: canApprove(user, e),
    own: isOwnProvince(user, e),
    self: !!e.userId && e.userId === user.id,
  };
}

/** The full profile for the detail and edit pages (personal data masked). Call after access is checked. */
export async function expertDetail(id: string, now = new Date()) {
  const e = await db.expertProfile.findUnique({
    where: { id },
    select: {
      ...ROW_SELECT, bio: true, preferredForms: true, serviceRegionCodes: true, acceptsRemote: true, maxConcurrent: true,
      activeEngagements: true, healthAttestedAt: true, consentAttestedAt: true, reviewComment: true, libraryJoinedAt: true,
      libraryLeftAt: true, libraryLeftReason: true, version: true, createdAt: true, updatedAt: true,
      user: { select: { username: true, status: true } },
      achievements: { select: { id: true, kind: true, title: true, abstract: true, year: true }, orderBy: [{ year: { sort: "desc", nulls: "last" } }, { createdAt: "asc" }] },
      availability: { select: { id: true, kind: true, startsOn: true, endsOn: true, note: true }, orderBy: { startsOn: "asc" } },
    },
  });
  if (!e) return null;
  const { phone, email, idNumber, ...rest } = openPersonal(e);
  const [regions, discipline, industry, region] = await Promise.all([
    regionPaths([e.regionCode]),
    codeNames("discipline", e.disciplineCodes),
    codeNames("industry", e.industryCodes),
    codeNames("region", e.serviceRegionCodes),
  ]);
  return {
    ...rest,
    personal: maskPersonal({ phone, email, idNumber }),
    hasPersonal: { phone: !!phone, email: !!email, idNumber: !!idNumber },
    regionName: regions.get(e.regionCode) ?? e.regionCode,
    disciplineNames: e.disciplineCodes.map(discipline),
    industryNames: e.industryCodes.map(industry),
    serviceRegionNames: e.serviceRegionCodes.map(region),
    stale: isStale(e, now),
    matchability: matchability(e, now),
  };
}

export type ExpertDetail = NonNullable<Awaited<ReturnType<typeof expertDetail>>>;

/** The signed-in expert's own profile id, if any. */
export async function ownExpertId(userId: string): Promise<string | null> {
  return (await db.expertProfile.findUnique({ where: { userId }, select: { id: true } }))?.id ?? null;
}

/** Registrations waiting for the user's review (for a count on the list page). */
export async function pendingRegistrations(user: SessionUser): Promise<number> {
  const scope = scopeWhere<Prisma.ExpertProfileWhereInput>(user, "expert.approve", { province: (codes) => ({ provinceCode: { in: codes } }) });
  if (!scope) return 0;
  return db.expertProfile.count({ where: { AND: [scope, { status: "PENDING" }] } });
}

/** The expert's change to reviewed fields waiting for the province, as the detail and profile pages show it. */
export async function pendingProfileChange(expertId: string) {
  const row = await db.expertProfileChange.findFirst({
    where: { expertId, state: "PENDING" },
    select: { id: true, changes: true, createdAt: true },
  });
  if (!row) return null;
  const changes = row.changes as ReviewedChanges;
  return {
    id: row.id,
    createdAt: row.createdAt,
    items: REVIEWED_FIELDS.filter((f) => f in changes).map((f) => ({
      field: f, label: REVIEWED_FIELD_LABEL[f], from: describeValue(f, changes[f]!.from), to: describeValue(f, changes[f]!.to),
    })),
  };
}
export type PendingProfileChange = NonNullable<Awaited<ReturnType<typeof pendingProfileChange>>>;
