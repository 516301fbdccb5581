import { isUniqueViolation, type Tx } from "@/lib/db";
import { previewContents } from "@/lib/certificates/service";
import { conflict, invalidTransition, notFound } from "@/lib/errors";
import type { CommendationState } from "@/lib/generated/prisma/enums";
import { notify } from "@/lib/notifications/send";
import type { CommendationFigures } from "@/lib/commendations/schemas";
import { COMMENDATION_WORKFLOW } from "@/lib/commendations/workflow";


export async function yearFigures(tx: Tx, expertId: string, year: number): Promise<CommendationFigures | null> {
  const { contents } = await previewContents(tx, expertId, { from: `${year}-01-01`, to: `${year}-12-31` });
  if (!contents) return null;
  const t = contents.totals;
  return {
    hours: t.hours, days: t.days, records: t.records, units: t.units, peopleServed: t.peopleServed, peopleTrained: t.peopleTrained,
    feedbackCount: contents.feedback.count, averageRating: contents.feedback.average, activities: contents.activities.length,
  };
}

export async function expertScope(tx: Tx, expertId: string) {
  const e = await tx.expertProfile.findUnique({ where: { id: expertId }, select: { id: true, name: true, provinceCode: true, userId: true } });
  if (!e) throw notFound("专家");
  return e;
}

export async function commendationScope(tx: Tx, commendationId: string) {
  const c = await tx.commendation.findUnique({
    where: { id: commendationId },
    select: { id: true, provinceCode: true, state: true, version: true, year: true, nominatedById: true, expert: { select: { name: true } } },
  });
  if (!c) throw notFound("表彰推荐");
  return c;
}

/**
 * Nominate an expert for a year, from their confirmed service that year (refused without any). One nomination per
 * expert and year: a withdrawn one is nominated again in place; any other is refused.
 */
export async function nominate(
  tx: Tx,
  input: { expertId: string; year: number; reason: string; priority: boolean; actorId: string; now?: Date },
) {
  const now = input.now ?? new Date();
  const expert = await expertScope(tx, input.expertId);
  const figures = await yearFigures(tx, expert.id, input.year);
  if (!figures) throw invalidTransition(`${expert.name} ${input.year} 年没有经服务单位确认的服务记录，不能推荐表彰`);
  const fields = {
    reason: input.reason, priority: input.priority, figures, nominatedById: input.actorId, nominatedAt: now,
    decidedById: null, decidedAt: null, decisionComment: null,
  };
  const existing = await tx.commendation.findUnique({
    where: { expertId_year: { expertId: expert.id, year: input.year } }, select: { id: true, state: true, version: true },
  });
  if (existing) {
    await COMMENDATION_WORKFLOW.apply(tx, { id: existing.id, step: "renominate", from: existing.state, version: existing.version, now, data: fields });
    return { id: existing.id, expertName: expert.name, figures, from: existing.state as CommendationState | null };
  }
  COMMENDATION_WORKFLOW.next("nominate", null);
  try {
    const row = await tx.commendation.create({
      data: { expertId: expert.id, provinceCode: expert.provinceCode, year: input.year, ...fields },
      select: { id: true },
    });
    return { id: row.id, expertName: expert.name, figures, from: null };
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict("该专家本年度已有表彰推荐，不能重复推荐");
    throw err;
  }
}

/** The ministry approves or rejects (with a reason); the nominator is told. */
export async function decide(
  tx: Tx,
  input: { commendationId: string; version: number; decision: "approve" | "reject"; reason: string; actorId: string; now?: Date },
) {
  const now = input.now ?? new Date();
  const c = await commendationScope(tx, input.commendationId);
  const r = await COMMENDATION_WORKFLOW.apply(tx, {
    id: c.id, step: input.decision, from: c.state, version: input.version, actorId: input.actorId, comment: input.reason, now,
    data: { decidedById: input.actorId, decidedAt: now, decisionComment: input.reason.trim() || null },
  });
  await notify(tx, [c.nominatedById], {
    title: `表彰推荐${input.decision === "approve" ? "已批准" : "未获批准"}：${c.expert.name}（${c.year} 年）`,
    body: input.reason.trim() ? `审定意见：${input.reason.trim()}` : undefined, link: `/commendations/${c.id}`,
  });
  return { ...r, expertName: c.expert.name, year: c.year };
}

/** The nominating side withdraws a waiting nomination, with a reason. */
export async function withdraw(tx: Tx, input: { commendationId: string; version: number; reason: string; actorId: string; now?: Date }) {
  const c = await commendationScope(tx, input.commendationId);
  const r = await COMMENDATION_WORKFLOW.apply(tx, {
    id: c.id, step: "withdraw", from: c.state, version: input.version, actorId: input.actorId, comment: input.reason, now: input.now,
    data: { decisionComment: input.reason.trim() },
  });
  return { ...r, expertName: c.expert.name, year: c.year };
}
