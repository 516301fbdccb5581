import { isUniqueViolation, type Tx } from "@/lib/db";
import { calendarOverrides } from "@/lib/calendar/service";
import { workingDaysDeadline } from "@/lib/calendar/working-days";
import { CHINA_TIME_ZONE } from "@/lib/calendar/china-time";
import { conflict, invalidInput, invalidTransition, notFound } from "@/lib/errors";
import type { MatchSource, MatchState, NeedState, Prisma } from "@/lib/generated/prisma/client";
import { NEED_STATE_LABEL } from "@/lib/labels";
import { readSettings } from "@/lib/match-settings/service";
import { holdSeat, movePlace } from "@/lib/matches/capacity";
import { MATCH_WORKFLOW, placeDelta, type MatchStep } from "@/lib/matches/workflow";
import { loadExpertFacts, loadNeedFacts } from "@/lib/matching/facts";
import { poolModel, poolRelevance } from "@/lib/matching/pool-relevance";
import { loadScorer } from "@/lib/matching/recommend";
import { HARD_FILTER_LABEL, scorePair, type Scored } from "@/lib/matching/score";
import { notify, staffIds } from "@/lib/notifications/send";

// State changes of matches (need × expert). Callers authorize and audit; these functions check the workflow,
// keep the expert's places and the need's seats, and notify the other side — all inside the caller's transaction.

/** Needs the province may still invite experts to (MATCHED: some of the team is confirmed, seats may be left). */
export const INVITABLE_NEED_STATES: readonly NeedState[] = ["OPEN", "MATCHED"];

/**
 * Fit this instance's pool model (lib/matching/pool-relevance) before opening a transaction that scores. An instance
 * fits it on first use, CPU-bound (half a minute on a busy machine); inside an interactive transaction that outlasted
 * the transaction's timeout, so the first invitations on a freshly started instance failed with 系统繁忙
 * (tests/e2e/two-instances.spec.ts found it). Call with the root client, never a transaction's.
 */
export async function warmScoring(client: Tx): Promise<void> {
  await poolModel(client);
}

/** Score one need × expert with the ministry's weights; refuses (in Chinese) when a hard filter applies. */
export async function scoreOne(tx: Tx, needId: string, expertId: string): Promise<Scored> {
  const need = await loadNeedFacts(tx, needId);
  if (!need) throw notFound("需求");
  const [expert] = await loadExpertFacts(tx, [expertId], [needId]);
  if (!expert) throw notFound("专家");
  const [scorer, relevance] = await Promise.all([loadScorer(tx), poolRelevance(tx, [{ need, experts: [expert] }])]);
  const r = scorePair(need, expert, { ...scorer, relevance });
  if (r.filtered) throw conflict(`不能匹配该专家：${HARD_FILTER_LABEL[r.filtered]}`);
  return { score: r.score, parts: r.parts, explanation: r.explanation };
}

async function needFor(tx: Tx, needId: string) {
  const need = await tx.need.findUnique({
    where: { id: needId }, select: { id: true, code: true, title: true, state: true, provinceCode: true, unitId: true },
  });
  if (!need) throw notFound("需求");
  return need;
}

async function expertUser(tx: Tx, expertId: string) {
  const e = await tx.expertProfile.findUnique({ where: { id: expertId }, select: { userId: true, name: true } });
  if (!e) throw notFound("专家");
  return e;
}

const reopened = {
  respondedAt: null, declineReason: null, offeredHours: null, closeReason: null, decidedById: null, remindedAt: null,
  applyNote: null,
} satisfies Prisma.MatchUpdateManyMutationInput;

const OPENED_BY_OTHERS = "该专家与此需求的匹配刚被他人处理，请刷新后重试";

/**
 * Create the match in `to` or move an existing one there — conditionally on its state, so of two people acting at
 * once exactly one wins. Used by the steps that may start from "no row yet" (propose, invite, apply).
 */
async function openMatch(
  tx: Tx,
  needId: string,
  expertId: string,
  step: "propose" | "invite" | "apply",
  data: Omit<Prisma.MatchUncheckedCreateInput, "needId" | "expertId" | "state">,
): Promise<{ matchId: string; from: MatchState | null }> {
  const existing = await tx.match.findUnique({ where: { needId_expertId: { needId, expertId } }, select: { id: true, state: true } });
  const from = existing?.state ?? null;
  if (!existing) {
    const to = MATCH_WORKFLOW.next(step, null);
    try {
      const created = await tx.match.create({ data: { ...data, needId, expertId, state: to }, select: { id: true } });
      return { matchId: created.id, from };
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict(OPENED_BY_OTHERS);
      throw err;
    }
  }
  await MATCH_WORKFLOW.apply(tx, {
    id: existing.id, step, from: existing.state, data: { ...reopened, ...data }, conflict: OPENED_BY_OTHERS,
  });
  return { matchId: existing.id, from };
}

export type InviteInput = {
  needId: string;
  expertId: string;
  actorId: string;
  source: Extract<MatchSource, "SYSTEM" | "BATCH" | "PROVINCE">;
  /** Required for source PROVINCE (assigned by hand). */
  assignReason?: string | null;
  now?: Date;
};

/**
 * Invite an expert to a need: the need must be open, no hard filter may apply, a seat of the need and a place of the
 * expert are taken (or the whole invitation is refused), and the deadline is set in working days.
 */
export async function inviteExpert(tx: Tx, input: InviteInput) {
  const now = input.now ?? new Date();
  const need = await needFor(tx, input.needId);
  if (!INVITABLE_NEED_STATES.includes(need.state)) {
    throw invalidTransition(`需求当前为“${NEED_STATE_LABEL[need.state]}”，不能邀请专家`);
  }
  if (input.source === "PROVINCE" && !input.assignReason?.trim()) throw invalidInput({ reason: ["请填写指派理由"] });
  const scored = await scoreOne(tx, input.needId, input.expertId);
  await holdSeat(tx, input.needId);
  const [settings, calendar] = await Promise.all([readSettings(tx), calendarOverrides(tx, now)]);
  const respondBy = workingDaysDeadline(now, settings.inviteWorkingDays, calendar);
  const { matchId, from } = await openMatch(tx, input.needId, input.expertId, "invite", {
    source: input.source, score: scored.score, scoreParts: scored.parts, explanation: scored.explanation,
    assignReason: input.source === "PROVINCE" ? input.assignReason!.trim() : null,
    invitedById: input.actorId, invitedAt: now, respondBy,
  });
  await movePlace(tx, input.expertId, placeDelta(from, "INVITED"));
  const expert = await expertUser(tx, input.expertId);
  if (expert.userId) {
    await notify(tx, [expert.userId], {
      title: `新的服务邀请：${need.title}`,
      body: `${input.source === "PROVINCE" ? `省级指派理由：${input.assignReason}。` : `推荐理由：${scored.explanation}。`}请在 ${respondBy.toLocaleDateString("zh-CN", { timeZone: CHINA_TIME_ZONE })} 前答复。`,
      link: `/expert/invitations/${matchId}`,
    });
  }
  return { matchId, from, respondBy, code: need.code, title: need.title, expertName: expert.name, ...scored };
}

/** Put an expert into a batch proposal (PROPOSED, source BATCH); holds nothing until the province sends it. */
export async function proposeExpert(tx: Tx, input: { needId: string; expertId: string } & Scored) {
  return openMatch(tx, input.needId, input.expertId, "propose", {
    source: "BATCH", score: input.score, scoreParts: input.parts, explanation: input.explanation,
  });
}

/** The expert applies to an open need; the province decides (approve → ACCEPTED, reject → REJECTED). */
export async function applyToNeed(tx: Tx, input: { needId: string; expertId: string; note: string }) {
  const need = await needFor(tx, input.needId);
  if (need.state !== "OPEN") throw invalidTransition(`需求当前为“${NEED_STATE_LABEL[need.state]}”，不再接受申请`);
  const scored = await scoreOne(tx, input.needId, input.expertId);
  const { matchId } = await openMatch(tx, input.needId, input.expertId, "apply", {
    source: "EXPERT_APPLIED", score: scored.score, scoreParts: scored.parts, explanation: scored.explanation,
    applyNote: input.note.trim(),
  });
  const expert = await expertUser(tx, input.expertId);
  await notify(tx, await staffIds(tx, "PROVINCE_ADMIN", { provinceCode: need.provinceCode }), {
    title: `专家申请承接需求：${need.title}`,
    body: `${expert.name} 申请承接需求 ${need.code}：${input.note.trim()}`,
    link: `/needs/${need.id}`,
  });
  return { matchId, code: need.code, title: need.title };
}

export type StepInput = {
  matchId: string;
  step: Exclude<MatchStep, "propose" | "invite" | "apply">;
  /** Null for the system (expiry). */
  actorId: string | null;
  /** When given, the step only applies to this version of the match (the form's). */
  version?: number;
  reason?: string | null;
  offeredHours?: number | null;
  now?: Date;
};

/**
 * Any other step of a match, as the workflow's conditional update (on the state, and the version when given); the
 * expert's place follows the workflow's placeDelta.
 */
export async function stepMatch(tx: Tx, input: StepInput) {
  const now = input.now ?? new Date();
  const m = await tx.match.findUnique({
    where: { id: input.matchId },
    select: { id: true, needId: true, expertId: true, state: true, respondBy: true, version: true },
  });
  if (!m) throw notFound("匹配记录");
  const to = MATCH_WORKFLOW.next(input.step, m.state);
  const reason = input.reason?.trim() || null;
  if (input.step === "accept" && m.respondBy && m.respondBy < now) throw invalidTransition("邀请已超过答复期限，无法接受");
  const delta = placeDelta(m.state, to);
  if (delta === 1) await holdSeat(tx, m.needId);

  const data: Prisma.MatchUncheckedUpdateManyInput = {};
  switch (input.step) {
    case "accept":
      Object.assign(data, { respondedAt: now, offeredHours: input.offeredHours ?? null });
      break;
    case "decline":
      Object.assign(data, { respondedAt: now, declineReason: reason, offeredHours: null });
      break;
    case "approve":
      Object.assign(data, { respondedAt: now, decidedById: input.actorId });
      break;
    case "confirm":
      Object.assign(data, { decidedById: input.actorId });
      break;
    case "withdraw":
    case "reject":
    case "release":
      Object.assign(data, { closeReason: reason, decidedById: input.actorId });
      break;
    case "expire":
      break;
  }
  await MATCH_WORKFLOW.apply(tx, {
    id: m.id, step: input.step, from: m.state, version: input.version, data, actorId: input.actorId, comment: reason, now,
  });
  await movePlace(tx, m.expertId, delta);
  return { matchId: m.id, from: m.state, to, needId: m.needId, expertId: m.expertId };
}

/** Notify the other side of a step (the expert, the province staff, the unit). */
export async function notifyStep(tx: Tx, r: { matchId: string; to: MatchState; needId: string; expertId: string }, reason?: string | null) {
  const need = await needFor(tx, r.needId);
  const expert = await expertUser(tx, r.expertId);
  const province = () => staffIds(tx, "PROVINCE_ADMIN", { provinceCode: need.provinceCode });
  const unit = () => staffIds(tx, "UNIT_USER", { organizationId: need.unitId });
  const toExpert = expert.userId ? [expert.userId] : [];
  const why = reason ? `原因：${reason}` : "";
  switch (r.to) {
    case "ACCEPTED":
      await notify(tx, [...(await province()), ...(await unit())], {
        title: `专家已接受：${need.title}`, body: `${expert.name} 已同意承接需求 ${need.code}，请服务单位确认专家团队。`, link: `/needs/${need.id}`,
      });
      if (toExpert.length) await notify(tx, toExpert, { title: `已确定由您承接：${need.title}`, body: "请等待服务单位确认专家团队。", link: `/expert/invitations/${r.matchId}` });
      break;
    case "DECLINED":
      await notify(tx, await province(), { title: `专家婉拒邀请：${need.title}`, body: `${expert.name} 婉拒了需求 ${need.code} 的邀请。${why}`, link: `/needs/${need.id}` });
      break;
    case "EXPIRED":
      await notify(tx, await province(), { title: `邀请超期未答复：${need.title}`, body: `${expert.name} 未在期限内答复需求 ${need.code} 的邀请，名额已释放。`, link: `/needs/${need.id}` });
      if (toExpert.length) await notify(tx, toExpert, { title: `邀请已超期：${need.title}`, body: "未在期限内答复，邀请已失效。", link: `/expert/invitations/${r.matchId}` });
      break;
    case "WITHDRAWN":
    case "REJECTED":
      if (toExpert.length) {
        await notify(tx, toExpert, {
          title: r.to === "REJECTED" ? `申请未通过：${need.title}` : `邀请已撤回：${need.title}`, body: why, link: `/expert/invitations/${r.matchId}`,
        });
      }
      break;
    default:
      break;
  }
}
