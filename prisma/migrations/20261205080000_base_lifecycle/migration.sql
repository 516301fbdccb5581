-- Service bases from application to removal (lib/bases): draft/returned states, number, field, criteria facts,
-- planned activities, the timeline, evaluation scores, rectification items and the escalation flag.

-- AlterEnum
ALTER TYPE "BaseState" ADD VALUE 'DRAFT' BEFORE 'APPLIED';
ALTER TYPE "BaseState" ADD VALUE 'RETURNED' BEFORE 'APPLIED';

-- CreateEnum
CREATE TYPE "BaseField" AS ENUM ('AGRICULTURE', 'HEALTH', 'EDUCATION', 'MANUFACTURING', 'ECOLOGY', 'DIGITAL', 'TOURISM', 'OTHER');

-- AlterTable
ALTER TABLE "ServiceBase" ADD COLUMN "code" TEXT,
ADD COLUMN "field" "BaseField" NOT NULL DEFAULT 'AGRICULTURE',
ADD COLUMN "facts" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN "plannedActivities" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN "submittedAt" TIMESTAMP(3),
ADD COLUMN "reviewComment" TEXT,
ADD COLUMN "reviewedAt" TIMESTAMP(3),
ADD COLUMN "reviewedById" TEXT,
ADD COLUMN "provinceApprovedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "BaseAnnualReport" ADD COLUMN "results" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "BaseEvaluation" ADD COLUMN "scores" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN "total" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "RectificationOrder" ADD COLUMN "requiredItems" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN "evaluationYear" INTEGER,
ADD COLUMN "escalatedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "BaseEvent" (
    "id" TEXT NOT NULL,
    "baseId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "fromState" "BaseState",
    "toState" "BaseState",
    "actorId" TEXT,
    "comment" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BaseEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BaseEvent_baseId_createdAt_idx" ON "BaseEvent"("baseId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ServiceBase_code_key" ON "ServiceBase"("code");

-- CreateIndex
CREATE INDEX "ServiceBase_state_level_idx" ON "ServiceBase"("state", "level");

-- AddForeignKey
ALTER TABLE "BaseEvent" ADD CONSTRAINT "BaseEvent_baseId_fkey" FOREIGN KEY ("baseId") REFERENCES "ServiceBase"("id") ON DELETE CASCADE ON UPDATE CASCADE;
