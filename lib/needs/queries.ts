import { db } from "@/lib/db";
import { chinaDayEnd, chinaDayStart } from "@/lib/calendar/china-time";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { NeedState } from "@/lib/generated/prisma/enums";
import { holds, listScope, type Operation, type ResourceScope } from "@/lib/auth/permissions";
import { recordInScope, type InScope } from "@/lib/auth/load-in-scope";
import type { SessionUser } from "@/lib/auth/roles";
import { scopeWhere } from "@/lib/auth/scope";
import { EXPORT_ROW_LIMIT } from "@/lib/export/table";
import { codeNames, regionPaths, withSubtree } from "@/lib/reference/queries";
import { searchTextWhere } from "@/lib/search/text";
import type { NeedSearch } from "@/lib/needs/schemas";
import { orderingUnit } from "@/lib/needs/service";
import { NEED_WORKFLOW } from "@/lib/needs/workflow";

export const NEED_PAGE_SIZE = 20;

/** The needs a user may read: 本单位 for units, 本省 for provinces, all for the ministry; null for none. */
export function readableNeedsWhere(user: SessionUser): Prisma.NeedWhereInput | null {
  return scopeWhere<Prisma.NeedWhereInput>(user, "need.read", {
    province: (codes) => ({ provinceCode: { in: codes } }),
    unit: (ids) => ({ unitId: { in: ids } }),
  });
}

/** The state filter in effect: reviewers land on 待审核 unless they chose otherwise ("ALL" = every state). */
export function effectiveState(user: SessionUser, search: NeedSearch): NeedState | undefined {
  if (search.state === "ALL") return undefined;
  if (search.state) return search.state as NeedState;
  return holds(user, "need.review") ? "SUBMITTED" : undefined;
}

async function filtersOf(user: SessionUser, search: NeedSearch): Promise<Prisma.NeedWhereInput[] | null> {
  const scope = readableNeedsWhere(user);
  if (!scope) return null;
  const where: Prisma.NeedWhereInput[] = [scope, searchTextWhere(search.q)];
  const state = effectiveState(user, search);
  if (state) where.push({ state });
  if (search.region) {
    where.push(search.region.length === 2 ? { provinceCode: search.region } : { regionCode: { startsWith: search.region } });
  }
  if (search.discipline) where.push({ disciplineCodes: { hasSome: await withSubtree("discipline", search.discipline) } });
  if (search.form) where.push({ menuItems: { some: { menuItem: { form: search.form } } } });
  if (search.menuItem) where.push({ menuItems: { some: { menuItemId: search.menuItem } } });
  if (search.breakBottleneck) where.push({ breakBottleneck: true });
  if (search.promoteTechnology) where.push({ promoteTechnology: true });
  if (search.raiseFarmerIncome) where.push({ raiseFarmerIncome: true });
  if (search.from) where.push({ createdAt: { gte: chinaDayStart(search.from) } });
  if (search.to) where.push({ createdAt: { lt: chinaDayEnd(search.to) } });
  return where;
}

/**
 * Needs the policy puts first (section 2): breaking a bottleneck, then spreading technology, then raising farmers'
 * income (true sorts after false ascending, so descending puts a flagged need first).
 */
export const PRIORITY_ORDER: Prisma.NeedOrderByWithRelationInput[] = [
  { breakBottleneck: "desc" }, { promoteTechnology: "desc" }, { raiseFarmerIncome: "desc" },
];

function orderOf(sort: NeedSearch["sort"]): Prisma.NeedOrderByWithRelationInput[] {
  if (sort === "submitted") return [{ submittedAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }, { id: "asc" }];
  // Urgency is an enum declared LOW, NORMAL, HIGH: descending puts 紧急 first.
  if (sort === "urgency") return [{ urgency: "desc" }, { createdAt: "desc" }, { id: "asc" }];
  if (sort === "priority") return [...PRIORITY_ORDER, { urgency: "desc" }, { submittedAt: { sort: "asc", nulls: "last" } }, { id: "asc" }];
  return [{ createdAt: "desc" }, { id: "asc" }];
}

const listSelect = {
  id: true, code: true, title: true, state: true, urgency: true, regionCode: true, createdAt: true, submittedAt: true,
  expertsWanted: true, breakBottleneck: true, promoteTechnology: true, raiseFarmerIncome: true, onBehalfOf: true,
  unit: { select: { name: true } },
  menuItems: { select: { menuItem: { select: { name: true } } } },
} satisfies Prisma.NeedSelect;

/** One page of the needs the user may read, filtered and sorted. */
export async function searchNeeds(user: SessionUser, search: NeedSearch) {
  const filters = await filtersOf(user, search);
  const state = effectiveState(user, search);
  if (!filters) return { total: 0, rows: [], page: 1, pageSize: NEED_PAGE_SIZE, state };
  const where = { AND: filters };
  const [total, rows] = await Promise.all([
    db.need.count({ where }),
    db.need.findMany({ where, orderBy: orderOf(search.sort), skip: (search.page - 1) * NEED_PAGE_SIZE, take: NEED_PAGE_SIZE, select: listSelect }),
  ]);
  const places = await regionPaths(rows.map((r) => r.regionCode));
  return {
    total, page: search.page, pageSize: NEED_PAGE_SIZE, state,
    rows: rows.map(({ menuItems, unit, ...r }) => ({
      ...r, unitName: unit.name, place: places.get(r.regionCode) ?? r.regionCode, menuNames: menuItems.map((m) => m.menuItem.name),
    })),
  };
}

/** Every row the filters select within the user's scope (capped), with names for the spreadsheet. */
export async function needsForExport(user: SessionUser, search: NeedSearch) {
  const filters = await filtersOf(user, search);
  if (!filters) return [];
  const rows = await db.need.findMany({
    where: { AND: filters }, orderBy: orderOf(search.sort), take: EXPORT_ROW_LIMIT,
    select: {
      ...listSelect, disciplineCodes: true, industryCodes: true, delivery: true, windowStart: true, windowEnd: true,
      bottleneck: true, expectedOutcome: true, reviewComment: true,
    },
  });
  const [places, discipline, industry] = await Promise.all([
    regionPaths(rows.map((r) => r.regionCode)),
    codeNames("discipline", rows.flatMap((r) => r.disciplineCodes)),
    codeNames("industry", rows.flatMap((r) => r.industryCodes)),
  ]);
  return rows.map(({ menuItems, unit, ...r }) => ({
    ...r, unitName: unit.name, place: places.get(r.regionCode) ?? r.regionCode, menuNames: menuItems.map((m) => m.menuItem.name),
    disciplineNames: r.disciplineCodes.map(discipline), industryNames: r.industryCodes.map(industry),
  }));
}

/** Every menu item (retired ones too), for list filters. */
export async function menuFilterOptions() {
  return db.serviceMenuItem.findMany({ orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { id: true, name: true, form: true, retiredAt: true } });
}

/** The unit of a user holding need.create (for prefilling the order form), or null. */
export async function orderingUnitOf(user: SessionUser) {
  const scope = listScope(user, "need.create");
  const organizationId = scope && !scope.all ? scope.organizationIds[0] : undefined;
  return organizationId ? orderingUnit(db, organizationId) : null;
}

/** The unit that owns a need (for its edit form; the caller has checked the user may edit that need). */
export async function unitOfNeed(unitId: string) {
  return orderingUnit(db, unitId);
}

const loadNeed = (needId: string) => db.need.findUnique({
  where: { id: needId },
  include: {
    unit: { select: { id: true, name: true, type: true } },
    menuItems: { select: { menuItem: { select: { id: true, name: true, form: true, description: true, typicalDurationDays: true, delivery: true } } } },
    events: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
  },
});
type NeedRow = NonNullable<Awaited<ReturnType<typeof loadNeed>>>;

const needResource = (need: { provinceCode: string; unitId: string }): ResourceScope => ({ provinceCode: need.provinceCode, organizationId: need.unitId });

/** A need with what its pages show, in the user's scope for `operation` (for lib/auth/load-in-scope). */
export function needInScope(needId: string, operation: Operation = "need.read"): InScope<NeedRow> {
  return { operation, entity: { type: "Need", id: needId }, load: () => loadNeed(needId), scopeOf: needResource };
}

/**
 * A need as its detail page shows it, or null when it does not exist or the user may not read it (the refusal is
 * audited; the page answers 404 either way, so ids of other units' needs reveal nothing).
 */
export async function needDetail(user: SessionUser, needId: string) {
  const need = await recordInScope(user, needInScope(needId));
  return need && describeNeed(user, need);
}

/** The page's view of a need the user may read: names, timeline, attachments, and the steps the user may take. */
export async function describeNeed(user: SessionUser, need: NeedRow) {
  const scope = needResource(need);
  const userIds = [...new Set([need.enteredById, need.reviewedById, ...need.events.map((e) => e.actorId)].filter((x): x is string => !!x))];
  const [people, discipline, industry, places, attachments] = await Promise.all([
    db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, displayName: true, organization: { select: { name: true } } } }),
    codeNames("discipline", need.disciplineCodes),
    codeNames("industry", need.industryCodes),
    regionPaths([need.regionCode]),
    db.attachment.findMany({
      where: { ownerType: "Need", ownerId: need.id }, orderBy: { createdAt: "asc" },
      select: { id: true, fileName: true, sizeBytes: true, mimeType: true, createdAt: true },
    }),
  ]);
  const person = new Map(people.map((p) => [p.id, p]));
  const nameOf = (id: string | null) => (id ? person.get(id)?.displayName ?? "（已删除的账号）" : "系统");
  const may = NEED_WORKFLOW.allowed(user, need.state, scope);
  return {
    ...need,
    place: places.get(need.regionCode) ?? need.regionCode,
    disciplineNames: need.disciplineCodes.map(discipline),
    industryNames: need.industryCodes.map(industry),
    menu: need.menuItems.map((m) => m.menuItem),
    enteredByName: need.enteredById ? nameOf(need.enteredById) : null,
    timeline: need.events.map((e) => ({ id: e.id, fromState: e.fromState, toState: e.toState, at: e.createdAt, actorName: nameOf(e.actorId), comment: e.comment })),
    attachments,
    allowed: { edit: may.edit, attach: may.attach, submit: may.submit, withdraw: may.withdraw, review: may.approve },
  };
}
export type NeedDetail = NonNullable<Awaited<ReturnType<typeof needDetail>>>;
