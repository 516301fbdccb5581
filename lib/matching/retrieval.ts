import type { Tx } from "@/lib/db";
import { seenFromProvincesSql } from "@/lib/experts/scope";
import { Prisma } from "@/lib/generated/prisma/client";
import { TalentCategory } from "@/lib/generated/prisma/enums";
import { expertFactColumns, expertFactExtras, queryExpertRows, type ExpertRow, type LoadedNeed } from "@/lib/matching/facts";
import { libraryFit, talentFit } from "@/lib/matching/parts";
import { closeCodes, disciplineFamily, type CodeTables, type RegionTable } from "@/lib/matching/reference";
import { termHash } from "@/lib/matching/terms";
import { termWeight } from "@/lib/matching/text";
import type { ExpertFacts } from "@/lib/matching/types";
import type { ScorePart, Weights } from "@/lib/matching/weights";

// Retrieval: the experts worth scoring for a need, found through indexes, never by scoring everyone.
//
// 1. The pool (one bitmap scan over GIN indexes): experts of the need's disciplines (or one level up or down) who
//    share one of its heaviest terms or live in its province, plus experts anywhere who share one of its rare
//    terms. Terms are weighed by the cosine they can add (the need's TF-IDF weight × the term's IDF) and judged by
//    their document frequency among experts ("MatchTermStat", kept by triggers): a term too many experts have
//    (擅长, 长期, 从事, 培训 …) never drives retrieval — it would bring in everyone — and the terms that do are taken
//    heaviest first within a budget of postings, so the pool stays one or two thousand rows at 100,000 experts.
//    Terms are tested as 32-bit hashes ("matchTermHashes"), several times cheaper per row than text arrays.
// 2. The pool is ranked in SQL by an estimate of the score from the same parts and weights (disciplines and
//    industries by closeness in the code tables; the cosine over the need's heaviest terms with the expert's
//    stored vector length; region, form, load, talent, library) and cut to `limit`. Those rows come back as one
//    JSON value with every fact scoring needs (term counts cut to the need's terms), so lib/matching/score ranks
//    them exactly without another query.
// Hard limits SQL checks cheaply (active, retired attestations, capacity, who may see whom) exclude rows here; the
// other hard filters (conflict of interest, remote, place) only push rows to the end, so lib/matching/score still
// counts them. When the pool has fewer experts than recommendations are wanted (needs with no codes or shared
// words, a province's narrow view), a wider query over the discipline family, industries and the need's terms
// fills it.
// The defaults below were measured with `npm run bench:matching` (recall@10 against scoring every expert).

/** Which experts the searcher may see: all, or one province's own plus those who share across regions. */
export type Visibility = { all: true } | { all: false; provinceCode: string };

/** How the pool is chosen. */
export type Tuning = {
  commonShare: number; // a term more than this share of experts have is common: it never drives retrieval alone
  heavyShare: number; // … nor, above this share, together with the need's disciplines
  heavyTerms: number; // the need's heaviest such terms that, with its disciplines, define the pool
  heavyBudget: number; // … taken while their document frequencies add up to at most this
  rareBudget: number; // rare terms alone (any discipline) define the pool while theirs add up to at most this
  rankTerms: number; // how many of the need's heaviest terms the SQL estimate of text relevance reads
  minPostings: number; // a term this few experts have is never too common (small databases: everything is cheap)
  textTiers: number[]; // how the rank terms are grouped in the SQL estimate (see textDot)
};
export const TUNING: Tuning = {
  commonShare: 0.05, heavyShare: 0.15, heavyTerms: 5, heavyBudget: 20_000, rareBudget: 500, rankTerms: 8, minPostings: 1_000,
  textTiers: [1, 1, 1, 5],
};

export type TermStats = { experts: number; df: Map<string, number> };

/** Document frequencies of the given terms, and the number of experts with terms. */
export async function termStats(tx: Tx, terms: string[]): Promise<TermStats> {
  const rows = await tx.$queryRaw<{ term: string; df: number }[]>`
    SELECT "term", "df" FROM "MatchTermStat" WHERE "term" = ANY(${["", ...terms]}::text[])`;
  const df = new Map(rows.map((r) => [r.term, r.df]));
  return { experts: Math.max(1, df.get("") ?? 0), df };
}

type CodeMatch = { code: string; near: string[]; siblings: string[] };

export type RetrievalPlan = {
  need: LoadedNeed;
  disciplines: CodeMatch[];
  industries: CodeMatch[];
  nearCodes: string[]; // the need's disciplines and the codes one level up or down (closeness ≥ 0.8)
  family: string[]; // with siblings too, for the wider query
  rankTerms: { term: string; hash: number; coef: number }[];
  heavy: number[]; // hashes
  rare: number[]; // hashes
  weights: Weights;
  eastProvinces: string[];
  textTiers: number[];
};

/** Chooses the terms and codes retrieval uses for a need (pure, given the term statistics). */
export function planRetrieval(need: LoadedNeed, tables: CodeTables, regions: RegionTable, stats: TermStats, weights: Weights, tuning: Tuning = TUNING): RetrievalPlan {
  // A term's share of the cosine: the need's weight times the expert's weight for it (idf, at tf 1), over the
  // need's length. Terms no expert has (df 0) cannot match and are left out.
  const norm = need.text.norm || 1;
  const terms = [...need.text.weights]
    .map(([term, w]) => ({ term, hash: termHash(term), coef: (w * termWeight(term)) / norm, df: stats.df.get(term) ?? 0 }))
    .filter((t) => t.df > 0)
    .sort((a, b) => b.coef - a.coef || (a.term < b.term ? -1 : 1));
  const pick = (share: number, budget: number, max: number) => {
    const common = Math.max(tuning.minPostings, share * stats.experts);
    const out: typeof terms = [];
    let rows = 0;
    for (const t of terms) {
      if (out.length >= max) break;
      if (t.df > common || rows + t.df > budget) continue;
      out.push(t);
      rows += t.df;
    }
    return out;
  };

  const disciplines = need.disciplineCodes.map((code) => ({ code, ...closeCodes(code, tables.disciplineParent, tables.children) }));
  return {
    need, weights, disciplines,
    industries: need.industryCodes.map((code) => ({ code, ...closeCodes(code, tables.industryParent, tables.industryChildren) })),
    nearCodes: [...new Set(disciplines.flatMap((d) => [d.code, ...d.near]))],
    family: disciplineFamily(need.disciplineCodes, tables),
    rankTerms: terms.slice(0, tuning.rankTerms).map(({ term, hash, coef }) => ({ term, hash, coef })),
    heavy: pick(tuning.heavyShare, tuning.heavyBudget, tuning.heavyTerms).map((t) => t.hash),
    rare: pick(tuning.commonShare, tuning.rareBudget, Infinity).map((t) => t.hash),
    textTiers: tuning.textTiers,
    eastProvinces: [...regions.zone].filter(([code, zone]) => code.length === 2 && zone === "EAST").map(([code]) => code),
  };
}

/** A typical length of an expert's vector, for experts whose length is not stored yet. */
const TYPICAL_NORM = 60;

const textArray = (xs: string[]) => Prisma.sql`${xs}::text[]`;
const intArray = (xs: number[]) => Prisma.sql`${xs}::int4[]`;
const num = (x: number) => Prisma.raw(Number.isFinite(x) ? x.toFixed(6) : "0");

/** lib/matching/parts.hierarchyFit estimated in SQL: the mean over the need's codes of the best closeness. */
function hierarchyEstimate(column: Prisma.Sql, matches: CodeMatch[]): Prisma.Sql {
  if (!matches.length) return Prisma.sql`0.5`;
  const each = matches.map((m) => {
    const cases = [Prisma.sql`WHEN ${column} @> ARRAY[${m.code}]::text[] THEN 1`];
    if (m.near.length) cases.push(Prisma.sql`WHEN ${column} && ${textArray(m.near)} THEN 0.8`);
    if (m.siblings.length) cases.push(Prisma.sql`WHEN ${column} && ${textArray(m.siblings)} THEN 0.5`);
    return Prisma.sql`(CASE ${Prisma.join(cases, " ")} ELSE 0 END)`;
  });
  return Prisma.sql`((${Prisma.join(each, " + ")})::float8 / ${matches.length})`;
}

/** lib/matching/parts.talentFit in SQL: the value of the expert's best category (from talentFit itself). */
function talentEstimate(): Prisma.Sql {
  const value = (c: TalentCategory[]) => talentFit({ talentCategories: c } as ExpertFacts, String).value;
  const ranked = Object.values(TalentCategory).sort((a, b) => value([b]) - value([a]));
  const cases = ranked.map((c) => Prisma.sql`WHEN '${Prisma.raw(c)}'::"TalentCategory" = ANY(e."talentCategories") THEN ${num(value([c]))}`);
  return Prisma.sql`(CASE WHEN cardinality(e."talentCategories") = 0 THEN ${num(value([]))} ${Prisma.join(cases, " ")} ELSE ${num(value([]))} END)`;
}

/**
 * The dot product of the need's heaviest terms with the expert's (at tf 1). Each array test costs about the same
 * whatever its length, so terms are tested in tiers (TUNING.textTiers: sizes, heaviest first): the three heaviest
 * alone, then one group credited with its mean weight when the expert has any of them. A group mixes weights, so
 * a common term in it is over-credited: grouping the second and third terms (tiers [1, 2, 5]) let thousands of
 * experts sharing only a common word outrank a rare-word expert in a test, and cost 1.5 points of recall@10 in the
 * benchmark; the singletons cost about nothing.
 */
function textDot(p: RetrievalPlan): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  let i = 0;
  for (const size of p.textTiers) {
    const tier = p.rankTerms.slice(i, i + size);
    i += size;
    if (!tier.length) break;
    const hashes = Prisma.raw(`ARRAY[${tier.map((t) => t.hash).join(",")}]`);
    const weight = tier.reduce((sum, t) => sum + t.coef, 0) / tier.length;
    parts.push(Prisma.sql`CASE WHEN e."matchTermHashes" && ${hashes} THEN ${num(weight)} ELSE 0 END`);
  }
  return parts.length ? Prisma.join(parts, " + ") : Prisma.sql`0`;
}

/** The SQL estimate of the score (same weights; parts SQL cannot see cheaply are left out as constants). */
function rankExpression(p: RetrievalPlan): Prisma.Sql {
  const w = p.weights;
  const n = p.need;
  const text = p.rankTerms.length
    ? Prisma.sql`sqrt(LEAST(1, (${textDot(p)}) / COALESCE(NULLIF(e."matchTermNorm", 0), ${num(TYPICAL_NORM)})))`
    : Prisma.sql`0`;
  const forms = n.forms.length
    ? Prisma.sql`(CASE WHEN cardinality(e."preferredForms") = 0 THEN 0.7
         WHEN e."preferredForms" @> ${n.forms}::"ServiceForm"[] THEN 1
         WHEN e."preferredForms" && ${n.forms}::"ServiceForm"[] THEN ${num(0.5 + 0.5 / n.forms.length)} ELSE 0.2 END)`
    : Prisma.sql`0.7`;
  const regionCases = [Prisma.sql`WHEN e."regionCode" = ${n.regionCode ?? ""} THEN 1`];
  if (n.regionCode && n.regionCode.length >= 4) regionCases.push(Prisma.sql`WHEN left(e."regionCode", 4) = ${n.regionCode.slice(0, 4)} THEN 0.85`);
  regionCases.push(Prisma.sql`WHEN e."provinceCode" = ${n.provinceCode} THEN 0.7`);
  if (n.zone === "CENTRAL" || n.zone === "WEST") regionCases.push(Prisma.sql`WHEN e."provinceCode" = ANY(${textArray(p.eastProvinces)}) THEN 0.6`);
  if (n.delivery !== "ONSITE") regionCases.push(Prisma.sql`WHEN e."acceptsRemote" THEN 0.6`);
  const region = Prisma.sql`(CASE ${Prisma.join(regionCases, " ")} ELSE 0.3 END)`;
  const library = libraryFit({ libraryStatus: "IN_LIBRARY" } as ExpertFacts).value;
  const parts: [ScorePart, Prisma.Sql][] = [
    ["discipline", hierarchyEstimate(Prisma.sql`e."disciplineCodes"`, p.disciplines)],
    ["industry", hierarchyEstimate(Prisma.sql`e."industryCodes"`, p.industries)],
    ["text", text],
    ["form", forms],
    ["region", region],
    ["load", Prisma.sql`((e."maxConcurrent" - e."activeEngagements")::float8 / GREATEST(e."maxConcurrent", 1))`],
    ["talent", talentEstimate()],
    ["library", Prisma.sql`(CASE WHEN e."libraryStatus" = 'IN_LIBRARY' THEN ${num(library)} ELSE 0 END)`],
  ];
  const used = parts.filter(([part]) => w[part] > 0);
  return used.length ? Prisma.sql`(${Prisma.join(used.map(([part, sql]) => Prisma.sql`${num(w[part])} * ${sql}`), " + ")})` : Prisma.sql`0`;
}

/**
 * The hard filters SQL can check cheaply, in lib/matching/score.hardFilter's order: rows they refuse are pushed to
 * the end rather than dropped, and counted over the whole pool so the caller can say how many were excluded.
 */
function refusedExpressions(p: RetrievalPlan): { conflict: Prisma.Sql; noRemote: Prisma.Sql; notWilling: Prisma.Sql } {
  const n = p.need;
  const conflict = n.unitId ? Prisma.sql`e."employerOrgId" IS NOT DISTINCT FROM ${n.unitId}` : Prisma.sql`FALSE`;
  const noRemote = n.delivery === "REMOTE" ? Prisma.sql`NOT e."acceptsRemote"` : Prisma.sql`FALSE`;
  const prefixes = n.regionCode ? Array.from({ length: n.regionCode.length }, (_, i) => n.regionCode!.slice(0, i + 1)) : [];
  const notWilling = n.delivery === "ONSITE" && prefixes.length
    ? Prisma.sql`(cardinality(e."serviceRegionCodes") > 0 AND NOT e."serviceRegionCodes" && ${textArray(prefixes)})`
    : Prisma.sql`FALSE`;
  return { conflict, noRemote, notWilling };
}

/** The experts list's own rule (lib/experts/scope), so the engine never recommends an expert the province cannot see. */
function visibleExpression(visibility: Visibility): Prisma.Sql {
  return visibility.all ? Prisma.sql`TRUE` : seenFromProvincesSql([visibility.provinceCode]);
}

function rankedQuery(p: RetrievalPlan, visibility: Visibility, pool: Prisma.Sql, limit: number, needIds: string[]) {
  const r = refusedExpressions(p);
  return Prisma.sql`
    SELECT ${expertFactColumns([...p.need.text.weights.keys()])}, ${expertFactExtras(needIds)}, x."estimate",
           x."conflicts", x."noRemote", x."notWilling", e."matchTermsAt" AS "termsAt", e."matchFieldCounts" AS "fieldCounts"
      FROM (
        SELECT y."id", y."estimate",
               count(*) FILTER (WHERE y."conflict") OVER () AS "conflicts",
               count(*) FILTER (WHERE y."noRemote" AND NOT y."conflict") OVER () AS "noRemote",
               count(*) FILTER (WHERE y."notWilling" AND NOT y."conflict" AND NOT y."noRemote") OVER () AS "notWilling"
          FROM (
            SELECT e."id", ${rankExpression(p)} AS "estimate",
                   ${r.conflict} AS "conflict", ${r.noRemote} AS "noRemote", ${r.notWilling} AS "notWilling"
              FROM "ExpertProfile" e
             WHERE e."status" = 'ACTIVE'
               AND e."activeEngagements" < e."maxConcurrent"
               AND (NOT e."isRetired" OR (e."healthAttestedAt" IS NOT NULL AND e."consentAttestedAt" IS NOT NULL))
               AND ${visibleExpression(visibility)}
               AND (${pool})
            OFFSET 0) y
         ORDER BY (y."conflict" OR y."noRemote" OR y."notWilling"), y."estimate" DESC, y."id"
         LIMIT ${limit}) x
      JOIN "ExpertProfile" e ON e."id" = x."id"`;
}

/** The pool of the first query, or null when the need has neither terms experts share nor disciplines. */
function narrowPool(p: RetrievalPlan): Prisma.Sql | null {
  const parts: Prisma.Sql[] = [];
  if (p.nearCodes.length) {
    // One scan of the discipline index serves both: heavy terms within the field, and the field in the province.
    const within = [Prisma.sql`e."provinceCode" = ${p.need.provinceCode}`];
    if (p.heavy.length) within.unshift(Prisma.sql`e."matchTermHashes" && ${intArray(p.heavy)}`);
    parts.push(Prisma.sql`(e."disciplineCodes" && ${textArray(p.nearCodes)} AND (${Prisma.join(within, " OR ")}))`);
  }
  if (p.rare.length) parts.push(Prisma.sql`e."matchTermHashes" && ${intArray(p.rare)}`);
  return parts.length ? Prisma.join(parts, " OR ") : null;
}

function widePool(p: RetrievalPlan): Prisma.Sql {
  const parts = [Prisma.sql`e."disciplineCodes" && ${textArray(p.family)}`, Prisma.sql`e."industryCodes" && ${textArray(p.need.industryCodes)}`];
  if (p.rankTerms.length) parts.push(Prisma.sql`e."matchTermHashes" && ${intArray(p.rankTerms.map((t) => t.hash))}`);
  return Prisma.join(parts, " OR ");
}

/** How many experts the first query ranks for a plan (benchmarks report it). */
export async function poolSize(tx: Tx, p: RetrievalPlan, visibility: Visibility): Promise<number> {
  const pool = narrowPool(p) ?? widePool(p);
  const [r] = await tx.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM "ExpertProfile" e
     WHERE e."status" = 'ACTIVE' AND e."activeEngagements" < e."maxConcurrent"
       AND (NOT e."isRetired" OR (e."healthAttestedAt" IS NOT NULL AND e."consentAttestedAt" IS NOT NULL))
       AND ${visibleExpression(visibility)} AND (${pool})`;
  return r.n;
}

/** The first retrieval query for a plan (for EXPLAIN in benchmarks and tests). */
export function retrievalQuery(p: RetrievalPlan, visibility: Visibility, limit: number, wide = false): Prisma.Sql {
  return rankedQuery(p, visibility, (wide ? null : narrowPool(p)) ?? widePool(p), limit, [p.need.id]);
}

export type RetrievedRow = ExpertRow & { estimate: number; conflicts: number; noRemote: number; notWilling: number };

/**
 * The `limit` best-looking candidates for a need, with their facts (rows for lib/matching/facts.toExpertFacts),
 * and how many experts of the pool the SQL-checked hard filters refused. The wider query runs only when the pool
 * has fewer than `minimum` (the recommendations wanted). `needIds`: the needs whose declines to load.
 */
export async function retrieveCandidates(tx: Tx, p: RetrievalPlan, visibility: Visibility, limit: number, minimum = limit, needIds = [p.need.id]) {
  const narrow = narrowPool(p);
  let rows = narrow ? await queryExpertRows<RetrievedRow>(tx, rankedQuery(p, visibility, narrow, limit, needIds)) : [];
  if (rows.length < Math.min(minimum, limit)) rows = await queryExpertRows<RetrievedRow>(tx, rankedQuery(p, visibility, widePool(p), limit, needIds));
  const first = rows[0];
  const refused: Partial<Record<"CONFLICT" | "NO_REMOTE" | "NOT_WILLING", number>> = first
    ? { CONFLICT: Number(first.conflicts), NO_REMOTE: Number(first.noRemote), NOT_WILLING: Number(first.notWilling) }
    : {};
  return { rows, refused };
}
