-- CreateEnum
CREATE TYPE "ExpertSource" AS ENUM ('SELF', 'PROVINCE', 'IMPORT');

-- CreateEnum
CREATE TYPE "ImportKind" AS ENUM ('EXPERTS', 'NEEDS');

-- CreateEnum
CREATE TYPE "ImportState" AS ENUM ('VALIDATED', 'COMMITTING', 'COMMITTED', 'CANCELLED', 'FAILED');

-- AlterTable
ALTER TABLE "ExpertProfile" ADD COLUMN     "employerOrgId" TEXT,
ADD COLUMN     "libraryLeftAt" TIMESTAMP(3),
ADD COLUMN     "libraryLeftReason" TEXT,
ADD COLUMN     "reviewComment" TEXT,
ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "source" "ExpertSource" NOT NULL DEFAULT 'PROVINCE';

-- AlterTable
ALTER TABLE "LibraryNomination" ADD COLUMN     "healthy" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "willing" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Need" ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "ServiceMenuItem" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "ImportJob" (
    "id" TEXT NOT NULL,
    "kind" "ImportKind" NOT NULL,
    "state" "ImportState" NOT NULL DEFAULT 'VALIDATED',
    "fileName" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "provinceCode" VARCHAR(2),
    "organizationId" TEXT,
    "totalRows" INTEGER NOT NULL DEFAULT 0,
    "validRows" INTEGER NOT NULL DEFAULT 0,
    "processedRows" INTEGER NOT NULL DEFAULT 0,
    "committedRows" INTEGER NOT NULL DEFAULT 0,
    "errors" JSONB NOT NULL DEFAULT '[]',
    "payload" JSONB,
    "failureReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ImportJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ImportJob_createdById_createdAt_idx" ON "ImportJob"("createdById", "createdAt");

-- CreateIndex
CREATE INDEX "ImportJob_state_updatedAt_idx" ON "ImportJob"("state", "updatedAt");

-- CreateIndex
CREATE INDEX "ExpertProfile_employerOrgId_idx" ON "ExpertProfile"("employerOrgId");


-- ─── Hand-written: what Prisma cannot express ───────────────────────────────

-- Substring search over needs and experts (Chinese has no spaces between words, so search is by substring;
-- trigram GIN indexes serve LIKE '%…%'). searchText is kept by triggers so every writer (forms, imports, seed)
-- stays consistent.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE OR REPLACE FUNCTION need_search_text() RETURNS trigger AS $$
BEGIN
  NEW."searchText" := lower(concat_ws(' ',
    NEW."code", NEW."title", NEW."bottleneck", NEW."expectedOutcome", NEW."onBehalfOf",
    (SELECT o."name" FROM "Organization" o WHERE o."id" = NEW."unitId"),
    (SELECT string_agg(d."name", ' ') FROM "Discipline" d WHERE d."code" = ANY (NEW."disciplineCodes")),
    (SELECT string_agg(i."name", ' ') FROM "Industry" i WHERE i."code" = ANY (NEW."industryCodes"))));
  RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER need_search_text BEFORE INSERT OR UPDATE OF
  "code", "title", "bottleneck", "expectedOutcome", "onBehalfOf", "unitId", "disciplineCodes", "industryCodes"
  ON "Need" FOR EACH ROW EXECUTE FUNCTION need_search_text();

CREATE OR REPLACE FUNCTION expert_search_text() RETURNS trigger AS $$
BEGIN
  NEW."searchText" := lower(concat_ws(' ',
    NEW."name", NEW."employer", NEW."bio", array_to_string(NEW."skills", ' '),
    (SELECT string_agg(d."name", ' ') FROM "Discipline" d WHERE d."code" = ANY (NEW."disciplineCodes")),
    (SELECT string_agg(i."name", ' ') FROM "Industry" i WHERE i."code" = ANY (NEW."industryCodes"))));
  RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER expert_search_text BEFORE INSERT OR UPDATE OF
  "name", "employer", "bio", "skills", "disciplineCodes", "industryCodes"
  ON "ExpertProfile" FOR EACH ROW EXECUTE FUNCTION expert_search_text();

-- Fill existing rows (the triggers fire on these updates).
UPDATE "Need" SET "title" = "title";
UPDATE "ExpertProfile" SET "name" = "name";

CREATE INDEX "Need_searchText_trgm_idx" ON "Need" USING gin ("searchText" gin_trgm_ops);
CREATE INDEX "ExpertProfile_searchText_trgm_idx" ON "ExpertProfile" USING gin ("searchText" gin_trgm_ops);

-- Need codes XQ-<year>-<n>: one sequence for all writers (the demo set numbers its own from 1 per year).
CREATE SEQUENCE need_code_seq START 1001;
