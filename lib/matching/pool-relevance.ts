import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { LoadedNeed } from "@/lib/matching/facts";
import type { PartResult } from "@/lib/matching/parts";
import {
  analyseExpert, expertFromCounts, fitAnalysed, MODEL_OPTIONS, prepareNeedQuery, relevanceOf, STOP,
  type AnalysedExpert, type Analyzer, type NeedQuery, type PoolExpert, type PoolModel,
} from "@/lib/matching/pool-model";
import type { StoredField } from "@/lib/matching/terms";
import { tokenize } from "@/lib/matching/text";
import type { ExpertFacts } from "@/lib/matching/types";

// The app's side of the pool model (lib/matching/pool-model): fitted from the experts in the database and the
// reference tables, and used to score the text part of retrieved candidates. Everything here is a cache that any
// instance rebuilds from the database: the model (refitted in the background after REFIT_MS, the old one serving
// meanwhile), analysed experts (by id and the time their terms were computed) and prepared needs (by version).
// Experts are read from the term counts kept per field (lib/matching/terms, "matchFieldCounts"), which retrieval
// returns with its candidates (no query of its own on the request's path), segmented by the
// engine's tokenizer (lib/matching/text), so the app's model segments needs the same way; the domain dictionary of
// `npm run match` (discipline, industry and menu names) is not used here, since stored counts were made without it
// (on the CSL dev set it changes NDCG@10 by less than 0.001).

const REFIT_MS = 30 * 60_000;
const SAMPLE = 1200;

// Which pool a model was fitted on: the database and its number of experts with terms (kept by triggers in
// "MatchTermStat", so this is one index lookup). A different database or a changed pool means another model.
// One holder per process on globalThis: Next loads this module once per bundle (pages, route handlers, the start-up
// hook that fits the model early), and a model is seconds of CPU to fit, so every copy of the module shares it.
type Holder = {
  current: { at: number; key: string; model: Promise<PoolModel | null> } | null;
  refitting: boolean;
  lastKey: { at: number; key: string } | null;
  analysed: Map<string, AnalysedExpert>;
  queries: Map<string, NeedQuery>;
};
const shared: Holder = ((globalThis as { [key: symbol]: Holder | undefined })[Symbol.for("esp.poolModel")] ??= {
  current: null, refitting: false, lastKey: null, analysed: new Map(), queries: new Map(),
});

type ProfileRow = {
  id: string; skills: string[]; bio: string; disciplineCodes: string[];
  achievements: { title: string; abstract: string }[] | null; fields: StoredField[] | null;
};

// The app segments text as the stored match terms were segmented (lib/matching/text), so a need's terms meet the
// counts kept per field; the pool model's stop words are dropped on top.
const appAnalyzer: Analyzer = (text) => tokenize(text).filter((t) => !STOP.has(t));

/** An expert as scoring reads it: from the counts stored per field, or (not computed yet) by segmenting the texts. */
function asAnalysed(r: ProfileRow, model: { options: PoolModel["options"] } | null): AnalysedExpert {
  const options = model?.options ?? MODEL_OPTIONS;
  if (r.fields?.length) return expertFromCounts(r.id, r.disciplineCodes ?? [], r.fields, options);
  return analyseExpert(appAnalyzer, poolExpertOf(r), options);
}

function poolExpertOf(r: ProfileRow): PoolExpert {
  const fields: PoolExpert["fields"] = [];
  if (r.skills?.length) fields.push({ kind: "skills", text: r.skills.join("、") });
  if (r.bio) fields.push({ kind: "bio", text: r.bio });
  for (const a of r.achievements ?? []) {
    fields.push({ kind: "title", text: a.title });
    if (a.abstract) fields.push({ kind: "abstract", text: a.abstract });
  }
  return { id: r.id, disciplines: r.disciplineCodes ?? [], fields };
}

const PROFILE_COLUMNS = Prisma.sql`
  e."id", e."disciplineCodes", e."matchFieldCounts" AS "fields",
  CASE WHEN e."matchFieldCounts" IS NULL THEN e."skills" END AS "skills", CASE WHEN e."matchFieldCounts" IS NULL THEN e."bio" END AS "bio",
  CASE WHEN e."matchFieldCounts" IS NULL THEN
    (SELECT json_agg(json_build_object('title', a."title", 'abstract', a."abstract") ORDER BY a."id")
       FROM "ExpertAchievement" a WHERE a."expertId" = e."id") END AS "achievements"`;

async function profileRows(tx: Tx, where: "sample" | string[]): Promise<ProfileRow[]> {
  const query = where === "sample"
    ? Prisma.sql`SELECT ${PROFILE_COLUMNS} FROM "ExpertProfile" e ORDER BY md5(e."id") LIMIT ${SAMPLE}`
    : Prisma.sql`SELECT ${PROFILE_COLUMNS} FROM "ExpertProfile" e WHERE e."id" = ANY(${where}::text[])`;
  const [r] = await tx.$queryRaw<{ rows: ProfileRow[] }[]>`SELECT coalesce(json_agg(t), '[]'::json) AS "rows" FROM (${query}) t`;
  return r.rows;
}

async function fit(tx: Tx): Promise<PoolModel | null> {
  const rows = await profileRows(tx, "sample");
  if (!rows.length) return null;
  return fitAnalysed(rows.map((r) => asAnalysed(r, null)), appAnalyzer, MODEL_OPTIONS);
}

// The key is looked up at most every KEY_MS: a pool that grows by a twentieth in a few seconds can wait that long.
const KEY_MS = 5_000;

async function poolKey(tx: Tx): Promise<string> {
  if (shared.lastKey && Date.now() - shared.lastKey.at < KEY_MS) return shared.lastKey.key;
  const [r] = await tx.$queryRaw<{ db: string; n: number | null }[]>`
    SELECT current_database()::text AS "db", (SELECT "df" FROM "MatchTermStat" WHERE "term" = '')::int AS "n"`;
  shared.lastKey = { at: Date.now(), key: `${r.db}:${r.n ?? 0}` };
  return shared.lastKey.key;
}

/**
 * The pool's model (null for an empty pool). Refitted when the pool's size changes; after REFIT_MS a stale one
 * keeps serving while its successor is fitted, so no request waits for a refit of a pool it already has a model of.
 */
export async function poolModel(tx: Tx): Promise<PoolModel | null> {
  const key = await poolKey(tx);
  if (!shared.current || shared.current.key.split(":")[0] !== key.split(":")[0] || Math.abs(Number(shared.current.key.split(":")[1]) - Number(key.split(":")[1])) > Math.max(5, 0.05 * Number(key.split(":")[1]))) {
    // No model of this pool yet, or the pool changed by more than a twentieth: fit now.
    const model = fit(tx);
    const mine = { at: Date.now(), key, model };
    shared.current = mine;
    model.catch(() => void (shared.current === mine && (shared.current = null)));
    return model;
  }
  if (Date.now() - shared.current.at > REFIT_MS && !shared.refitting) {
    shared.refitting = true;
    fit(tx)
      .then((model) => void (shared.current = { at: Date.now(), key, model: Promise.resolve(model) }))
      .catch(() => undefined)
      .finally(() => void (shared.refitting = false));
  }
  return shared.current.model;
}

/** Forget the fitted model (tests that change the pool, the refit command). */
export function resetPoolModel() {
  shared.current = null;
  shared.lastKey = null;
  shared.analysed.clear();
  shared.queries.clear();
}

const MEMO_MAX = 20_000;
const { analysed, queries } = shared;

function remember<T>(memo: Map<string, T>, key: string, value: T) {
  if (memo.size >= MEMO_MAX) memo.delete(memo.keys().next().value as string);
  memo.set(key, value);
}

/**
 * The candidates as the model reads them: from the counts retrieval returned with them (memoised by id and the
 * time the counts were computed), else — facts loaded another way, or counts not computed yet — read by id.
 */
async function analysedExperts(tx: Tx, model: PoolModel, experts: ExpertFacts[]): Promise<Map<string, AnalysedExpert>> {
  const out = new Map<string, AnalysedExpert>();
  const missing: string[] = [];
  for (const e of experts) {
    if (out.has(e.id)) continue;
    const stored = e.stored;
    if (!stored?.fields?.length) {
      missing.push(e.id);
      continue;
    }
    const key = stored.at === null ? null : `${e.id}:${stored.at}`;
    let a = key ? analysed.get(key) : undefined;
    if (!a) {
      a = expertFromCounts(e.id, e.disciplineCodes, stored.fields, model.options);
      if (key) remember(analysed, key, a);
    }
    out.set(e.id, a);
  }
  if (missing.length) {
    for (const r of await profileRows(tx, missing)) out.set(r.id, asAnalysed(r, model));
  }
  return out;
}

function queryOf(model: PoolModel, need: LoadedNeed): NeedQuery {
  const key = `${need.id}:${need.contentKey}`;
  const hit = queries.get(key);
  if (hit) return hit;
  const q = prepareNeedQuery(model, need.content);
  remember(queries, key, q);
  return q;
}

/** The text part and inferred disciplines computed for some needs × candidates (see Scorer.relevance). */
export type RelevanceTable = { text: Map<string, PartResult>; inferred: Map<string, { codes: string[]; p: number }> };

export const pairKey = (needId: string, expertId: string) => `${needId}|${expertId}`;

/**
 * Scores the text of each need against its candidates with the pool model, and infers the disciplines of needs
 * that name none. The candidates of one need are scored together (they lend each other evidence of field).
 */
export async function poolRelevance(tx: Tx, sets: { need: LoadedNeed; experts: ExpertFacts[] }[]): Promise<RelevanceTable | null> {
  const model = await poolModel(tx);
  if (!model) return null;
  const byId = await analysedExperts(tx, model, sets.flatMap((s) => s.experts));
  const table: RelevanceTable = { text: new Map(), inferred: new Map() };
  for (const { need, experts } of sets) {
    const q = queryOf(model, need);
    const top = q.disciplines[0];
    if (!need.disciplineCodes.length && top && top.p >= 0.3) table.inferred.set(need.id, { codes: q.disciplines.filter((d) => d.p >= 0.3).map((d) => d.label), p: top.p });
    const candidates = experts.map((e) => byId.get(e.id)).filter((e): e is AnalysedExpert => !!e);
    const rel = relevanceOf(model, q, candidates);
    candidates.forEach((c, i) => {
      const r = rel[i];
      const said: string[] = [];
      // Parts that wrap at their punctuation on a phone (components/matches/score.tsx): no brackets inside a part.
      if (r.terms.length) said.push(`共同关键词：${r.terms.join("、")}`);
      if (r.related.length) said.push(`相关概念：${r.related.map((x) => `${x.from}→${x.term}`).join("、")}`);
      if (r.bestField && r.value >= 0.3) said.push(`最相关成果或专长：${r.bestField.length > 12 ? `${r.bestField.slice(0, 12)}…` : r.bestField}`);
      table.text.set(pairKey(need.id, c.id), { value: r.value, detail: said.length && r.value >= 0.3 ? `内容相关：${said.join("；")}` : undefined });
    });
  }
  return table;
}
