import type { Tx } from "@/lib/db";
import { invalidTransition, notFound } from "@/lib/errors";
import { notify, staffIds } from "@/lib/notifications/send";
import { MIN_REVIEWERS } from "@/lib/activities/review-schemas";
import { REVIEWABLE_PLAN_STATES } from "@/lib/activities/review-service";
import { placeRefusal, type Candidate, type PlanRules } from "@/lib/activities/selection-rules";
import { ACTIVITY_WORKFLOW, PLAN_WORKFLOW } from "@/lib/activities/workflow";
import type { DecideInput } from "@/lib/activities/selection-schemas";

// Selection and publication. Deciding takes the plan row's lock first (SELECT … FOR UPDATE), so two ministry staff
// selecting the last place at once are served one after the other: the second re-counts and is refused.

async function lockPlan(tx: Tx, planId: string) {
  await tx.$queryRaw`SELECT id FROM "AnnualPlan" WHERE id = ${planId} FOR UPDATE`;
  const plan = await tx.annualPlan.findUnique({
    where: { id: planId },
    select: { id: true, year: true, theme: true, state: true, version: true, quota: true, baseBonus: true, baseReservedPlaces: true, disagreementSpread: true, program: { select: { name: true } } },
  });
  if (!plan) throw notFound("年度计划");
  return plan;
}

async function candidatesOf(tx: Tx, planId: string): Promise<Candidate[]> {
  const rows = await tx.demonstrationActivity.findMany({
    where: { planId, isDemonstration: true },
    select: { id: true, state: true, hostBaseId: true, reviews: { where: { submittedAt: { not: null } }, select: { total: true } } },
  });
  return rows.map((r) => ({ id: r.id, state: r.state, hostBaseId: r.hostBaseId, totals: r.reviews.map((x) => x.total ?? 0) }));
}

export async function activityForDecision(tx: Tx, activityId: string) {
  const a = await tx.demonstrationActivity.findUnique({
    where: { id: activityId },
    select: { id: true, title: true, state: true, version: true, planId: true, provinceCode: true, applicantOrgId: true, channelOrgId: true, hostBaseId: true },
  });
  if (!a) throw notFound("示范活动申报");
  return a;
}

async function applicantSide(tx: Tx, a: { applicantOrgId: string; provinceCode: string; channelOrgId: string | null }) {
  const users = await tx.user.findMany({ where: { organizationId: a.applicantOrgId, status: "ACTIVE" }, select: { id: true } });
  const channel = a.channelOrgId
    ? await staffIds(tx, "DEPARTMENT_ADMIN", { organizationId: a.channelOrgId })
    : await staffIds(tx, "PROVINCE_ADMIN", { provinceCode: a.provinceCode });
  return [...users.map((u) => u.id), ...channel];
}

export async function decide(tx: Tx, input: DecideInput & { actorId: string; now?: Date }) {
  const a0 = await activityForDecision(tx, input.activityId);
  if (!a0.planId) throw invalidTransition("地方示范活动由省级自行批准实施，不参加部级遴选");
  const plan = await lockPlan(tx, a0.planId);
  if (!REVIEWABLE_PLAN_STATES.includes(plan.state)) throw invalidTransition("该年度计划的遴选结果已公布或计划未开放，不能再作遴选决定");
  // Re-read under the lock: the state and version others may just have changed.
  const a = await activityForDecision(tx, input.activityId);
  ACTIVITY_WORKFLOW.next(input.decision, a.state);
  if (input.decision === "select") {
    const submitted = await tx.activityReview.count({ where: { activityId: a.id, submittedAt: { not: null } } });
    if (submitted < MIN_REVIEWERS) {
      throw invalidTransition(`该申报只有 ${submitted} 份已提交的评审意见，至少 ${MIN_REVIEWERS} 份后才能入选`);
    }
    const cs = await candidatesOf(tx, plan.id);
    const rules: PlanRules = plan;
    const me = cs.find((c) => c.id === a.id) as Candidate;
    const refusal = placeRefusal(me, cs, rules);
    if (refusal) throw invalidTransition(refusal);
  }
  const now = input.now ?? new Date();
  const step = await ACTIVITY_WORKFLOW.apply(tx, {
    id: a.id, step: input.decision, from: a.state, version: input.version, actorId: input.actorId, comment: input.reason, now,
    data: { selectionComment: input.reason, selectedAt: now },
  });
  return { ...step, activity: a, plan };
}

/** Publishes the plan's selection (CLOSED → PUBLISHED) once every recommended application has its decision. */
export async function publish(tx: Tx, input: { planId: string; version: number; actorId: string; now?: Date }) {
  const plan = await lockPlan(tx, input.planId);
  const undecided = await tx.demonstrationActivity.count({ where: { planId: plan.id, state: "RECOMMENDED" } });
  if (undecided) throw invalidTransition(`尚有 ${undecided} 项已推荐的申报未作出遴选决定，不能公布遴选结果`);
  const now = input.now ?? new Date();
  const step = await PLAN_WORKFLOW.apply(tx, {
    id: plan.id, step: "publish", from: plan.state, version: input.version, actorId: input.actorId, now, data: { publishedAt: now },
  });
  const decided = await tx.demonstrationActivity.findMany({
    where: { planId: plan.id, state: { in: ["SELECTED", "NOT_SELECTED"] } },
    select: { id: true, title: true, state: true, applicantOrgId: true, provinceCode: true, channelOrgId: true },
  });
  for (const a of decided) {
    await notify(tx, await applicantSide(tx, a), {
      title: a.state === "SELECTED" ? "示范活动入选年度名单" : "示范活动未入选",
      body: `${plan.year}年度${plan.program.name}示范活动遴选结果已公布：“${a.title}”${a.state === "SELECTED" ? "入选，请按计划组织实施并按月报送进展" : "未入选"}。`,
      link: `/activities/${a.id}`,
    });
  }
  return { ...step, plan, selected: decided.filter((a) => a.state === "SELECTED").length };
}

export { applicantSide };
