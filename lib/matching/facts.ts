import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DeliveryMode, ExpertStatus, LibraryStatus, ServiceForm, TalentCategory } from "@/lib/generated/prisma/enums";
import { matchability } from "@/lib/experts/eligibility";
import { regionTable, type RegionTable } from "@/lib/matching/reference";
import type { StoredField } from "@/lib/matching/terms";
import { termVector, vectorFromCounts, type TermVector } from "@/lib/matching/text";
import type { ExpertFacts, NeedFacts } from "@/lib/matching/types";

// Loads what the engine scores from PostgreSQL, each with one raw query: needs, and experts (by id, or as the rows
// retrieval returns — both use the columns below, so an expert's facts are the same whichever way they came).

export type LoadedNeed = NeedFacts & { provinceCode: string; expertsWanted: number; content: string; contentKey: string };

export type NeedRow = {
  id: string; unitId: string; title: string; bottleneck: string; expectedOutcome: string; disciplineCodes: string[];
  industryCodes: string[]; regionCode: string; provinceCode: string; delivery: DeliveryMode; windowStart: Date | null;
  windowEnd: Date | null; expertsWanted: number; zone: NeedFacts["zone"]; forms: ServiceForm[] | null; version: number; updatedAt: Date;
};

// Segmenting a need's text is the costly part of its facts; needs change rarely, so vectors are kept per version
// (a memo in each instance: a second instance computes its own, nothing is shared state).
const TEXT_CACHE_MAX = 5000;
const textCache = new Map<string, TermVector>();

function needText(key: string, texts: string[]): TermVector {
  const hit = textCache.get(key);
  if (hit) return hit;
  const vector = termVector(texts);
  if (textCache.size >= TEXT_CACHE_MAX) textCache.delete(textCache.keys().next().value as string);
  textCache.set(key, vector);
  return vector;
}

/** The need columns scoring reads, for a query over "Need" n joined to its "Region" r (enums as text for the raw driver). */
export const NEED_FACT_COLUMNS = Prisma.sql`
  n."id", n."unitId", n."title", n."bottleneck", n."expectedOutcome", n."disciplineCodes", n."industryCodes",
  n."regionCode", n."provinceCode", n."delivery"::text AS "delivery", n."windowStart", n."windowEnd",
  n."expertsWanted", n."version", n."updatedAt", r."zone"::text AS "zone",
  ARRAY(SELECT DISTINCT s."form"::text FROM "NeedMenuItem" m JOIN "ServiceMenuItem" s ON s."id" = m."menuItemId"
         WHERE m."needId" = n."id") AS "forms"`;

/** A row selected with NEED_FACT_COLUMNS as the engine scores it. */
export function toNeedFacts(n: NeedRow): LoadedNeed {
  return {
    id: n.id, unitId: n.unitId, disciplineCodes: n.disciplineCodes, industryCodes: n.industryCodes, forms: n.forms ?? [],
    regionCode: n.regionCode, zone: n.zone, delivery: n.delivery,
    window: n.windowStart && n.windowEnd ? { start: n.windowStart, end: n.windowEnd } : null,
    text: needText(`${n.id}:${n.version}:${new Date(n.updatedAt).getTime()}`, [n.title, n.bottleneck, n.expectedOutcome]), provinceCode: n.provinceCode, expertsWanted: n.expertsWanted,
    // The pool model reads the title twice: it states the problem, the rest describes it (as `npm run match` does).
    content: [n.title, n.title, n.bottleneck, n.expectedOutcome].join("\n"), contentKey: `${n.version}:${new Date(n.updatedAt).getTime()}`,
  };
}

/** Several needs at once (batch proposals, needs for an expert); unknown ids are left out. */
export async function loadNeedsFacts(tx: Tx, needIds: string[]): Promise<LoadedNeed[]> {
  if (!needIds.length) return [];
  const rows = await tx.$queryRaw<NeedRow[]>`
    SELECT ${NEED_FACT_COLUMNS} FROM "Need" n JOIN "Region" r ON r."code" = n."regionCode" WHERE n."id" = ANY(${needIds}::text[])`;
  return rows.map(toNeedFacts);
}

export async function loadNeedFacts(tx: Tx, needId: string): Promise<LoadedNeed | null> {
  return (await loadNeedsFacts(tx, [needId]))[0] ?? null;
}

/** The expert columns scoring reads, for a query over "ExpertProfile" e (enums as text for the raw driver). */
export const EXPERT_FACT_COLUMNS = expertFactColumns(null);

/**
 * The same, with the term counts cut down to the given terms when the expert's vector length is stored: a
 * vector of just the need's terms with the full length gives exactly the same relevance to that need (only
 * shared terms add to the dot product), and ships a fraction of the JSON.
 */
export function expertFactColumns(onlyTerms: string[] | null) {
  const counts = onlyTerms
    ? Prisma.sql`CASE WHEN e."matchTermNorm" IS NULL THEN e."matchTermCounts"
        ELSE (SELECT jsonb_object_agg(c.key, c.value) FROM jsonb_each(e."matchTermCounts") c WHERE c.key = ANY(${onlyTerms}::text[])) END`
    : Prisma.sql`e."matchTermCounts"`;
  return Prisma.sql`
  e."id", e."employerOrgId", e."disciplineCodes", e."industryCodes", e."preferredForms"::text[] AS "preferredForms",
  e."regionCode", e."serviceRegionCodes", e."acceptsRemote", e."maxConcurrent", e."activeEngagements",
  e."status"::text AS "status", e."isRetired", e."healthAttestedAt", e."consentAttestedAt", e."lastConfirmedAt",
  e."talentCategories"::text[] AS "talentCategories", e."libraryStatus"::text AS "libraryStatus",
  ${counts} AS "matchTermCounts", e."matchTermNorm"`;
}

/**
 * What scoring needs besides the expert's own columns, as correlated subqueries on e."id": availability windows,
 * the units' ratings of the last year, and the given needs this expert declined (indexes: ExpertAvailability
 * (expertId, kind), Engagement (expertId, state), Match (needId, expertId)).
 */
export function expertFactExtras(needIds: string[]) {
  const declined = needIds.length
    ? Prisma.sql`ARRAY(SELECT m."needId" FROM "Match" m WHERE m."expertId" = e."id" AND m."needId" = ANY(${needIds}::text[]) AND m."state" = 'DECLINED')`
    : Prisma.sql`ARRAY[]::text[]`;
  return Prisma.sql`
    (SELECT json_agg(json_build_array(a."kind", a."startsOn", a."endsOn")) FROM "ExpertAvailability" a
      WHERE a."expertId" = e."id") AS "availability",
    (SELECT json_build_array(avg(f."rating")::float8, count(*)) FROM "Feedback" f JOIN "Engagement" en ON en."id" = f."engagementId"
      WHERE en."expertId" = e."id" AND f."party" = 'UNIT' AND f."createdAt" > now() - interval '1 year') AS "feedback",
    ${declined} AS "declined"`;
}

export type ExpertRow = {
  id: string; employerOrgId: string | null; disciplineCodes: string[]; industryCodes: string[]; preferredForms: ServiceForm[];
  regionCode: string; serviceRegionCodes: string[]; acceptsRemote: boolean; maxConcurrent: number; activeEngagements: number;
  status: ExpertStatus; isRetired: boolean; healthAttestedAt: string | null; consentAttestedAt: string | null;
  lastConfirmedAt: string | null; talentCategories: TalentCategory[]; libraryStatus: LibraryStatus;
  matchTermCounts: Record<string, number> | null; matchTermNorm: number | null; availability: [string, string, string][] | null;
  feedback: [number | null, number] | null; declined: string[];
  termsAt?: string | null; fieldCounts?: StoredField[] | null; // only from retrieval (lib/matching/retrieval)
};

const day = (s: string) => new Date(`${s.slice(0, 10)}T00:00:00Z`);
// Prisma keeps DateTime as UTC in "timestamp without time zone"; in JSON they come without the zone.
const instant = (s: string | null) => (s ? new Date(/[Zz]|[+-]\d\d:?\d\d$/.test(s) ? s : `${s}Z`) : null);

/**
 * Runs a query over experts (selecting EXPERT_FACT_COLUMNS and expertFactExtras) and returns its rows as one JSON
 * value: far less work in the driver and the client than a row set of arrays and JSON columns.
 */
export async function queryExpertRows<T extends ExpertRow = ExpertRow>(tx: Tx, query: Prisma.Sql): Promise<T[]> {
  const [r] = await tx.$queryRaw<{ rows: T[] }[]>`SELECT coalesce(json_agg(t), '[]'::json) AS "rows" FROM (${query}) t`;
  return r.rows;
}

/** The expert's term vector: from the counts, with the stored length when there is one (counts may be cut). */
function textOf(e: ExpertRow): TermVector {
  const vector = vectorFromCounts(e.matchTermCounts ?? {});
  return e.matchTermNorm === null || e.matchTermNorm === undefined ? vector : { weights: vector.weights, norm: e.matchTermNorm };
}

export function toExpertFacts(e: ExpertRow, regions: RegionTable): ExpertFacts {
  const windows = (kind: string) => (e.availability ?? []).filter((a) => a[0] === kind).map((a) => ({ start: day(a[1]), end: day(a[2]) }));
  const [average, count] = e.feedback ?? [null, 0];
  return {
    id: e.id, employerOrgId: e.employerOrgId, disciplineCodes: e.disciplineCodes, industryCodes: e.industryCodes,
    preferredForms: e.preferredForms, regionCode: e.regionCode, zone: regions.zone.get(e.regionCode) ?? null,
    serviceRegionCodes: e.serviceRegionCodes, acceptsRemote: e.acceptsRemote, maxConcurrent: e.maxConcurrent,
    activeEngagements: e.activeEngagements, talentCategories: e.talentCategories,
    matchable: matchability({
      status: e.status, isRetired: e.isRetired, healthAttestedAt: instant(e.healthAttestedAt),
      consentAttestedAt: instant(e.consentAttestedAt), lastConfirmedAt: instant(e.lastConfirmedAt),
    }).matchable,
    libraryStatus: e.libraryStatus, available: windows("AVAILABLE"), blackouts: windows("BLACKOUT"),
    feedback: average !== null && Number(count) > 0 ? { average, count: Number(count) } : null,
    declinedNeedIds: new Set(e.declined ?? []),
    text: textOf(e),
    ...(e.fieldCounts !== undefined ? { stored: { at: instant(e.termsAt ?? null)?.getTime() ?? null, fields: e.fieldCounts } } : {}),
  };
}

/**
 * Experts by id, with the given needs' declines (for the naive baseline, batch proposals and tests). `storedTerms`:
 * with the term counts kept per field, as retrieval returns them, so the pool model needs no query of its own.
 */
export async function loadExpertFacts(tx: Tx, ids: string[], needIds: string[] = [], storedTerms = false): Promise<ExpertFacts[]> {
  if (!ids.length) return [];
  const stored = storedTerms ? Prisma.sql`, e."matchTermsAt" AS "termsAt", e."matchFieldCounts" AS "fieldCounts"` : Prisma.empty;
  const [rows, regions] = await Promise.all([
    queryExpertRows(tx, Prisma.sql`
      SELECT ${EXPERT_FACT_COLUMNS}, ${expertFactExtras(needIds)}${stored} FROM "ExpertProfile" e WHERE e."id" = ANY(${ids}::text[])`),
    regionTable(tx),
  ]);
  return rows.map((e) => toExpertFacts(e, regions)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
