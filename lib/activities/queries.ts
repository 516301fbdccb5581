import { db } from "@/lib/db";
import { holds, type Operation } from "@/lib/auth/permissions";
import type { InScope } from "@/lib/auth/load-in-scope";
import type { SessionUser } from "@/lib/auth/roles";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ActivityState } from "@/lib/generated/prisma/enums";
import { EXPORT_ROW_LIMIT } from "@/lib/export/table";
import { provinceOptions, regionOptions, regionPaths } from "@/lib/reference/queries";
import { activityNow } from "@/lib/activities/clock";
import { lastDayOf, PLAN_FIELD_LABEL, type PlanChanges } from "@/lib/activities/plans";
import { DEFAULT_RUBRIC, rubricOf } from "@/lib/activities/rubric";
import type { ActivitySearch, BudgetLine, PlanSearch, TargetLine } from "@/lib/activities/schemas";
import { activityReadWhere, applicantScope, canReadActivity, channelScope } from "@/lib/activities/scope";
import {
  applicantOf, channelQuota, channelWhere, deadlineRefusal, linkableNeedsWhere, RECOMMENDED_STATES, windowRefusal, type Channel,
} from "@/lib/activities/service";
import { mixRefusal, naturalRole, PROGRAM_MIX, ROLE_FITS } from "@/lib/activities/team-rules";
import { ACTIVITY_WORKFLOW, PLAN_WORKFLOW } from "@/lib/activities/workflow";
import { chinaDate } from "@/lib/calendar/china-time";

export const ACTIVITY_PAGE_SIZE = 20;

// ─── Applications list ─────────────────────────────────────────────────────────

function activityFilters(user: SessionUser, search: ActivitySearch): Prisma.DemonstrationActivityWhereInput | null {
  const scope = activityReadWhere(user);
  if (!scope) return null;
  const where: Prisma.DemonstrationActivityWhereInput[] = [scope];
  if (search.q) where.push({ OR: [{ title: { contains: search.q, mode: "insensitive" } }, { applicantOrg: { name: { contains: search.q } } }] });
  if (search.plan) where.push({ planId: search.plan });
  if (search.year) where.push({ plan: { year: search.year } });
  if (search.program) where.push({ program: { code: search.program } });
  if (search.state) where.push({ state: search.state });
  if (search.province) where.push({ provinceCode: search.province });
  return { AND: where };
}

export async function searchActivities(user: SessionUser, search: ActivitySearch) {
  const where = activityFilters(user, search);
  if (!where) return { total: 0, rows: [], page: 1, pageSize: ACTIVITY_PAGE_SIZE };
  const [total, rows] = await Promise.all([
    db.demonstrationActivity.count({ where }),
    db.demonstrationActivity.findMany({
      where, orderBy: [{ updatedAt: "desc" }, { id: "asc" }], skip: (search.page - 1) * ACTIVITY_PAGE_SIZE, take: ACTIVITY_PAGE_SIZE,
      select: {
        id: true, title: true, state: true, provinceCode: true, regionCode: true, isDemonstration: true, recommendRank: true, submittedAt: true,
        updatedAt: true, applicantOrg: { select: { name: true } }, channelOrg: { select: { name: true } },
        program: { select: { code: true } }, plan: { select: { year: true } },
      },
    }),
  ]);
  const places = await regionPaths(rows.map((r) => r.regionCode));
  return {
    total, page: search.page, pageSize: ACTIVITY_PAGE_SIZE,
    rows: rows.map((r) => ({ ...r, place: places.get(r.regionCode) ?? r.regionCode })),
  };
}
export type ActivityRow = Awaited<ReturnType<typeof searchActivities>>["rows"][number];

/** Filter options of the list: the plans (by year) and provinces. */
export async function activityFilterOptions() {
  const [plans, provinces] = await Promise.all([
    db.annualPlan.findMany({ orderBy: [{ year: "desc" }], select: { id: true, year: true, theme: true, program: { select: { code: true } } } }),
    provinceOptions(),
  ]);
  return { plans, provinces };
}

// ─── One application ───────────────────────────────────────────────────────────

const loadActivity = (id: string) => db.demonstrationActivity.findUnique({
  where: { id },
  include: {
    plan: { select: { id: true, year: true, theme: true, state: true, applicationOpensAt: true, applicationClosesAt: true, recommendDeadline: true } },
    program: { select: { code: true, name: true } },
    applicantOrg: { select: { id: true, name: true } },
    channelOrg: { select: { id: true, name: true } },
    hostBase: { select: { id: true, name: true } },
    team: {
      orderBy: { createdAt: "asc" },
      select: {
        id: true, role: true,
        expert: { select: { id: true, name: true, title: true, employer: true, provinceCode: true, userId: true, maxConcurrent: true, activeEngagements: true } },
      },
    },
    needs: { select: { id: true, code: true, title: true, state: true } },
    events: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
    reviews: { select: { reviewerId: true } },
  },
});
type ActivityRecord = NonNullable<Awaited<ReturnType<typeof loadActivity>>>;

/** An activity for its pages, readable per canReadActivity (ministry, its province, applicant, channel, team, reviewers). */
export function activityInScope(id: string, operation: Operation = "activity.read"): InScope<ActivityRecord> {
  return {
    operation, entity: { type: "DemonstrationActivity", id }, load: () => loadActivity(id),
    allows: (user, a) => canReadActivity(user, {
      ...a, teamUserIds: a.team.flatMap((m) => (m.expert.userId ? [m.expert.userId] : [])), reviewerIds: a.reviews.map((r) => r.reviewerId),
    }),
  };
}

/** Whether the user applies for this activity's organisation (only they edit and submit it). */
async function isApplicant(user: SessionUser, applicantOrgId: string): Promise<boolean> {
  if (!holds(user, "activity.apply")) return false;
  return applicantOf(db, user).then((x) => x.orgId === applicantOrgId, () => false);
}

export async function describeActivity(user: SessionUser, a: ActivityRecord) {
  const mine = await isApplicant(user, a.applicantOrgId);
  const asApplicant = ACTIVITY_WORKFLOW.allowed(user, a.state, mine ? applicantScope(a) : { organizationId: a.applicantOrgId });
  const asChannel = ACTIVITY_WORKFLOW.allowed(user, a.state, channelScope(a));
  const actorIds = [...new Set(a.events.map((e) => e.actorId).filter((x): x is string => !!x))];
  const [people, places, paired] = await Promise.all([
    db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, displayName: true } }),
    regionPaths([a.regionCode]),
    a.pairedProvinceCode ? db.region.findUnique({ where: { code: a.pairedProvinceCode }, select: { name: true } }) : null,
  ]);
  const nameOf = new Map(people.map((p) => [p.id, p.displayName]));
  const now = activityNow();
  const windowNote = a.isDemonstration && a.plan ? windowRefusal(a.plan, now) : null;
  const deadlineNote = a.plan ? deadlineRefusal(a.plan, now) : null;
  return {
    ...a,
    place: places.get(a.regionCode) ?? a.regionCode,
    pairedProvinceName: paired?.name ?? null,
    budget: (Array.isArray(a.budget) ? a.budget : []) as BudgetLine[],
    targets: (Array.isArray(a.targets) ? a.targets : []) as TargetLine[],
    mixNote: mixRefusal(a.program.code, a.team.map((m) => m.role)),
    mixRule: PROGRAM_MIX[a.program.code],
    windowNote,
    timeline: a.events.map((e) => ({
      key: e.id, at: e.createdAt, label: e.fromState ? `${ACTIVITY_WORKFLOW.stateLabel[e.fromState]} → ${ACTIVITY_WORKFLOW.stateLabel[e.toState]}` : "创建申报",
      by: e.actorId ? nameOf.get(e.actorId) ?? "（已删除的账号）" : "系统", detail: e.comment,
    })),
    allowed: {
      edit: asApplicant.edit,
      submit: asApplicant.submit && !windowNote,
      recommend: asChannel.recommend && a.isDemonstration && !deadlineNote,
      return: asChannel.return,
      decline: asChannel.decline,
      revoke: asChannel.revoke && !deadlineNote,
      approveLocal: asChannel.approveLocal && !a.isDemonstration,
    },
  };
}
export type ActivityDetail = Awaited<ReturnType<typeof describeActivity>>;

// ─── The application form ──────────────────────────────────────────────────────

/** What the application form offers the user: who applies, open plans, departments, places, pairings, needs to link. */
export async function applicationFormOptions(user: SessionUser, activity?: { id: string; provinceCode: string }) {
  const applicant = await applicantOf(db, user).catch(() => null);
  if (!applicant) return null;
  const now = activityNow();
  const [plans, departments, regions, provinces, eastern] = await Promise.all([
    db.annualPlan.findMany({
      where: { state: "OPEN" }, orderBy: [{ year: "desc" }],
      select: { id: true, year: true, theme: true, applicationOpensAt: true, applicationClosesAt: true, state: true, program: { select: { code: true } } },
    }),
    db.organization.findMany({ where: { type: "DEPARTMENT" }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    regionOptions(applicant.provinceCode ?? undefined),
    provinceOptions(),
    db.region.findMany({ where: { level: "PROVINCE", zone: "EAST" }, orderBy: { code: "asc" }, select: { code: true, name: true } }),
  ]);
  const provinceCode = activity?.provinceCode ?? applicant.provinceCode;
  const needs = provinceCode
    ? await db.need.findMany({
      where: linkableNeedsWhere(applicant, provinceCode, activity?.id), orderBy: [{ createdAt: "desc" }], take: 60,
      select: { id: true, code: true, title: true, state: true, regionCode: true },
    })
    : [];
  return {
    applicant, departments, regions, provinces, eastern, needs,
    plans: plans.map((p) => ({ ...p, closedNote: windowRefusal(p, now) })),
  };
}

/** The values an existing application's edit form starts from. */
export function applicationValues(a: ActivityDetail) {
  return {
    kind: a.isDemonstration ? "demonstration" : "local", planId: a.planId ?? "", programCode: a.program.code, channelOrgId: a.channelOrgId ?? "",
    title: a.title, summary: a.summary, themeFit: a.themeFit, regionCode: a.regionCode,
    plannedStart: a.plannedStart ? a.plannedStart.toISOString().slice(0, 10) : "",
    plannedEnd: a.plannedEnd ? a.plannedEnd.toISOString().slice(0, 10) : "",
    plannedExperts: a.plannedExperts, serviceForms: a.serviceForms, budget: a.budget, targets: a.targets,
    pairedProvinceCode: a.pairedProvinceCode ?? "", needIds: a.needs.map((n) => n.id),
  };
}
export type ApplicationValues = ReturnType<typeof applicationValues>;

/** Experts of the pool matching a name or employer, with their free capacity (for adding a team member). */
export async function poolForTeam(q: string | undefined) {
  if (!q) return [];
  const rows = await db.expertProfile.findMany({
    where: { status: "ACTIVE", OR: [{ name: { contains: q } }, { employer: { contains: q } }] },
    orderBy: [{ activeEngagements: "asc" }, { name: "asc" }], take: 12,
    select: { id: true, name: true, title: true, employer: true, talentCategories: true, maxConcurrent: true, activeEngagements: true },
  });
  return rows.map((e) => ({ ...e, suggestedRole: ROLE_FITS.导师(e) && e.title === "SENIOR" ? "导师" : naturalRole(e) }));
}

// ─── Annual plans ──────────────────────────────────────────────────────────────

export const PLAN_PAGE_SIZE = 20;

export async function searchPlans(search: PlanSearch) {
  const where: Prisma.AnnualPlanWhereInput = {
    ...(search.q ? { OR: [{ theme: { contains: search.q } }, ...(Number(search.q) ? [{ year: Number(search.q) }] : [])] } : {}),
    ...(search.program ? { program: { code: search.program } } : {}),
    ...(search.state ? { state: search.state } : {}),
  };
  const [total, rows] = await Promise.all([
    db.annualPlan.count({ where }),
    db.annualPlan.findMany({
      where, orderBy: [{ year: "desc" }, { programId: "asc" }], skip: (search.page - 1) * PLAN_PAGE_SIZE, take: PLAN_PAGE_SIZE,
      select: {
        id: true, year: true, theme: true, quota: true, state: true, version: true, applicationOpensAt: true, applicationClosesAt: true,
        recommendDeadline: true, program: { select: { code: true } }, _count: { select: { activities: true } },
      },
    }),
  ]);
  return { total, rows, page: search.page, pageSize: PLAN_PAGE_SIZE };
}
export type PlanRow = Awaited<ReturnType<typeof searchPlans>>["rows"][number];

export async function planDetail(id: string) {
  const plan = await db.annualPlan.findUnique({
    where: { id },
    include: {
      program: { select: { code: true, name: true } },
      quotas: { include: { department: { select: { name: true } } } },
      revisions: { orderBy: { createdAt: "desc" } },
    },
  });
  if (!plan) return null;
  const [byState, byChannel, people, provinces, departments] = await Promise.all([
    db.demonstrationActivity.groupBy({ by: ["state"], where: { planId: id }, _count: { _all: true } }),
    db.demonstrationActivity.groupBy({
      by: ["provinceCode", "channelOrgId"], where: { planId: id, state: { in: [...RECOMMENDED_STATES] } }, _count: { _all: true },
    }),
    db.user.findMany({ where: { id: { in: plan.revisions.map((r) => r.changedById) } }, select: { id: true, displayName: true } }),
    provinceOptions(),
    db.organization.findMany({ where: { type: "DEPARTMENT" }, select: { id: true, name: true } }),
  ]);
  const provinceName = new Map(provinces.map((p) => [p.code, p.name]));
  const deptName = new Map(departments.map((d) => [d.id, d.name]));
  const who = new Map(people.map((p) => [p.id, p.displayName]));
  const used = new Map<string, number>();
  for (const g of byChannel) {
    const key = g.channelOrgId ? `dept:${g.channelOrgId}` : g.provinceCode;
    used.set(key, (used.get(key) ?? 0) + g._count._all);
  }
  const channels = new Set([...plan.quotas.map((q) => q.provinceCode ?? `dept:${q.departmentOrgId}`), ...used.keys()]);
  const quotaUse = [...channels].sort().map((key) => {
    const row = plan.quotas.find((q) => (q.provinceCode ?? `dept:${q.departmentOrgId}`) === key);
    const quota = row?.quota ?? plan.provinceQuota;
    const name = key.startsWith("dept:") ? deptName.get(key.slice(5)) ?? key : provinceName.get(key) ?? key;
    return { key, name, quota, used: used.get(key) ?? 0, own: !!row };
  });
  return {
    ...plan,
    rubric: rubricOf(plan.rubric),
    opensOn: plan.applicationOpensAt ? chinaDate(plan.applicationOpensAt) : null,
    closesOn: lastDayOf(plan.applicationClosesAt),
    deadlineOn: lastDayOf(plan.recommendDeadline),
    counts: Object.fromEntries(byState.map((g) => [g.state, g._count._all])) as Partial<Record<ActivityState, number>>,
    quotaUse,
    departments,
    quotaLines: plan.quotas.map((q) => `${q.provinceCode ?? `dept:${q.departmentOrgId}`}=${q.quota}`).join("\n"),
    revisions: plan.revisions.map((r) => ({
      id: r.id, version: r.version, reason: r.reason, at: r.createdAt, by: who.get(r.changedById) ?? "（已删除的账号）",
      changes: Object.entries(r.changes as PlanChanges).map(([field, c]) => ({ field: PLAN_FIELD_LABEL[field] ?? field, from: c.from, to: c.to })),
    })),
  };
}
export type PlanDetail = NonNullable<Awaited<ReturnType<typeof planDetail>>>;

export const planAllowed = (user: SessionUser, state: Parameters<typeof PLAN_WORKFLOW.allowed>[1]) => PLAN_WORKFLOW.allowed(user, state, {});


// ─── The channel's queue ───────────────────────────────────────────────────────

/** The channel the user recommends for: their department, else their province (null: none). */
export function channelOfUser(user: SessionUser): (Channel & { label: string }) | null {
  for (const g of user.roles) {
    if (g.role === "DEPARTMENT_ADMIN" && g.organizationId) return { provinceCode: null, channelOrgId: g.organizationId, label: "本部门" };
    if (g.role === "PROVINCE_ADMIN" && g.provinceCode) return { provinceCode: g.provinceCode, channelOrgId: null, label: "本省" };
  }
  return null;
}

/** Per plan accepting recommendations: the channel's queue, its ranked recommendations, quota, deadline, last submission. */
export async function recommendQueue(user: SessionUser, planId?: string) {
  const channel = channelOfUser(user);
  if (!channel) return null;
  const now = activityNow();
  const plans = await db.annualPlan.findMany({
    where: { state: { in: ["OPEN", "CLOSED"] }, ...(planId ? { id: planId } : {}) }, orderBy: [{ year: "desc" }],
    select: { id: true, year: true, theme: true, state: true, provinceQuota: true, recommendDeadline: true, applicationClosesAt: true, program: { select: { code: true } } },
  });
  const select = {
    id: true, title: true, state: true, version: true, recommendRank: true, submittedAt: true, isDemonstration: true, regionCode: true,
    applicantOrg: { select: { name: true } }, hostBaseId: true, pairedProvinceCode: true, _count: { select: { team: true, needs: true } },
  } satisfies Prisma.DemonstrationActivitySelect;
  const out = [];
  for (const plan of plans) {
    const where = { planId: plan.id, ...channelWhere(channel) };
    const [queue, ranked, quota, used, submitted] = await Promise.all([
      db.demonstrationActivity.findMany({ where: { ...where, state: "SUBMITTED" }, orderBy: { submittedAt: "asc" }, select }),
      db.demonstrationActivity.findMany({ where: { ...where, state: "RECOMMENDED" }, orderBy: [{ recommendRank: "asc" }, { id: "asc" }], select }),
      channelQuota(db, plan, channel),
      db.demonstrationActivity.count({ where: { ...where, state: { in: [...RECOMMENDED_STATES] } } }),
      db.auditLog.findFirst({
        where: { operation: "activity.submitRanking", entityId: plan.id, outcome: "SUCCESS", actor: { roles: { some: channel.channelOrgId ? { organizationId: channel.channelOrgId } : { provinceCode: channel.provinceCode } } } },
        orderBy: { createdAt: "desc" }, select: { createdAt: true, summary: true },
      }).catch(() => null),
    ]);
    out.push({ plan: { ...plan, deadlineOn: lastDayOf(plan.recommendDeadline) }, queue, ranked, quota, used, submitted, closed: deadlineRefusal(plan, now) });
  }
  const local = channel.provinceCode
    ? await db.demonstrationActivity.findMany({ where: { isDemonstration: false, provinceCode: channel.provinceCode, state: "SUBMITTED" }, select })
    : [];
  return { channel, plans: out, local };
}
export type RecommendQueue = NonNullable<Awaited<ReturnType<typeof recommendQueue>>>;

// ─── Department console ────────────────────────────────────────────────────────

export async function departmentOverview(user: SessionUser) {
  const channel = channelOfUser(user);
  if (!channel?.channelOrgId) return null;
  const orgId = channel.channelOrgId;
  const [org, plans, recent] = await Promise.all([
    db.organization.findUnique({ where: { id: orgId }, select: { id: true, name: true } }),
    db.annualPlan.findMany({
      where: { state: { in: ["OPEN", "CLOSED", "PUBLISHED"] } }, orderBy: [{ year: "desc" }],
      select: { id: true, year: true, theme: true, state: true, provinceQuota: true, recommendDeadline: true, program: { select: { code: true } } },
    }),
    db.demonstrationActivity.findMany({
      where: { OR: [{ channelOrgId: orgId }, { applicantOrgId: orgId }] }, orderBy: { updatedAt: "desc" }, take: 10,
      select: { id: true, title: true, state: true, applicantOrg: { select: { name: true } }, plan: { select: { year: true } }, recommendRank: true },
    }),
  ]);
  if (!org) return null;
  // Two queries for all plans (not three per plan): the department's quotas and its activities counted by plan and state.
  const planIds = plans.map((p) => p.id);
  const [quotas, counts] = await Promise.all([
    db.planChannelQuota.findMany({ where: { planId: { in: planIds }, departmentOrgId: orgId }, select: { planId: true, quota: true } }),
    db.demonstrationActivity.groupBy({
      by: ["planId", "state"], where: { planId: { in: planIds }, channelOrgId: orgId, state: { in: [...RECOMMENDED_STATES, "SUBMITTED"] } },
      _count: { _all: true },
    }),
  ]);
  const quotaOf = new Map(quotas.map((q) => [q.planId, q.quota]));
  const countOf = (planId: string, states: readonly ActivityState[]) =>
    counts.filter((c) => c.planId === planId && states.includes(c.state)).reduce((n, c) => n + c._count._all, 0);
  const quotaUse = plans.map((p) => ({
    plan: p,
    // As channelQuota: the department's own quota for the plan, else the plan's default.
    quota: quotaOf.get(p.id) ?? p.provinceQuota,
    used: countOf(p.id, RECOMMENDED_STATES),
    waiting: countOf(p.id, ["SUBMITTED"]),
    deadlineOn: lastDayOf(p.recommendDeadline),
  }));
  return { org, quotaUse, recent };
}

// ─── Plan form values ──────────────────────────────────────────────────────────

const DEPARTMENTS = () => db.organization.findMany({ where: { type: "DEPARTMENT" }, orderBy: { name: "asc" }, select: { id: true, name: true } });

/** A new plan's starting values: next year's, the default rubric, a window opening today. */
export async function planFormDefaults() {
  const now = activityNow();
  const today = chinaDate(now);
  const plus = (days: number) => chinaDate(new Date(now.getTime() + days * 86_400_000));
  return {
    departments: await DEPARTMENTS(),
    values: {
      programCode: "EXPERT_SERVICE", year: Number(today.slice(0, 4)) + 1, theme: "", description: "", quota: 60, provinceQuota: 3,
      applicationOpensAt: today, applicationClosesAt: plus(60), recommendDeadline: plus(75), channelQuotas: "",
      rubric: DEFAULT_RUBRIC, baseBonus: 0, baseReservedPlaces: 0, disagreementSpread: 15,
    },
  };
}

export function planFormValues(p: PlanDetail) {
  return {
    programCode: p.program.code, year: p.year, theme: p.theme, description: p.description, quota: p.quota, provinceQuota: p.provinceQuota,
    applicationOpensAt: p.opensOn ?? "", applicationClosesAt: p.closesOn ?? "", recommendDeadline: p.deadlineOn ?? "",
    channelQuotas: p.quotaLines, rubric: p.rubric, baseBonus: p.baseBonus, baseReservedPlaces: p.baseReservedPlaces,
    disagreementSpread: p.disagreementSpread,
  };
}

/** Every application the list's filters select within the user's scope (capped), with names, for the spreadsheet. */
export async function activitiesForExport(user: SessionUser, search: ActivitySearch) {
  const where = activityFilters(user, search);
  if (!where) return [];
  const rows = await db.demonstrationActivity.findMany({
    where, orderBy: [{ updatedAt: "desc" }, { id: "asc" }], take: EXPORT_ROW_LIMIT,
    select: {
      id: true, title: true, state: true, regionCode: true, isDemonstration: true, recommendRank: true, submittedAt: true,
      plannedStart: true, plannedEnd: true, plannedExperts: true, pairedProvinceCode: true,
      applicantOrg: { select: { name: true } }, channelOrg: { select: { name: true } }, program: { select: { code: true } },
      plan: { select: { year: true } }, _count: { select: { team: true, needs: true } },
    },
  });
  const places = await regionPaths(rows.map((r) => r.regionCode));
  return rows.map((r) => ({ ...r, place: places.get(r.regionCode) ?? r.regionCode }));
}
