import type { Tx } from "@/lib/db";
import { AppError, conflict } from "@/lib/errors";
import { NEED_STATE_LABEL } from "@/lib/labels";
import { BATCH_PROPOSAL, diffProposal, employerKey, generatorMayPropose, quotasOf, summarise, type QuotaInput, type SolveSummary } from "@/lib/batch/plan";
import { INVITABLE_NEED_STATES, proposeExpert } from "@/lib/matches/service";
import { SEAT_HOLDING } from "@/lib/matches/capacity";
import { assign, greedyAssign, type AssignEdge, type AssignExpert, type AssignNeed } from "@/lib/matching/assign";
import { loadWeights, recommendForNeeds } from "@/lib/matching/recommend";

// Batch assignment for a province: a set of needs in its queue, candidates from the matching engine, the exact
// assignment (lib/matching/assign) saved as PROPOSED matches (source BATCH) for the province to edit, and the
// invitations sent from it.

export type BatchNeed = { id: string; code: string; title: string; provinceCode: string; seats: number };

/** The needs among `ids` in the queue (OPEN, or MATCHED with seats still free), with their seats left; why not for the rest. */
export async function queueNeeds(tx: Tx, ids: string[]): Promise<{ ready: BatchNeed[]; notReady: { id: string; code: string; reason: string }[] }> {
  const rows = await tx.need.findMany({
    where: { id: { in: ids } },
    select: {
      id: true, code: true, title: true, state: true, provinceCode: true, expertsWanted: true,
      _count: { select: { matches: { where: SEAT_HOLDING } } },
    },
  });
  const ready: BatchNeed[] = [];
  const notReady: { id: string; code: string; reason: string }[] = [];
  for (const r of rows) {
    const seats = r.expertsWanted - r._count.matches;
    if (!INVITABLE_NEED_STATES.includes(r.state)) notReady.push({ id: r.id, code: r.code, reason: `需求当前为“${NEED_STATE_LABEL[r.state]}”` });
    else if (seats <= 0) notReady.push({ id: r.id, code: r.code, reason: "名额已满" });
    else ready.push({ id: r.id, code: r.code, title: r.title, provinceCode: r.provinceCode, seats });
  }
  return { ready, notReady };
}

export type ProposedPair = { needId: string; expertId: string; score: number; parts: Record<string, number>; explanation: string };

export type BuiltProposal = {
  pairs: ProposedPair[];
  summary: SolveSummary;
  unmetQuotas: { needId: string; missing: number }[];
  solveMs: number;
};

/**
 * Candidates for each need from the matching engine (the province's visibility: its own experts and those who
 * share across regions), then the assignment maximising the total score under each need's free seats, each
 * expert's free places, and the quotas; the greedy baseline for comparison. Reads only.
 */
export async function buildProposal(
  tx: Tx,
  input: { needs: BatchNeed[]; provinceCode: string; perNeed: number; quotas: QuotaInput },
): Promise<BuiltProposal> {
  const { needs, provinceCode, perNeed } = input;
  const needIds = needs.map((n) => n.id);
  const [weights, existing] = await Promise.all([
    loadWeights(tx),
    tx.match.findMany({ where: { needId: { in: needIds } }, select: { needId: true, expertId: true, state: true } }),
  ]);
  const blocked = new Set(existing.filter((m) => !generatorMayPropose(m.state)).map((m) => `${m.needId}|${m.expertId}`));
  const blockedPerNeed = new Map<string, number>();
  for (const m of existing) if (!generatorMayPropose(m.state)) blockedPerNeed.set(m.needId, (blockedPerNeed.get(m.needId) ?? 0) + 1);

  // The engine's batch path: needs, weights and reference data loaded once, each need retrieved through indexes.
  const mostBlocked = Math.max(0, ...blockedPerNeed.values());
  const lists = await recommendForNeeds(tx, needIds, { all: false, provinceCode }, { limit: perNeed + mostBlocked, weights });
  const edges: (AssignEdge & ProposedPair)[] = [];
  const candidates = new Map<string, number>();
  needs.forEach((n) => {
    const recs = (lists.get(n.id)?.recommendations ?? []).filter((r) => !blocked.has(`${n.id}|${r.expertId}`)).slice(0, perNeed);
    candidates.set(n.id, recs.length);
    for (const r of recs) edges.push({ needId: n.id, expertId: r.expertId, score: r.score, parts: r.parts, explanation: r.explanation });
  });

  const expertIds = [...new Set(edges.map((e) => e.expertId))];
  const [experts, elsewhere] = await Promise.all([
    tx.expertProfile.findMany({
      where: { id: { in: expertIds } },
      select: { id: true, maxConcurrent: true, activeEngagements: true, employer: true, employerOrgId: true, region: { select: { zone: true } } },
    }),
    // Proposals already waiting on needs outside this batch will take places when they are sent.
    tx.match.groupBy({
      by: ["expertId"],
      where: { expertId: { in: expertIds }, ...BATCH_PROPOSAL, needId: { notIn: needIds } },
      _count: { _all: true },
    }),
  ]);
  const pending = new Map(elsewhere.map((g) => [g.expertId, g._count._all]));
  const assignExperts: AssignExpert[] = experts.map((e) => ({
    id: e.id,
    capacity: Math.max(0, e.maxConcurrent - e.activeEngagements - (pending.get(e.id) ?? 0)),
    employer: employerKey(e),
    eastern: e.region.zone === "EAST",
  }));
  const { options, minEastern } = quotasOf(input.quotas);
  const assignNeeds: AssignNeed[] = needs.map((n) => ({ id: n.id, headcount: n.seats, minEastern }));

  const started = performance.now();
  const exact = await assign(assignNeeds, assignExperts, edges, options);
  const solveMs = Math.round(performance.now() - started);
  if (exact.status !== "Optimal") throw conflict(`方案求解未成功（${exact.status}），请减少需求数量或放宽条件后重试`);
  const greedy = greedyAssign(assignNeeds, assignExperts, edges, options);
  const byPair = new Map(edges.map((e) => [`${e.needId}|${e.expertId}`, e]));
  const pairs = exact.pairs.map((p) => {
    const e = byPair.get(`${p.needId}|${p.expertId}`)!;
    return { needId: e.needId, expertId: e.expertId, score: e.score, parts: e.parts, explanation: e.explanation };
  });
  return { pairs, summary: summarise(assignNeeds, candidates, exact, greedy), unmetQuotas: exact.unmetQuotas, solveMs };
}

export type SavedNeed = { needId: string; added: string[]; kept: string[]; removed: string[]; skipped: { expertId: string; reason: string }[] };

/**
 * Save a proposal over the previous one of the same needs: the previous BATCH proposals not chosen again are
 * deleted (matches in any other state are never touched), the chosen pairs are written as PROPOSED. A pair whose
 * match moved on meanwhile (an invitation sent by someone else) is skipped and reported. Each pair is written under
 * a savepoint: when someone else inserts the same pair at the same moment, PostgreSQL aborts the statement's whole
 * transaction on the unique-key clash, and only rolling back to the savepoint lets the other pairs be saved.
 */
export async function saveProposal(tx: Tx, needIds: string[], pairs: ProposedPair[]): Promise<SavedNeed[]> {
  const previous = await tx.match.findMany({
    where: { needId: { in: needIds }, ...BATCH_PROPOSAL },
    select: { id: true, needId: true, expertId: true },
  });
  const diff = diffProposal(previous, pairs);
  if (diff.remove.length) await tx.match.deleteMany({ where: { id: { in: diff.remove }, ...BATCH_PROPOSAL } });
  const saved = new Map<string, SavedNeed>(needIds.map((id) => [id, { needId: id, added: [], kept: [], removed: [], skipped: [] }]));
  for (const p of previous) if (diff.remove.includes(p.id)) saved.get(p.needId)?.removed.push(p.expertId);
  const keep = new Set(diff.keep.map((p) => `${p.needId}|${p.expertId}`));
  for (const p of pairs) {
    const row = saved.get(p.needId)!;
    await tx.$executeRaw`SAVEPOINT propose_pair`;
    try {
      await proposeExpert(tx, p);
      await tx.$executeRaw`RELEASE SAVEPOINT propose_pair`;
      (keep.has(`${p.needId}|${p.expertId}`) ? row.kept : row.added).push(p.expertId);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      await tx.$executeRaw`ROLLBACK TO SAVEPOINT propose_pair`;
      row.skipped.push({ expertId: p.expertId, reason: err.message });
    }
  }
  return [...saved.values()];
}

/** Remove one expert from a proposal (only a BATCH proposal; the row goes, as the proposal is a draft). */
export async function removeProposal(tx: Tx, matchId: string): Promise<void> {
  const removed = await tx.match.deleteMany({ where: { id: matchId, ...BATCH_PROPOSAL } });
  if (removed.count !== 1) throw conflict("该专家已不在分配方案中（可能已发出邀请或已被移除），请刷新后查看");
}
