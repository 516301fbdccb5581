import { db } from "@/lib/db";
import type { ActionDefinition } from "@/lib/actions/pipeline";
import { notFound } from "@/lib/errors";
import { assignReviewersSchema, removeReviewerSchema, scoreSchema } from "@/lib/activities/review-schemas";
import { assignReviewers, removeReviewer, reviewActivity, reviewOwner, submitScores } from "@/lib/activities/review-service";

// Review mutations: zod → the row's scope (the ministry acts nationally; a reviewer only on their own assignment)
// → service in one transaction → audit there → typed result.

const ENTITY = "DemonstrationActivity";

export const assignReviewersOp = {
  operation: "activity.select",
  schema: assignReviewersSchema,
  successMessage: "评审专家已分配，并已通知专家",
  async run(ctx) {
    const a = await reviewActivity(db, ctx.input.activityId);
    ctx.authorize({ provinceCode: a.provinceCode, organizationId: a.applicantOrgId }, { type: ENTITY, id: a.id });
    return db.$transaction(async (tx) => {
      const r = await assignReviewers(tx, { ...ctx.input, actorId: ctx.user.id });
      await ctx.audit(tx, {
        operation: "activity.assignReviewers", entityType: ENTITY, entityId: a.id,
        summary: `为“${a.title}”分配评审专家 ${r.assigned.length} 名（共 ${r.total} 名）`,
        after: { reviewerIds: r.assigned.map((x) => x.reviewerId), total: r.total },
      });
      return { assigned: r.assigned.length, total: r.total };
    });
  },
} satisfies ActionDefinition<typeof assignReviewersSchema, { assigned: number; total: number }>;

export const removeReviewerOp = {
  operation: "activity.select",
  schema: removeReviewerSchema,
  successMessage: "已撤销该评审分配",
  async run(ctx) {
    const r = await reviewOwner(db, ctx.input.reviewId);
    const a = await reviewActivity(db, r.activityId);
    ctx.authorize({ provinceCode: a.provinceCode, organizationId: a.applicantOrgId }, { type: ENTITY, id: a.id });
    return db.$transaction(async (tx) => {
      const done = await removeReviewer(tx, r.id);
      await ctx.audit(tx, {
        operation: "activity.removeReviewer", entityType: ENTITY, entityId: a.id,
        summary: `撤销“${done.title}”的一项未评分的评审分配`, before: { reviewId: r.id, reviewerId: done.reviewerId },
      });
      return { activityId: a.id };
    });
  },
} satisfies ActionDefinition<typeof removeReviewerSchema, { activityId: string }>;

export const scoreOp = {
  operation: "activity.review",
  schema: scoreSchema,
  successMessage: "评分已提交",
  async run(ctx) {
    const r = await db.activityReview.findUnique({ where: { id: ctx.input.reviewId }, select: { id: true, reviewerId: true, activityId: true } });
    if (!r) throw notFound("评审任务");
    // Self scope: the assignment's reviewer, read from the row — another expert is refused like anyone else.
    ctx.authorize({ ownerUserId: r.reviewerId }, { type: "ActivityReview", id: r.id });
    return db.$transaction(async (tx) => {
      const done = await submitScores(tx, { ...ctx.input, reviewerId: ctx.user.id });
      await ctx.audit(tx, {
        operation: "activity.score", entityType: ENTITY, entityId: done.activityId,
        summary: `评审“${done.title}”：总分 ${done.total}`, after: { reviewId: r.id, scores: done.scores, total: done.total },
      });
      return { total: done.total };
    });
  },
} satisfies ActionDefinition<typeof scoreSchema, { total: number }>;
