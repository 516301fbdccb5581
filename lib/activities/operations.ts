import { db } from "@/lib/db";
import type { ActionContext, ActionDefinition } from "@/lib/actions/pipeline";
import type { ActivityState, PlanState } from "@/lib/generated/prisma/enums";
import { activityNow } from "@/lib/activities/clock";
import { createPlan, stepPlan, updatePlan } from "@/lib/activities/plans";
import {
  activityStepSchema, addTeamMemberSchema, approveLocalSchema, channelDecisionSchema, createApplicationSchema, createPlanSchema,
  planStepSchema, proposeTeamSchema, rankSchema, removeTeamMemberSchema, revokeSchema, submitRankingSchema,
  updateApplicationSchema, updatePlanSchema,
} from "@/lib/activities/schemas";
import { applicantScope, channelScope } from "@/lib/activities/scope";
import {
  activityPlace, applicantOf, createApplication, decideApplication, moveRank, revokeRecommendation, submitApplication,
  submitRanking, updateApplication, type Channel,
} from "@/lib/activities/service";
import { addTeamMember, proposeTeam, removeTeamMember, type ProposedMember } from "@/lib/activities/team";
import { ACTIVITY_STEPS, PLAN_WORKFLOW } from "@/lib/activities/workflow";
import { invalidInput } from "@/lib/errors";

// The actions of annual plans, applications, teams and the channel's pre-review. Each loads its row, authorizes
// from it (applicant: the applying organisation in its province; channel: the department it applied through, else
// its province), then works in one transaction with its audit row.

const entity = (id: string) => ({ type: "DemonstrationActivity", id });

// ─── Annual plans (ministry) ───────────────────────────────────────────────────

export const createPlanOp = {
  operation: "plan.manage",
  schema: createPlanSchema,
  successMessage: "年度计划已创建",
  async run(ctx) {
    ctx.authorize({}, { type: "AnnualPlan", id: "new" });
    return db.$transaction(async (tx) => {
      const plan = await createPlan(tx, ctx.input);
      await ctx.audit(tx, {
        operation: "plan.create", entityType: "AnnualPlan", entityId: plan.id, summary: `创建${plan.year}年度计划「${plan.theme}」`,
        after: { year: ctx.input.year, theme: ctx.input.theme, quota: ctx.input.quota, programCode: ctx.input.programCode },
      });
      return { id: plan.id };
    });
  },
} satisfies ActionDefinition<typeof createPlanSchema, { id: string }>;

export const updatePlanOp = {
  operation: "plan.manage",
  schema: updatePlanSchema,
  async run(ctx) {
    ctx.authorize({}, { type: "AnnualPlan", id: ctx.input.planId });
    return db.$transaction(async (tx) => {
      const r = await updatePlan(tx, ctx.input, ctx.user.id);
      await ctx.audit(tx, {
        operation: "plan.update", entityType: "AnnualPlan", entityId: r.id,
        summary: `修改年度计划「${ctx.input.theme}」${r.revised ? `（第 ${r.version} 版，原因：${ctx.input.reason}）` : ""}`,
        after: { version: r.version, changes: r.changes },
      });
      return { id: r.id, version: r.version, revised: r.revised, changed: Object.keys(r.changes).length };
    });
  },
  successMessage: "年度计划已保存",
} satisfies ActionDefinition<typeof updatePlanSchema, { id: string; version: number; revised: boolean; changed: number }>;

export const stepPlanOp = {
  operation: "plan.manage",
  schema: planStepSchema,
  successMessage: "计划状态已更新",
  async run(ctx) {
    ctx.authorize({}, { type: "AnnualPlan", id: ctx.input.planId });
    return db.$transaction(async (tx) => {
      const r = await stepPlan(tx, { ...ctx.input, actorId: ctx.user.id, now: activityNow() });
      await ctx.audit(tx, {
        operation: `plan.${ctx.input.step}`, entityType: "AnnualPlan", entityId: ctx.input.planId,
        summary: `${PLAN_WORKFLOW.steps[ctx.input.step].label}：${r.year}年度计划「${r.theme}」${ctx.input.reason ? `，原因：${ctx.input.reason}` : ""}`,
        before: { state: r.from }, after: { state: r.to },
      });
      return { state: r.to };
    });
  },
} satisfies ActionDefinition<typeof planStepSchema, { state: PlanState }>;

// ─── Applications ──────────────────────────────────────────────────────────────

/**
 * Authorize the applicant's acts on an existing application: only the organisation that applied (a province
 * may not edit a unit's application of its province just because it sits there).
 */
async function authorizeApplicant(ctx: ActionContext<unknown>, activityId: string) {
  const a = await activityPlace(db, activityId);
  const mine = await applicantOf(db, ctx.user).then((x) => x.orgId === a.applicantOrgId, () => false);
  ctx.authorize(mine ? applicantScope(a) : { organizationId: a.applicantOrgId }, entity(a.id));
  return { a, applicant: await applicantOf(db, ctx.user) };
}

async function authorizeChannel(ctx: ActionContext<unknown>, activityId: string) {
  const a = await activityPlace(db, activityId);
  ctx.authorize(channelScope(a), entity(a.id));
  return a;
}

export const createApplicationOp = {
  operation: "activity.apply",
  schema: createApplicationSchema,
  async run(ctx) {
    const applicant = await applicantOf(db, ctx.user);
    ctx.authorize({ organizationId: applicant.orgId, provinceCode: applicant.provinceCode }, { type: "Organization", id: applicant.orgId });
    const now = activityNow();
    return db.$transaction(async (tx) => {
      const a = await createApplication(tx, applicant, ctx.input, ctx.user.id, now);
      await ctx.audit(tx, {
        operation: "activity.create", entityType: "DemonstrationActivity", entityId: a.id,
        summary: `填报${ctx.input.kind === "local" ? "地方" : ""}示范活动「${a.title}」`,
        after: { title: a.title, planId: ctx.input.planId ?? null, channelOrgId: a.channelOrgId, needIds: ctx.input.needIds },
      });
      let state: ActivityState = "DRAFT";
      if (ctx.input.intent === "submit") {
        const r = await submitApplication(tx, { activityId: a.id, actorId: ctx.user.id, now });
        state = r.to;
        await ctx.audit(tx, { operation: "activity.submit", entityType: "DemonstrationActivity", entityId: a.id, summary: `提交示范活动申报「${a.title}」`, before: { state: r.from }, after: { state: r.to } });
      }
      return { id: a.id, state };
    });
  },
  successMessage: "申报已保存",
} satisfies ActionDefinition<typeof createApplicationSchema, { id: string; state: ActivityState }>;

export const updateApplicationOp = {
  operation: "activity.apply",
  schema: updateApplicationSchema,
  async run(ctx) {
    const { a, applicant } = await authorizeApplicant(ctx, ctx.input.activityId);
    const now = activityNow();
    return db.$transaction(async (tx) => {
      const r = await updateApplication(tx, applicant, a.id, ctx.input.version, ctx.input);
      await ctx.audit(tx, {
        operation: "activity.update", entityType: "DemonstrationActivity", entityId: a.id, summary: `修改示范活动申报「${ctx.input.title}」`,
        after: { title: ctx.input.title, needIds: ctx.input.needIds, version: r.version },
      });
      let state: ActivityState = a.state;
      if (ctx.input.intent === "submit") {
        const s = await submitApplication(tx, { activityId: a.id, actorId: ctx.user.id, now });
        state = s.to;
        await ctx.audit(tx, { operation: "activity.submit", entityType: "DemonstrationActivity", entityId: a.id, summary: `提交示范活动申报「${ctx.input.title}」`, before: { state: s.from }, after: { state: s.to } });
      }
      return { id: a.id, state };
    });
  },
  successMessage: "申报已保存",
} satisfies ActionDefinition<typeof updateApplicationSchema, { id: string; state: ActivityState }>;

export const submitApplicationOp = {
  operation: "activity.apply",
  schema: activityStepSchema,
  successMessage: "申报已提交，等待推荐单位预审",
  async run(ctx) {
    const { a } = await authorizeApplicant(ctx, ctx.input.activityId);
    return db.$transaction(async (tx) => {
      const r = await submitApplication(tx, { activityId: a.id, actorId: ctx.user.id, now: activityNow(), version: ctx.input.version });
      await ctx.audit(tx, { operation: "activity.submit", entityType: "DemonstrationActivity", entityId: a.id, summary: `提交示范活动申报「${r.title}」`, before: { state: r.from }, after: { state: r.to } });
      return { state: r.to };
    });
  },
} satisfies ActionDefinition<typeof activityStepSchema, { state: ActivityState }>;

// ─── Team ──────────────────────────────────────────────────────────────────────

export const addTeamMemberOp = {
  operation: "activity.apply",
  schema: addTeamMemberSchema,
  successMessage: "已加入团队",
  async run(ctx) {
    const { a } = await authorizeApplicant(ctx, ctx.input.activityId);
    return db.$transaction(async (tx) => {
      const r = await addTeamMember(tx, ctx.input);
      await ctx.audit(tx, {
        operation: "activity.team", entityType: "DemonstrationActivity", entityId: a.id, summary: `团队加入${ctx.input.role}${r.name}：「${r.title}」`,
        after: { expertId: ctx.input.expertId, role: ctx.input.role },
      });
      return null;
    });
  },
} satisfies ActionDefinition<typeof addTeamMemberSchema, null>;

export const removeTeamMemberOp = {
  operation: "activity.apply",
  schema: removeTeamMemberSchema,
  successMessage: "已移出团队",
  async run(ctx) {
    const { a } = await authorizeApplicant(ctx, ctx.input.activityId);
    return db.$transaction(async (tx) => {
      await removeTeamMember(tx, ctx.input);
      await ctx.audit(tx, { operation: "activity.team", entityType: "DemonstrationActivity", entityId: a.id, summary: `团队移出成员：「${a.title}」`, before: { memberId: ctx.input.memberId } });
      return null;
    });
  },
} satisfies ActionDefinition<typeof removeTeamMemberSchema, null>;

export const proposeTeamOp = {
  operation: "activity.apply",
  schema: proposeTeamSchema,
  async run(ctx) {
    const { a } = await authorizeApplicant(ctx, ctx.input.activityId);
    return db.$transaction(async (tx) => {
      const r = await proposeTeam(tx, ctx.input);
      await ctx.audit(tx, {
        operation: "activity.proposeTeam", entityType: "DemonstrationActivity", entityId: a.id,
        summary: `匹配引擎推荐团队 ${r.members.length} 人：「${r.title}」`,
        after: { members: r.members.map((m) => ({ expertId: m.expertId, role: m.role, score: m.score })) },
      });
      return { members: r.members, mix: r.mix };
    });
  },
  successMessage: "已按匹配结果组建团队，可继续调整",
} satisfies ActionDefinition<typeof proposeTeamSchema, { members: ProposedMember[]; mix: string | null }>;

// ─── The channel's pre-review ──────────────────────────────────────────────────

export const channelDecisionOp = {
  operation: "activity.recommend",
  schema: channelDecisionSchema,
  successMessage: "预审结果已保存",
  async run(ctx) {
    const a = await authorizeChannel(ctx, ctx.input.activityId);
    return db.$transaction(async (tx) => {
      const r = await decideApplication(tx, { ...ctx.input, actorId: ctx.user.id, now: activityNow() });
      const code = ctx.input.decision === "recommend" ? "activity.recommend" : `activity.${ctx.input.decision}` as const;
      await ctx.audit(tx, {
        operation: code, entityType: "DemonstrationActivity", entityId: a.id,
        summary: `${ACTIVITY_STEPS[ctx.input.decision].label}：「${r.title}」${r.rank ? `，排序第 ${r.rank}` : ""}${r.comment ? `，意见：${r.comment}` : ""}`,
        before: { state: r.from }, after: { state: r.to, recommendRank: r.rank },
      });
      return { state: r.to };
    });
  },
} satisfies ActionDefinition<typeof channelDecisionSchema, { state: ActivityState }>;

export const approveLocalOp = {
  operation: "activity.recommend",
  schema: approveLocalSchema,
  successMessage: "地方示范活动已批准实施",
  async run(ctx) {
    const a = await authorizeChannel(ctx, ctx.input.activityId);
    return db.$transaction(async (tx) => {
      const r = await decideApplication(tx, { ...ctx.input, decision: "approveLocal", actorId: ctx.user.id, now: activityNow() });
      await ctx.audit(tx, { operation: "activity.approveLocal", entityType: "DemonstrationActivity", entityId: a.id, summary: `批准实施地方示范活动「${r.title}」`, before: { state: r.from }, after: { state: r.to } });
      return { state: r.to };
    });
  },
} satisfies ActionDefinition<typeof approveLocalSchema, { state: ActivityState }>;

export const revokeRecommendationOp = {
  operation: "activity.recommend",
  schema: revokeSchema,
  successMessage: "推荐已撤回",
  async run(ctx) {
    const a = await authorizeChannel(ctx, ctx.input.activityId);
    return db.$transaction(async (tx) => {
      const r = await revokeRecommendation(tx, { ...ctx.input, actorId: ctx.user.id, now: activityNow() });
      await ctx.audit(tx, { operation: "activity.revoke", entityType: "DemonstrationActivity", entityId: a.id, summary: `撤回推荐「${r.title}」，原因：${ctx.input.reason}`, before: { state: r.from }, after: { state: r.to } });
      return { state: r.to };
    });
  },
} satisfies ActionDefinition<typeof revokeSchema, { state: ActivityState }>;

export const moveRankOp = {
  operation: "activity.recommend",
  schema: rankSchema,
  successMessage: "排序已调整",
  async run(ctx) {
    const a = await authorizeChannel(ctx, ctx.input.activityId);
    return db.$transaction(async (tx) => {
      const r = await moveRank(tx, { ...ctx.input, now: activityNow() });
      await ctx.audit(tx, { operation: "activity.rank", entityType: "DemonstrationActivity", entityId: a.id, summary: `推荐排序「${r.title}」：第 ${r.from} → 第 ${r.to}`, before: { recommendRank: r.from }, after: { recommendRank: r.to } });
      return { rank: r.to };
    });
  },
} satisfies ActionDefinition<typeof rankSchema, { rank: number }>;

export const submitRankingOp = {
  operation: "activity.recommend",
  schema: submitRankingSchema,
  successMessage: "推荐名单已报送",
  async run(ctx) {
    // The channel is the user's own: their department, else their province (never one named by the form).
    const grant = ctx.user.roles.find((g) => g.role === "DEPARTMENT_ADMIN" || g.role === "PROVINCE_ADMIN");
    const channel: Channel = grant?.role === "DEPARTMENT_ADMIN"
      ? { provinceCode: null, channelOrgId: grant.organizationId }
      : { provinceCode: grant?.provinceCode ?? null, channelOrgId: null };
    if (ctx.input.channelOrgId && ctx.input.channelOrgId !== channel.channelOrgId) {
      throw invalidInput({ channelOrgId: ["只能报送本单位的推荐名单"] }, "只能报送本单位的推荐名单");
    }
    ctx.authorize(channel.channelOrgId ? { organizationId: channel.channelOrgId } : { provinceCode: channel.provinceCode }, { type: "AnnualPlan", id: ctx.input.planId });
    return db.$transaction(async (tx) => {
      const r = await submitRanking(tx, { planId: ctx.input.planId, channel, now: activityNow() });
      await ctx.audit(tx, {
        operation: "activity.submitRanking", entityType: "AnnualPlan", entityId: r.plan.id,
        summary: `报送${r.plan.year}年度推荐名单 ${r.list.length} 项（名额 ${r.quota} 项）`,
        after: { channel, list: r.list.map((x) => ({ id: x.id, rank: x.recommendRank })) },
      });
      return { count: r.list.length };
    });
  },
} satisfies ActionDefinition<typeof submitRankingSchema, { count: number }>;
