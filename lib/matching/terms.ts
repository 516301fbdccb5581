import { createHash } from "node:crypto";
import type { Tx } from "@/lib/db";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { FieldKind } from "@/lib/matching/pool-model";
import { expertTexts, termCounts, vectorFromCounts } from "@/lib/matching/text";

/**
 * A term as a 32-bit integer: the first four bytes of its MD5, signed — the same as the SQL function
 * match_term_hash (migration 20261126210000), so the database can compute it too. Retrieval tests and indexes
 * these instead of the strings: integer arrays are small, never compressed, and compared without collation,
 * several times cheaper per row than text arrays. Two terms may share a hash (about one pair per 100,000
 * distinct terms); that only lets an extra expert into retrieval's pool, where exact scoring sorts it out.
 */
export function termHash(term: string): number {
  return createHash("md5").update(term, "utf8").digest().readInt32BE(0);
}

/** Distinct hashes of some terms, ascending (as stored in "matchTermHashes"). */
export function termHashes(terms: Iterable<string>): number[] {
  return [...new Set([...terms].map(termHash))].sort((a, b) => a - b);
}

/**
 * One expert's fields as the pool model reads them (lib/matching/pool-model): [kind, term counts, label] — the skills
 * together, the biography, each achievement's title and abstract; the label is a title's text (for explanations).
 */
export type StoredField = [FieldKind, Record<string, number>, string];

/**
 * What the database keeps per expert for matching: distinct terms and their hashes, counts, the vector's length, and
 * the same counts per field (so scoring never segments an expert's texts at request time). Each text is segmented
 * once; the whole profile's counts are the sum of its fields'.
 */
export function matchTermsOf(e: Parameters<typeof expertTexts>[0]): { terms: string[]; hashes: number[]; counts: Record<string, number>; norm: number; fields: StoredField[] } {
  const fields: StoredField[] = [];
  const add = (kind: FieldKind, texts: (string | null | undefined)[], label = "") => {
    const c = termCounts(texts);
    if (Object.keys(c).length) fields.push([kind, c, label]);
  };
  add("skills", e.skills ?? []);
  add("bio", [e.bio]);
  for (const a of e.achievements ?? []) {
    add("title", [a.title], a.title.slice(0, 60));
    add("abstract", [a.abstract]);
  }
  const counts: Record<string, number> = {};
  for (const [, c] of fields) for (const [t, n] of Object.entries(c)) counts[t] = (counts[t] ?? 0) + n;
  const terms = Object.keys(counts);
  return { terms, hashes: termHashes(terms), counts, norm: vectorFromCounts(counts).norm, fields };
}

/**
 * Computes the match terms of experts whose texts changed (triggers set matchTermsAt to NULL), a batch at a time.
 * Rows are locked while they are computed, so an edit made meanwhile waits and then marks them stale again; other
 * instances skip the locked rows and take the next ones. Runs on every instance's sweep timer and after imports.
 * Returns how many were refreshed.
 */
export async function refreshMatchTerms(db: PrismaClient, limit = 500): Promise<number> {
  return db.$transaction((tx) => computeMatchTerms(tx, limit, { skipLocked: true }), { timeout: 60_000 });
}

/** Refreshes until nothing stale is left (or `max` experts), one short transaction per batch. */
export async function refreshAllMatchTerms(db: PrismaClient, max = 100_000): Promise<number> {
  let total = 0;
  for (let n = -1; n !== 0 && total < max; total += n) n = await refreshMatchTerms(db);
  return total;
}

type ComputeOptions = { skipLocked?: boolean; expertIds?: string[] };

/**
 * The work of refreshMatchTerms inside the caller's transaction. `expertIds`: only those experts (a profile
 * edit computes its own expert's terms before committing). Without `skipLocked` it waits for rows another
 * transaction is computing and takes them if they are still stale, so every row stale when it starts is fresh
 * when it returns (rows are locked in id order: two callers wait for each other, never deadlock).
 */
export async function computeMatchTerms(tx: Tx, limit: number, { skipLocked = false, expertIds }: ComputeOptions = {}): Promise<number> {
  const only = expertIds ? Prisma.sql`AND "id" = ANY(${expertIds}::text[])` : Prisma.empty;
  const rows = await tx.$queryRaw<{ id: string; bio: string; skills: string[] }[]>`
    SELECT "id", "bio", "skills" FROM "ExpertProfile"
     WHERE "matchTermsAt" IS NULL ${only}
     ORDER BY "id" LIMIT ${limit} FOR UPDATE ${skipLocked ? Prisma.sql`SKIP LOCKED` : Prisma.empty}`;
  if (!rows.length) return 0;
  const achievements = await tx.expertAchievement.findMany({
    where: { expertId: { in: rows.map((r) => r.id) } },
    select: { expertId: true, title: true, abstract: true },
  });
  const byExpert = new Map<string, typeof achievements>();
  for (const a of achievements) byExpert.set(a.expertId, [...(byExpert.get(a.expertId) ?? []), a]);
  const values = rows.map((r) => ({ id: r.id, ...matchTermsOf({ skills: r.skills, bio: r.bio, achievements: byExpert.get(r.id) ?? [] }) }));
  await tx.$executeRaw`
    UPDATE "ExpertProfile" AS e
       SET "matchTerms" = ARRAY(SELECT jsonb_array_elements_text(v.terms)),
           "matchTermHashes" = v.hashes,
           "matchTermCounts" = v.counts,
           "matchTermNorm" = v.norm,
           "matchFieldCounts" = v.fields,
           "matchTermsAt" = now()
      FROM jsonb_to_recordset(${JSON.stringify(values)}::jsonb) AS v(id text, terms jsonb, hashes int4[], counts jsonb, norm float8, fields jsonb)
     WHERE e."id" = v.id`;
  return rows.length;
}

/** One expert's terms, in the transaction that changed the texts (nothing when they are not stale). */
export async function computeExpertTerms(tx: Tx, expertId: string): Promise<void> {
  await computeMatchTerms(tx, 1, { expertIds: [expertId] });
}

/** Compute until nothing is stale (seed, benchmarks, tests), in the given client or transaction. */
export async function computeAllMatchTerms(tx: Tx, batch = 1000): Promise<number> {
  let total = 0;
  for (let n = await computeMatchTerms(tx, batch); n > 0; n = await computeMatchTerms(tx, batch)) total += n;
  return total;
}
