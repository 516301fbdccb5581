import { db } from "@/lib/db";
import type { ActionDefinition } from "@/lib/actions/pipeline";
import { notFound } from "@/lib/errors";
import type { ActivityState, PlanState } from "@/lib/generated/prisma/enums";
import { decideSchema, publishSchema } from "@/lib/activities/selection-schemas";
import { activityForDecision, decide, publish } from "@/lib/activities/selection-service";

// Selection decisions and publication (activity.select, national). The applicants learn the result when it is
// published, not at each decision: the board's decisions stay internal until the list is final.

export const decideOp = {
  operation: "activity.select",
  schema: decideSchema,
  async run(ctx) {
    const a = await activityForDecision(db, ctx.input.activityId);
    ctx.authorize({ provinceCode: a.provinceCode, organizationId: a.applicantOrgId }, { type: "DemonstrationActivity", id: a.id });
    return db.$transaction(async (tx) => {
      const r = await decide(tx, { ...ctx.input, actorId: ctx.user.id });
      const selected = ctx.input.decision === "select";
      await ctx.audit(tx, {
        operation: selected ? "activity.select" : "activity.reject", entityType: "DemonstrationActivity", entityId: a.id,
        summary: `${selected ? "入选" : "不入选"}：“${a.title}”，理由：${ctx.input.reason}`,
        before: { state: r.from }, after: { state: r.to, reason: ctx.input.reason },
      });
      return { state: r.to };
    });
  },
} satisfies ActionDefinition<typeof decideSchema, { state: ActivityState }>;

export const publishOp = {
  operation: "activity.select",
  schema: publishSchema,
  successMessage: "遴选结果已公布，入选名单已在门户网站展示",
  async run(ctx) {
    const plan = await db.annualPlan.findUnique({ where: { id: ctx.input.planId }, select: { id: true } });
    if (!plan) throw notFound("年度计划");
    // A plan is national: the ministry's grant covers it (there is no narrower place to read from the row).
    ctx.authorize({}, { type: "AnnualPlan", id: plan.id });
    return db.$transaction(async (tx) => {
      const r = await publish(tx, { ...ctx.input, actorId: ctx.user.id });
      await ctx.audit(tx, {
        operation: "plan.publish", entityType: "AnnualPlan", entityId: plan.id,
        summary: `公布${r.plan.year}年度${r.plan.program.name}示范活动遴选结果：入选 ${r.selected} 项`,
        before: { state: r.from }, after: { state: r.to, selected: r.selected },
      });
      return { state: r.to };
    });
  },
} satisfies ActionDefinition<typeof publishSchema, { state: PlanState }>;
