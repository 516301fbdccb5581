import type { Tx } from "@/lib/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { expertTexts, termCounts } from "@/lib/matching/text";

/**
 * Computes the match terms of experts whose texts changed (triggers set matchTermsAt to NULL). Rows are locked
 * while they are computed, so an edit made meanwhile waits and then marks them stale again; other instances
 * skip the locked rows and take the next ones. Returns how many were refreshed.
 */
export async function refreshMatchTerms(db: PrismaClient, limit = 500): Promise<number> {
  return db.$transaction((tx) => computeMatchTerms(tx, limit), { timeout: 60_000 });
}

/** The work of refreshMatchTerms inside the caller's transaction. */
export async function computeMatchTerms(tx: Tx, limit: number): Promise<number> {
  const rows = await tx.$queryRaw<{ id: string; bio: string; skills: string[] }[]>`
    SELECT "id", "bio", "skills" FROM "ExpertProfile"
     WHERE "matchTermsAt" IS NULL
     ORDER BY "id" LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
  if (!rows.length) return 0;
  const achievements = await tx.expertAchievement.findMany({
    where: { expertId: { in: rows.map((r) => r.id) } },
    select: { expertId: true, title: true, abstract: true },
  });
  const byExpert = new Map<string, typeof achievements>();
  for (const a of achievements) byExpert.set(a.expertId, [...(byExpert.get(a.expertId) ?? []), a]);
  const values = rows.map((r) => {
    const counts = termCounts(expertTexts({ skills: r.skills, bio: r.bio, achievements: byExpert.get(r.id) ?? [] }));
    return { id: r.id, terms: Object.keys(counts), counts };
  });
  await tx.$executeRaw`
    UPDATE "ExpertProfile" AS e
       SET "matchTerms" = ARRAY(SELECT jsonb_array_elements_text(v.terms)),
           "matchTermCounts" = v.counts,
           "matchTermsAt" = now()
      FROM jsonb_to_recordset(${JSON.stringify(values)}::jsonb) AS v(id text, terms jsonb, counts jsonb)
     WHERE e."id" = v.id`;
  return rows.length;
}

/** Compute until nothing is stale (seed, benchmarks, maintenance), in the given client or transaction. */
export async function computeAllMatchTerms(tx: Tx, batch = 1000): Promise<number> {
  let total = 0;
  for (let n = await computeMatchTerms(tx, batch); n > 0; n = await computeMatchTerms(tx, batch)) total += n;
  return total;
}
