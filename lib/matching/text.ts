import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict";

// Text relevance between a need and an expert (skills, biography, achievements): Chinese is segmented with jieba
// (search mode, so 猕猴桃 also yields 猕猴), English and pinyin-free Latin words are lower-cased and lightly
// stemmed, and both sides become TF-IDF vectors compared by cosine. The same code serves the app and the
// `npm run match -- affinity` command.

export type TermVector = { weights: Map<string, number>; norm: number };

let segmenter: Jieba | null = null;
let chineseIdf: Map<string, number> | null = null;
let medianIdf = 10;

function jieba(): Jieba {
  segmenter ??= Jieba.withDict(dict);
  return segmenter;
}

/** jieba's IDF table (from a large general corpus): rare words weigh more than common ones. */
function idfTable(): Map<string, number> {
  if (chineseIdf) return chineseIdf;
  // Resolved from the project root at run time: the bundler cannot handle a data file as a module.
  const require = createRequire(path.join(process.cwd(), "package.json"));
  const text = readFileSync(require.resolve("@node-rs/jieba/idf.txt"), "utf8");
  const table = new Map<string, number>();
  const values: number[] = [];
  for (const line of text.split("\n")) {
    const space = line.lastIndexOf(" ");
    if (space <= 0) continue;
    const value = Number(line.slice(space + 1));
    table.set(line.slice(0, space), value);
    values.push(value);
  }
  values.sort((a, b) => a - b);
  medianIdf = values[Math.floor(values.length / 2)] ?? medianIdf;
  chineseIdf = table;
  return table;
}

const CJK = /[\u3400-\u9fff]/u;
const LATIN_WORD = /^[a-z][a-z0-9-]*$/;

// Words that say nothing about a field of expertise.
const STOP = new Set([
  "the", "and", "for", "with", "from", "that", "this", "are", "was", "were", "its", "into", "via", "using", "based",
  "of", "in", "on", "to", "by", "an", "as", "at", "or", "is", "be", "we", "our", "study", "research", "analysis",
  "研究", "技术", "问题", "工作", "开展", "进行", "相关", "提供", "需要", "我们", "主要", "方面", "情况", "一个",
  "没有", "通过", "以及", "能够", "提高", "提升", "加强", "推进", "实现", "服务", "专家", "基层", "单位", "项目",
  "希望", "目前", "存在", "缺乏", "缺少", "当地", "有限", "解决", "建立", "发展", "我县", "我社", "我院", "我校",
]);

/** A light English stemmer: enough to meet "diseases"/"disease", "grafting"/"graft". */
function stem(word: string): string {
  if (word.length <= 4) return word;
  if (word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.endsWith("sses")) return word.slice(0, -2);
  if (word.endsWith("ing") && word.length > 6) return word.slice(0, -3);
  if (word.endsWith("ed") && word.length > 5) return word.slice(0, -2);
  if (word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us") && !word.endsWith("is")) return word.slice(0, -1);
  return word;
}

/** The terms of a text: Chinese words of two or more characters, and stemmed Latin words. */
export function tokenize(text: string): string[] {
  if (!text) return [];
  const out: string[] = [];
  for (const raw of jieba().cutForSearch(text.toLowerCase(), true)) {
    const token = raw.trim();
    if (!token) continue;
    if (CJK.test(token)) {
      if ([...token].length >= 2 && !STOP.has(token)) out.push(token);
    } else if (LATIN_WORD.test(token) && token.length >= 2 && !STOP.has(token)) {
      out.push(stem(token));
    }
  }
  return out;
}

/** Weight of a term: jieba's IDF for Chinese words; for Latin words a fixed, fairly high weight. */
export function termWeight(term: string): number {
  if (CJK.test(term)) return idfTable().get(term) ?? medianIdf;
  return 9;
}

/** How often each term occurs in the texts (what the database keeps per expert, in matchTermCounts). */
export function termCounts(texts: (string | null | undefined)[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const text of texts) for (const t of tokenize(text ?? "")) counts[t] = (counts[t] ?? 0) + 1;
  return counts;
}

/** A TF-IDF vector with sublinear term frequency (1 + ln tf). */
export function vectorFromCounts(counts: Record<string, number>): TermVector {
  const weights = new Map<string, number>();
  let sum = 0;
  for (const [term, tf] of Object.entries(counts)) {
    if (!(tf > 0)) continue;
    const w = (1 + Math.log(tf)) * termWeight(term);
    weights.set(term, w);
    sum += w * w;
  }
  return { weights, norm: Math.sqrt(sum) };
}

export function termVector(texts: (string | null | undefined)[]): TermVector {
  return vectorFromCounts(termCounts(texts));
}

/** The k heaviest terms of a vector (what retrieval looks up in the token index). */
export function topTerms(vector: TermVector, k: number): string[] {
  return [...vector.weights].sort((a, b) => b[1] - a[1]).slice(0, k).map(([t]) => t);
}

/** The texts of an expert that text relevance reads, in one place for the app, the seed and the CLI. */
export function expertTexts(e: { skills?: string[]; bio?: string | null; achievements?: { title: string; abstract?: string | null }[] }): string[] {
  return [...(e.skills ?? []), e.bio ?? "", ...(e.achievements ?? []).flatMap((a) => [a.title, a.abstract ?? ""])];
}

/** Cosine similarity in [0, 1], and the shared terms that contribute most (for the explanation). */
export function relevance(a: TermVector, b: TermVector, topTerms = 3): { value: number; terms: string[] } {
  if (!a.norm || !b.norm) return { value: 0, terms: [] };
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  let dot = 0;
  const shared: [string, number][] = [];
  for (const [term, w] of small.weights) {
    const other = large.weights.get(term);
    if (other === undefined) continue;
    dot += w * other;
    shared.push([term, w * other]);
  }
  shared.sort((x, y) => y[1] - x[1]);
  // Drop terms contained in a longer shared term (猕猴 inside 猕猴桃) from the explanation.
  const names = shared.map(([t]) => t);
  const terms = names.filter((t) => !names.some((o) => o !== t && o.includes(t))).slice(0, topTerms);
  return { value: Math.min(1, dot / (a.norm * b.norm)), terms };
}
