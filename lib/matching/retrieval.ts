import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

// Retrieval: the few hundred experts worth scoring for a need, found through indexes (GIN on discipline and
// industry codes and on the match terms), never by scoring everyone. Hard limits that SQL can check cheaply
// (active, retired attestations, capacity, who may see whom) are applied here; the rest in lib/matching/score.

export type RetrievalQuery = {
  disciplineCodes: string[]; // the need's own codes
  disciplineFamily: string[]; // with parents, siblings and children
  industryCodes: string[];
  terms: string[]; // the need's heaviest text terms
  provinceCode: string | null; // the need's province (a small preference when cutting the list)
};

/** Which experts the searcher may see: all, or one province's own plus those who share across regions. */
export type Visibility = { all: true } | { all: false; provinceCode: string };

const emptyArray = Prisma.sql`ARRAY[]::text[]`;
const textArray = (xs: string[]) => (xs.length ? Prisma.sql`ARRAY[${Prisma.join(xs)}]::text[]` : emptyArray);

export async function candidateExpertIds(tx: Tx, q: RetrievalQuery, visibility: Visibility, limit = 300): Promise<string[]> {
  const codes = textArray(q.disciplineCodes);
  const family = textArray(q.disciplineFamily);
  const industries = textArray(q.industryCodes);
  const terms = textArray(q.terms);
  // Each of the heaviest terms found adds one (containment checks are cheap; building intersections is not).
  const termHits = q.terms.length
    ? Prisma.join(q.terms.slice(0, 8).map((t) => Prisma.sql`(e."matchTerms" @> ARRAY[${t}]::text[])::int`), " + ")
    : Prisma.sql`0`;
  const visible = visibility.all ? Prisma.sql`TRUE` : Prisma.sql`(e."provinceCode" = ${visibility.provinceCode} OR e."shareAcrossRegions")`;
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT e."id" FROM "ExpertProfile" e
     WHERE e."status" = 'ACTIVE'
       AND e."activeEngagements" < e."maxConcurrent"
       AND (NOT e."isRetired" OR (e."healthAttestedAt" IS NOT NULL AND e."consentAttestedAt" IS NOT NULL))
       AND ${visible}
       AND (e."disciplineCodes" && ${family} OR e."industryCodes" && ${industries} OR e."matchTerms" && ${terms})
     ORDER BY
       3 * (e."disciplineCodes" && ${codes})::int
       + (e."disciplineCodes" && ${family})::int
       + (e."industryCodes" && ${industries})::int
       + ${termHits}
       + (e."provinceCode" = ${q.provinceCode ?? ""})::int DESC,
       e."id"
     LIMIT ${limit}`;
  return rows.map((r) => r.id);
}
