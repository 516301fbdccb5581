import { db } from "@/lib/db";
import type { InScope } from "@/lib/auth/load-in-scope";
import type { SessionUser } from "@/lib/auth/roles";
import type { Prisma } from "@/lib/generated/prisma/client";
import { provinceOptions } from "@/lib/reference/queries";
import { aggregateScores, rubricOf } from "@/lib/activities/rubric";
import { MIN_REVIEWERS, type MyReviewSearch, type ReviewAssignmentSearch, type ReviewStatus } from "@/lib/activities/review-schemas";
import { REVIEWABLE_PLAN_STATES } from "@/lib/activities/review-service";

export const REVIEW_PAGE_SIZE = 20;

const provinceNameOf = async () => {
  const rows = await provinceOptions();
  const m = new Map(rows.map((r) => [r.code, r.name]));
  return (code: string | null | undefined) => (code ? (m.get(code) ?? code) : "");
};

export function reviewStatusOf(reviews: readonly { submittedAt: Date | null }[]): ReviewStatus {
  if (!reviews.length) return "NONE";
  if (reviews.length < MIN_REVIEWERS) return "SHORT";
  return reviews.every((r) => r.submittedAt) ? "DONE" : "PENDING";
}

/** Plans whose applications the ministry reviews, newest first (for filters and links). */
export async function reviewPlanOptions() {
  const plans = await db.annualPlan.findMany({
    where: { state: { in: ["OPEN", "CLOSED", "PUBLISHED", "ARCHIVED"] } },
    orderBy: [{ year: "desc" }, { program: { code: "asc" } }],
    select: { id: true, year: true, state: true, program: { select: { name: true } } },
  });
  return plans.map((p) => ({ value: p.id, label: `${p.year}年 ${p.program.name}`, state: p.state }));
}

/**
 * The ministry's list: demonstration applications of the plans under review (recommended by default), with their
 * review status. The list is national (activity.select); the status is computed from the assignments.
 */
export async function searchReviewAssignments(search: ReviewAssignmentSearch) {
  const where: Prisma.DemonstrationActivityWhereInput = {
    isDemonstration: true, planId: { not: null },
    ...(search.state === "ALL" ? { state: { in: ["RECOMMENDED", "SELECTED", "NOT_SELECTED"] } } : { state: search.state ?? "RECOMMENDED" }),
    ...(search.plan ? { planId: search.plan } : {}),
    ...(search.program ? { program: { code: search.program } } : {}),
    ...(search.province ? { provinceCode: search.province } : {}),
    ...(search.q ? { title: { contains: search.q, mode: "insensitive" } } : {}),
  };
  const rows = await db.demonstrationActivity.findMany({
    where,
    orderBy: [{ plan: { year: "desc" } }, { provinceCode: "asc" }, { recommendRank: "asc" }, { id: "asc" }],
    select: {
      id: true, title: true, state: true, provinceCode: true, recommendRank: true, hostBaseId: true,
      plan: { select: { id: true, year: true, state: true } }, program: { select: { name: true } },
      channelOrg: { select: { name: true } }, applicantOrg: { select: { name: true } },
      reviews: { select: { submittedAt: true, reviewer: { select: { displayName: true } } }, orderBy: { createdAt: "asc" } },
    },
  });
  const name = await provinceNameOf();
  const all = rows
    .map((r) => ({
      id: r.id, title: r.title, state: r.state, recommendRank: r.recommendRank, base: !!r.hostBaseId,
      planId: r.plan?.id ?? null, planLabel: r.plan ? `${r.plan.year}年 ${r.program.name}` : r.program.name,
      underReview: !!r.plan && REVIEWABLE_PLAN_STATES.includes(r.plan.state),
      channel: r.channelOrg?.name ?? name(r.provinceCode), applicant: r.applicantOrg.name,
      assigned: r.reviews.length, submitted: r.reviews.filter((x) => x.submittedAt).length,
      reviewers: r.reviews.map((x) => x.reviewer.displayName), status: reviewStatusOf(r.reviews),
    }))
    .filter((r) => !search.review || r.status === search.review);
  const start = (search.page - 1) * REVIEW_PAGE_SIZE;
  return { total: all.length, page: search.page, pageSize: REVIEW_PAGE_SIZE, rows: all.slice(start, start + REVIEW_PAGE_SIZE) };
}

/** A demonstration application as the ministry's assignment page shows it (national: activity.select). */
export function assignmentInScope(activityId: string): InScope<NonNullable<Awaited<ReturnType<typeof loadAssignment>>>> {
  return {
    operation: "activity.select",
    entity: { type: "DemonstrationActivity", id: activityId },
    load: () => loadAssignment(activityId),
    scopeOf: (a) => ({ provinceCode: a.provinceCode, organizationId: a.applicantOrgId }),
  };
}

async function loadAssignment(activityId: string) {
  const a = await db.demonstrationActivity.findUnique({
    where: { id: activityId },
    select: {
      id: true, title: true, summary: true, state: true, provinceCode: true, applicantOrgId: true, isDemonstration: true,
      hostBaseId: true, recommendRank: true, recommendComment: true,
      plan: { select: { id: true, year: true, state: true, theme: true } }, program: { select: { name: true } },
      applicantOrg: { select: { name: true } }, channelOrg: { select: { name: true } },
      reviews: {
        orderBy: { createdAt: "asc" },
        select: { id: true, submittedAt: true, total: true, reviewer: { select: { displayName: true, expertProfile: { select: { provinceCode: true, employer: true } } } } },
      },
    },
  });
  if (!a) return null;
  const name = await provinceNameOf();
  return {
    ...a,
    provinceName: name(a.provinceCode),
    underReview: !!a.plan && REVIEWABLE_PLAN_STATES.includes(a.plan.state),
    reviews: a.reviews.map((r) => ({
      id: r.id, submittedAt: r.submittedAt, total: r.total, name: r.reviewer.displayName,
      employer: r.reviewer.expertProfile?.employer ?? "", province: name(r.reviewer.expertProfile?.provinceCode),
    })),
  };
}

/**
 * Experts who could review: active accounts holding the EXPERT role with an active profile, by name. Those from
 * the applicant's province are listed with their recusal, so the ministry sees why (the service refuses them).
 */
export async function reviewerCandidates(activity: { id: string; provinceCode: string }, q: string | undefined) {
  // Without a name: a first page of eligible experts (other provinces, not on the team) to pick from.
  const rows = await db.user.findMany({
    where: {
      status: "ACTIVE", roles: { some: { role: "EXPERT" } },
      expertProfile: q
        ? { status: "ACTIVE", name: { contains: q, mode: "insensitive" } }
        : { status: "ACTIVE", provinceCode: { not: activity.provinceCode }, activityTeams: { none: { activityId: activity.id } } },
      ...(q ? {} : { OR: [{ organizationId: null }, { organization: { region: { provinceCode: { not: activity.provinceCode } } } }] }),
      activityReviews: { none: { activityId: activity.id } },
    },
    orderBy: { displayName: "asc" },
    take: q ? 20 : 8,
    select: {
      id: true, organization: { select: { region: { select: { provinceCode: true } } } },
      expertProfile: { select: { id: true, name: true, employer: true, provinceCode: true, title: true, activityTeams: { where: { activityId: activity.id }, select: { id: true } } } },
    },
  });
  const name = await provinceNameOf();
  return rows.map((u) => {
    const p = u.expertProfile!;
    const sameProvince = p.provinceCode === activity.provinceCode || u.organization?.region.provinceCode === activity.provinceCode;
    return {
      userId: u.id, name: p.name, employer: p.employer, province: name(p.provinceCode),
      recusal: sameProvince ? "同省回避" : p.activityTeams.length ? "团队成员回避" : null,
    };
  });
}

// ─── The reviewer's own assignments ────────────────────────────────────────────

export async function searchMyReviews(user: SessionUser, search: MyReviewSearch) {
  const where: Prisma.ActivityReviewWhereInput = {
    reviewerId: user.id,
    ...(search.status === "SUBMITTED" ? { submittedAt: { not: null } } : search.status === "ALL" ? {} : { submittedAt: null }),
    ...(search.q ? { activity: { title: { contains: search.q, mode: "insensitive" } } } : {}),
  };
  const [total, rows] = await Promise.all([
    db.activityReview.count({ where }),
    db.activityReview.findMany({
      where, orderBy: [{ submittedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }, { id: "asc" }],
      skip: (search.page - 1) * REVIEW_PAGE_SIZE, take: REVIEW_PAGE_SIZE,
      select: {
        id: true, submittedAt: true, total: true, createdAt: true,
        activity: { select: { title: true, state: true, provinceCode: true, plan: { select: { year: true, state: true } }, program: { select: { name: true } } } },
      },
    }),
  ]);
  const name = await provinceNameOf();
  return {
    total, page: search.page, pageSize: REVIEW_PAGE_SIZE,
    rows: rows.map((r) => ({
      id: r.id, submittedAt: r.submittedAt, total: r.total, assignedAt: r.createdAt, title: r.activity.title,
      province: name(r.activity.provinceCode), plan: r.activity.plan ? `${r.activity.plan.year}年 ${r.activity.program.name}` : r.activity.program.name,
      open: r.activity.state === "RECOMMENDED" && !!r.activity.plan && REVIEWABLE_PLAN_STATES.includes(r.activity.plan.state),
    })),
  };
}

/** One assignment for its reviewer (self scope: another expert gets a 404). */
export function myReviewInScope(reviewId: string): InScope<NonNullable<Awaited<ReturnType<typeof loadMyReview>>>> {
  return {
    operation: "activity.review",
    entity: { type: "ActivityReview", id: reviewId },
    load: () => loadMyReview(reviewId),
    scopeOf: (r) => ({ ownerUserId: r.reviewerId }),
  };
}

async function loadMyReview(reviewId: string) {
  const r = await db.activityReview.findUnique({
    where: { id: reviewId },
    select: {
      id: true, reviewerId: true, version: true, scores: true, total: true, comment: true, submittedAt: true,
      activity: {
        select: {
          id: true, title: true, summary: true, themeFit: true, state: true, provinceCode: true, plannedStart: true, plannedEnd: true,
          plannedExperts: true, serviceForms: true, targets: true, pairedProvinceCode: true, hostBaseId: true,
          applicantOrg: { select: { name: true } }, program: { select: { name: true } },
          plan: { select: { year: true, theme: true, state: true, rubric: true } },
        },
      },
    },
  });
  if (!r) return null;
  const name = await provinceNameOf();
  const a = r.activity;
  return {
    ...r,
    scores: (r.scores ?? {}) as Record<string, number>,
    rubric: rubricOf(a.plan?.rubric),
    open: a.state === "RECOMMENDED" && !!a.plan && REVIEWABLE_PLAN_STATES.includes(a.plan.state) && !r.submittedAt,
    provinceName: name(a.provinceCode), pairedProvinceName: name(a.pairedProvinceCode),
  };
}

// ─── For the activity's detail page (/activities/[id]) ─────────────────────────

/**
 * What the review and tracking part adds to an activity's detail page, for this user: the review summary (the
 * ministry sees the aggregate; a reviewer their own task), and links to progress and evaluation once it runs.
 */
export async function activityPanels(activityId: string, user: SessionUser) {
  const a = await db.demonstrationActivity.findUnique({
    where: { id: activityId },
    select: {
      id: true, state: true, planId: true, isDemonstration: true, selectionComment: true, selectedAt: true,
      plan: { select: { disagreementSpread: true, state: true } },
      reviews: { select: { id: true, reviewerId: true, submittedAt: true, total: true } },
      _count: { select: { reports: true, evaluations: true, feedback: true } },
    },
  });
  if (!a) return null;
  const ministry = user.roles.some((g) => g.role === "MINISTRY_ADMIN");
  const totals = a.reviews.filter((r) => r.submittedAt).map((r) => r.total ?? 0);
  const tracked = (["SELECTED", "IN_PROGRESS", "COMPLETED", "EVALUATED"] as string[]).includes(a.state);
  return {
    review: ministry && a.planId ? {
      assigned: a.reviews.length, submitted: totals.length, ...aggregateScores(totals, a.plan?.disagreementSpread ?? 15),
      assignHref: `/ministry/activities/${a.id}`, boardHref: `/ministry/plans/${a.planId}/selection`,
    } : null,
    ownReview: a.reviews.find((r) => r.reviewerId === user.id) ?? null,
    selection: a.selectionComment ? { comment: a.selectionComment, at: a.selectedAt } : null,
    progressHref: tracked ? `/activities/${a.id}/progress` : null,
    evaluationHref: tracked ? `/activities/${a.id}/evaluation` : null,
    counts: a._count,
  };
}
