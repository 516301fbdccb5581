import { db } from "@/lib/db";
import type { ActionContext, ActionDefinition } from "@/lib/actions/pipeline";
import type { Operation } from "@/lib/auth/permissions";
import { forbidden, invalidInput, notFound } from "@/lib/errors";
import type { EngagementState, FeedbackParty, NeedState, ServiceRecordState } from "@/lib/generated/prisma/enums";
import { FEEDBACK_PARTY_LABEL } from "@/lib/labels";
import { readAnswers } from "@/lib/questionnaires/questions";
import { publishedQuestionnaire } from "@/lib/questionnaires/service";
import { matchScope } from "@/lib/matches/scope";
import {
  agreePlanSchema, cancelSchema, editRecordSchema, feedbackSchema, finishSchema, logRecordSchema, planSchema,
  reviewRecordSchema, teamDecisionSchema,
} from "@/lib/engagements/schemas";
import { engagementScope, partyOf } from "@/lib/engagements/scope";
import {
  agreePlan, cancelEngagement, decideTeamMember, editRecord, finishEngagement, giveFeedback, logRecord, reviewRecord, savePlan,
} from "@/lib/engagements/service";
import { ENGAGEMENT_ACTS, type EngagementAct } from "@/lib/engagements/workflow";

// Every engagement mutation: zod → authorize from the engagement's scope (read from the database) → the side the
// user acts for → service in one transaction → audit in that transaction → typed result.

const ENTITY = "Engagement";

/** Authorize the user over the engagement for `act` and return the side they act for (unit or expert). */
async function authorizeSide(ctx: ActionContext<unknown>, engagementId: string, act: EngagementAct): Promise<FeedbackParty> {
  const operation: Operation = ENGAGEMENT_ACTS[act].operation;
  const scope = await engagementScope(db, engagementId);
  ctx.authorize(scope, { type: ENTITY, id: engagementId });
  const party = partyOf(ctx.user, operation, scope);
  if (party !== "UNIT" && party !== "EXPERT") throw forbidden();
  if (!ENGAGEMENT_ACTS[act].parties.includes(party)) throw forbidden(`只有${party === "UNIT" ? "专家" : "服务单位"}可以${ENGAGEMENT_ACTS[act].label}`);
  return party;
}

async function engagementOfRecord(recordId: string): Promise<string> {
  const r = await db.serviceRecord.findUnique({ where: { id: recordId }, select: { engagementId: true } });
  if (!r) throw notFound("服务记录");
  return r.engagementId;
}

// ─── Team ──────────────────────────────────────────────────────────────────────

export const decideTeamOp = {
  operation: "engagement.confirm",
  schema: teamDecisionSchema,
  async run(ctx) {
    const { matchId, version, decision, reason } = ctx.input;
    const scope = await matchScope(db, matchId);
    ctx.authorize(scope, { type: "Match", id: matchId });
    return db.$transaction(async (tx) => {
      const r = await decideTeamMember(tx, { matchId, decision, version, reason, actorId: ctx.user.id });
      await ctx.audit(tx, {
        operation: `match.${decision}`, entityType: "Match", entityId: matchId,
        summary: decision === "confirm" ? "确认专家加入服务团队，开始商定工作方案" : `不予确认专家，原因：${reason}`,
        before: { state: r.from }, after: { state: r.to, engagementId: r.engagementId, needState: r.needState, reason: reason || null },
      });
      return { engagementId: r.engagementId, needState: r.needState };
    });
  },
} satisfies ActionDefinition<typeof teamDecisionSchema, { engagementId: string | null; needState: NeedState }>;

// ─── Work plan ─────────────────────────────────────────────────────────────────

export const savePlanOp = {
  operation: "engagement.plan",
  schema: planSchema,
  successMessage: "工作方案已保存，等待对方确认",
  async run(ctx) {
    const party = await authorizeSide(ctx, ctx.input.engagementId, "editPlan");
    return db.$transaction(async (tx) => {
      const r = await savePlan(tx, { party, input: ctx.input });
      const { engagementId, type, planGoals, planSchedule, planPlace, planDeliverables, planForms } = ctx.input;
      const plan = { type, planGoals, planSchedule, planPlace, planDeliverables, planForms };
      await ctx.audit(tx, {
        operation: "engagement.plan", entityType: ENTITY, entityId: engagementId,
        summary: `${FEEDBACK_PARTY_LABEL[party]}修改工作方案`, after: plan,
      });
      return r;
    });
  },
} satisfies ActionDefinition<typeof planSchema, { version: number }>;

export const agreePlanOp = {
  operation: "engagement.plan",
  schema: agreePlanSchema,
  async run(ctx) {
    const { engagementId, version } = ctx.input;
    const party = await authorizeSide(ctx, engagementId, "agreePlan");
    return db.$transaction(async (tx) => {
      const r = await agreePlan(tx, { engagementId, party, version, actorId: ctx.user.id });
      await ctx.audit(tx, {
        operation: "engagement.agree", entityType: ENTITY, entityId: engagementId,
        summary: `${FEEDBACK_PARTY_LABEL[party]}同意工作方案${r.started ? "，双方均已同意，服务开始" : ""}`,
        after: { party, version, started: r.started },
      });
      if (r.started) {
        await ctx.audit(tx, {
          operation: "engagement.start", entityType: ENTITY, entityId: engagementId, summary: "工作方案已商定，服务开始",
          before: { state: "PLANNING" }, after: { state: "ACTIVE", needState: r.needState },
        });
      }
      return r;
    });
  },
} satisfies ActionDefinition<typeof agreePlanSchema, { started: boolean; needState: NeedState }>;

// ─── Service records ───────────────────────────────────────────────────────────

export const logRecordOp = {
  operation: "engagement.log",
  schema: logRecordSchema,
  successMessage: "服务记录已提交，等待服务单位确认",
  async run(ctx) {
    const { engagementId, ...record } = ctx.input;
    await authorizeSide(ctx, engagementId, "logRecord");
    return db.$transaction(async (tx) => {
      const r = await logRecord(tx, { input: ctx.input });
      await ctx.audit(tx, {
        operation: "engagement.log", entityType: ENTITY, entityId: engagementId,
        summary: `填写服务记录：${record.startDate} 至 ${record.endDate}，${record.hours} 小时`, after: { recordId: r.id, ...record },
      });
      return { id: r.id };
    });
  },
} satisfies ActionDefinition<typeof logRecordSchema, { id: string }>;

export const editRecordOp = {
  operation: "engagement.log",
  schema: editRecordSchema,
  successMessage: "服务记录已修改，等待服务单位确认",
  async run(ctx) {
    const { recordId, startDate, endDate, hours, form, content, peopleServed, peopleTrained } = ctx.input;
    const record = { startDate, endDate, hours, form, content, peopleServed, peopleTrained };
    const engagementId = await engagementOfRecord(recordId);
    await authorizeSide(ctx, engagementId, "editRecord");
    return db.$transaction(async (tx) => {
      const r = await editRecord(tx, { input: ctx.input });
      await ctx.audit(tx, {
        operation: "engagement.editRecord", entityType: ENTITY, entityId: engagementId,
        summary: `修改服务记录：${record.startDate} 至 ${record.endDate}，${record.hours} 小时`,
        before: { recordId, state: r.from }, after: { recordId, state: r.to, ...record },
      });
      return { state: r.to };
    });
  },
} satisfies ActionDefinition<typeof editRecordSchema, { state: ServiceRecordState }>;

export const reviewRecordOp = {
  operation: "engagement.confirm",
  schema: reviewRecordSchema,
  async run(ctx) {
    const { recordId, version, decision, reason } = ctx.input;
    const engagementId = await engagementOfRecord(recordId);
    await authorizeSide(ctx, engagementId, decision === "confirm" ? "confirmRecord" : "disputeRecord");
    return db.$transaction(async (tx) => {
      const r = await reviewRecord(tx, { recordId, version, decision, reason, actorId: ctx.user.id });
      await ctx.audit(tx, {
        operation: decision === "confirm" ? "engagement.confirmRecord" : "engagement.disputeRecord", entityType: ENTITY, entityId: engagementId,
        summary: decision === "confirm" ? "确认服务记录" : `对服务记录提出异议：${reason}`,
        before: { recordId, state: r.from }, after: { recordId, state: r.to, reason: reason || null },
      });
      return { state: r.to };
    });
  },
} satisfies ActionDefinition<typeof reviewRecordSchema, { state: ServiceRecordState }>;

// ─── Finish, feedback, cancel ──────────────────────────────────────────────────

export const finishOp = {
  operation: "engagement.finish",
  schema: finishSchema,
  successMessage: "服务已结束，请双方评价",
  async run(ctx) {
    const { engagementId, version } = ctx.input;
    const party = await authorizeSide(ctx, engagementId, "finish");
    return db.$transaction(async (tx) => {
      const r = await finishEngagement(tx, { engagementId, party, version });
      await ctx.audit(tx, {
        operation: "engagement.finish", entityType: ENTITY, entityId: engagementId,
        summary: `${FEEDBACK_PARTY_LABEL[party]}结束服务（已确认服务记录 ${r.confirmedRecords} 条）`,
        before: { state: r.from }, after: { state: r.to },
      });
      return { state: r.to };
    });
  },
} satisfies ActionDefinition<typeof finishSchema, { state: EngagementState }>;

export const feedbackOp = {
  operation: "engagement.finish",
  schema: feedbackSchema,
  successMessage: "评价已提交",
  async run(ctx) {
    const { engagementId, rating, comment } = ctx.input;
    const party = await authorizeSide(ctx, engagementId, "feedback");
    // The side's questionnaire in use: its other questions are read from the same form (lib/questionnaires).
    const questionnaire = await publishedQuestionnaire(db, party);
    const read = questionnaire ? readAnswers(questionnaire.questions, ctx.input) : null;
    if (read && Object.keys(read.errors).length) throw invalidInput(read.errors);
    return db.$transaction(async (tx) => {
      const r = await giveFeedback(tx, {
        engagementId, party, rating, comment, actorId: ctx.user.id, questionnaireId: questionnaire?.id ?? null, answers: read?.answers,
      });
      await ctx.audit(tx, {
        operation: "engagement.feedback", entityType: ENTITY, entityId: engagementId,
        summary: `${FEEDBACK_PARTY_LABEL[party]}评价：${rating} 分${questionnaire ? `（问卷第 ${questionnaire.version} 版）` : ""}`,
        after: { party, rating, comment, questionnaireVersion: questionnaire?.version ?? null, answers: read?.answers ?? null },
      });
      if (r.closed) {
        await ctx.audit(tx, {
          operation: "engagement.close", entityType: ENTITY, entityId: engagementId, summary: "双方均已评价，服务项目结束",
          before: { state: "AWAITING_FEEDBACK" }, after: { state: "CLOSED", needState: r.needState },
        });
      }
      return r;
    });
  },
} satisfies ActionDefinition<typeof feedbackSchema, { closed: boolean; needState: NeedState }>;

export const cancelOp = {
  operation: "engagement.cancel",
  schema: cancelSchema,
  successMessage: "服务项目已取消",
  async run(ctx) {
    const { engagementId, version, reason } = ctx.input;
    const scope = await engagementScope(db, engagementId);
    ctx.authorize(scope, { type: ENTITY, id: engagementId });
    return db.$transaction(async (tx) => {
      const r = await cancelEngagement(tx, { engagementId, version, reason, actorId: ctx.user.id });
      await ctx.audit(tx, {
        operation: "engagement.cancel", entityType: ENTITY, entityId: engagementId, summary: `取消服务项目，原因：${reason}`,
        before: { state: r.from }, after: { state: r.to, reason, needState: r.needState },
      });
      return { state: r.to, needState: r.needState };
    });
  },
} satisfies ActionDefinition<typeof cancelSchema, { state: EngagementState; needState: NeedState }>;
