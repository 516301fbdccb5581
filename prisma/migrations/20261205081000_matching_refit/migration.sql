-- CreateEnum
CREATE TYPE "MatchWeightFitState" AS ENUM ('PROPOSED', 'APPLIED', 'ROLLED_BACK', 'SUPERSEDED');

-- CreateTable
CREATE TABLE "MatchWeightFit" (
    "id" TEXT NOT NULL,
    "state" "MatchWeightFitState" NOT NULL DEFAULT 'PROPOSED',
    "baseWeights" JSONB NOT NULL,
    "proposedWeights" JSONB NOT NULL,
    "metrics" JSONB NOT NULL,
    "previousWeights" JSONB,
    "createdById" TEXT,
    "appliedById" TEXT,
    "appliedAt" TIMESTAMP(3),
    "rolledBackById" TEXT,
    "rolledBackAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MatchWeightFit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MatchWeightFit_state_createdAt_idx" ON "MatchWeightFit"("state", "createdAt");

-- Term counts per field of an expert (skills, biography, each achievement's title and abstract), kept with the
-- other match terms by lib/matching/terms so the pool model scores without segmenting texts at request time.
-- Existing rows are left NULL: they are scored by segmenting their texts until their terms are next computed.
ALTER TABLE "ExpertProfile" ADD COLUMN "matchFieldCounts" JSONB;
