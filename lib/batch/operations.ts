import { db } from "@/lib/db";
import type { ActionDefinition } from "@/lib/actions/pipeline";
import { AppError, conflict, forbidden, GENERIC_ERROR, invalidTransition, notFound } from "@/lib/errors";
import { MATCH_STATE_LABEL, NEED_STATE_LABEL } from "@/lib/labels";
import { BATCH_PROPOSAL, isBatchProposal, type SolveSummary } from "@/lib/batch/plan";
import { batchProvinceOf, queueNeedIds } from "@/lib/batch/queries";
import { addProposalSchema, generateSchema, MAX_BATCH_NEEDS, removeProposalSchema, sendProposalSchema } from "@/lib/batch/schemas";
import { buildProposal, queueNeeds, removeProposal, saveProposal } from "@/lib/batch/service";
import { canRead } from "@/lib/experts/scope";
import { inviteWithAudit } from "@/lib/matches/operations";
import { INVITABLE_NEED_STATES, proposeExpert, scoreOne, warmScoring } from "@/lib/matches/service";
import { sweepInvitations } from "@/lib/matches/sweep";
import { SEAT_HOLDING } from "@/lib/matches/capacity";

export type GenerateResult = {
  summary: SolveSummary;
  solveMs: number;
  /** Needs matching the filters beyond the first MAX_BATCH_NEEDS (generate again for them). */
  leftOut: number;
  notReady: { code: string; reason: string }[];
  unmetQuotas: { code: string; missing: number }[];
  /** Pairs not written because their match moved on while the proposal was computed. */
  skipped: number;
};

export const generateProposalOp = {
  operation: "match.invite",
  schema: generateSchema,
  async run(ctx) {
    const { input } = ctx;
    const provinceCode = batchProvinceOf(ctx.user);
    if (!provinceCode) throw forbidden("账号尚未关联省份，无法生成分配方案");
    let ids: string[];
    let leftOut = 0;
    if (input.scope === "filtered") {
      ctx.authorize({ provinceCode });
      const all = await queueNeedIds(provinceCode, input);
      ids = all.slice(0, MAX_BATCH_NEEDS).map((r) => r.id);
      leftOut = all.length - ids.length;
    } else {
      ids = [...new Set(input.needIds)];
      const rows = await db.need.findMany({ where: { id: { in: ids } }, select: { id: true, provinceCode: true } });
      if (rows.length !== ids.length) throw notFound("需求");
      for (const r of rows) ctx.authorize({ provinceCode: r.provinceCode }, { type: "Need", id: r.id });
    }
    // Invitations past their deadline still hold places and seats until swept.
    await sweepInvitations(db, new Date());
    const { ready, notReady } = await queueNeeds(db, ids);
    if (!ready.length) throw invalidTransition("所选需求都不在待分配队列中（需为待匹配或已匹配且仍有名额），请刷新后重新选择");

    const built = await buildProposal(db, { needs: ready, provinceCode, perNeed: input.perNeed, quotas: input });
    const codeOf = new Map(ready.map((n) => [n.id, n.code]));
    const options = { minEastern: input.minEastern, maxPerEmployer: input.maxPerEmployer ?? null, perNeed: input.perNeed };
    const saved = await db.$transaction(async (tx) => {
      // Two generations of one province save one after the other (each replaces the other's rows, never half).
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`batch-proposal:${provinceCode}`}))`;
      const rows = await saveProposal(tx, ready.map((n) => n.id), built.pairs);
      for (const r of rows) {
        if (!r.added.length && !r.removed.length) continue;
        await ctx.audit(tx, {
          operation: "match.propose", entityType: "Need", entityId: r.needId,
          summary: `批量分配方案：需求 ${codeOf.get(r.needId)} 列入 ${r.added.length + r.kept.length} 位专家${r.removed.length ? `，移出 ${r.removed.length} 位` : ""}`,
          before: { proposed: [...r.kept, ...r.removed] },
          after: { proposed: [...r.kept, ...r.added], options },
        });
      }
      const s = built.summary;
      await ctx.audit(tx, {
        operation: "match.propose", entityType: "Province", entityId: provinceCode,
        summary: `生成批量分配方案：${s.needs} 项需求，列入 ${s.seatsFilled} 位专家（名额 ${s.seatsTotal}），总分 ${s.total}，贪心 ${s.greedyTotal}`,
        after: { ...s, options, leftOut, solveMs: built.solveMs },
      });
      return rows;
    }, { timeout: 120_000, maxWait: 10_000 });

    return {
      summary: built.summary, solveMs: built.solveMs, leftOut,
      notReady: notReady.map((n) => ({ code: n.code, reason: n.reason })),
      unmetQuotas: built.unmetQuotas.map((q) => ({ code: codeOf.get(q.needId) ?? q.needId, missing: q.missing })),
      skipped: saved.reduce((s, r) => s + r.skipped.length, 0),
    };
  },
} satisfies ActionDefinition<typeof generateSchema, GenerateResult>;

/** A proposed match with what the audit and the messages name. */
async function proposalRow(matchId: string) {
  const m = await db.match.findUnique({
    where: { id: matchId },
    select: {
      id: true, needId: true, expertId: true, state: true, source: true,
      need: { select: { code: true, title: true, provinceCode: true, unitId: true } },
      expert: { select: { name: true, userId: true } },
    },
  });
  if (!m) throw notFound("方案中的专家");
  return m;
}

export const removeProposalOp = {
  operation: "match.invite",
  schema: removeProposalSchema,
  successMessage: "已移出方案",
  async run(ctx) {
    const m = await proposalRow(ctx.input.matchId);
    ctx.authorize({ provinceCode: m.need.provinceCode }, { type: "Match", id: m.id });
    await db.$transaction(async (tx) => {
      await removeProposal(tx, m.id);
      await ctx.audit(tx, {
        operation: "match.unpropose", entityType: "Match", entityId: m.id,
        summary: `移出批量分配方案：专家 ${m.expert.name}（需求 ${m.need.code}）`,
        before: { state: m.state, source: m.source, needId: m.needId, expertId: m.expertId },
      });
    });
    return null;
  },
} satisfies ActionDefinition<typeof removeProposalSchema, null>;

export const addProposalOp = {
  operation: "match.invite",
  schema: addProposalSchema,
  successMessage: "已列入方案",
  async run(ctx) {
    const { needId, expertId } = ctx.input;
    const need = await db.need.findUnique({
      where: { id: needId },
      select: {
        code: true, state: true, provinceCode: true, expertsWanted: true,
        _count: { select: { matches: { where: { OR: [SEAT_HOLDING, BATCH_PROPOSAL] } } } },
      },
    });
    if (!need) throw notFound("需求");
    ctx.authorize({ provinceCode: need.provinceCode }, { type: "Need", id: needId });
    // The province sees its own experts and those of other provinces who share across regions; others do not exist for it.
    const expert = await db.expertProfile.findUnique({ where: { id: expertId }, select: { name: true, provinceCode: true, userId: true, shareAcrossRegions: true, status: true } });
    if (!expert || !canRead(ctx.user, expert)) throw notFound("专家");
    if (!INVITABLE_NEED_STATES.includes(need.state)) throw invalidTransition(`需求当前为“${NEED_STATE_LABEL[need.state]}”，不能列入分配方案`);
    if (need._count.matches >= need.expertsWanted) {
      throw conflict(`该需求计划邀请 ${need.expertsWanted} 位专家，方案与已邀请的专家已占满名额；请先移出一位`);
    }
    await warmScoring(db);
    return db.$transaction(async (tx) => {
      const scored = await scoreOne(tx, needId, expertId);
      const r = await proposeExpert(tx, { needId, expertId, ...scored });
      await ctx.audit(tx, {
        operation: "match.propose", entityType: "Match", entityId: r.matchId,
        summary: `手工列入批量分配方案：专家 ${expert.name}（需求 ${need.code}）`,
        before: { state: r.from }, after: { ...BATCH_PROPOSAL, score: scored.score },
      });
      return { matchId: r.matchId };
    });
  },
} satisfies ActionDefinition<typeof addProposalSchema, { matchId: string }>;

export type SendRow = { matchId: string; needCode: string; needTitle: string; expertName: string; ok: boolean; error?: string };

export const sendProposalOp = {
  operation: "match.invite",
  schema: sendProposalSchema,
  async run(ctx) {
    const ids = [...new Set(ctx.input.matchIds)];
    const rows = await db.match.findMany({
      where: { id: { in: ids } },
      select: {
        id: true, needId: true, expertId: true,
        need: { select: { code: true, title: true, provinceCode: true } },
        expert: { select: { name: true } },
      },
    });
    // Every row is checked before anything is sent: one proposal of another province refuses the whole request.
    for (const m of rows) ctx.authorize({ provinceCode: m.need.provinceCode }, { type: "Match", id: m.id });
    // None of them left (all sent or removed meanwhile): the request still acts only on the user's own province.
    if (!rows.length) ctx.authorize({ provinceCode: batchProvinceOf(ctx.user) });
    const byId = new Map(rows.map((m) => [m.id, m]));
    const results: SendRow[] = [];
    for (const id of ids) {
      const m = byId.get(id);
      if (!m) {
        results.push({ matchId: id, needCode: "", needTitle: "", expertName: "", ok: false, error: "该专家已不在分配方案中，请刷新后查看" });
        continue;
      }
      const row = { matchId: m.id, needCode: m.need.code, needTitle: m.need.title, expertName: m.expert.name };
      // Each invitation in its own transaction: one refusal (a seat or a place taken meanwhile) does not undo the others.
      try {
        // Authorized again: the expert may have stopped sharing across regions since the proposal was made.
        await inviteWithAudit(ctx, { needId: m.needId, expertId: m.expertId, source: "BATCH" }, async (tx) => {
          const now = await tx.match.findUnique({ where: { id: m.id }, select: { state: true, source: true } });
          if (!now || !isBatchProposal(now)) {
            throw conflict(`该专家已不在分配方案中${now ? `（当前为“${MATCH_STATE_LABEL[now.state]}”）` : ""}`);
          }
        });
        results.push({ ...row, ok: true });
      } catch (err) {
        if (!(err instanceof AppError)) console.error("[batch send]", err);
        results.push({ ...row, ok: false, error: err instanceof AppError ? err.message : GENERIC_ERROR });
      }
    }
    const refused = results.filter((r) => !r.ok);
    await ctx.audit(db, {
      operation: "match.invite", entityType: "Province", entityId: rows[0]?.need.provinceCode,
      summary: `批量发送邀请：${results.length - refused.length} 份已发出，${refused.length} 份未发出`,
      after: { sent: results.filter((r) => r.ok).map((r) => r.matchId), refused: refused.map((r) => ({ matchId: r.matchId, error: r.error ?? "" })) },
    });
    return { results, sent: results.length - refused.length, failed: refused.length };
  },
} satisfies ActionDefinition<typeof sendProposalSchema, { results: SendRow[]; sent: number; failed: number }>;
