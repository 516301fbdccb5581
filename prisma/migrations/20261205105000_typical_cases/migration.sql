-- CreateEnum
CREATE TYPE "CaseSourceKind" AS ENUM ('ENGAGEMENT', 'ACTIVITY', 'CHALLENGE');

-- CreateEnum
CREATE TYPE "AnnouncementState" AS ENUM ('DRAFT', 'PUBLISHED', 'WITHDRAWN');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "CaseState" ADD VALUE 'RETURNED';
ALTER TYPE "CaseState" ADD VALUE 'WITHDRAWN';

-- AlterTable
ALTER TABLE "TypicalCase" ADD COLUMN     "field" "BaseField",
ADD COLUMN     "figures" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "figuresAt" TIMESTAMP(3),
ADD COLUMN     "forms" "ServiceForm"[] DEFAULT ARRAY[]::"ServiceForm"[],
ADD COLUMN     "regionCode" VARCHAR(6),
ADD COLUMN     "replicable" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "reviewComment" TEXT,
ADD COLUMN     "reviewedAt" TIMESTAMP(3),
ADD COLUMN     "reviewedById" TEXT,
ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "sourceId" TEXT,
ADD COLUMN     "sourceKind" "CaseSourceKind",
ADD COLUMN     "submittedAt" TIMESTAMP(3),
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "withdrawReason" TEXT,
ADD COLUMN     "withdrawnAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "CaseEvent" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "fromState" "CaseState",
    "toState" "CaseState",
    "actorId" TEXT,
    "comment" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Announcement" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "state" "AnnouncementState" NOT NULL DEFAULT 'DRAFT',
    "pinned" BOOLEAN NOT NULL DEFAULT false,
    "publishedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Announcement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CaseEvent_caseId_createdAt_idx" ON "CaseEvent"("caseId", "createdAt");

-- CreateIndex
CREATE INDEX "Announcement_state_publishedAt_idx" ON "Announcement"("state", "publishedAt");

-- CreateIndex
CREATE INDEX "TypicalCase_provinceCode_state_idx" ON "TypicalCase"("provinceCode", "state");

-- CreateIndex
CREATE INDEX "TypicalCase_sourceKind_sourceId_idx" ON "TypicalCase"("sourceKind", "sourceId");

-- AddForeignKey
ALTER TABLE "CaseEvent" ADD CONSTRAINT "CaseEvent_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "TypicalCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- ─── Hand-written ───────────────────────────────────────────────────────────────

-- Substring search over cases (lib/search): title, summary, the story's text without its tags, the province.
CREATE OR REPLACE FUNCTION case_search_text() RETURNS trigger AS $$
BEGIN
  NEW."searchText" := lower(concat_ws(' ',
    NEW."title", NEW."summary", regexp_replace(NEW."body", '<[^>]*>', ' ', 'g'),
    (SELECT r."name" FROM "Region" r WHERE r."code" = NEW."regionCode"),
    (SELECT r."name" FROM "Region" r WHERE r."level" = 'PROVINCE' AND r."provinceCode" = NEW."provinceCode")));
  RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER case_search_text BEFORE INSERT OR UPDATE OF "title", "summary", "body", "regionCode", "provinceCode"
  ON "TypicalCase" FOR EACH ROW EXECUTE FUNCTION case_search_text();

UPDATE "TypicalCase" SET "title" = "title";

CREATE INDEX "TypicalCase_searchText_trgm_idx" ON "TypicalCase" USING gin ("searchText" gin_trgm_ops);
