// Baselines and the scorer for `npm run match -- affinity --qrels …`: BM25 over character bigrams (as bm25.py in the
// dev set's folder) and NDCG@10 with graded relevance (as score.py there), so one run reports every figure.
import type { AffinityExpert, AffinityNeed } from "../lib/matching/affinity";

export type Scores = { needId: string; scores: { expertId: string; score: number }[] }[];

const bigrams = (text: string) => {
  const chars = [...text].filter((c) => !/\s/u.test(c));
  return chars.slice(1).map((c, i) => chars[i] + c);
};

/** BM25 (k1 1.2, b 0.75) over character bigrams; an expert is all achievements' titles and abstracts joined. */
export function bm25Bigrams(experts: AffinityExpert[], needs: AffinityNeed[]): Scores {
  const docs = experts.map((e) => {
    const c = new Map<string, number>();
    for (const t of bigrams((e.achievements ?? []).map((a) => a.title + (a.abstract ?? "")).join(" ") + (e.skills ?? []).join(" ") + (e.bio ?? ""))) c.set(t, (c.get(t) ?? 0) + 1);
    return { id: String(e.id), c, len: [...c.values()].reduce((a, b) => a + b, 0) };
  });
  const n = docs.length;
  const avg = docs.reduce((a, d) => a + d.len, 0) / Math.max(1, n);
  const df = new Map<string, number>();
  for (const d of docs) for (const t of d.c.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  return needs.map((need) => {
    const q = new Set(bigrams(need.title + (need.description ?? "")));
    return {
      needId: String(need.id),
      scores: docs.map((d) => {
        let s = 0;
        for (const t of q) {
          const tf = d.c.get(t);
          if (!tf) continue;
          const idf = Math.log(1 + (n - df.get(t)! + 0.5) / (df.get(t)! + 0.5));
          s += (idf * tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * d.len) / avg));
        }
        return { expertId: d.id, score: Math.round(s * 10_000) / 10_000 };
      }),
    };
  });
}

/** Mean NDCG@10 over the needs of the qrels (ties broken by expert id, as score.py does). */
export function ndcgAt10(qrels: Record<string, Record<string, number>>, scores: Scores): number {
  const byNeed = new Map(scores.map((s) => [s.needId, s.scores]));
  let total = 0;
  const needs = Object.keys(qrels);
  for (const n of needs) {
    const rel = qrels[n];
    const ranked = [...(byNeed.get(n) ?? [])].sort((a, b) => b.score - a.score || (a.expertId < b.expertId ? -1 : a.expertId > b.expertId ? 1 : 0));
    const dcg = ranked.slice(0, 10).reduce((a, r, i) => a + (2 ** (rel[r.expertId] ?? 0) - 1) / Math.log2(i + 2), 0);
    const ideal = Object.values(rel).sort((a, b) => b - a).slice(0, 10).reduce((a, g, i) => a + (2 ** g - 1) / Math.log2(i + 2), 0);
    total += ideal ? dcg / ideal : 0;
  }
  return needs.length ? total / needs.length : 0;
}
