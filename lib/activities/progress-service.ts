import type { Tx } from "@/lib/db";
import { chinaDate } from "@/lib/calendar/china-time";
import { conflict, invalidInput, invalidTransition, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ServiceForm } from "@/lib/generated/prisma/enums";
import { notify, staffIds } from "@/lib/notifications/send";
import { ACTIVITY_WORKFLOW } from "@/lib/activities/workflow";
import { targetsOf, type CompleteInput, type ProgressInput } from "@/lib/activities/progress-schemas";

// Run and tracked (section 7): what is recorded on the engagements linked to an activity counts for it, entered
// once — a progress report starts from the confirmed service records of its month.

export async function trackedActivity(tx: Tx, activityId: string) {
  const a = await tx.demonstrationActivity.findUnique({
    where: { id: activityId },
    select: {
      id: true, title: true, state: true, version: true, provinceCode: true, applicantOrgId: true, channelOrgId: true,
      isDemonstration: true, startedAt: true, targets: true, planId: true,
    },
  });
  if (!a) throw notFound("示范活动");
  return a;
}

async function teamUserIds(tx: Tx, activityId: string) {
  const team = await tx.activityTeamMember.findMany({ where: { activityId }, select: { expert: { select: { userId: true } } } });
  return team.flatMap((t) => (t.expert.userId ? [t.expert.userId] : []));
}

export async function startActivity(tx: Tx, input: { activityId: string; version: number; actorId: string; now?: Date }) {
  const a = await trackedActivity(tx, input.activityId);
  const now = input.now ?? new Date();
  const step = await ACTIVITY_WORKFLOW.apply(tx, {
    id: a.id, step: "start", from: a.state, version: input.version, actorId: input.actorId, now, data: { startedAt: now },
  });
  await notify(tx, [...(await teamUserIds(tx, a.id)), ...(await staffIds(tx, "PROVINCE_ADMIN", { provinceCode: a.provinceCode }))]
    .filter((id) => id !== input.actorId), {
    title: "示范活动开始实施", body: `“${a.title}”已开始实施，请按月报送进展。`, link: `/activities/${a.id}/progress`,
  });
  return { ...step, activity: a };
}

/** Engagements that may count for the activity: those of its linked needs or of its applicant's needs. */
export function linkableEngagementsWhere(a: { id: string; applicantOrgId: string }): Prisma.EngagementWhereInput {
  return { state: { not: "CANCELLED" }, OR: [{ need: { activityId: a.id } }, { need: { unitId: a.applicantOrgId } }] };
}

export async function linkEngagement(tx: Tx, input: { activityId: string; engagementId: string }) {
  const a = await trackedActivity(tx, input.activityId);
  if (!(["SELECTED", "IN_PROGRESS"] as string[]).includes(a.state)) throw invalidTransition("只有入选或实施中的示范活动可以关联服务项目");
  const e = await tx.engagement.findFirst({ where: { id: input.engagementId, ...linkableEngagementsWhere(a) }, select: { id: true, activityId: true } });
  if (!e) throw invalidInput({ engagementId: ["该服务项目不属于本活动的需求，不能关联"] }, "该服务项目不属于本活动的需求，不能关联");
  if (e.activityId === a.id) throw conflict("该服务项目已关联本活动");
  const { count } = await tx.engagement.updateMany({ where: { id: e.id, activityId: null }, data: { activityId: a.id } });
  if (count !== 1) throw conflict("该服务项目已关联其他示范活动");
  const expert = await tx.engagement.findUnique({ where: { id: e.id }, select: { expert: { select: { userId: true } } } });
  await notify(tx, expert?.expert.userId ? [expert.expert.userId] : [], {
    title: "服务项目计入示范活动", body: `您参与的服务项目已关联示范活动“${a.title}”，其服务记录将计入该活动。`, link: `/engagements/${e.id}`,
  });
  return { activity: a };
}

const monthStart = (period: string) => new Date(`${period}-01T00:00:00Z`);
const nextMonth = (period: string) => {
  const d = monthStart(period);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
};
const DAY_MS = 86_400_000;

/** The current month in China, "YYYY-MM". */
export const currentPeriod = (now: Date = new Date()) => chinaDate(now).slice(0, 7);

/** The figures of a month from the confirmed service records of the engagements linked to the activity. */
export async function progressPrefill(tx: Tx, activityId: string, period: string) {
  const records = await tx.serviceRecord.findMany({
    where: {
      state: "CONFIRMED", engagement: { activityId },
      startDate: { gte: monthStart(period), lt: nextMonth(period) },
    },
    select: { startDate: true, endDate: true, hours: true, form: true, peopleServed: true, peopleTrained: true, engagement: { select: { expertId: true } } },
  });
  const forms = [...new Set(records.map((r) => r.form))] as ServiceForm[];
  return {
    records: records.length,
    expertsCount: new Set(records.map((r) => r.engagement.expertId)).size,
    serviceHours: Math.round(records.reduce((s, r) => s + Number(r.hours), 0)),
    serviceDays: records.reduce((s, r) => s + Math.round((r.endDate.getTime() - r.startDate.getTime()) / DAY_MS) + 1, 0),
    peopleServed: records.reduce((s, r) => s + r.peopleServed, 0),
    peopleTrained: records.reduce((s, r) => s + r.peopleTrained, 0),
    forms,
  };
}

/** One short report per calendar month: not for a future month, nor one before the activity started, nor twice. */
export async function reportProgress(tx: Tx, input: ProgressInput & { actorId: string; now?: Date }) {
  const a = await trackedActivity(tx, input.activityId);
  ACTIVITY_WORKFLOW.assertAct("reportProgress", a.state);
  const now = currentPeriod(input.now);
  if (input.period > now) throw invalidInput({ period: ["不能报送未来月份的进展"] }, "不能报送未来月份的进展");
  if (a.startedAt && input.period < currentPeriod(a.startedAt)) {
    throw invalidInput({ period: ["该月份早于活动开始实施的时间"] }, "该月份早于活动开始实施的时间");
  }
  const existing = await tx.activityProgressReport.count({ where: { activityId: a.id, period: input.period } });
  if (existing) throw invalidInput({ period: [`${input.period} 的进展已报送，每月至多报送一次`] }, `${input.period} 的进展已报送，每月至多报送一次`);
  const { activityId, ...fields } = input;
  const report = await tx.activityProgressReport.create({
    data: {
      activityId, period: fields.period, content: fields.content, expertsCount: fields.expertsCount, serviceHours: fields.serviceHours,
      serviceDays: fields.serviceDays, peopleServed: fields.peopleServed, peopleTrained: fields.peopleTrained, forms: fields.forms,
      submittedById: input.actorId,
    },
    select: { id: true },
  });
  await notify(tx, (await staffIds(tx, "PROVINCE_ADMIN", { provinceCode: a.provinceCode })).filter((id) => id !== input.actorId), {
    title: "示范活动报送了进展", body: `“${a.title}”报送了 ${input.period} 的进展。`, link: `/activities/${a.id}/progress`,
  });
  return { id: report.id, activity: a };
}

/** Completion: the final report and the actual result of every target (IN_PROGRESS → COMPLETED). */
export async function completeActivity(tx: Tx, input: CompleteInput & { actorId: string; now?: Date }) {
  const a = await trackedActivity(tx, input.activityId);
  ACTIVITY_WORKFLOW.next("complete", a.state);
  const targets = targetsOf(a.targets);
  const missing = targets.findIndex((_, i) => input.actuals[String(i)] === undefined);
  if (missing >= 0) {
    throw invalidInput({ [`actual.${missing}`]: [`请填写“${targets[missing].indicator}”的实际完成情况`] }, `请填写“${targets[missing].indicator}”的实际完成情况`);
  }
  const withActuals = targets.map((t, i) => ({ ...t, actual: input.actuals[String(i)] as number }));
  const now = input.now ?? new Date();
  const step = await ACTIVITY_WORKFLOW.apply(tx, {
    id: a.id, step: "complete", from: a.state, version: input.version, actorId: input.actorId, now,
    data: { finalReport: input.finalReport, completedAt: now, targets: withActuals },
  });
  const reviewers = a.isDemonstration ? await staffIds(tx, "MINISTRY_ADMIN") : [];
  await notify(tx, [...(await staffIds(tx, "PROVINCE_ADMIN", { provinceCode: a.provinceCode })), ...reviewers, ...(await teamUserIds(tx, a.id))]
    .filter((id) => id !== input.actorId), {
    title: "示范活动已完成，待评估", body: `“${a.title}”已提交总结，请组织评估；团队专家和服务单位可以评价。`, link: `/activities/${a.id}/evaluation`,
  });
  return { ...step, activity: a, targets: withActuals };
}
