import type { Tx } from "@/lib/db";
import { conflict, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { outcomeValue, refit, MIN_OUTCOMES, type Outcome, type RefitResult } from "@/lib/match-settings/refit";
import { readSettings, saveSettings } from "@/lib/match-settings/service";
import { weightsOver, type Weights } from "@/lib/matching/weights";

// Proposals to refit the weights from outcomes, and applying or rolling them back. Each proposal is a row of
// "MatchWeightFit"; applying saves its weights through the settings' own version check and keeps the weights it
// replaced; a rollback restores those, only while the weights are still the ones it applied.

type OutcomeRow = { at: Date; parts: Record<string, number> | null; state: string; engagementState: string | null; unitRating: number | null };

/** Every answered invitation with the score parts it was sent with, oldest first. */
export async function loadOutcomes(tx: Tx): Promise<Outcome[]> {
  const rows = await tx.$queryRaw<OutcomeRow[]>`
    SELECT m."invitedAt" AS "at", m."scoreParts" AS "parts", m."state"::text AS "state", en."state"::text AS "engagementState",
           (SELECT f."rating" FROM "Feedback" f WHERE f."engagementId" = en."id" AND f."party" = 'UNIT') AS "unitRating"
      FROM "Match" m LEFT JOIN "Engagement" en ON en."matchId" = m."id"
     WHERE m."invitedAt" IS NOT NULL
     ORDER BY m."invitedAt", m."id"`;
  const out: Outcome[] = [];
  for (const r of rows) {
    const value = outcomeValue(r);
    if (value === null || !r.parts || !Object.keys(r.parts).length) continue;
    out.push({ at: new Date(r.at), parts: r.parts, value });
  }
  return out;
}

export type FitView = {
  id: string; state: string; baseWeights: Weights; proposedWeights: Weights; previousWeights: Weights | null;
  metrics: RefitResult["metrics"]; createdAt: Date; appliedAt: Date | null; rolledBackAt: Date | null; version: number;
};

const asView = (r: {
  id: string; state: string; baseWeights: Prisma.JsonValue; proposedWeights: Prisma.JsonValue; previousWeights: Prisma.JsonValue | null;
  metrics: Prisma.JsonValue; createdAt: Date; appliedAt: Date | null; rolledBackAt: Date | null; version: number;
}): FitView => ({
  ...r,
  baseWeights: weightsOver(r.baseWeights), proposedWeights: weightsOver(r.proposedWeights),
  previousWeights: r.previousWeights ? weightsOver(r.previousWeights) : null, metrics: r.metrics as RefitResult["metrics"],
});

/** Fits new weights on the outcomes so far and records the proposal (earlier open proposals are superseded). */
export async function proposeRefit(tx: Tx, actorId: string | null): Promise<FitView> {
  const [outcomes, settings] = await Promise.all([loadOutcomes(tx), readSettings(tx)]);
  const result = refit(outcomes, settings.weights);
  if (!result) {
    throw conflict(`可用的结果数据不足：需要至少 ${MIN_OUTCOMES} 条已答复的邀请，且较早和较新的两段里都既有成功也有不成功的结果（目前 ${outcomes.length} 条）`);
  }
  await tx.matchWeightFit.updateMany({ where: { state: "PROPOSED" }, data: { state: "SUPERSEDED", version: { increment: 1 } } });
  const row = await tx.matchWeightFit.create({
    data: { baseWeights: settings.weights, proposedWeights: result.proposed, metrics: result.metrics, createdById: actorId },
  });
  return asView(row);
}

export async function loadFit(tx: Tx, id: string): Promise<FitView> {
  const row = await tx.matchWeightFit.findUnique({ where: { id } });
  if (!row) throw notFound("权重建议");
  return asView(row);
}

/** Saves a proposal's weights as the ministry's (the settings' version must be current), keeping the old ones. */
export async function applyFit(tx: Tx, input: { id: string; version: number; actorId: string }) {
  const fit = await loadFit(tx, input.id);
  const settings = await readSettings(tx);
  const claimed = await tx.matchWeightFit.updateMany({
    where: { id: input.id, state: "PROPOSED", version: input.version },
    data: { state: "APPLIED", previousWeights: settings.weights, appliedById: input.actorId, appliedAt: new Date(), version: { increment: 1 } },
  });
  if (claimed.count !== 1) throw conflict("该建议已被处理或已有更新的建议，请刷新页面后再操作");
  const saved = await saveSettings(tx, { weights: fit.proposedWeights, inviteWorkingDays: settings.inviteWorkingDays, version: settings.version, actorId: input.actorId });
  return { fit, before: saved.before, after: saved.after };
}

const sameWeights = (a: Weights, b: Weights) => Object.keys(a).every((k) => a[k as keyof Weights] === b[k as keyof Weights]);

/** Restores the weights an applied proposal replaced, while the weights are still the ones it applied. */
export async function rollbackFit(tx: Tx, input: { id: string; version: number; actorId: string }) {
  const fit = await loadFit(tx, input.id);
  const settings = await readSettings(tx);
  if (fit.state !== "APPLIED" || !fit.previousWeights) throw conflict("只能回退已采用的建议");
  if (!sameWeights(settings.weights, fit.proposedWeights)) throw conflict("采用之后权重已被修改，不能再回退这条建议；请直接修改权重");
  const claimed = await tx.matchWeightFit.updateMany({
    where: { id: input.id, state: "APPLIED", version: input.version },
    data: { state: "ROLLED_BACK", rolledBackById: input.actorId, rolledBackAt: new Date(), version: { increment: 1 } },
  });
  if (claimed.count !== 1) throw conflict("该建议已被处理，请刷新页面后再操作");
  const saved = await saveSettings(tx, { weights: fit.previousWeights, inviteWorkingDays: settings.inviteWorkingDays, version: settings.version, actorId: input.actorId });
  return { fit, before: saved.before, after: saved.after };
}

/** The latest proposals and their fate, newest first (the settings page's history). */
export async function listFits(tx: Tx, take = 10): Promise<FitView[]> {
  return (await tx.matchWeightFit.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], take })).map(asView);
}
