import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ServiceForm } from "@/lib/generated/prisma/enums";
import { loadExpertFacts, NEED_FACT_COLUMNS, toNeedFacts, type LoadedNeed, type NeedRow } from "@/lib/matching/facts";
import { poolRelevance } from "@/lib/matching/pool-relevance";
import { loadScorer } from "@/lib/matching/recommend";
import { codeTables, disciplineFamily } from "@/lib/matching/reference";
import { combine, hardFilter, scoreBound, scoreParts, type HardFilter, type Scored, type Scorer } from "@/lib/matching/score";
import type { ExpertFacts } from "@/lib/matching/types";
import type { Weights } from "@/lib/matching/weights";
import { searchTerms } from "@/lib/search/text";

// Needs for an expert: the mirror of recommendExperts. Retrieval in PostgreSQL (OPEN needs whose discipline codes
// meet the expert's discipline family or whose industry codes meet the expert's, through the GIN indexes on
// Need.disciplineCodes / industryCodes; the list filters in the same query), then the same scoring and weights.
// Filters about the expert alone (not matchable, every place taken) would remove every need, so they are reported
// once as `blocked` and the needs are still listed and scored; filters about the pair remove the need.

export type NeedRecommendation = Scored & { needId: string };

export type NeedsForExpertOptions = {
  q?: string; // search text (编号、标题、单位… — the need's trigger-kept searchText)
  provinceCode?: string;
  form?: ServiceForm;
  page?: number; // from 1
  pageSize?: number;
  candidates?: number; // how many needs retrieval hands to scoring
  weights?: Weights;
};

export type NeedsForExpert = {
  rows: NeedRecommendation[];
  total: number;
  page: number;
  pageSize: number;
  /** How many retrieved needs each pair filter removed. */
  filtered: Partial<Record<HardFilter, number>>;
  candidates: number;
  /** Why the expert cannot take on any need right now (still shown the needs), or null. */
  blocked: Extract<HardFilter, "UNMATCHABLE" | "AT_CAPACITY"> | null;
};

const emptyArray = Prisma.sql`ARRAY[]::text[]`;
const textArray = (xs: string[]) => (xs.length ? Prisma.sql`ARRAY[${Prisma.join(xs)}]::text[]` : emptyArray);
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The expert as retrieval reads them (a caller that has already read the profile passes it instead of the id). */
export type NeedsExpert = { id: string; disciplineCodes: string[]; industryCodes: string[]; provinceCode: string };

/**
 * OPEN needs in the expert's fields, best code overlap first (the expert's own province breaks ties), with what
 * scoring reads of them: one query.
 */
async function candidateNeeds(
  tx: Tx,
  expert: NeedsExpert & { family: string[] },
  options: NeedsForExpertOptions,
  limit: number,
): Promise<LoadedNeed[]> {
  if (!expert.family.length && !expert.industryCodes.length) return [];
  const codes = textArray(expert.disciplineCodes);
  const family = textArray(expert.family);
  const industries = textArray(expert.industryCodes);
  const filters: Prisma.Sql[] = [];
  for (const term of searchTerms(options.q)) filters.push(Prisma.sql`AND n."searchText" LIKE ${`%${likeEscape(term)}%`}`);
  if (options.provinceCode) filters.push(Prisma.sql`AND n."provinceCode" = ${options.provinceCode}`);
  if (options.form) {
    filters.push(Prisma.sql`AND EXISTS (SELECT 1 FROM "NeedMenuItem" nm JOIN "ServiceMenuItem" mi ON mi."id" = nm."menuItemId"
                                         WHERE nm."needId" = n."id" AND mi."form" = ${options.form}::"ServiceForm")`);
  }
  const rows = await tx.$queryRaw<NeedRow[]>`
    WITH c AS (
      SELECT n."id" FROM "Need" n
       WHERE n."state" = 'OPEN'
         AND (n."disciplineCodes" && ${family} OR n."industryCodes" && ${industries})
         AND NOT EXISTS (SELECT 1 FROM "Match" m WHERE m."needId" = n."id" AND m."expertId" = ${expert.id} AND m."state" = 'DECLINED')
         ${filters.length ? Prisma.join(filters, " ") : Prisma.empty}
       ORDER BY
         3 * (n."disciplineCodes" && ${codes})::int
         + (n."disciplineCodes" && ${family})::int
         + (n."industryCodes" && ${industries})::int
         + (n."provinceCode" = ${expert.provinceCode})::int DESC,
         n."createdAt" DESC, n."id"
       LIMIT ${limit})
    SELECT ${NEED_FACT_COLUMNS} FROM c JOIN "Need" n ON n."id" = c."id" JOIN "Region" r ON r."code" = n."regionCode"`;
  return rows.map(toNeedFacts);
}

// Bound and score are both rounded by combine (monotone), so the bound is never below the score; the margin is
// one rounding step of slack against floating-point surprises, costing at most a few extra needs scored.
const BOUND_MARGIN = 1e-4;

/**
 * OPEN needs recommended for an expert, best first, one page at a time; null when the expert does not exist.
 * Needs the expert declined are never listed; needs they were invited to or applied for are (the page shows the state).
 * Every retrieved need passes the hard filters, but only those that can reach the requested page are scored with
 * the pool model: each need's score is bounded from the parts that do not read the model (scoreBound), the best
 * `page × pageSize` by bound are scored, and then any other whose bound reaches the last of those scores. A need
 * left out scores below that many needs, so the page, its order and its scores are those of scoring every need.
 */
export async function recommendNeeds(tx: Tx, expertOrId: string | NeedsExpert, options: NeedsForExpertOptions = {}): Promise<NeedsForExpert | null> {
  const profile = typeof expertOrId === "string"
    ? await tx.expertProfile.findUnique({
      where: { id: expertOrId }, select: { id: true, disciplineCodes: true, industryCodes: true, provinceCode: true },
    })
    : expertOrId;
  if (!profile) return null;
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const pageSize = Math.min(100, Math.max(1, Math.floor(options.pageSize ?? 20)));
  const tables = await codeTables(tx);
  // Retrieval never returns a need the expert declined, so the facts need no declines.
  const [[expert], needs, scorer] = await Promise.all([
    loadExpertFacts(tx, [profile.id], [], true),
    candidateNeeds(tx, { ...profile, family: disciplineFamily(profile.disciplineCodes, tables) }, options, options.candidates ?? 500),
    loadScorer(tx, options.weights),
  ]);
  if (!expert) return null;

  // The same checks, in the same order, as the first two of hardFilter.
  const blocked: NeedsForExpert["blocked"] = !expert.matchable ? "UNMATCHABLE" : expert.activeEngagements >= expert.maxConcurrent ? "AT_CAPACITY" : null;
  // Pair filters are checked as if the expert had a free place, so that a busy expert still sees where they fit.
  const free: ExpertFacts = { ...expert, matchable: true, activeEngagements: Math.min(expert.activeEngagements, expert.maxConcurrent - 1) };
  const filtered: Partial<Record<HardFilter, number>> = {};
  const eligible: { need: LoadedNeed; bound: number }[] = [];
  for (const need of needs) {
    const f = hardFilter(need, free);
    if (f) filtered[f] = (filtered[f] ?? 0) + 1;
    else eligible.push({ need, bound: scoreBound(need, expert, scorer) });
  }
  eligible.sort((a, b) => b.bound - a.bound || a.need.id.localeCompare(b.need.id));

  // Without a block this is exactly scorePair (hard filters, then the weighted parts).
  const score = async (batch: LoadedNeed[]): Promise<NeedRecommendation[]> => {
    if (!batch.length) return [];
    const relevance = await poolRelevance(tx, batch.map((need) => ({ need, experts: [expert] })));
    const s: Scorer = { ...scorer, relevance };
    return batch.map((need) => ({ needId: need.id, ...combine(scoreParts(need, expert, s), s.weights) }));
  };
  const byRank = (a: NeedRecommendation, b: NeedRecommendation) => b.score - a.score || a.needId.localeCompare(b.needId);
  const wanted = page * pageSize;
  const scored = await score(eligible.slice(0, wanted).map((e) => e.need));
  scored.sort(byRank);
  if (eligible.length > wanted) {
    const last = scored[wanted - 1].score;
    scored.push(...(await score(eligible.slice(wanted).filter((e) => e.bound + BOUND_MARGIN >= last).map((e) => e.need))));
    scored.sort(byRank);
  }
  return {
    rows: scored.slice((page - 1) * pageSize, wanted),
    total: eligible.length,
    page,
    pageSize,
    filtered,
    candidates: needs.length,
    blocked,
  };
}
