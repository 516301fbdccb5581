import { db } from "@/lib/db";
import type { InScope } from "@/lib/auth/load-in-scope";
import type { ActivityState } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { provinceOptions } from "@/lib/reference/queries";
import { MIN_REVIEWERS } from "@/lib/activities/review-schemas";
import { REVIEWABLE_PLAN_STATES } from "@/lib/activities/review-service";
import { placesOf, placeRefusal, rankCandidates, SELECTED_STATES } from "@/lib/activities/selection-rules";
import type { DemonstrationSearch } from "@/lib/activities/selection-schemas";

const DECIDED_OR_PENDING: ActivityState[] = ["RECOMMENDED", "NOT_SELECTED", ...SELECTED_STATES];

/** The selection board of one plan (national: activity.select). */
export function selectionInScope(planId: string): InScope<NonNullable<Awaited<ReturnType<typeof loadBoard>>>> {
  return {
    operation: "activity.select",
    entity: { type: "AnnualPlan", id: planId },
    load: () => loadBoard(planId),
    scopeOf: () => ({}),
  };
}

async function loadBoard(planId: string) {
  const plan = await db.annualPlan.findUnique({
    where: { id: planId },
    select: {
      id: true, year: true, theme: true, state: true, version: true, quota: true, provinceQuota: true, baseBonus: true,
      baseReservedPlaces: true, disagreementSpread: true, publishedAt: true, program: { select: { name: true, code: true } },
      quotas: { select: { provinceCode: true, departmentOrgId: true, quota: true, department: { select: { name: true } } } },
    },
  });
  if (!plan) return null;
  const rows = await db.demonstrationActivity.findMany({
    where: { planId, isDemonstration: true, state: { in: DECIDED_OR_PENDING } },
    select: {
      id: true, title: true, state: true, version: true, provinceCode: true, channelOrgId: true, hostBaseId: true, recommendRank: true,
      selectionComment: true, applicantOrg: { select: { name: true } }, channelOrg: { select: { name: true } }, hostBase: { select: { name: true } },
      reviews: { select: { submittedAt: true, total: true } },
    },
  });
  const provinces = new Map((await provinceOptions()).map((p) => [p.code, p.name]));
  const candidates = rows.map((r) => ({
    ...r, totals: r.reviews.filter((x) => x.submittedAt).map((x) => x.total ?? 0), assigned: r.reviews.length,
    channel: r.channelOrg?.name ?? provinces.get(r.provinceCode) ?? r.provinceCode,
  }));
  const ranked = rankCandidates(candidates, plan).map((c) => ({
    id: c.id, title: c.title, state: c.state, version: c.version, applicant: c.applicantOrg.name, channel: c.channel,
    recommendRank: c.recommendRank, hostBase: c.hostBase?.name ?? null, selectionComment: c.selectionComment,
    mean: c.mean, spread: c.spread, disagreement: c.disagreement, bonus: c.bonus, ranking: c.ranking,
    submitted: c.count, assigned: c.assigned,
    // Why 入选 would be refused now (shown beside the button; the service decides again under the plan's lock).
    blocker: c.state !== "RECOMMENDED" ? null
      : c.count < MIN_REVIEWERS ? `已提交评审 ${c.count} 份，不足 ${MIN_REVIEWERS} 份`
        : placeRefusal(c, candidates, plan),
  }));
  // Channels: the provinces and departments that recommended, each with its recommendation quota.
  const channels = new Map<string, { key: string; label: string; kind: "省份" | "部门"; quota: number; recommended: number; selected: number }>();
  for (const c of candidates) {
    const key = c.channelOrgId ?? c.provinceCode;
    const own = plan.quotas.find((q) => (c.channelOrgId ? q.departmentOrgId === c.channelOrgId : q.provinceCode === c.provinceCode));
    const ch = channels.get(key) ?? { key, label: c.channel, kind: c.channelOrgId ? "部门" as const : "省份" as const,
      quota: own?.quota ?? plan.provinceQuota, recommended: 0, selected: 0 };
    ch.recommended += 1;
    if (SELECTED_STATES.includes(c.state)) ch.selected += 1;
    channels.set(key, ch);
  }
  const places = placesOf(candidates, plan);
  return {
    plan: { ...plan, underReview: REVIEWABLE_PLAN_STATES.includes(plan.state) },
    rows: ranked,
    channels: [...channels.values()].sort((a, b) => b.selected - a.selected || a.key.localeCompare(b.key)),
    places,
    undecided: candidates.filter((c) => c.state === "RECOMMENDED").length,
  };
}

// ─── Public portal: the published lists ─────────────────────────────────────────

/** Only the selection of a published plan is public (an archived plan was published first). */
const PUBLIC_WHERE: Prisma.DemonstrationActivityWhereInput = {
  isDemonstration: true,
  state: { in: [...SELECTED_STATES] },
  plan: { state: { in: ["PUBLISHED", "ARCHIVED"] } },
};

export const PUBLIC_PAGE_SIZE = 20;

/** The public list of selected demonstration activities (no people, no contacts: titles, places, organisers). */
export async function publishedDemonstrations(search: DemonstrationSearch) {
  const where: Prisma.DemonstrationActivityWhereInput = {
    AND: [
      PUBLIC_WHERE,
      search.year ? { plan: { year: search.year } } : {},
      search.program ? { program: { code: search.program } } : {},
      search.q ? { title: { contains: search.q, mode: "insensitive" } } : {},
    ],
  };
  const [total, rows] = await Promise.all([
    db.demonstrationActivity.count({ where }),
    db.demonstrationActivity.findMany({
      where, orderBy: [{ plan: { year: "desc" } }, { provinceCode: "asc" }, { id: "asc" }],
      skip: (search.page - 1) * PUBLIC_PAGE_SIZE, take: PUBLIC_PAGE_SIZE,
      select: {
        id: true, title: true, state: true, provinceCode: true, plannedStart: true, plannedEnd: true,
        plan: { select: { year: true, theme: true } }, program: { select: { name: true } }, applicantOrg: { select: { name: true } },
        hostBase: { select: { name: true } },
      },
    }),
  ]);
  const provinces = new Map((await provinceOptions()).map((p) => [p.code, p.name]));
  return {
    total, page: search.page, pageSize: PUBLIC_PAGE_SIZE,
    rows: rows.map((r) => ({
      id: r.id, title: r.title, state: r.state, province: provinces.get(r.provinceCode) ?? r.provinceCode, year: r.plan?.year ?? null,
      theme: r.plan?.theme ?? "", program: r.program.name, organiser: r.applicantOrg.name, hostBase: r.hostBase?.name ?? null,
      plannedStart: r.plannedStart, plannedEnd: r.plannedEnd,
    })),
  };
}

/** One published activity, or null (also for an unpublished one, whatever its id). */
export async function publishedDemonstration(id: string) {
  const a = await db.demonstrationActivity.findFirst({
    where: { AND: [PUBLIC_WHERE, { id }] },
    select: {
      id: true, title: true, summary: true, themeFit: true, state: true, provinceCode: true, pairedProvinceCode: true, plannedStart: true,
      plannedEnd: true, plannedExperts: true, serviceForms: true,
      plan: { select: { year: true, theme: true, publishedAt: true } }, program: { select: { name: true } },
      applicantOrg: { select: { name: true } }, hostBase: { select: { name: true } },
    },
  });
  if (!a) return null;
  const provinces = new Map((await provinceOptions()).map((p) => [p.code, p.name]));
  return { ...a, province: provinces.get(a.provinceCode) ?? a.provinceCode, pairedProvince: a.pairedProvinceCode ? provinces.get(a.pairedProvinceCode) ?? null : null };
}

/** The years with a published selection (the public filter). */
export async function publishedYears() {
  const plans = await db.annualPlan.findMany({ where: { state: { in: ["PUBLISHED", "ARCHIVED"] } }, select: { year: true }, distinct: ["year"], orderBy: { year: "desc" } });
  return plans.map((p) => p.year);
}
