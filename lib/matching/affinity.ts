import { analyseExpert, fitPoolModel, prepareNeedQuery, relevanceOf, type ModelOptions, type PoolExpert, type PoolField } from "@/lib/matching/pool-model";
import { expertTexts, relevance, termVector, type TermVector } from "@/lib/matching/text";

// Affinity between experts and needs described only by text and discipline labels (for importing from and
// comparing with other systems): the same text relevance the app uses, plus discipline overlap when both sides
// name disciplines. Codes are compared along the GB/T 13745 hierarchy (3 → 5 → 7 digits); other labels must match.

export type AffinityExpert = { id: string; name?: string; disciplines?: string[]; skills?: string[]; bio?: string; achievements?: { title: string; abstract?: string }[] };
export type AffinityNeed = { id: string; title: string; description?: string; disciplines?: string[] };

export type PreparedExpert = { id: string; disciplines: string[]; text: TermVector };
export type PreparedNeed = { id: string; disciplines: string[]; text: TermVector };

export function prepareExpert(e: AffinityExpert): PreparedExpert {
  return { id: String(e.id), disciplines: e.disciplines ?? [], text: termVector(expertTexts(e)) };
}

export function prepareNeed(n: AffinityNeed): PreparedNeed {
  return { id: String(n.id), disciplines: n.disciplines ?? [], text: termVector([n.title, n.description ?? ""]) };
}

/** 1 for the same label; for numeric codes, 0.8 when one contains the other, 0.5 for the same 3-digit first level. */
export function labelCloseness(a: string, b: string): number {
  if (a === b) return 1;
  if (!/^\d+$/.test(a) || !/^\d+$/.test(b)) return 0;
  if (a.startsWith(b) || b.startsWith(a)) return 0.8;
  return a.slice(0, 3) === b.slice(0, 3) ? 0.5 : 0;
}

export function disciplineOverlap(need: string[], expert: string[]): number {
  if (!need.length || !expert.length) return 0;
  let total = 0;
  for (const n of need) total += Math.max(0, ...expert.map((e) => labelCloseness(n, e)));
  return total / need.length;
}

/** Score in [0, 1]: text relevance alone, or 0.7 text + 0.3 disciplines when both sides name disciplines. */
export function affinity(need: PreparedNeed, expert: PreparedExpert): number {
  const text = Math.sqrt(relevance(need.text, expert.text).value);
  const score = need.disciplines.length && expert.disciplines.length ? 0.7 * text + 0.3 * disciplineOverlap(need.disciplines, expert.disciplines) : text;
  return Math.round(score * 10_000) / 10_000;
}

/** Experts sharing at least one term or first-level discipline with the need (the only ones that can score above 0). */
export class CandidateIndex {
  private byTerm = new Map<string, number[]>();
  private byDiscipline = new Map<string, number[]>();
  constructor(readonly experts: PreparedExpert[]) {
    experts.forEach((e, i) => {
      for (const t of e.text.weights.keys()) this.add(this.byTerm, t, i);
      for (const d of new Set(e.disciplines.map((x) => (/^\d+$/.test(x) ? x.slice(0, 3) : x)))) this.add(this.byDiscipline, d, i);
    });
  }
  private add(map: Map<string, number[]>, key: string, i: number) {
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  }
  candidates(need: PreparedNeed): PreparedExpert[] {
    const found = new Set<number>();
    for (const t of need.text.weights.keys()) for (const i of this.byTerm.get(t) ?? []) found.add(i);
    for (const d of need.disciplines) for (const i of this.byDiscipline.get(/^\d+$/.test(d) ? d.slice(0, 3) : d) ?? []) found.add(i);
    return [...found].map((i) => this.experts[i]);
  }
}

// --- The pool model (lib/matching/pool-model): fields, inferred discipline, related terms, latent vectors. ---

/** An expert's fields for the pool model: each achievement's title (and keywords) and abstract, skills, biography. */
export function poolExpertOf(e: AffinityExpert & { achievements?: { title: string; abstract?: string; keywords?: string[] }[] }): PoolExpert {
  const fields: PoolField[] = [];
  if (e.skills?.length) fields.push({ kind: "skills", text: e.skills.join("、") });
  if (e.bio) fields.push({ kind: "bio", text: e.bio });
  for (const a of e.achievements ?? []) {
    fields.push({ kind: "title", text: a.title });
    if (a.keywords?.length) fields.push({ kind: "keywords", text: a.keywords.join("、") });
    if (a.abstract) fields.push({ kind: "abstract", text: a.abstract });
  }
  return { id: String(e.id), disciplines: e.disciplines ?? [], fields };
}

/** The need's text for the pool model: the title counts twice (it states the problem; the rest describes it). */
export function needTextOf(n: { title: string; description?: string }): string {
  return `${n.title}\n${n.title}\n${n.description ?? ""}`;
}

/**
 * Scores every expert for each need with the pool model: 0.7 text + 0.3 disciplines when the need names disciplines
 * or the pool's classifier infers them (weighted by its probability); text alone otherwise.
 */
export function poolAffinities(experts: AffinityExpert[], needs: AffinityNeed[], dictionary: readonly string[] = [], options?: ModelOptions) {
  const pool = experts.map(poolExpertOf);
  const model = fitPoolModel(pool, dictionary, options);
  const analysed = pool.map((e) => analyseExpert(model.analyze, e, model.options));
  return needs.map((n) => {
    const q = prepareNeedQuery(model, needTextOf(n));
    const rel = relevanceOf(model, q, analysed);
    const declared = n.disciplines ?? [];
    const inferred = declared.length ? [] : q.disciplines.filter((d) => d.p >= 0.2);
    const scores = analysed.map((e, i) => {
      const text = rel[i].value;
      let field: number | null = null;
      if (e.disciplines.length && declared.length) field = disciplineOverlap(declared, e.disciplines);
      else if (e.disciplines.length && inferred.length) field = inferred.reduce((a, d) => a + d.p * Math.max(0, ...e.disciplines.map((x) => labelCloseness(d.label, x))), 0) / inferred.reduce((a, d) => a + d.p, 0);
      const score = field === null ? text : 0.7 * text + 0.3 * field;
      return { expertId: e.id, score: Math.round(score * 10_000) / 10_000 };
    });
    return { needId: String(n.id), scores };
  });
}
