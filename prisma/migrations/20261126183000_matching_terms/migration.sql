-- AlterTable
ALTER TABLE "ExpertProfile" ADD COLUMN     "matchTermCounts" JSONB,
ADD COLUMN     "matchTerms" TEXT[],
ADD COLUMN     "matchTermsAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "MatchingSettings" (
    "id" TEXT NOT NULL DEFAULT 'default',
    "weights" JSONB NOT NULL,
    "updatedById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MatchingSettings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ExpertProfile_matchTerms_idx" ON "ExpertProfile" USING GIN ("matchTerms");

-- CreateIndex
CREATE INDEX "ExpertProfile_status_matchTermsAt_idx" ON "ExpertProfile"("status", "matchTermsAt");


-- ─── Hand-written ───────────────────────────────────────────────────────────
-- The match terms are computed in TypeScript (jieba); the database only marks them stale when the texts change,
-- so every writer (forms, imports, seed) is covered and the engine recomputes what is marked.
CREATE OR REPLACE FUNCTION expert_match_terms_stale() RETURNS trigger AS $$
BEGIN
  IF NEW."bio" IS DISTINCT FROM OLD."bio" OR NEW."skills" IS DISTINCT FROM OLD."skills" THEN
    NEW."matchTermsAt" := NULL;
  END IF;
  RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER expert_match_terms_stale BEFORE UPDATE OF "bio", "skills" ON "ExpertProfile"
  FOR EACH ROW EXECUTE FUNCTION expert_match_terms_stale();

CREATE OR REPLACE FUNCTION achievement_match_terms_stale() RETURNS trigger AS $$
BEGIN
  UPDATE "ExpertProfile" SET "matchTermsAt" = NULL
   WHERE "id" IN (SELECT x FROM unnest(ARRAY[
     CASE WHEN TG_OP <> 'INSERT' THEN OLD."expertId" END,
     CASE WHEN TG_OP <> 'DELETE' THEN NEW."expertId" END]) AS x WHERE x IS NOT NULL)
     AND "matchTermsAt" IS NOT NULL;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER achievement_match_terms_stale AFTER INSERT OR UPDATE OR DELETE ON "ExpertAchievement"
  FOR EACH ROW EXECUTE FUNCTION achievement_match_terms_stale();
