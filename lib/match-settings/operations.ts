import { db } from "@/lib/db";
import type { ActionDefinition } from "@/lib/actions/pipeline";
import { notFound } from "@/lib/errors";
import { applyFit, proposeRefit, rollbackFit } from "@/lib/match-settings/refit-service";
import { fitActionSchema, previewSchema, proposeRefitSchema, resetSettingsSchema, settingsSchema } from "@/lib/match-settings/schemas";
import { changedParts, DEFAULT_SETTINGS, readSettings, saveSettings, SETTINGS_ID } from "@/lib/match-settings/service";
import { recommendExperts } from "@/lib/matching/recommend";
import { SCORE_PART_LABEL, SCORE_PARTS, type Weights } from "@/lib/matching/weights";

const ENTITY = { type: "MatchingSettings", id: SETTINGS_ID };

const weightsOf = (input: Record<string, unknown>) => Object.fromEntries(SCORE_PARTS.map((p) => [p, input[p] as number])) as Weights;

function describe(before: { weights: Weights; inviteWorkingDays: number }, after: { weights: Weights; inviteWorkingDays: number }) {
  const parts = changedParts(before.weights, after.weights).map((p) => `${SCORE_PART_LABEL[p]} ${before.weights[p]}→${after.weights[p]}`);
  if (before.inviteWorkingDays !== after.inviteWorkingDays) parts.push(`答复期限 ${before.inviteWorkingDays}→${after.inviteWorkingDays} 个工作日`);
  return parts.length ? parts.join("，") : "未改变";
}

export const updateSettingsOp = {
  operation: "match.settings",
  schema: settingsSchema,
  successMessage: "匹配设置已保存，新的推荐和分配方案将按新设置计算",
  async run(ctx) {
    ctx.authorize({}, ENTITY);
    return db.$transaction(async (tx) => {
      const r = await saveSettings(tx, {
        weights: weightsOf(ctx.input), inviteWorkingDays: ctx.input.inviteWorkingDays, version: ctx.input.version, actorId: ctx.user.id,
      });
      await ctx.audit(tx, {
        operation: "match.settings", entityType: ENTITY.type, entityId: ENTITY.id,
        summary: `修改匹配设置：${describe(r.before, r.after)}`, before: r.before, after: r.after,
      });
      return { version: r.version };
    });
  },
} satisfies ActionDefinition<typeof settingsSchema, { version: number }>;

export const resetSettingsOp = {
  operation: "match.settings",
  schema: resetSettingsSchema,
  successMessage: "已恢复默认匹配设置",
  async run(ctx) {
    ctx.authorize({}, ENTITY);
    return db.$transaction(async (tx) => {
      const r = await saveSettings(tx, { ...DEFAULT_SETTINGS, version: ctx.input.version, actorId: ctx.user.id });
      await ctx.audit(tx, {
        operation: "match.resetSettings", entityType: ENTITY.type, entityId: ENTITY.id,
        summary: `恢复默认匹配设置：${describe(r.before, r.after)}`, before: r.before, after: r.after,
      });
      return { version: r.version };
    });
  },
} satisfies ActionDefinition<typeof resetSettingsSchema, { version: number }>;

export type PreviewRow = { expertId: string; name: string; employer: string; score: number; explanation: string };

/** The need's top five under the saved weights and under the weights being edited (a read: nothing is saved). */
export const previewSettingsOp = {
  operation: "match.settings",
  schema: previewSchema,
  async run(ctx) {
    ctx.authorize({}, ENTITY);
    const need = await db.need.findUnique({ where: { id: ctx.input.needId }, select: { id: true, code: true, title: true } });
    if (!need) throw notFound("需求");
    const saved = await readSettings(db);
    const [current, edited] = await Promise.all([
      recommendExperts(db, need.id, { all: true }, { limit: 5, weights: saved.weights }),
      recommendExperts(db, need.id, { all: true }, { limit: 5, weights: weightsOf(ctx.input) }),
    ]);
    const ids = [...new Set([...(current?.recommendations ?? []), ...(edited?.recommendations ?? [])].map((r) => r.expertId))];
    const experts = await db.expertProfile.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, employer: true } });
    const byId = new Map(experts.map((e) => [e.id, e]));
    const rows = (list: typeof current) => (list?.recommendations ?? []).map((r) => ({
      expertId: r.expertId, name: byId.get(r.expertId)?.name ?? "", employer: byId.get(r.expertId)?.employer ?? "",
      score: r.score, explanation: r.explanation,
    }));
    return { need: { code: need.code, title: need.title }, current: rows(current), edited: rows(edited) };
  },
} satisfies ActionDefinition<typeof previewSchema, { need: { code: string; title: string }; current: PreviewRow[]; edited: PreviewRow[] }>;

// ─── Weights refitted from outcomes ─────────────────────────────────────────────────────────────────────────

const FIT_ENTITY = "MatchWeightFit";
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export const proposeRefitOp = {
  operation: "match.settings",
  schema: proposeRefitSchema,
  successMessage: "已依据实际结果生成权重建议，请查看测得的效果后决定是否采用",
  async run(ctx) {
    ctx.authorize({}, ENTITY);
    return db.$transaction(async (tx) => {
      const fit = await proposeRefit(tx, ctx.user.id);
      await ctx.audit(tx, {
        operation: "match.refitProposed", entityType: FIT_ENTITY, entityId: fit.id,
        summary: `依据 ${fit.metrics.outcomes} 条结果生成权重建议：在较新的 ${fit.metrics.test} 条上排序一致率 ${pct(fit.metrics.baseAgreement)} → ${pct(fit.metrics.proposedAgreement)}`,
        after: { proposedWeights: fit.proposedWeights, metrics: fit.metrics },
      });
      return { id: fit.id };
    }, { timeout: 60_000 });
  },
} satisfies ActionDefinition<typeof proposeRefitSchema, { id: string }>;

export const applyFitOp = {
  operation: "match.settings",
  schema: fitActionSchema,
  successMessage: "已采用权重建议，新的推荐和分配方案将按新权重计算",
  async run(ctx) {
    ctx.authorize({}, ENTITY);
    return db.$transaction(async (tx) => {
      const r = await applyFit(tx, { id: ctx.input.id, version: ctx.input.version, actorId: ctx.user.id });
      await ctx.audit(tx, {
        operation: "match.refitApplied", entityType: FIT_ENTITY, entityId: r.fit.id,
        summary: `采用权重建议：${describe(r.before, r.after)}`, before: r.before, after: r.after,
      });
      return { id: r.fit.id };
    });
  },
} satisfies ActionDefinition<typeof fitActionSchema, { id: string }>;

export const rollbackFitOp = {
  operation: "match.settings",
  schema: fitActionSchema,
  successMessage: "已回退到采用该建议之前的权重",
  async run(ctx) {
    ctx.authorize({}, ENTITY);
    return db.$transaction(async (tx) => {
      const r = await rollbackFit(tx, { id: ctx.input.id, version: ctx.input.version, actorId: ctx.user.id });
      await ctx.audit(tx, {
        operation: "match.refitRolledBack", entityType: FIT_ENTITY, entityId: r.fit.id,
        summary: `回退权重建议：${describe(r.before, r.after)}`, before: r.before, after: r.after,
      });
      return { id: r.fit.id };
    });
  },
} satisfies ActionDefinition<typeof fitActionSchema, { id: string }>;
