import { db } from "@/lib/db";
import type { InScope } from "@/lib/auth/load-in-scope";
import { listScope } from "@/lib/auth/permissions";
import { scopeWhere } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/roles";
import type { Prisma } from "@/lib/generated/prisma/client";
import { searchTextWhere } from "@/lib/search/text";
import { readFigures } from "@/lib/cases/figures";
import type { CaseSearch } from "@/lib/cases/schemas";
import { CASE_IMAGE_OWNER } from "@/lib/cases/service";
import { shortlist, sourceOf } from "@/lib/cases/sources";

export const CASE_PAGE_SIZE = 20;

/** The cases `user` may see in the console (case.read: ministry all, a province its own). */
export function casesReadable(user: SessionUser): Prisma.TypicalCaseWhereInput | null {
  return scopeWhere<Prisma.TypicalCaseWhereInput>(user, "case.read", { province: (codes) => ({ provinceCode: { in: codes } }) });
}

export async function searchCases(user: SessionUser, search: CaseSearch) {
  const scope = casesReadable(user);
  if (!scope) return { total: 0, rows: [], page: 1, pageSize: CASE_PAGE_SIZE };
  const where: Prisma.TypicalCaseWhereInput = { AND: [scope, searchTextWhere(search.q), search.state ? { state: search.state } : {}] };
  const [total, rows] = await Promise.all([
    db.typicalCase.count({ where }),
    db.typicalCase.findMany({
      where, orderBy: [{ updatedAt: "desc" }, { id: "asc" }], skip: (search.page - 1) * CASE_PAGE_SIZE, take: CASE_PAGE_SIZE,
      select: { id: true, title: true, state: true, provinceCode: true, sourceKind: true, replicable: true, updatedAt: true, publishedAt: true },
    }),
  ]);
  return { total, rows, page: search.page, pageSize: CASE_PAGE_SIZE };
}

/** The shortlist for the user's provinces (all for the ministry); empty when the user may not write cases. */
export async function shortlistFor(user: SessionUser) {
  const scope = listScope(user, "case.submit");
  if (!scope) return [];
  return shortlist(db, scope.all ? null : scope.provinceCodes);
}

const detailSelect = {
  id: true, title: true, summary: true, body: true, state: true, provinceCode: true, regionCode: true, activityId: true,
  sourceKind: true, sourceId: true, field: true, forms: true, replicable: true, figures: true, figuresAt: true, authorId: true,
  submittedAt: true, reviewedAt: true, reviewComment: true, publishedAt: true, withdrawnAt: true, withdrawReason: true,
  version: true, createdAt: true, updatedAt: true,
  events: { orderBy: { createdAt: "asc" }, select: { id: true, action: true, comment: true, createdAt: true, actorId: true } },
} satisfies Prisma.TypicalCaseSelect;

/** A case for the console's detail page; its scope is its province. */
export function caseInScope(id: string): InScope<Prisma.TypicalCaseGetPayload<{ select: typeof detailSelect }>> {
  return {
    operation: "case.read",
    entity: { type: "TypicalCase", id },
    load: () => db.typicalCase.findUnique({ where: { id: id.slice(0, 40) }, select: detailSelect }),
    scopeOf: (c) => ({ provinceCode: c.provinceCode }),
  };
}

/** What the detail page shows beside the case: names, images, the source as it is today. */
export async function caseContext(c: { id: string; authorId: string; regionCode: string | null; sourceKind: Parameters<typeof sourceOf>[0] | null; sourceId: string | null; events: { actorId: string | null }[]; figures: unknown }) {
  const actorIds = [...new Set([c.authorId, ...c.events.map((e) => e.actorId).filter((x): x is string => !!x)])];
  const [users, region, images, source] = await Promise.all([
    db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, displayName: true } }),
    c.regionCode ? db.region.findUnique({ where: { code: c.regionCode }, select: { name: true } }) : null,
    db.attachment.findMany({ where: { ownerType: CASE_IMAGE_OWNER, ownerId: c.id }, orderBy: { createdAt: "asc" }, select: { id: true, fileName: true, sizeBytes: true } }),
    c.sourceKind && c.sourceId ? sourceOf(c.sourceKind)?.row(db, c.sourceId) ?? null : null,
  ]);
  const nameOf = new Map(users.map((u) => [u.id, u.displayName]));
  return { nameOf, regionName: region?.name ?? null, images, source, figures: readFigures(c.figures) };
}
