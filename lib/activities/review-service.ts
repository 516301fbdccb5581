import type { Tx } from "@/lib/db";
import { conflict, invalidInput, invalidTransition, notFound } from "@/lib/errors";
import type { PlanState } from "@/lib/generated/prisma/enums";
import { notify } from "@/lib/notifications/send";
import { checkScores, rubricOf, rubricTotal } from "@/lib/activities/rubric";
import { MIN_REVIEWERS } from "@/lib/activities/review-schemas";
import { ACTIVITY_WORKFLOW } from "@/lib/activities/workflow";

// The ministry's review of recommended applications (section 1): at least two reviewers per application, never one
// from the applicant's province nor one on its team (recusal enforced here, at assignment and again at scoring);
// each reviewer scores the plan's rubric once.

/** Plans whose applications may still be reviewed and decided: not yet published, not archived, not a draft. */
export const REVIEWABLE_PLAN_STATES: readonly PlanState[] = ["OPEN", "CLOSED"];

export type ReviewActivity = {
  id: string; title: string; state: Parameters<typeof ACTIVITY_WORKFLOW.assertAct>[1]; provinceCode: string;
  applicantOrgId: string; channelOrgId: string | null; planId: string | null;
  plan: { state: PlanState; rubric: unknown } | null;
};

export async function reviewActivity(tx: Tx, activityId: string): Promise<ReviewActivity> {
  const a = await tx.demonstrationActivity.findUnique({
    where: { id: activityId },
    select: {
      id: true, title: true, state: true, provinceCode: true, applicantOrgId: true, channelOrgId: true, planId: true,
      plan: { select: { state: true, rubric: true } },
    },
  });
  if (!a) throw notFound("示范活动申报");
  return a;
}

function assertPlanUnderReview(a: ReviewActivity, what: string) {
  if (!a.plan) throw invalidTransition(`地方示范活动由省级自行组织，不参加部级评审，不能${what}`);
  if (!REVIEWABLE_PLAN_STATES.includes(a.plan.state)) throw invalidTransition(`该年度计划的遴选结果已公布或计划未开放，不能${what}`);
}

export type Recusal = { reason: string } | null;

/** Why a user may not review an activity (Chinese), or null: not an active expert, same province, on its team. */
export async function recusalOf(tx: Tx, reviewerId: string, a: { id: string; provinceCode: string }): Promise<Recusal> {
  const user = await tx.user.findUnique({
    where: { id: reviewerId },
    select: {
      displayName: true, status: true, roles: { where: { role: "EXPERT" }, select: { id: true } },
      organization: { select: { region: { select: { provinceCode: true } } } },
      expertProfile: { select: { id: true, provinceCode: true, status: true, name: true } },
    },
  });
  if (!user || user.status !== "ACTIVE" || !user.roles.length || !user.expertProfile || user.expertProfile.status !== "ACTIVE") {
    return { reason: "只能选择在库的专家作为评审专家" };
  }
  const name = user.expertProfile.name || user.displayName;
  if (user.expertProfile.provinceCode === a.provinceCode || user.organization?.region.provinceCode === a.provinceCode) {
    return { reason: `${name}与申报单位同属一个省份，按回避规定不能评审该申报` };
  }
  const onTeam = await tx.activityTeamMember.count({ where: { activityId: a.id, expertId: user.expertProfile.id } });
  if (onTeam) return { reason: `${name}是该活动的团队成员，按回避规定不能评审该申报` };
  return null;
}

/** Assigns reviewers (all or none); the application then has at least two. Returns the new assignment ids. */
export async function assignReviewers(
  tx: Tx,
  input: { activityId: string; reviewerIds: string[]; actorId: string },
): Promise<{ assigned: { id: string; reviewerId: string }[]; total: number; activity: ReviewActivity }> {
  const a = await reviewActivity(tx, input.activityId);
  ACTIVITY_WORKFLOW.assertAct("assignReviewers", a.state);
  assertPlanUnderReview(a, "分配评审专家");
  const wanted = [...new Set(input.reviewerIds)];
  const existing = await tx.activityReview.findMany({ where: { activityId: a.id }, select: { reviewerId: true } });
  const already = new Set(existing.map((r) => r.reviewerId));
  const fresh = wanted.filter((id) => !already.has(id));
  if (!fresh.length) throw invalidInput({ reviewerIds: ["所选专家均已分配评审该申报"] }, "所选专家均已分配评审该申报");
  for (const id of fresh) {
    const recusal = await recusalOf(tx, id, a);
    if (recusal) throw invalidInput({ reviewerIds: [recusal.reason] }, recusal.reason);
  }
  const total = existing.length + fresh.length;
  if (total < MIN_REVIEWERS) {
    const msg = `每项申报至少分配 ${MIN_REVIEWERS} 名评审专家（当前选择后共 ${total} 名）`;
    throw invalidInput({ reviewerIds: [msg] }, msg);
  }
  const assigned = [];
  for (const reviewerId of fresh) {
    assigned.push(await tx.activityReview.create({
      data: { activityId: a.id, reviewerId, assignedById: input.actorId }, select: { id: true, reviewerId: true },
    }));
  }
  await notify(tx, fresh, {
    title: "新的示范活动评审任务",
    body: `请对“${a.title}”按年度评审细则评分并填写评审意见。`,
    link: "/expert/reviews",
  });
  return { assigned, total, activity: a };
}

/** Removes an assignment not yet scored. */
export async function removeReviewer(tx: Tx, reviewId: string) {
  const r = await tx.activityReview.findUnique({ where: { id: reviewId }, select: { id: true, activityId: true, reviewerId: true, submittedAt: true } });
  if (!r) throw notFound("评审分配");
  const a = await reviewActivity(tx, r.activityId);
  ACTIVITY_WORKFLOW.assertAct("assignReviewers", a.state);
  assertPlanUnderReview(a, "调整评审专家");
  const { count } = await tx.activityReview.deleteMany({ where: { id: r.id, submittedAt: null } });
  if (count !== 1) throw conflict("该专家已提交评分，不能撤销分配");
  await notify(tx, [r.reviewerId], { title: "示范活动评审任务已撤销", body: `“${a.title}”的评审任务已由部级管理员撤销，无需再评分。`, link: "/expert/reviews" });
  return { activityId: a.id, reviewerId: r.reviewerId, title: a.title };
}

export async function reviewOwner(tx: Tx, reviewId: string) {
  const r = await tx.activityReview.findUnique({ where: { id: reviewId }, select: { id: true, reviewerId: true, activityId: true } });
  if (!r) throw notFound("评审任务");
  return r;
}

/** The reviewer's scores, once: checked against the plan's rubric, only while the application is under review. */
export async function submitScores(
  tx: Tx,
  input: { reviewId: string; version: number; scores: Record<string, number | undefined>; comment: string; reviewerId: string },
) {
  const r = await tx.activityReview.findUnique({ where: { id: input.reviewId }, select: { id: true, activityId: true, reviewerId: true, submittedAt: true } });
  if (!r || r.reviewerId !== input.reviewerId) throw notFound("评审任务");
  if (r.submittedAt) throw conflict("该评审任务已提交评分，不能修改");
  // Scores of one application are written one after the other (the activity row's lock): each sees the state a
  // decision may just have changed, and exactly one of them sees the last score come in.
  await tx.$queryRaw`SELECT id FROM "DemonstrationActivity" WHERE id = ${r.activityId} FOR UPDATE`;
  const a = await reviewActivity(tx, r.activityId);
  ACTIVITY_WORKFLOW.assertAct("score", a.state);
  assertPlanUnderReview(a, "评分");
  const recusal = await recusalOf(tx, r.reviewerId, a);
  if (recusal) throw invalidTransition(recusal.reason);
  const rubric = rubricOf(a.plan?.rubric);
  const given = Object.fromEntries(Object.entries(input.scores).filter(([, v]) => v !== undefined)) as Record<string, number>;
  const refusal = checkScores(rubric, given);
  if (refusal) {
    const bad = rubric.find((c) => refusal.includes(`“${c.label}”`));
    throw invalidInput({ [bad ? `score.${bad.key}` : "scores"]: [refusal] }, refusal);
  }
  const total = rubricTotal(rubric, given);
  const { count } = await tx.activityReview.updateMany({
    where: { id: r.id, version: input.version, submittedAt: null },
    data: { scores: given, total, comment: input.comment, submittedAt: new Date(), version: { increment: 1 } },
  });
  if (count !== 1) throw conflict("该评审任务已提交评分或已被修改，请刷新后查看");
  // The last score of an application tells those who assigned its reviewers that it is ready for the board.
  const open = await tx.activityReview.count({ where: { activityId: a.id, submittedAt: null } });
  if (!open && a.planId) {
    const assigners = await tx.activityReview.findMany({ where: { activityId: a.id, assignedById: { not: null } }, select: { assignedById: true }, distinct: ["assignedById"] });
    await notify(tx, assigners.map((x) => x.assignedById as string), {
      title: "示范活动评审已完成", body: `“${a.title}”的评审专家均已提交评分，可在遴选会上作出决定。`, link: `/ministry/plans/${a.planId}/selection`,
    });
  }
  return { activityId: a.id, title: a.title, total, scores: given };
}
