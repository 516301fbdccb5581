import type { Tx } from "@/lib/db";
import { readSettings } from "@/lib/match-settings/service";
import { loadNeedFacts, loadNeedsFacts, toExpertFacts, type LoadedNeed } from "@/lib/matching/facts";
import { codeTables, nameBook, regionTable } from "@/lib/matching/reference";
import { poolRelevance } from "@/lib/matching/pool-relevance";
import { planRetrieval, retrieveCandidates, termStats, type Visibility } from "@/lib/matching/retrieval";
import { scorePair, type HardFilter, type Scored, type Scorer } from "@/lib/matching/score";
import type { ExpertFacts } from "@/lib/matching/types";
import type { Weights } from "@/lib/matching/weights";

export type Recommendation = Scored & { expertId: string };
export type Recommendations = { recommendations: Recommendation[]; filtered: Partial<Record<HardFilter, number>>; candidates: number };
export type { Visibility } from "@/lib/matching/retrieval";

/** How many retrieved candidates are scored exactly for each need unless the caller says otherwise. */
export const DEFAULT_CANDIDATES = 60;

/** The ministry's weights, or the defaults when none are saved (lib/match-settings owns the settings row). */
export async function loadWeights(tx: Tx): Promise<Weights> {
  return (await readSettings(tx)).weights;
}

/** What scoring reads besides the two sides: the weights (the ministry's unless given), code tables and names. */
export async function loadScorer(tx: Tx, weights?: Weights): Promise<Scorer> {
  const [tables, w] = await Promise.all([codeTables(tx), weights ?? loadWeights(tx)]);
  return { weights: w, names: await nameBook(tx, tables), disciplineParent: tables.disciplineParent, industryParent: tables.industryParent };
}

/** `textModel`: "pool" (default) scores text with the pool model; "tfidf" with the earlier cosine (benchmarks compare). */
type Options = { limit?: number; candidates?: number; weights?: Weights; textModel?: "pool" | "tfidf" };

/**
 * Scores retrieved experts for one need: the top `limit`, and how many each hard filter removed (`counted`: filters
 * already counted over retrieval's whole pool, which replace the counts among the experts returned).
 */
function rank(need: LoadedNeed, experts: ExpertFacts[], scorer: Scorer, limit: number, counted: Partial<Record<HardFilter, number>> = {}): Recommendations {
  const filtered: Partial<Record<HardFilter, number>> = {};
  const scored: Recommendation[] = [];
  for (const expert of experts) {
    const r = scorePair(need, expert, scorer);
    if (r.filtered) filtered[r.filtered] = (filtered[r.filtered] ?? 0) + 1;
    else scored.push({ expertId: expert.id, score: r.score, parts: r.parts, explanation: r.explanation });
  }
  for (const [k, n] of Object.entries(counted) as [HardFilter, number][]) {
    if (n > 0) filtered[k] = n;
    else delete filtered[k];
  }
  scored.sort((a, b) => b.score - a.score || a.expertId.localeCompare(b.expertId));
  return { recommendations: scored.slice(0, limit), filtered, candidates: experts.length };
}

async function recommendFor(tx: Tx, need: LoadedNeed, visibility: Visibility, options: Options, weights: Weights): Promise<Recommendations> {
  const [tables, regions, stats] = await Promise.all([codeTables(tx), regionTable(tx), termStats(tx, [...need.text.weights.keys()])]);
  const plan = planRetrieval(need, tables, regions, stats, weights);
  const limit = options.limit ?? 10;
  const { rows, refused } = await retrieveCandidates(tx, plan, visibility, Math.max(options.candidates ?? DEFAULT_CANDIDATES, limit), limit);
  const experts = rows.map((r) => toExpertFacts(r, regions));
  const [scorer, relevance] = await Promise.all([loadScorer(tx, weights), options.textModel === "tfidf" ? null : poolRelevance(tx, [{ need, experts }])]);
  return rank(need, experts, { ...scorer, relevance }, limit, refused);
}

/**
 * The best experts for a need: retrieval in PostgreSQL (lib/matching/retrieval: the need's rare terms and own
 * disciplines, ranked by an SQL estimate of the score), then hard filters and exact scoring in TypeScript.
 * Returns the top `limit` (default 10) of the `candidates` best-looking (default 60) and, for the record, how
 * many experts each hard filter removed (conflict of interest, remote and place: among all the experts retrieval
 * looked at; the others: among the candidates); null when the need does not exist.
 */
export async function recommendExperts(tx: Tx, needId: string, visibility: Visibility, options: Options = {}): Promise<Recommendations | null> {
  const need = await loadNeedFacts(tx, needId);
  if (!need) return null;
  return recommendFor(tx, need, visibility, options, options.weights ?? (await loadWeights(tx)));
}

type ManyOptions = Options & { concurrency?: number };

async function recommendMany(tx: Tx, needs: LoadedNeed[], visibility: Visibility, options: ManyOptions, weights: Weights) {
  const out = new Map<string, Recommendations>();
  let next = 0;
  const worker = async () => {
    while (next < needs.length) {
      const need = needs[next++];
      out.set(need.id, await recommendFor(tx, need, visibility, options, weights));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 2) }, worker));
  return out;
}

/**
 * Recommendations for many needs at once (batch proposals): the same retrieval and scoring as recommendExperts
 * for each need, with the needs, weights and reference data loaded once and up to `concurrency` (default 2)
 * needs retrieved at a time. Returns need id → recommendations; unknown ids are left out.
 */
export async function recommendForNeeds(tx: Tx, needIds: string[], visibility: Visibility, options: ManyOptions = {}): Promise<Map<string, Recommendations>> {
  const [needs, weights] = await Promise.all([loadNeedsFacts(tx, needIds), options.weights ?? loadWeights(tx)]);
  return recommendMany(tx, needs, visibility, options, weights);
}

export type CandidateEdge = { needId: string; expertId: string; score: number };

/**
 * Candidate edges for batch assignment (lib/matching/assign): each need's `perNeed` best experts as
 * recommendForNeeds finds them, as (need, expert, score) triples, with each need's headcount (expertsWanted).
 * Unknown need ids are left out.
 */
export async function candidateEdges(
  tx: Tx,
  needIds: string[],
  visibility: Visibility,
  perNeed = 30,
  options: Omit<ManyOptions, "limit"> = {},
): Promise<{ edges: CandidateEdge[]; needs: { id: string; headcount: number }[] }> {
  const [needs, weights] = await Promise.all([loadNeedsFacts(tx, needIds), options.weights ?? loadWeights(tx)]);
  const byNeed = await recommendMany(tx, needs, visibility, { ...options, limit: perNeed }, weights);
  const edges: CandidateEdge[] = [];
  for (const need of needs) for (const r of byNeed.get(need.id)!.recommendations) edges.push({ needId: need.id, expertId: r.expertId, score: r.score });
  return { edges, needs: needs.map((n) => ({ id: n.id, headcount: n.expertsWanted })) };
}
