import { isUniqueViolation, type Tx } from "@/lib/db";
import { conflict, invalidInput, invalidTransition, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { EngagementState, FeedbackParty, MatchState, NeedState, ServiceRecordState } from "@/lib/generated/prisma/enums";
import { FEEDBACK_PARTY_LABEL, NEED_STATE_LABEL, SERVICE_RECORD_STATE_LABEL } from "@/lib/labels";
import { freePlace } from "@/lib/matches/capacity";
import { stepMatch } from "@/lib/matches/service";
import { stepNeed } from "@/lib/needs/service";
import { canStep as canNeedStep, type NeedServiceStep } from "@/lib/needs/workflow";
import { notify, staffIds } from "@/lib/notifications/send";
import { chinaDate } from "@/lib/calendar/china-time";
import { recordDateErrors, type EditRecordInput, type PlanInput, type RecordInput } from "@/lib/engagements/schemas";
import {
  assertAct, ENGAGEMENT_WORKFLOW, finishBlocker, LIVE_STATES, missingPlanParts, otherSide, RECORD_WORKFLOW, type Party,
} from "@/lib/engagements/workflow";

// Rules and state changes of engagements. Every function takes the caller's transaction; the caller has already
// checked the actor's permission over the engagement's scope (engagementScope) and which side they act for.
//
// Locks, always in this order: the need's row (steps that may move the need: team, plan agreement, feedback,
// cancel), then the engagement's row. Two people acting at once on one engagement are serialised by these locks;
// each change is still a conditional update on the state (and the version the actor saw).

type NeedRow = {
  id: string; state: NeedState; code: string; title: string; provinceCode: string; unitId: string; activityId: string | null;
};

/** Lock the need's row for the rest of the transaction. */
async function lockNeed(tx: Tx, needId: string): Promise<NeedRow> {
  const rows = await tx.$queryRaw<NeedRow[]>`
    SELECT "id", "state", "code", "title", "provinceCode", "unitId", "activityId" FROM "Need" WHERE "id" = ${needId} FOR UPDATE`;
  if (!rows.length) throw notFound("需求");
  return rows[0];
}

type EngagementRow = {
  id: string; state: EngagementState; version: number; needId: string; expertId: string; matchId: string; createdAt: Date;
};

/** Lock the engagement's row (after the need's, when both are needed). */
async function lockEngagement(tx: Tx, engagementId: string): Promise<EngagementRow> {
  const rows = await tx.$queryRaw<EngagementRow[]>`
    SELECT "id", "state", "version", "needId", "expertId", "matchId", "createdAt"
      FROM "Engagement" WHERE "id" = ${engagementId} FOR UPDATE`;
  if (!rows.length) throw notFound("服务项目");
  return rows[0];
}

async function needIdOf(tx: Tx, engagementId: string): Promise<string> {
  const e = await tx.engagement.findUnique({ where: { id: engagementId }, select: { needId: true } });
  if (!e) throw notFound("服务项目");
  return e.needId;
}

/** Who to tell on each side, and what the engagement is called in messages. */
async function partiesOf(tx: Tx, engagementId: string) {
  const e = await tx.engagement.findUniqueOrThrow({
    where: { id: engagementId },
    select: {
      need: { select: { code: true, title: true, unitId: true, provinceCode: true } },
      expert: { select: { name: true, userId: true } },
    },
  });
  const subject = `${e.need.code}「${e.need.title}」`;
  const link = `/engagements/${engagementId}`;
  return {
    subject, link, expertName: e.expert.name,
    async users(party: Party): Promise<string[]> {
      if (party === "EXPERT") return e.expert.userId ? [e.expert.userId] : [];
      if (party === "UNIT") return staffIds(tx, "UNIT_USER", { organizationId: e.need.unitId });
      return staffIds(tx, "PROVINCE_ADMIN", { provinceCode: e.need.provinceCode });
    },
  };
}

const SIDE_NAME: Record<Party, string> = { UNIT: "服务单位", EXPERT: "专家", PROVINCE: "省级管理员" };


/** Take a need step when the need's state allows it (the need is locked by the caller); otherwise nothing. */
async function advanceNeed(tx: Tx, need: NeedRow, step: NeedServiceStep, actorId: string | null, comment: string | null, now: Date) {
  if (!canNeedStep(step, need.state)) return null;
  const r = await stepNeed(tx, { needId: need.id, step, actorId, comment, now });
  need.state = r.to;
  return r;
}

/**
 * After an engagement closes or is cancelled, or an accepted expert is released: when nothing is left in progress
 * (no engagement open, no invitation or acceptance pending), the need is completed if some engagement closed, and
 * goes back to matching if every one was cancelled. Exported for the match steps that end a pending match.
 */
export async function settleNeed(tx: Tx, needId: string, actorId: string | null, now = new Date(), locked?: NeedRow) {
  const need = locked ?? (await lockNeed(tx, needId));
  const pendingMatch: MatchState[] = ["INVITED", "ACCEPTED"];
  const [live, closed, pending] = await Promise.all([
    tx.engagement.count({ where: { needId, state: { in: [...LIVE_STATES] } } }),
    tx.engagement.count({ where: { needId, state: "CLOSED" } }),
    tx.match.count({ where: { needId, state: { in: pendingMatch } } }),
  ]);
  if (live || pending) return null;
  if (closed) return advanceNeed(tx, need, "complete", actorId, `${closed} 个服务项目均已结束`, now);
  return advanceNeed(tx, need, "reopen", actorId, "服务项目均已取消，需求重新等待匹配", now);
}

// ─── Team ──────────────────────────────────────────────────────────────────────

type TeamStep = "confirm" | "release";

/** Needs whose team the unit may still confirm or change. */
const TEAM_NEED_STATES: readonly NeedState[] = ["OPEN", "MATCHED", "IN_SERVICE"];

export type TeamDecision = {
  matchId: string; decision: TeamStep; actorId: string; version?: number; reason?: string | null; now?: Date;
};

/**
 * The unit confirms an expert who accepted (the match becomes CONFIRMED and an engagement begins in PLANNING, the
 * expert's place stays held; the first confirmation moves the need OPEN → MATCHED), or declines them with a reason
 * (the match is withdrawn and the place given back).
 */
export async function decideTeamMember(tx: Tx, { matchId, decision, actorId, version, reason, now = new Date() }: TeamDecision) {
  const pre = await tx.match.findUnique({ where: { id: matchId }, select: { needId: true } });
  if (!pre) throw notFound("匹配记录");
  const need = await lockNeed(tx, pre.needId);
  if (!TEAM_NEED_STATES.includes(need.state)) {
    throw invalidTransition(`需求当前为“${NEED_STATE_LABEL[need.state]}”，不能${decision === "confirm" ? "确认" : "调整"}专家团队`);
  }
  const why = reason?.trim() || null;
  // The match step (conditional on its state and the version the unit saw): release gives the expert's place back,
  // confirm keeps it for the engagement.
  const r = await stepMatch(tx, { matchId, step: decision, actorId, version, reason: why, now });
  const expert = await tx.expertProfile.findUniqueOrThrow({ where: { id: r.expertId }, select: { name: true, userId: true } });
  const subject = `${need.code}「${need.title}」`;
  const province = await staffIds(tx, "PROVINCE_ADMIN", { provinceCode: need.provinceCode });

  if (decision === "release") {
    await settleNeed(tx, need.id, actorId, now, need);
    await notify(tx, expert.userId ? [expert.userId] : [], {
      title: `服务单位未确认您参加：${need.title}`, body: `${subject}的服务单位未确认您加入专家团队。原因：${why}`, link: `/expert/invitations/${matchId}`,
    });
    await notify(tx, province, {
      title: `单位未确认专家：${need.title}`, body: `${subject}的服务单位未确认专家 ${expert.name}，原因：${why}。如需要，请另行邀请专家。`,
      link: `/needs/${need.id}`,
    });
    return { ...r, engagementId: null, needState: need.state };
  }

  const menu = await tx.needMenuItem.findMany({ where: { needId: need.id }, select: { menuItem: { select: { form: true } } } });
  const forms = [...new Set(menu.map((m) => m.menuItem.form))].slice(0, 6);
  const engagement = await tx.engagement.create({
    data: { matchId, needId: need.id, expertId: r.expertId, state: "PLANNING", planForms: forms, activityId: need.activityId, createdAt: now },
    select: { id: true },
  });
  await advanceNeed(tx, need, "match", actorId, `已确认专家：${expert.name}`, now);
  const link = `/engagements/${engagement.id}`;
  await notify(tx, expert.userId ? [expert.userId] : [], {
    title: `服务单位已确认您加入专家团队：${need.title}`, body: `${subject}的服务单位已确认您参加服务，请与单位商定工作方案。`, link,
  });
  await notify(tx, province, { title: `单位已确认专家：${need.title}`, body: `${subject}的服务单位已确认专家 ${expert.name}。`, link });
  return { ...r, engagementId: engagement.id, needState: need.state };
}

// ─── Work plan ─────────────────────────────────────────────────────────────────

const AGREED_FIELD = { UNIT: "planAgreedByUnitAt", EXPERT: "planAgreedByExpertAt" } as const;

/** Either side edits the plan (conditional on the version they loaded); the edit clears the other side's agreement. */
export async function savePlan(tx: Tx, { party, input }: { party: FeedbackParty; input: PlanInput }) {
  const e = await tx.engagement.findUnique({ where: { id: input.engagementId }, select: { state: true, version: true } });
  if (!e) throw notFound("服务项目");
  assertAct("editPlan", e.state);
  const { count } = await tx.engagement.updateMany({
    where: { id: input.engagementId, version: input.version, state: "PLANNING" },
    data: {
      type: input.type, planGoals: input.planGoals, planSchedule: input.planSchedule, planPlace: input.planPlace,
      planDeliverables: input.planDeliverables, planForms: [...new Set(input.planForms)],
      [AGREED_FIELD[otherSide(party)]]: null,
      version: { increment: 1 },
    },
  });
  if (!count) throw conflict("工作方案已被对方修改或已商定，请刷新后查看最新内容");
  const p = await partiesOf(tx, input.engagementId);
  const other = otherSide(party);
  await notify(tx, await p.users(other), {
    title: `工作方案已修改：${p.subject}`, body: `${SIDE_NAME[party]}修改了${p.subject}的工作方案，请查看并确认。`, link: p.link,
  });
  return { version: e.version + 1 };
}

/**
 * One side agrees to the plan as they saw it (version). Agreeing does not change the version, so the other side's
 * agreement in the meantime does not void it; an edit does. When both have agreed the engagement becomes ACTIVE
 * (exactly once: the need's lock serialises the two agreements) and the need MATCHED → IN_SERVICE on the first.
 */
export async function agreePlan(
  tx: Tx,
  { engagementId, party, version, actorId, now = new Date() }: { engagementId: string; party: FeedbackParty; version: number; actorId: string; now?: Date },
) {
  const need = await lockNeed(tx, await needIdOf(tx, engagementId));
  const e = await tx.engagement.findUniqueOrThrow({
    where: { id: engagementId },
    select: {
      state: true, version: true, planGoals: true, planSchedule: true, planPlace: true, planDeliverables: true, planForms: true,
      planAgreedByUnitAt: true, planAgreedByExpertAt: true,
    },
  });
  assertAct("agreePlan", e.state);
  if (e.version !== version) throw conflict("工作方案已被修改，请查看最新内容后再确认");
  const missing = missingPlanParts(e);
  if (missing.length) throw invalidTransition(`工作方案尚缺${missing.join("、")}，请补充后再确认`);
  const field = AGREED_FIELD[party];
  if (e[field]) throw invalidTransition("您已同意该工作方案，正在等待对方确认");
  const { count } = await tx.engagement.updateMany({
    where: { id: engagementId, version, state: "PLANNING", [field]: null },
    data: { [field]: now },
  });
  if (!count) throw conflict("工作方案已被修改，请查看最新内容后再确认");

  const p = await partiesOf(tx, engagementId);
  // The other side's agreement was read under the need's lock, so it still stands: with ours, the service starts.
  const started = !!e[AGREED_FIELD[otherSide(party)]];
  if (started) {
    await ENGAGEMENT_WORKFLOW.apply(tx, {
      id: engagementId, step: "start", from: e.state, version, actorId,
      where: { planAgreedByUnitAt: { not: null }, planAgreedByExpertAt: { not: null } },
    });
    await advanceNeed(tx, need, "serve", actorId, `工作方案已商定：专家 ${p.expertName}`, now);
    await notify(tx, [...(await p.users("UNIT")), ...(await p.users("EXPERT"))], {
      title: `工作方案已商定，服务开始：${p.subject}`, body: `双方已同意${p.subject}的工作方案，服务开始。专家可填写服务记录。`, link: p.link,
    });
  } else {
    await notify(tx, await p.users(otherSide(party)), {
      title: `${SIDE_NAME[party]}已同意工作方案：${p.subject}`, body: `${SIDE_NAME[party]}已同意${p.subject}的工作方案，请您查看并确认。`, link: p.link,
    });
  }
  return { started, needState: need.state };
}

// ─── Service records ───────────────────────────────────────────────────────────

const dateOf = (d: string) => new Date(`${d}T00:00:00Z`);

function recordData(input: RecordInput | EditRecordInput) {
  return {
    startDate: dateOf(input.startDate), endDate: dateOf(input.endDate), hours: new Prisma.Decimal(input.hours.toFixed(1)),
    form: input.form, content: input.content, peopleServed: input.peopleServed, peopleTrained: input.peopleTrained,
    techniquesPromoted: input.techniquesPromoted, incomeEffect: new Prisma.Decimal(input.incomeEffect.toFixed(2)),
  };
}

function checkDates(input: { startDate: string; endDate: string }, e: EngagementRow, now: Date) {
  const errors = recordDateErrors(input, { today: chinaDate(now), earliest: chinaDate(e.createdAt) });
  if (Object.keys(errors).length) throw invalidInput(errors, Object.values(errors)[0][0]);
}

/** The expert logs a record of service done (ACTIVE only); it waits for the unit's confirmation. */
export async function logRecord(tx: Tx, { input, now = new Date() }: { input: RecordInput; now?: Date }) {
  const e = await lockEngagement(tx, input.engagementId);
  assertAct("logRecord", e.state);
  checkDates(input, e, now);
  const record = await tx.serviceRecord.create({
    data: { engagementId: e.id, ...recordData(input), state: "SUBMITTED", createdAt: now },
    select: { id: true },
  });
  const p = await partiesOf(tx, e.id);
  await notify(tx, await p.users("UNIT"), {
    title: `服务记录待确认：${p.subject}`,
    body: `专家 ${p.expertName} 填写了 ${input.startDate} 至 ${input.endDate} 的服务记录（${input.hours} 小时），请确认。`,
    link: p.link,
  });
  return record;
}

async function recordOf(tx: Tx, recordId: string) {
  const r = await tx.serviceRecord.findUnique({ where: { id: recordId }, select: { engagementId: true, state: true, version: true } });
  if (!r) throw notFound("服务记录");
  return r;
}

/** The expert corrects a record waiting for confirmation or disputed; it waits for the unit again. */
export async function editRecord(tx: Tx, { input, now = new Date() }: { input: EditRecordInput; now?: Date }) {
  const before = await recordOf(tx, input.recordId);
  const e = await lockEngagement(tx, before.engagementId);
  assertAct("editRecord", e.state);
  RECORD_WORKFLOW.next("edit", before.state); // a confirmed record is refused before its dates are looked at
  checkDates(input, e, now);
  const { to } = await RECORD_WORKFLOW.apply(tx, {
    id: input.recordId, step: "edit", from: before.state, version: input.version, now,
    data: { ...recordData(input), disputeReason: null, confirmedAt: null, confirmedById: null },
  });
  const p = await partiesOf(tx, e.id);
  await notify(tx, await p.users("UNIT"), {
    title: `服务记录已修改，待确认：${p.subject}`,
    body: `专家 ${p.expertName} 修改了 ${input.startDate} 至 ${input.endDate} 的服务记录，请重新确认。`, link: p.link,
  });
  return { engagementId: e.id, from: before.state, to };
}

/** The unit confirms a record, or disputes it with a reason (the expert may then correct it). */
export async function reviewRecord(
  tx: Tx,
  { recordId, version, decision, reason, actorId, now = new Date() }:
    { recordId: string; version: number; decision: "confirm" | "dispute"; reason?: string | null; actorId: string; now?: Date },
) {
  const before = await recordOf(tx, recordId);
  const e = await lockEngagement(tx, before.engagementId);
  assertAct(decision === "confirm" ? "confirmRecord" : "disputeRecord", e.state);
  const why = reason?.trim() || null;
  const { to } = await RECORD_WORKFLOW.apply(tx, {
    id: recordId, step: decision, from: before.state, version, actorId, comment: why, now,
    data: decision === "confirm" ? { confirmedById: actorId, confirmedAt: now, disputeReason: null } : { disputeReason: why },
    conflict: "该服务记录已被专家修改，请查看最新内容后再处理",
  });
  const rec = await tx.serviceRecord.findUniqueOrThrow({ where: { id: recordId }, select: { startDate: true, endDate: true } });
  const span = `${chinaDate(rec.startDate)} 至 ${chinaDate(rec.endDate)}`;
  const p = await partiesOf(tx, e.id);
  await notify(tx, await p.users("EXPERT"), decision === "confirm"
    ? { title: `服务记录已确认：${p.subject}`, body: `服务单位已确认您 ${span} 的服务记录。`, link: p.link }
    : { title: `服务记录有异议：${p.subject}`, body: `服务单位对您 ${span} 的服务记录提出异议：${why}。请核实后修改。`, link: p.link });
  return { engagementId: e.id, from: before.state, to, label: SERVICE_RECORD_STATE_LABEL[to] };
}

// ─── Finish, feedback, close, cancel ──────────────────────────────────────────

/** Either side ends the service: at least one confirmed record, none waiting for the unit. */
export async function finishEngagement(
  tx: Tx,
  { engagementId, party, version, now = new Date() }: { engagementId: string; party: FeedbackParty; version?: number; now?: Date },
) {
  const e = await lockEngagement(tx, engagementId);
  // The step first (refused in Chinese, or stale); the records then, in the same transaction, so a blocker undoes it.
  const { to } = await ENGAGEMENT_WORKFLOW.apply(tx, { id: engagementId, step: "finish", from: e.state, version, now, data: { finishedAt: now } });
  const groups = await tx.serviceRecord.groupBy({ by: ["state"], where: { engagementId }, _count: { _all: true } });
  const counts: Partial<Record<ServiceRecordState, number>> = Object.fromEntries(groups.map((g) => [g.state, g._count._all]));
  const blocker = finishBlocker(counts);
  if (blocker) throw invalidTransition(blocker);
  const p = await partiesOf(tx, engagementId);
  await notify(tx, [...(await p.users("UNIT")), ...(await p.users("EXPERT"))], {
    title: `服务已结束，请评价：${p.subject}`, body: `${SIDE_NAME[party]}已结束${p.subject}的服务。双方评价后服务项目结束。`, link: p.link,
  });
  return { from: e.state, to, confirmedRecords: counts.CONFIRMED ?? 0 };
}

/**
 * Each side rates the other once (the unique key refuses a second). With both ratings in, the engagement closes,
 * the expert's place is given back and the need completes when nothing else of it is in progress.
 */
export async function giveFeedback(
  tx: Tx,
  { engagementId, party, rating, comment, actorId, now = new Date(), questionnaireId = null, answers }:
    { engagementId: string; party: FeedbackParty; rating: number; comment: string; actorId: string; now?: Date;
      /** The questionnaire version answered and the answers by question key (lib/questionnaires). */
      questionnaireId?: string | null; answers?: Record<string, number | boolean | string> },
) {
  const need = await lockNeed(tx, await needIdOf(tx, engagementId));
  const e = await lockEngagement(tx, engagementId);
  assertAct("feedback", e.state);
  const given = await tx.feedback.findUnique({ where: { engagementId_party: { engagementId, party } }, select: { id: true } });
  if (given) throw conflict(`${FEEDBACK_PARTY_LABEL[party]}已评价过该服务项目，不能重复评价`);
  try {
    await tx.feedback.create({ data: { engagementId, party, authorId: actorId, rating, comment, createdAt: now, questionnaireId, answers } });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict(`${FEEDBACK_PARTY_LABEL[party]}已评价过该服务项目，不能重复评价`);
    throw err;
  }
  const p = await partiesOf(tx, engagementId);
  const both = (await tx.feedback.count({ where: { engagementId } })) === 2;
  if (!both) {
    await notify(tx, await p.users(otherSide(party)), {
      title: `对方已评价，请您评价：${p.subject}`, body: `${SIDE_NAME[party]}已完成评价。您评价后服务项目即告结束。`, link: p.link,
    });
    return { closed: false, needState: need.state };
  }
  await ENGAGEMENT_WORKFLOW.apply(tx, { id: engagementId, step: "close", from: e.state, actorId, now, data: { closedAt: now } });
  await freePlace(tx, e.expertId);
  await settleNeed(tx, need.id, actorId, now, need);
  await notify(tx, [...(await p.users("UNIT")), ...(await p.users("EXPERT"))], {
    title: `服务项目已结束：${p.subject}`, body: `双方已完成评价，${p.subject}的服务项目结束。感谢参与！`, link: p.link,
  });
  return { closed: true, needState: need.state };
}

/** The province cancels an engagement in planning or in service, with a reason; the expert's place is given back. */
export async function cancelEngagement(
  tx: Tx,
  { engagementId, version, reason, actorId, now = new Date() }:
    { engagementId: string; version?: number; reason: string; actorId: string; now?: Date },
) {
  const need = await lockNeed(tx, await needIdOf(tx, engagementId));
  const e = await lockEngagement(tx, engagementId);
  const { to } = await ENGAGEMENT_WORKFLOW.apply(tx, {
    id: engagementId, step: "cancel", from: e.state, version, actorId, comment: reason, now, data: { cancelReason: reason },
  });
  await freePlace(tx, e.expertId);
  await settleNeed(tx, need.id, actorId, now, need);
  const p = await partiesOf(tx, engagementId);
  await notify(tx, [...(await p.users("UNIT")), ...(await p.users("EXPERT"))], {
    title: `服务项目已取消：${p.subject}`, body: `省级管理员取消了${p.subject}（专家 ${p.expertName}）的服务项目。原因：${reason}`, link: p.link,
  });
  return { from: e.state, to, needState: need.state };
}
