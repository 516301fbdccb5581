-- DropIndex
DROP INDEX "ExpertProfile_matchTerms_idx";

-- AlterTable
ALTER TABLE "ExpertProfile" ADD COLUMN     "matchTermHashes" INTEGER[],
ADD COLUMN     "matchTermNorm" DOUBLE PRECISION;

-- CreateTable
CREATE TABLE "MatchTermStat" (
    "term" TEXT NOT NULL,
    "df" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "MatchTermStat_pkey" PRIMARY KEY ("term")
);


-- CreateIndex
CREATE INDEX "ExpertProfile_matchTermHashes_idx" ON "ExpertProfile" USING GIN ("matchTermHashes");


-- ─── Hand-written ───────────────────────────────────────────────────────────
-- Document frequency of the match terms, for retrieval (lib/matching/retrieval.ts): statement-level triggers with
-- transition tables add the terms of rows whose "matchTerms" changed and subtract their old terms, in one grouped
-- upsert per statement. Terms whose count does not change are not touched (an edit that keeps the terms locks
-- nothing), and rows are upserted in term order so that concurrent refreshes wait for each other, never deadlock.
-- The row with term '' counts the experts that have terms (the N in df / N).
CREATE OR REPLACE FUNCTION match_term_stats() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "MatchTermStat" AS s ("term", "df")
    SELECT d.term, sum(d.delta)::int FROM (
        SELECT t AS term, 1 AS delta FROM new_rows n, unnest(n."matchTerms") t
        UNION ALL SELECT '', 1 FROM new_rows n WHERE n."matchTerms" IS NOT NULL) d
     GROUP BY d.term ORDER BY d.term
    ON CONFLICT ("term") DO UPDATE SET "df" = s."df" + EXCLUDED."df";
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "MatchTermStat" AS s ("term", "df")
    SELECT d.term, sum(d.delta)::int FROM (
        SELECT t AS term, -1 AS delta FROM old_rows o, unnest(o."matchTerms") t
        UNION ALL SELECT '', -1 FROM old_rows o WHERE o."matchTerms" IS NOT NULL) d
     GROUP BY d.term ORDER BY d.term
    ON CONFLICT ("term") DO UPDATE SET "df" = s."df" + EXCLUDED."df";
  ELSE
    WITH changed AS (
      SELECT o."matchTerms" AS old_terms, n."matchTerms" AS new_terms
        FROM old_rows o JOIN new_rows n ON n."id" = o."id"
       WHERE o."matchTerms" IS DISTINCT FROM n."matchTerms")
    INSERT INTO "MatchTermStat" AS s ("term", "df")
    SELECT d.term, sum(d.delta)::int FROM (
        SELECT t AS term, 1 AS delta FROM changed c, unnest(c.new_terms) t
        UNION ALL SELECT t, -1 FROM changed c, unnest(c.old_terms) t
        UNION ALL SELECT '', (c.new_terms IS NOT NULL)::int - (c.old_terms IS NOT NULL)::int FROM changed c) d
     GROUP BY d.term HAVING sum(d.delta) <> 0 ORDER BY d.term
    ON CONFLICT ("term") DO UPDATE SET "df" = s."df" + EXCLUDED."df";
  END IF;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER match_term_stats_insert AFTER INSERT ON "ExpertProfile"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION match_term_stats();
CREATE TRIGGER match_term_stats_update AFTER UPDATE ON "ExpertProfile"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION match_term_stats();
CREATE TRIGGER match_term_stats_delete AFTER DELETE ON "ExpertProfile"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION match_term_stats();

-- A term's hash for retrieval: the first four bytes of its MD5, signed (lib/matching/terms.termHash).
CREATE OR REPLACE FUNCTION match_term_hash(term text) RETURNS integer AS $$
  SELECT ('x' || left(md5(term), 8))::bit(32)::integer
$$ LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE;

-- Experts whose terms are already computed: their hashes now; their vector lengths when lib/matching/terms next
-- refreshes them (until then retrieval estimates with a typical length and ships their full counts).
UPDATE "ExpertProfile"
   SET "matchTermHashes" = ARRAY(SELECT DISTINCT match_term_hash(t) FROM unnest("matchTerms") t ORDER BY 1),
       "matchTermsAt" = NULL
 WHERE "matchTerms" IS NOT NULL;

-- Count the terms already computed.
INSERT INTO "MatchTermStat" ("term", "df")
SELECT t, count(*)::int FROM "ExpertProfile", unnest("matchTerms") t WHERE t <> '' GROUP BY t
UNION ALL SELECT '', count(*)::int FROM "ExpertProfile" WHERE "matchTerms" IS NOT NULL;
