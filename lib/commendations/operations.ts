import { db } from "@/lib/db";
import type { ActionDefinition } from "@/lib/actions/pipeline";
import type { CommendationState } from "@/lib/generated/prisma/enums";
import { decideSchema, nominateSchema, withdrawSchema } from "@/lib/commendations/schemas";
import { commendationScope, decide, expertScope, nominate, withdraw } from "@/lib/commendations/service";

const ENTITY = "Commendation";

/** A province nominates an expert of its own province; the ministry any expert. */
export const nominateOp = {
  operation: "commendation.nominate",
  schema: nominateSchema,
  successMessage: "表彰推荐已提交，等待部级审定",
  async run(ctx) {
    const expert = await expertScope(db, ctx.input.expertId);
    ctx.authorize({ provinceCode: expert.provinceCode }, { type: "ExpertProfile", id: expert.id });
    return db.$transaction(async (tx) => {
      const r = await nominate(tx, { ...ctx.input, actorId: ctx.user.id });
      await ctx.audit(tx, {
        entityType: ENTITY, entityId: r.id,
        summary: `推荐专家 ${r.expertName} 参加 ${ctx.input.year} 年度表彰${ctx.input.priority ? "（优先推荐人才项目）" : ""}：服务 ${r.figures.hours} 小时、${r.figures.units} 个单位`,
        before: r.from ? { state: r.from } : undefined, after: { state: "PENDING", year: ctx.input.year, priority: ctx.input.priority, figures: r.figures },
      });
      return { id: r.id };
    });
  },
} satisfies ActionDefinition<typeof nominateSchema, { id: string }>;

export const decideOp = {
  operation: "commendation.decide",
  schema: decideSchema,
  successMessage: "审定结果已保存",
  async run(ctx) {
    const scope = await commendationScope(db, ctx.input.commendationId);
    ctx.authorize({ provinceCode: scope.provinceCode }, { type: ENTITY, id: scope.id });
    return db.$transaction(async (tx) => {
      const r = await decide(tx, { ...ctx.input, actorId: ctx.user.id });
      await ctx.audit(tx, {
        operation: ctx.input.decision === "approve" ? "commendation.approve" : "commendation.reject", entityType: ENTITY, entityId: scope.id,
        summary: `${ctx.input.decision === "approve" ? "批准" : "不批准"}专家 ${r.expertName} 的 ${r.year} 年度表彰推荐${ctx.input.reason ? `，意见：${ctx.input.reason}` : ""}`,
        before: { state: r.from }, after: { state: r.to, comment: ctx.input.reason || null },
      });
      return { state: r.to };
    });
  },
} satisfies ActionDefinition<typeof decideSchema, { state: CommendationState }>;

export const withdrawOp = {
  operation: "commendation.nominate",
  schema: withdrawSchema,
  successMessage: "表彰推荐已撤回",
  async run(ctx) {
    const scope = await commendationScope(db, ctx.input.commendationId);
    ctx.authorize({ provinceCode: scope.provinceCode }, { type: ENTITY, id: scope.id });
    return db.$transaction(async (tx) => {
      const r = await withdraw(tx, { ...ctx.input, actorId: ctx.user.id });
      await ctx.audit(tx, {
        operation: "commendation.withdraw", entityType: ENTITY, entityId: scope.id,
        summary: `撤回专家 ${r.expertName} 的 ${r.year} 年度表彰推荐，原因：${ctx.input.reason}`,
        before: { state: r.from }, after: { state: r.to },
      });
      return { state: r.to };
    });
  },
} satisfies ActionDefinition<typeof withdrawSchema, { state: CommendationState }>;
