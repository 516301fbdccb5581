import type { Tx } from "@/lib/db";
import { loadExpertFacts, loadNeedFacts } from "@/lib/matching/facts";
import { codeTables, disciplineFamily, nameBook } from "@/lib/matching/reference";
import { candidateExpertIds, type Visibility } from "@/lib/matching/retrieval";
import { scorePair, type HardFilter, type Scored } from "@/lib/matching/score";
import { topTerms } from "@/lib/matching/text";
import { weightsOver, type Weights } from "@/lib/matching/weights";

export type Recommendation = Scored & { expertId: string };

/** The ministry's weights, or the defaults when none are saved. */
export async function loadWeights(tx: Tx): Promise<Weights> {
  const row = await tx.matchingSettings.findUnique({ where: { id: "default" }, select: { weights: true } });
  return weightsOver(row?.weights);
}

/**
 * The best experts for a need: retrieval in PostgreSQL, hard filters and scoring in TypeScript.
 * Returns the top `limit` and, for the record, how many candidates each hard filter removed.
 */
export async function recommendExperts(
  tx: Tx,
  needId: string,
  visibility: Visibility,
  options: { limit?: number; candidates?: number; weights?: Weights } = {},
): Promise<{ recommendations: Recommendation[]; filtered: Partial<Record<HardFilter, number>>; candidates: number } | null> {
  const need = await loadNeedFacts(tx, needId);
  if (!need) return null;
  const tables = await codeTables(tx);
  const ids = await candidateExpertIds(tx, {
    disciplineCodes: need.disciplineCodes,
    disciplineFamily: disciplineFamily(need.disciplineCodes, tables),
    industryCodes: need.industryCodes,
    terms: topTerms(need.text, 12),
    provinceCode: need.provinceCode,
  }, visibility, options.candidates ?? 300);
  const [experts, weights] = await Promise.all([loadExpertFacts(tx, ids, [needId]), options.weights ?? loadWeights(tx)]);
  const names = await nameBook(tx, tables, [need.regionCode ?? "", ...experts.map((e) => e.regionCode ?? "")]);
  const scorer = { weights, names, disciplineParent: tables.disciplineParent, industryParent: tables.industryParent };
  const filtered: Partial<Record<HardFilter, number>> = {};
  const scored: Recommendation[] = [];
  for (const expert of experts) {
    const r = scorePair(need, expert, scorer);
    if (r.filtered) filtered[r.filtered] = (filtered[r.filtered] ?? 0) + 1;
    else scored.push({ expertId: expert.id, score: r.score, parts: r.parts, explanation: r.explanation });
  }
  scored.sort((a, b) => b.score - a.score || a.expertId.localeCompare(b.expertId));
  return { recommendations: scored.slice(0, options.limit ?? 10), filtered, candidates: ids.length };
}
