import type { Tx } from "@/lib/db";
import { conflict, invalidTransition, notFound } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { EVALUATION_GRADE_LABEL } from "@/lib/labels";
import { notify, staffIds } from "@/lib/notifications/send";
import { applicantSide } from "@/lib/activities/selection-service";
import { ACTIVITY_WORKFLOW } from "@/lib/activities/workflow";
import type { ActivityFeedbackInput, EvaluateInput } from "@/lib/activities/evaluation-schemas";

// Evaluation of a completed activity (section 7). A demonstration activity is evaluated by its province first (an
// act: the activity stays COMPLETED), then by the ministry, whose evaluation closes it (COMPLETED → EVALUATED) and
// is refused until the province's exists. A local activity (地方示范活动) is the province's own: its evaluation closes it.

export async function evaluatedActivity(tx: Tx, activityId: string) {
  const a = await tx.demonstrationActivity.findUnique({
    where: { id: activityId },
    select: { id: true, title: true, state: true, version: true, provinceCode: true, applicantOrgId: true, channelOrgId: true, isDemonstration: true },
  });
  if (!a) throw notFound("示范活动");
  return a;
}

export async function evaluate(tx: Tx, input: EvaluateInput & { actorId: string; now?: Date }) {
  const a = await evaluatedActivity(tx, input.activityId);
  const now = input.now ?? new Date();
  const existing = await tx.activityEvaluation.findMany({ where: { activityId: a.id }, select: { level: true } });
  const has = (level: string) => existing.some((e) => e.level === level);
  let closes: boolean;
  if (input.level === "PROVINCE") {
    ACTIVITY_WORKFLOW.assertAct("evaluateProvince", a.state);
    if (has("PROVINCE")) throw conflict("省级评估已作出，不能重复评估");
    closes = !a.isDemonstration;
  } else {
    if (!a.isDemonstration) throw invalidTransition("地方示范活动由省级评估，不需要部级评估");
    ACTIVITY_WORKFLOW.next("evaluate", a.state);
    if (!has("PROVINCE")) throw invalidTransition("须先完成省级评估，再作部级评估");
    closes = true;
  }
  const evaluation = await tx.activityEvaluation.create({
    data: { activityId: a.id, level: input.level, grade: input.grade, score: input.score, comment: input.comment, evaluatorId: input.actorId, createdAt: now },
    select: { id: true },
  });
  const step = closes
    ? await ACTIVITY_WORKFLOW.apply(tx, {
      id: a.id, step: "evaluate", from: a.state, version: input.version, actorId: input.actorId, now,
      comment: `${input.level === "PROVINCE" ? "省级" : "部级"}评估：${EVALUATION_GRADE_LABEL[input.grade]}（${input.score} 分）`,
    })
    : // The version still guards the act: an evaluation written on a page that has since changed is refused.
    await tx.demonstrationActivity.updateMany({ where: { id: a.id, state: a.state, version: input.version }, data: { version: { increment: 1 } } })
      .then(({ count }) => {
        if (count !== 1) throw conflict("该示范活动已被他人处理或修改，请刷新后重试");
        return { from: a.state, to: a.state, comment: null };
      });
  const ministry = input.level === "PROVINCE" && !closes ? await staffIds(tx, "MINISTRY_ADMIN") : [];
  await notify(tx, [...(await applicantSide(tx, a)), ...ministry].filter((id) => id !== input.actorId), {
    title: `示范活动${input.level === "PROVINCE" ? "省级" : "部级"}评估结果`,
    body: `“${a.title}”评估等次：${EVALUATION_GRADE_LABEL[input.grade]}，得分 ${input.score}。`,
    link: `/activities/${a.id}/evaluation`,
  });
  return { ...step, id: evaluation.id, activity: a };
}

/** The sides who may give feedback: the team's experts (self) and the served units (the applicant, the units of its needs). */
export async function feedbackParties(tx: Tx, activityId: string) {
  const [team, needs, engagements, a] = await Promise.all([
    tx.activityTeamMember.findMany({ where: { activityId }, select: { expert: { select: { userId: true } } } }),
    tx.need.findMany({ where: { activityId }, select: { unitId: true } }),
    tx.engagement.findMany({ where: { activityId }, select: { need: { select: { unitId: true } }, expert: { select: { userId: true } } } }),
    evaluatedActivity(tx, activityId),
  ]);
  const expertUserIds = new Set([...team, ...engagements].flatMap((t) => (t.expert.userId ? [t.expert.userId] : [])));
  const unitIds = new Set([a.applicantOrgId, ...needs.map((n) => n.unitId), ...engagements.map((e) => e.need.unitId)]);
  return { activity: a, expertUserIds, unitIds };
}

export async function giveFeedback(tx: Tx, input: ActivityFeedbackInput & { userId: string; role: Role }) {
  const { activity: a } = await feedbackParties(tx, input.activityId);
  ACTIVITY_WORKFLOW.assertAct("feedback", a.state);
  const given = await tx.activityFeedback.count({ where: { activityId: a.id, userId: input.userId } });
  if (given) throw conflict("您已评价过该活动");
  const row = await tx.activityFeedback.create({
    data: { activityId: a.id, userId: input.userId, role: input.role, rating: input.rating, comment: input.comment }, select: { id: true },
  });
  await notify(tx, (await staffIds(tx, "PROVINCE_ADMIN", { provinceCode: a.provinceCode })), {
    title: "示范活动收到评价", body: `“${a.title}”收到一条${input.role === "EXPERT" ? "专家" : "服务单位"}评价：${input.rating} 分。`,
    link: `/activities/${a.id}/evaluation`,
  });
  return { id: row.id, activity: a };
}
