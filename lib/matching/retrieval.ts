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
  const visible = visibility.all ? Prisma.sql`TRUE` : Prisma.sql`(e."provinceCode" = ${visibility.provinceCode} OR e."shareAcrossRegions")`;
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT e."id" FROM "ExpertProfile" e
     WHERE e."status" = 'ACTIVE'
       AND e."activeEngagements" < e."maxConcurrent"
       AND (NOT e."isRetired" OR (e."healthAttestedAt" IS NOT NULL AND e."consentAttestedAt" IS NOT NULL))
       AND ${visible}
       AND (e."disciplineCodes" && ${family} OR e."industryCodes" && ${industries} OR e."matchTerms" && ${terms})
     ORDER BY
       3 * cardinality(ARRAY(SELECT unnest(e."disciplineCodes") INTERSECT SELECT unnest(${codes})))
       + cardinality(ARRAY(SELECT unnest(e."disciplineCodes") INTERSECT SELECT unnest(${family})))
       + cardinality(ARRAY(SELECT unnest(e."industryCodes") INTERSECT SELECT unnest(${industries})))
       + cardinality(ARRAY(SELECT unnest(e."matchTerms") INTERSECT SELECT unnest(${terms})))
       + CASE WHEN e."provinceCode" = ${q.provinceCode ?? ""} THEN 1 ELSE 0 END DESC,
       e."id"
     LIMIT ${limit}`;
  return rows.map((r) => r.id);
}
