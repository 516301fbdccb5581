import { db } from "@/lib/db";
import type { InScope } from "@/lib/auth/load-in-scope";
import { scopeWhere } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/roles";
import { chinaDay } from "@/lib/calendar/china-time";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { BaseState } from "@/lib/generated/prisma/enums";
import type { BaseSearch } from "@/lib/bases/schemas";
import { contentOf, reportPrefill } from "@/lib/bases/service";
import { OPEN_RECTIFICATION, PUBLIC_BASE_STATES } from "@/lib/bases/workflow";

export const BASE_PAGE_SIZE = 20;

/** The bases `user` may see (base.read: ministry national, province its province, base host its organization). */
export function basesReadable(user: SessionUser): Prisma.ServiceBaseWhereInput | null {
  return scopeWhere<Prisma.ServiceBaseWhereInput>(user, "base.read", {
    province: (codes) => ({ provinceCode: { in: codes } }),
    unit: (ids) => ({ hostOrgId: { in: ids } }),
  });
}

function filtersOf(search: BaseSearch, defaultState?: BaseState): Prisma.ServiceBaseWhereInput {
  const state = search.state === "ALL" ? undefined : (search.state as BaseState | undefined) ?? defaultState;
  return {
    ...(search.level ? { level: search.level } : {}),
    ...(search.field ? { field: search.field } : {}),
    ...(state ? { state } : {}),
    ...(search.region ? (search.region.length === 2 ? { provinceCode: search.region } : { regionCode: { startsWith: search.region } }) : {}),
    ...(search.q ? { OR: [{ name: { contains: search.q } }, { focus: { contains: search.q } }, { code: { contains: search.q } }, { hostOrg: { name: { contains: search.q } } }] } : {}),
  };
}

const listSelect = {
  id: true, name: true, code: true, level: true, field: true, state: true, provinceCode: true, focus: true, establishedAt: true,
  region: { select: { name: true } }, hostOrg: { select: { name: true } },
  rectifications: { where: { state: { in: [...OPEN_RECTIFICATION] } }, select: { deadline: true, state: true, escalatedAt: true }, orderBy: { deadline: "asc" as const }, take: 1 },
} satisfies Prisma.ServiceBaseSelect;

/**
 * A management list (province, ministry): bases in scope, filtered; bases with an overdue open rectification first
 * (the most urgent work), then by name. `defaultState` applies when the search names none (the ministry's queue).
 */
export async function searchBases(user: SessionUser, search: BaseSearch, defaultState?: BaseState, now = new Date()) {
  const scope = basesReadable(user);
  const empty = { total: 0, rows: [], page: 1, pageSize: BASE_PAGE_SIZE, overdue: 0 };
  if (!scope) return empty;
  const where: Prisma.ServiceBaseWhereInput = { AND: [scope, filtersOf(search, defaultState)] };
  const overdueWhere = { AND: [where, { rectifications: { some: { state: { in: [...OPEN_RECTIFICATION] }, deadline: { lt: chinaDay(now) } } } }] };
  const [total, overdueIds] = await Promise.all([
    db.serviceBase.count({ where }),
    db.serviceBase.findMany({ where: overdueWhere, select: { id: true }, orderBy: { name: "asc" } }),
  ]);
  const skip = (search.page - 1) * BASE_PAGE_SIZE;
  const firstIds = overdueIds.slice(skip, skip + BASE_PAGE_SIZE).map((r) => r.id);
  const restSkip = Math.max(0, skip - overdueIds.length);
  const restTake = BASE_PAGE_SIZE - firstIds.length;
  const [first, rest] = await Promise.all([
    firstIds.length ? db.serviceBase.findMany({ where: { id: { in: firstIds } }, select: listSelect, orderBy: { name: "asc" } }) : [],
    restTake > 0
      ? db.serviceBase.findMany({ where: { AND: [where, { id: { notIn: overdueIds.map((r) => r.id) } }] }, select: listSelect, orderBy: [{ state: "asc" }, { name: "asc" }], skip: restSkip, take: restTake })
      : [],
  ]);
  const today = chinaDay(now);
  const rows = [...first, ...rest].map(({ rectifications, ...b }) => {
    const open = rectifications[0] ?? null;
    return { ...b, rectification: open && { ...open, overdue: open.deadline < today } };
  });
  return { total, rows, page: search.page, pageSize: BASE_PAGE_SIZE, overdue: overdueIds.length };
}
export type BaseListRow = Awaited<ReturnType<typeof searchBases>>["rows"][number];

/** The public list (no sign-in): established, rectifying and removed bases (removal with its published reason). */
export async function publicBases(search: BaseSearch) {
  const states = search.state && search.state !== "ALL" && PUBLIC_BASE_STATES.includes(search.state as BaseState)
    ? [search.state as BaseState] : [...PUBLIC_BASE_STATES];
  const where: Prisma.ServiceBaseWhereInput = { AND: [{ state: { in: states } }, filtersOf({ ...search, state: "ALL" })] };
  const [total, rows] = await Promise.all([
    db.serviceBase.count({ where }),
    db.serviceBase.findMany({
      where, orderBy: [{ state: "asc" }, { level: "asc" }, { name: "asc" }], skip: (search.page - 1) * BASE_PAGE_SIZE, take: BASE_PAGE_SIZE,
      select: { id: true, name: true, code: true, level: true, field: true, state: true, focus: true, establishedAt: true, removedAt: true, removalReason: true,
        region: { select: { name: true } }, hostOrg: { select: { name: true } } },
    }),
  ]);
  return { total, rows, page: search.page, pageSize: BASE_PAGE_SIZE };
}

/** A detail page's base: in scope for base.read (404 otherwise, audited). */
export function baseInScope(id: string): InScope<NonNullable<Awaited<ReturnType<typeof loadBaseDetail>>>> {
  return {
    operation: "base.read",
    entity: { type: "ServiceBase", id },
    load: () => loadBaseDetail(id),
    scopeOf: (b) => ({ provinceCode: b.provinceCode, organizationId: b.hostOrgId }),
  };
}

async function loadBaseDetail(id: string) {
  const b = await db.serviceBase.findUnique({
    where: { id },
    select: {
      id: true, name: true, code: true, level: true, field: true, state: true, version: true, provinceCode: true, hostOrgId: true,
      focus: true, developmentPlan: true, rules: true, facts: true, plannedActivities: true, establishedAt: true, removedAt: true,
      removalReason: true, reviewComment: true, submittedAt: true, createdAt: true,
      region: { select: { name: true } }, hostOrg: { select: { name: true } },
      events: { orderBy: { createdAt: "asc" }, select: { id: true, action: true, comment: true, createdAt: true, actorId: true } },
      reports: { orderBy: { year: "desc" }, select: { id: true, year: true, content: true, activitiesCount: true, expertsCount: true, peopleTrained: true, results: true, createdAt: true } },
      evaluations: { orderBy: { year: "desc" }, select: { id: true, year: true, grade: true, total: true, scores: true, comment: true, createdAt: true } },
      rectifications: { orderBy: { createdAt: "desc" }, select: { id: true, reason: true, requiredItems: true, deadline: true, state: true, response: true, respondedAt: true, verdict: true, decidedAt: true, escalatedAt: true, evaluationYear: true, createdAt: true } },
      activities: { orderBy: { plannedStart: "desc" }, take: 20, select: { id: true, title: true, state: true, plannedStart: true, plannedExperts: true } },
    },
  });
  if (!b) return null;
  const actorIds = [...new Set(b.events.map((e) => e.actorId).filter((x): x is string => !!x))];
  const actors = new Map((await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, displayName: true } })).map((u) => [u.id, u.displayName]));
  const today = chinaDay();
  const files = await db.attachment.findMany({
    where: { OR: [{ ownerType: "ServiceBase", ownerId: id }, { ownerType: "RectificationOrder", ownerId: { in: b.rectifications.map((o) => o.id) } }] },
    orderBy: { createdAt: "asc" }, select: { id: true, ownerType: true, ownerId: true, fileName: true, sizeBytes: true, createdAt: true },
  });
  const filesOf = (ownerType: string, ownerId: string) =>
    files.filter((f) => f.ownerType === ownerType && f.ownerId === ownerId).map((f) => ({ id: f.id, fileName: f.fileName, sizeBytes: f.sizeBytes, uploadedAt: f.createdAt.toISOString().slice(0, 10) }));
  return {
    ...b,
    evidence: filesOf("ServiceBase", id),
    content: contentOf(b),
    events: b.events.map((e) => ({ ...e, by: e.actorId ? actors.get(e.actorId) ?? null : "系统" })),
    rectifications: b.rectifications.map((o) => ({ ...o, overdue: OPEN_RECTIFICATION.includes(o.state) && o.deadline < today, evidence: filesOf("RectificationOrder", o.id) })),
  };
}
export type BaseDetail = NonNullable<Awaited<ReturnType<typeof loadBaseDetail>>>;

/** The base host's desk: its bases with state, open orders and what is due. */
export async function hostDesk(user: SessionUser) {
  const scope = basesReadable(user);
  if (!scope) return { bases: [] };
  const bases = await db.serviceBase.findMany({
    where: scope, orderBy: { createdAt: "asc" },
    select: { id: true, name: true, code: true, level: true, state: true, focus: true, establishedAt: true, reviewComment: true, removalReason: true,
      rectifications: { where: { state: { in: [...OPEN_RECTIFICATION] } }, select: { id: true, deadline: true, state: true }, orderBy: { deadline: "asc" } },
      reports: { select: { year: true }, orderBy: { year: "desc" } } },
  });
  const today = chinaDay();
  return { bases: bases.map((b) => ({ ...b, rectifications: b.rectifications.map((o) => ({ ...o, overdue: o.deadline < today })) })) };
}

/** The annual report form's starting values, from what the platform knows of the base's year. */
export const annualReportPrefill = (baseId: string, year: number) => reportPrefill(db, baseId, year);

/** The host organization's name (for the application form). */
export async function hostName(organizationId: string): Promise<string | null> {
  return (await db.organization.findUnique({ where: { id: organizationId }, select: { name: true } }))?.name ?? null;
}

/** Every base of a list's filters (no paging), for its download; overdue rectifications first like the page. */
export async function basesForExport(user: SessionUser, search: BaseSearch) {
  const scope = basesReadable(user);
  if (!scope) return [];
  const rows = await db.serviceBase.findMany({
    where: { AND: [scope, filtersOf(search)] }, orderBy: [{ state: "asc" }, { name: "asc" }], take: 10_000, select: listSelect,
  });
  const today = chinaDay();
  return rows
    .map(({ rectifications, ...b }) => ({ ...b, rectification: rectifications[0] ? { ...rectifications[0], overdue: rectifications[0].deadline < today } : null }))
    .sort((a, b) => Number(!!b.rectification?.overdue) - Number(!!a.rectification?.overdue));
}
