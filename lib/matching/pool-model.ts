import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict";
import { embed, fitLatent, latentCosine, type Latent } from "@/lib/matching/latent";

// A relevance model fitted from the expert pool itself (no downloaded model, nothing fitted elsewhere):
//
// - Analysis: jieba (search mode) with a domain dictionary (discipline and industry names, the service menu), so
//   植物病理学 stays one word and also yields 植物/病理; English words lower-cased and lightly stemmed.
// - Term weights: IDF over the pool's own fields (a word every expert uses says nothing here, whatever a general
//   corpus thinks).
// - Fields: each achievement, the skills and the biography are scored on their own (BM25), titles and keywords
//   weighted above abstracts, and combined with a soft-max, so one achievement squarely on the need counts more
//   than many touching it; a whole-profile score keeps breadth in view.
// - Field of the need: a multinomial naive Bayes classifier trained on the pool's experts and their declared
//   disciplines (the pool labels itself; an expert who declares none is a class of their own) gives the need's
//   probable disciplines, and an expert's share of that probability is a field match.
// - Related terms: pointwise mutual information of terms co-occurring in the pool's fields, so a need that says
//   稻瘟病 also reaches experts whose work says 植物病理 or 水稻; applied as a weighted query expansion.
// Everything is a plain function of the pool (fitPoolModel), so any instance can rebuild it; nothing here is state
// a second instance would need.

export type FieldKind = "title" | "keywords" | "abstract" | "skills" | "bio";
export type PoolField = { kind: FieldKind; text: string };
export type PoolExpert = { id: string; disciplines?: string[]; fields: PoolField[] };

export type ModelOptions = {
  k1: number; // BM25 term-frequency saturation
  b: number; // BM25 length normalisation
  kindWeight: Record<FieldKind, number>;
  softmaxBeta: number; // sharpness of the soft-max over fields (0 = mean, large = max)
  profileShare: number; // weight of the whole-profile score beside the soft-max over fields
  latentDims: number; // dimensions of the latent term vectors (0 = none)
  latentShare: number; // weight of the latent similarity beside the lexical score
  neighbours: number; // how many nearest candidates lend an expert their score (score regularisation)
  neighbourShare: number; // … and how much
  graphLatent: number; // how near two candidates are: this share latent cosine, the rest lexical cosine
  fullMatch: number; // lexical score (share of the need's own) that counts as a full match
  expandBelow: number; // needs with fewer distinct terms than this are expanded with related terms
  expansionTerms: number;
  expansionWeight: number; // weight of a related term relative to the need's own
  minCooccurrence: number;
  classTemperature: number; // the classifier's log-likelihood is divided by this (calibration of the posterior)
  sampleExperts: number; // a larger pool is fitted on an evenly spread sample of this many experts
};

export const MODEL_OPTIONS: ModelOptions = {
  k1: 2,
  b: 0.75,
  kindWeight: { title: 2, keywords: 2, skills: 1.5, abstract: 1, bio: 1 },
  softmaxBeta: 3,
  profileShare: 0.7,
  latentDims: 100,
  latentShare: 0.4,
  neighbours: 4,
  neighbourShare: 0.5,
  graphLatent: 1,
  fullMatch: 0.1,
  expandBelow: 30,
  expansionTerms: 10,
  expansionWeight: 0.3,
  minCooccurrence: 2,
  classTemperature: 10,
  sampleExperts: 1500,
};

// ---------------------------------------------------------------------------------------------------------------
// Analysis

const CJK = /[\u3400-\u9fff]/u;
const LATIN_WORD = /^[a-z][a-z0-9-]*$/;

export const STOP = new Set([
  // The engine's list (lib/matching/text) …
  "the", "and", "for", "with", "from", "that", "this", "are", "was", "were", "its", "into", "via", "using", "based",
  "of", "in", "on", "to", "by", "an", "as", "at", "or", "is", "be", "we", "our", "study", "research", "analysis",
  "研究", "技术", "问题", "工作", "开展", "进行", "相关", "提供", "需要", "我们", "主要", "方面", "情况", "一个",
  "没有", "通过", "以及", "能够", "提高", "提升", "加强", "推进", "实现", "服务", "专家", "基层", "单位", "项目",
  "希望", "目前", "存在", "缺乏", "缺少", "当地", "有限", "解决", "建立", "发展", "我县", "我社", "我院", "我校",
  // … and English function words. Chinese words common in the pool need no list: the pool's IDF discounts them.
  "these", "those", "which", "than", "then", "also", "been", "has", "have", "had", "not", "but", "can", "may", "it",
  "their", "there", "such", "between", "both", "each", "more", "most", "other", "some", "all", "was", "were",
])

/** A light English stemmer: enough to meet "diseases"/"disease", "grafting"/"graft", "studies"/"study". */
export function stem(word: string): string {
  if (word.length <= 4) return word;
  if (word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.endsWith("sses")) return word.slice(0, -2);
  if (word.endsWith("ing") && word.length > 6) return word.slice(0, -3);
  if (word.endsWith("ed") && word.length > 5) return word.slice(0, -2);
  if (word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us") && !word.endsWith("is")) return word.slice(0, -1);
  return word;
}

const analyzers = new Map<string, Jieba>();

/** jieba with the domain words added (one segmenter per dictionary; rebuilt from reference data on any instance). */
function segmenter(words: readonly string[]): Jieba {
  const key = words.join("\n");
  let j = analyzers.get(key);
  if (!j) {
    j = Jieba.withDict(dict);
    const lines = words.filter((w) => CJK.test(w) && !/\s/.test(w)).map((w) => `${w} 2000 n`).join("\n");
    if (lines) j.loadDict(Buffer.from(lines, "utf8"));
    if (analyzers.size > 8) analyzers.clear();
    analyzers.set(key, j);
  }
  return j;
}

/** Domain words from names (disciplines, industries, menu items): the whole name and its parts split on 、，/和及与. */
export function domainWords(names: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const name of names) {
    for (const part of name.split(/[、，,/（）()\s和及与]+/u)) {
      const w = part.replace(/[^\u3400-\u9fff]/gu, "");
      if ([...w].length >= 2 && [...w].length <= 12) out.add(w);
    }
  }
  return [...out].sort();
}

export type Analyzer = (text: string) => string[];

export function makeAnalyzer(dictionary: readonly string[] = []): Analyzer {
  const j = segmenter(dictionary);
  return (text: string) => {
    if (!text) return [];
    const lower = text.toLowerCase();
    const out: string[] = [];
    for (const raw of j.cutForSearch(lower, true)) {
      const token = raw.trim();
      if (!token) continue;
      if (CJK.test(token)) {
        if ([...token].length >= 2 && !STOP.has(token)) out.push(token);
      } else if (LATIN_WORD.test(token) && token.length >= 2 && !STOP.has(token)) {
        const s = stem(token);
        if (!STOP.has(s)) out.push(s);
      }
    }
    return out;
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Fitting

type Counts = Map<string, number>;

function count(terms: string[]): Counts {
  const c: Counts = new Map();
  for (const t of terms) c.set(t, (c.get(t) ?? 0) + 1);
  return c;
}

/** An expert as scoring reads it: analysed fields and the whole profile (fields weighted by kind). */
export type AnalysedExpert = {
  id: string;
  disciplines: string[];
  fields: { kind: FieldKind; counts: Counts; length: number; text: string }[];
  profile: Counts;
  profileLength: number;
  derived?: { model: PoolModel; vector: Map<string, number>; embedding: Float32Array | null }; // memo per model
};

type Classifier = {
  classes: string[];
  prior: Float64Array;
  termLogProb: Map<string, Float64Array>; // log P(term | class)
  unseen: Float64Array; // log P(unseen term | class)
};

export type PoolModel = {
  options: ModelOptions;
  analyze: Analyzer;
  experts: number; // how many experts the statistics come from
  idf: Map<string, number>; // over profiles
  fieldIdf: Map<string, number>; // over fields
  unseenIdf: number;
  avgFieldLength: Record<FieldKind, number>;
  avgProfileLength: number;
  classifier: Classifier | null; // null when the pool declares fewer than two disciplines
  related: Map<string, { term: string; weight: number }[]>;
  latent: Latent;
};

const KINDS: FieldKind[] = ["title", "keywords", "abstract", "skills", "bio"];

export function analyseExpert(analyze: Analyzer, e: PoolExpert, o: ModelOptions = MODEL_OPTIONS): AnalysedExpert {
  const fields = e.fields.filter((f) => f.text?.trim()).map((f) => {
    const terms = analyze(f.text);
    return { kind: f.kind, counts: count(terms), length: terms.length, text: f.text };
  });
  return assemble(e.id, e.disciplines ?? [], fields, o);
}

/** An expert from term counts stored per field (lib/matching/terms), without segmenting anything. */
export function expertFromCounts(
  id: string, disciplines: string[], stored: [FieldKind, Record<string, number>, string][], o: ModelOptions = MODEL_OPTIONS,
): AnalysedExpert {
  const fields = stored.map(([kind, c, label]) => {
    const counts: Counts = new Map();
    let length = 0;
    for (const [t, n] of Object.entries(c)) {
      if (STOP.has(t)) continue;
      counts.set(t, n);
      length += n;
    }
    return { kind, counts, length, text: label };
  });
  return assemble(id, disciplines, fields, o);
}

function assemble(id: string, disciplines: string[], fields: AnalysedExpert["fields"], o: ModelOptions): AnalysedExpert {
  const profile: Counts = new Map();
  for (const f of fields) for (const [t, n] of f.counts) profile.set(t, (profile.get(t) ?? 0) + n * o.kindWeight[f.kind]);
  const profileLength = fields.reduce((a, f) => a + f.length * o.kindWeight[f.kind], 0);
  return { id, disciplines, fields, profile, profileLength };
}

function idfOf(docs: Counts[]): { idf: Map<string, number>; unseen: number } {
  const df = new Map<string, number>();
  for (const d of docs) for (const t of d.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = docs.length;
  const idf = new Map<string, number>();
  for (const [t, f] of df) idf.set(t, Math.log(1 + (n - f + 0.5) / (f + 0.5)));
  return { idf, unseen: Math.log(1 + (n + 0.5) / 0.5) };
}

/** Multinomial naive Bayes over the disciplines the pool's experts declare (sublinear counts, additive smoothing). */
function trainClassifier(experts: AnalysedExpert[], vocabulary: number): Classifier | null {
  const counts = new Map<string, Counts>();
  const members = new Map<string, number>();
  for (const e of experts) {
    for (const label of new Set(e.disciplines)) {
      members.set(label, (members.get(label) ?? 0) + 1);
      let c = counts.get(label);
      if (!c) counts.set(label, (c = new Map()));
      for (const [t, n] of e.profile) c.set(t, (c.get(t) ?? 0) + 1 + Math.log(n));
    }
  }
  const classes = [...counts.keys()].sort();
  if (classes.length < 2) return null;
  const total = [...members.values()].reduce((a, b) => a + b, 0);
  const alpha = 0.1;
  const sums = classes.map((l) => [...counts.get(l)!.values()].reduce((a, b) => a + b, 0));
  const unseen = Float64Array.from(sums, (s) => Math.log(alpha / (s + alpha * vocabulary)));
  const termLogProb = new Map<string, Float64Array>();
  classes.forEach((label, k) => {
    for (const [t, n] of counts.get(label)!) {
      let row = termLogProb.get(t);
      if (!row) termLogProb.set(t, (row = Float64Array.from(unseen)));
      row[k] = Math.log((n + alpha) / (sums[k] + alpha * vocabulary));
    }
  });
  return { classes, prior: Float64Array.from(classes, (l) => Math.log(members.get(l)! / total)), termLogProb, unseen };
}

/** Each term's partners by normalised PMI of co-occurring in a field, kept when seen together often enough. */
function relatedTerms(fields: Counts[], o: ModelOptions): Map<string, { term: string; weight: number }[]> {
  const df = new Map<string, number>();
  const pair = new Map<string, Map<string, number>>();
  for (const f of fields) {
    const terms = [...f.keys()];
    for (const t of terms) df.set(t, (df.get(t) ?? 0) + 1);
    if (terms.length > 200) continue; // a long text co-occurs with everything: it says little about any pair
    for (const a of terms) {
      let row = pair.get(a);
      if (!row) pair.set(a, (row = new Map()));
      for (const b of terms) if (a !== b) row.set(b, (row.get(b) ?? 0) + 1);
    }
  }
  const n = fields.length;
  const out = new Map<string, { term: string; weight: number }[]>();
  for (const [a, row] of pair) {
    const list: { term: string; weight: number }[] = [];
    for (const [b, together] of row) {
      if (together < o.minCooccurrence) continue;
      const pmi = Math.log((together * n) / (df.get(a)! * df.get(b)!));
      if (pmi <= 0 || together === n) continue;
      if (df.get(b)! > n / 2) continue; // in most texts: says nothing about a field
      const npmi = pmi / -Math.log(together / n); // in (0, 1]: frequent and rare pairs compare
      // Weighted by how often a text with a also has b, so a partner met once or twice by chance ranks below one
      // that comes with a nearly always (稻瘟病 → 水稻).
      list.push({ term: b, weight: npmi * (together / df.get(a)!) });
    }
    list.sort((x, y) => y.weight - x.weight || x.term.localeCompare(y.term));
    if (list.length) out.set(a, list.slice(0, 20));
  }
  return out;
}

function tfidf(counts: Counts, idf: Map<string, number>, unseen: number): Map<string, number> {
  const v = new Map<string, number>();
  for (const [t, n] of counts) if (n > 0) v.set(t, (1 + Math.log(n)) * (idf.get(t) ?? unseen));
  return v;
}

function unit(v: Map<string, number>): Map<string, number> {
  let z = 0;
  for (const w of v.values()) z += w * w;
  z = Math.sqrt(z) || 1;
  return new Map([...v].map(([t, w]) => [t, w / z]));
}

/** Fits the model from the pool (experts with their fields and declared disciplines) and domain words. */
export function fitPoolModel(pool: PoolExpert[], dictionary: readonly string[] = [], options: ModelOptions = MODEL_OPTIONS): PoolModel {
  const analyze = makeAnalyzer(dictionary);
  const step = Math.max(1, pool.length / options.sampleExperts);
  const sample: PoolExpert[] = [];
  for (let i = 0; i < pool.length && sample.length < options.sampleExperts; i = Math.floor((sample.length) * step)) sample.push(pool[i]);
  return fitAnalysed(sample.map((e) => analyseExpert(analyze, e, options)), analyze, options);
}

/** The same from experts already analysed (the app's, from stored counts), with the analyser that made them. */
export function fitAnalysed(experts: AnalysedExpert[], analyze: Analyzer, options: ModelOptions = MODEL_OPTIONS): PoolModel {
  const fields = experts.flatMap((e) => e.fields);
  const profileIdf = idfOf(experts.map((e) => e.profile));
  const fieldIdf = idfOf(fields.map((f) => f.counts));
  const avgFieldLength = {} as Record<FieldKind, number>;
  for (const kind of KINDS) {
    const of = fields.filter((f) => f.kind === kind);
    avgFieldLength[kind] = of.length ? of.reduce((a, f) => a + f.length, 0) / of.length : 1;
  }
  // A latent space needs many more texts than dimensions (five per dimension here); a tiny pool goes without.
  const dims = Math.min(options.latentDims, Math.floor(fields.length / 5));
  const latent = dims >= 10
    ? fitLatent(fields.map((f) => unit(tfidf(f.counts, fieldIdf.idf, fieldIdf.unseen))), dims)
    : { dims: 0, term: new Map() };
  return {
    options,
    analyze,
    experts: experts.length,
    idf: profileIdf.idf,
    fieldIdf: fieldIdf.idf,
    unseenIdf: fieldIdf.unseen,
    avgFieldLength,
    avgProfileLength: experts.length ? experts.reduce((a, e) => a + e.profileLength, 0) / experts.length : 1,
    classifier: trainClassifier(experts, profileIdf.idf.size),
    related: relatedTerms(fields.map((f) => f.counts), options),
    latent,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Scoring

export type NeedQuery = {
  terms: Map<string, number>; // term → weight (the need's own: 1 + ln tf; related terms less)
  expandedFrom: Map<string, string>; // related term → the need's term that brought it
  disciplines: { label: string; p: number }[]; // inferred by the classifier, most probable first
  embedding: Float32Array | null;
  selfScore: number; // the need's own text scored as a field: the scale of a perfect lexical match
};

/** The need as scoring reads it: its terms, related terms (short needs), inferred disciplines, latent vector. */
export function prepareNeedQuery(model: PoolModel, text: string): NeedQuery {
  const o = model.options;
  const own = count(model.analyze(text));
  const terms = new Map<string, number>();
  for (const [t, n] of own) terms.set(t, 1 + Math.log(n));
  const expandedFrom = new Map<string, string>();
  if (own.size < o.expandBelow && o.expansionTerms > 0) {
    // Each of the need's terms votes for its partners, weighted by its rarity.
    const votes = new Map<string, { w: number; from: string; best: number }>();
    for (const t of own.keys()) {
      const idf = model.fieldIdf.get(t) ?? 0;
      for (const r of model.related.get(t) ?? []) {
        if (own.has(r.term)) continue;
        const w = r.weight * idf;
        const v = votes.get(r.term);
        if (!v) votes.set(r.term, { w, from: t, best: w });
        else {
          v.w += w;
          if (w > v.best) [v.best, v.from] = [w, t];
        }
      }
    }
    const top = [...votes].sort((a, b) => b[1].w - a[1].w || a[0].localeCompare(b[0])).slice(0, o.expansionTerms);
    const max = top[0]?.[1].w || 1;
    // Named by the need's longest word containing the voter (search mode also yields 瘟病 from 稻瘟病).
    const whole = (t: string) => [...own.keys()].filter((x) => x.includes(t)).sort((x, y) => y.length - x.length || x.localeCompare(y))[0] ?? t;
    for (const [t, v] of top) {
      terms.set(t, o.expansionWeight * (v.w / max));
      expandedFrom.set(t, whole(v.from));
    }
  }
  let selfScore = 0;
  for (const [t, n] of own) selfScore += (1 + Math.log(n)) * (model.fieldIdf.get(t) ?? model.unseenIdf) * ((n * (o.k1 + 1)) / (n + o.k1));
  return {
    terms,
    expandedFrom,
    disciplines: classify(model, own),
    embedding: embed(model.latent, [...terms].map(([t, w]) => [t, w * (model.fieldIdf.get(t) ?? model.unseenIdf)])),
    selfScore: Math.max(selfScore, 1e-9),
  };
}

/** Posterior over the declared disciplines (top 3), tempered so that one long text does not claim certainty. */
export function classify(model: PoolModel, own: Map<string, number>): { label: string; p: number }[] {
  const c = model.classifier;
  if (!c) return [];
  const logp = Float64Array.from(c.prior);
  let seen = 0;
  for (const [t, n] of own) {
    const row = c.termLogProb.get(t);
    if (!row) continue;
    seen++;
    const tf = (1 + Math.log(n)) / model.options.classTemperature;
    for (let k = 0; k < logp.length; k++) logp[k] += tf * row[k];
  }
  if (!seen) return [];
  const max = Math.max(...logp);
  const p = Array.from(logp, (x) => Math.exp(x - max));
  const z = p.reduce((a, b) => a + b, 0);
  return p.map((x, k) => ({ label: c.classes[k], p: x / z })).sort((a, b) => b.p - a.p || a.label.localeCompare(b.label)).slice(0, 3);
}

const LENDERS = 100;

function bm25(q: NeedQuery, counts: Counts, length: number, avg: number, idf: Map<string, number>, unseen: number, o: ModelOptions) {
  let s = 0;
  const norm = o.k1 * (1 - o.b + (o.b * length) / Math.max(avg, 1));
  for (const [t, qw] of q.terms) {
    const tf = counts.get(t);
    if (!tf) continue;
    s += qw * (idf.get(t) ?? unseen) * ((tf * (o.k1 + 1)) / (tf + norm));
  }
  return s;
}

export type Relevance = {
  value: number; // in [0, 1]
  lexical: number; // the need's terms (and related terms) in the expert's fields, in [0, 1]
  latent: number; // latent similarity in [0, 1]
  terms: string[]; // the need's own terms that count most
  related: { term: string; from: string }[]; // related terms the expert has, and the need's term they came from
  bestField: string | null; // the text of the field that matched best (an achievement's title, say)
};

/**
 * Relevance of each candidate to the need. Lexical: BM25 per field (title and keyword fields weighted above
 * abstracts) combined by soft-max, beside the whole profile, on the scale of a perfect match (the need's own text);
 * latent: cosine of latent vectors; then each candidate borrows from its nearest fellow candidates (experts of one
 * field confirm each other: an expert close to several well-matching ones is likely of the need's field too).
 */
export function relevanceOf(model: PoolModel, q: NeedQuery, candidates: AnalysedExpert[]): Relevance[] {
  const o = model.options;
  const base = candidates.map((e) => {
    let soft = 0;
    let best: { s: number; text: string } | null = null;
    if (e.fields.length) {
      let acc = 0;
      for (const f of e.fields) {
        const s = (o.kindWeight[f.kind] * bm25(q, f.counts, f.length, model.avgFieldLength[f.kind], model.fieldIdf, model.unseenIdf, o)) / q.selfScore;
        acc += Math.exp(o.softmaxBeta * s);
        if (s > 0 && (!best || s > best.s)) best = { s, text: f.text };
      }
      soft = Math.log(acc / e.fields.length) / o.softmaxBeta;
    }
    const profile = bm25(q, e.profile, e.profileLength, model.avgProfileLength, model.idf, model.unseenIdf, o) / q.selfScore;
    // A perfect match scores about 1; the square root spreads the small values of partial matches.
    const raw = Math.max(0, (1 - o.profileShare) * soft + o.profileShare * profile);
    if (e.derived?.model !== model) {
      // The lexical vector only serves the neighbour graph when that is not wholly latent.
      e.derived = { model, vector: o.graphLatent < 1 ? unit(tfidf(e.profile, model.idf, model.unseenIdf)) : new Map(), embedding: embed(model.latent, [...tfidf(e.profile, model.fieldIdf, model.unseenIdf)]) };
    }
    const { vector, embedding } = e.derived;
    const latent = Math.max(0, latentCosine(q.embedding, embedding));
    const shared: [string, number][] = [];
    const related: { term: string; from: string }[] = [];
    for (const [t, w] of q.terms) {
      if (!e.profile.has(t)) continue;
      const from = q.expandedFrom.get(t);
      if (from) related.push({ term: t, from });
      else shared.push([t, w * (model.fieldIdf.get(t) ?? model.unseenIdf)]);
    }
    shared.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const names = shared.map(([t]) => t);
    const terms = names.filter((t) => !names.some((x) => x !== t && x.includes(t))).slice(0, 3);
    return { raw, latent, vector, embedding, terms, related: related.slice(0, 3), bestField: (best as { text: string } | null)?.text ?? null };
  });
  // On the scale of the best candidate, unless even the best covers little of the need (then of a full match).
  const scale = Math.max(o.fullMatch, ...base.map((b) => b.raw));
  const lexicals = base.map((b) => Math.min(1, b.raw / scale));
  const values = base.map((b, i) => (1 - o.latentShare) * lexicals[i] + o.latentShare * b.latent);
  const k = Math.min(o.neighbours, candidates.length - 1);
  // Neighbours are sought among the best-looking candidates only (a long candidate list stays linear).
  const lenders = values.map((v, j) => [v, j] as const).sort((x, y) => y[0] - x[0]).slice(0, LENDERS).map(([, j]) => j);
  return base.map((b, i) => {
    let value = values[i];
    if (k > 0 && o.neighbourShare > 0) {
      const sims = lenders.filter((j) => j !== i).map((j) => {
        const c = base[j];
        const lexical = o.graphLatent < 1 ? cosine(b.vector, c.vector) : 0;
        return [(1 - o.graphLatent) * lexical + o.graphLatent * Math.max(0, latentCosine(b.embedding, c.embedding)), j] as const;
      });
      const nearest = sims.sort((x, y) => y[0] - x[0]).slice(0, k).filter(([s]) => s > 0);
      const z = nearest.reduce((a, [s]) => a + s, 0);
      // Divided by at least 1: neighbours that are barely alike lend little.
      if (z > 0) value = (1 - o.neighbourShare) * values[i] + (o.neighbourShare * nearest.reduce((a, [s, j]) => a + s * values[j], 0)) / Math.max(1, z);
    }
    return { value: Math.min(1, Math.max(0, value)), lexical: lexicals[i], latent: b.latent, terms: b.terms, related: b.related, bestField: b.bestField };
  });
}

/** Cosine between two sparse weighted vectors. */
export function cosine(a: Map<string, number>, b: Map<string, number>): number {
  const [s, l] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, w] of s) {
    const x = l.get(t);
    if (x !== undefined) dot += w * x;
  }
  let na = 0;
  let nb = 0;
  for (const w of a.values()) na += w * w;
  for (const w of b.values()) nb += w * w;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}
