import { db, isUniqueViolation } from "@/lib/db";
import type { ActionDefinition } from "@/lib/actions/pipeline";
import { grantedScopes } from "@/lib/auth/permissions";
import { conflict, forbidden } from "@/lib/errors";
import type { ActivityState } from "@/lib/generated/prisma/enums";
import { EVALUATION_GRADE_LABEL } from "@/lib/labels";
import { activityFeedbackSchema, evaluateSchema } from "@/lib/activities/evaluation-schemas";
import { evaluate, evaluatedActivity, feedbackParties, giveFeedback } from "@/lib/activities/evaluation-service";

const ENTITY = "DemonstrationActivity";

export const evaluateOp = {
  operation: "activity.evaluate",
  schema: evaluateSchema,
  successMessage: "评估结果已保存",
  async run(ctx) {
    const a = await evaluatedActivity(db, ctx.input.activityId);
    const place = { provinceCode: a.provinceCode };
    ctx.authorize(place, { type: ENTITY, id: a.id });
    // The level follows the grant: the province evaluates as the province, the ministry as the ministry.
    const scopes = grantedScopes(ctx.user, "activity.evaluate", place);
    if (ctx.input.level === "PROVINCE" && !scopes.includes("province")) throw forbidden("省级评估由活动所在省份的省级管理员作出");
    if (ctx.input.level === "MINISTRY" && !scopes.includes("national")) throw forbidden("部级评估由部级管理员作出");
    try {
      return await db.$transaction(async (tx) => {
        const r = await evaluate(tx, { ...ctx.input, actorId: ctx.user.id });
        await ctx.audit(tx, {
          operation: ctx.input.level === "PROVINCE" ? "activity.evaluateProvince" : "activity.evaluateMinistry", entityType: ENTITY, entityId: a.id,
          summary: `${ctx.input.level === "PROVINCE" ? "省级" : "部级"}评估“${a.title}”：${EVALUATION_GRADE_LABEL[ctx.input.grade]}（${ctx.input.score} 分）`,
          before: { state: r.from }, after: { state: r.to, grade: ctx.input.grade, score: ctx.input.score },
        });
        return { state: r.to };
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict("该层级的评估已作出，不能重复评估");
      throw err;
    }
  },
} satisfies ActionDefinition<typeof evaluateSchema, { state: ActivityState }>;

export const activityFeedbackOp = {
  operation: "activity.feedback",
  schema: activityFeedbackSchema,
  successMessage: "评价已提交",
  async run(ctx) {
    const parties = await feedbackParties(db, ctx.input.activityId);
    const a = parties.activity;
    // The scope read from the row: a team expert (self) or a served unit; anyone else is refused by authorize.
    const ownOrg = ctx.user.roles.find((g) => g.role === "UNIT_USER" && g.organizationId && parties.unitIds.has(g.organizationId))?.organizationId;
    const asExpert = parties.expertUserIds.has(ctx.user.id) && ctx.user.roles.some((g) => g.role === "EXPERT");
    ctx.authorize(asExpert ? { ownerUserId: ctx.user.id } : { organizationId: ownOrg ?? `not-served:${a.id}` }, { type: ENTITY, id: a.id });
    try {
      return await db.$transaction(async (tx) => {
        const r = await giveFeedback(tx, { ...ctx.input, userId: ctx.user.id, role: asExpert ? "EXPERT" : "UNIT_USER" });
        await ctx.audit(tx, { operation: "activity.feedback", entityType: ENTITY, entityId: a.id,
          summary: `评价“${a.title}”：${ctx.input.rating} 分`, after: { rating: ctx.input.rating, comment: ctx.input.comment } });
        return { id: r.id };
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict("您已评价过该活动");
      throw err;
    }
  },
} satisfies ActionDefinition<typeof activityFeedbackSchema, { id: string }>;
