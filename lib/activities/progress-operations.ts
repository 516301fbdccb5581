import { db, isUniqueViolation } from "@/lib/db";
import type { ActionDefinition } from "@/lib/actions/pipeline";
import { invalidInput } from "@/lib/errors";
import type { ActivityState } from "@/lib/generated/prisma/enums";
import { applicantScope } from "@/lib/activities/scope";
import { completeSchema, linkEngagementSchema, progressSchema, startSchema } from "@/lib/activities/progress-schemas";
import { completeActivity, linkEngagement, reportProgress, startActivity, trackedActivity } from "@/lib/activities/progress-service";

// Tracking mutations (activity.report): the applicant's side — its unit, base or department — or its province,
// read from the activity's row (applicantScope).

const ENTITY = "DemonstrationActivity";

export const startOp = {
  operation: "activity.report",
  schema: startSchema,
  successMessage: "活动已开始实施",
  async run(ctx) {
    const a = await trackedActivity(db, ctx.input.activityId);
    ctx.authorize(applicantScope(a), { type: ENTITY, id: a.id });
    return db.$transaction(async (tx) => {
      const r = await startActivity(tx, { ...ctx.input, actorId: ctx.user.id });
      await ctx.audit(tx, { operation: "activity.start", entityType: ENTITY, entityId: a.id, summary: `“${a.title}”开始实施`,
        before: { state: r.from }, after: { state: r.to } });
      return { state: r.to };
    });
  },
} satisfies ActionDefinition<typeof startSchema, { state: ActivityState }>;

export const linkEngagementOp = {
  operation: "activity.report",
  schema: linkEngagementSchema,
  successMessage: "服务项目已关联本活动，其服务记录计入活动",
  async run(ctx) {
    const a = await trackedActivity(db, ctx.input.activityId);
    ctx.authorize(applicantScope(a), { type: ENTITY, id: a.id });
    return db.$transaction(async (tx) => {
      await linkEngagement(tx, ctx.input);
      await ctx.audit(tx, { operation: "activity.linkEngagement", entityType: ENTITY, entityId: a.id,
        summary: `服务项目关联“${a.title}”`, after: { engagementId: ctx.input.engagementId } });
      return { engagementId: ctx.input.engagementId };
    });
  },
} satisfies ActionDefinition<typeof linkEngagementSchema, { engagementId: string }>;

export const progressOp = {
  operation: "activity.report",
  schema: progressSchema,
  successMessage: "本期进展已报送",
  async run(ctx) {
    const a = await trackedActivity(db, ctx.input.activityId);
    ctx.authorize(applicantScope(a), { type: ENTITY, id: a.id });
    try {
      return await db.$transaction(async (tx) => {
        const r = await reportProgress(tx, { ...ctx.input, actorId: ctx.user.id });
        await ctx.audit(tx, { operation: "activity.progress", entityType: ENTITY, entityId: a.id,
          summary: `报送“${a.title}” ${ctx.input.period} 的进展`, after: { reportId: r.id, ...ctx.input } });
        return { id: r.id };
      });
    } catch (err) {
      // Two reports of the same month at once: the unique (activity, period) key lets one in.
      if (isUniqueViolation(err)) throw invalidInput({ period: [`${ctx.input.period} 的进展已报送，每月至多报送一次`] }, `${ctx.input.period} 的进展已报送，每月至多报送一次`);
      throw err;
    }
  },
} satisfies ActionDefinition<typeof progressSchema, { id: string }>;

export const completeOp = {
  operation: "activity.report",
  schema: completeSchema,
  successMessage: "活动总结已提交，活动完成，等待评估",
  async run(ctx) {
    const a = await trackedActivity(db, ctx.input.activityId);
    ctx.authorize(applicantScope(a), { type: ENTITY, id: a.id });
    return db.$transaction(async (tx) => {
      const r = await completeActivity(tx, { ...ctx.input, actorId: ctx.user.id });
      await ctx.audit(tx, { operation: "activity.complete", entityType: ENTITY, entityId: a.id, summary: `“${a.title}”提交总结，活动完成`,
        before: { state: r.from }, after: { state: r.to, targets: r.targets } });
      return { state: r.to };
    });
  },
} satisfies ActionDefinition<typeof completeSchema, { state: ActivityState }>;
