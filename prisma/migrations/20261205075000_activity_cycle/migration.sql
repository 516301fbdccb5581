-- The annual cycle of demonstration activities: plan quotas per channel (province or department), versioned plan changes, the application's facts, team, timeline, review assignments, evaluations and feedback.
-- CreateEnum
CREATE TYPE "EvaluationLevel" AS ENUM ('PROVINCE', 'MINISTRY');

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'DEPARTMENT_ADMIN';

-- AlterEnum
ALTER TYPE "PlanState" ADD VALUE 'PUBLISHED';

-- AlterEnum
ALTER TYPE "ActivityState" ADD VALUE 'RETURNED';

-- AlterTable
ALTER TABLE "AnnualPlan" ADD COLUMN     "baseBonus" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "baseReservedPlaces" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "disagreementSpread" DOUBLE PRECISION NOT NULL DEFAULT 15,
ADD COLUMN     "publishedAt" TIMESTAMP(3),
ADD COLUMN     "recommendDeadline" TIMESTAMP(3),
ADD COLUMN     "rubric" JSONB NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "DemonstrationActivity" ADD COLUMN     "budget" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "channelOrgId" TEXT,
ADD COLUMN     "completedAt" TIMESTAMP(3),
ADD COLUMN     "finalReport" TEXT,
ADD COLUMN     "recommendedAt" TIMESTAMP(3),
ADD COLUMN     "returnReason" TEXT,
ADD COLUMN     "selectedAt" TIMESTAMP(3),
ADD COLUMN     "serviceForms" "ServiceForm"[],
ADD COLUMN     "startedAt" TIMESTAMP(3),
ADD COLUMN     "submittedAt" TIMESTAMP(3),
ADD COLUMN     "targets" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "themeFit" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "ActivityReview" ADD COLUMN     "assignedById" TEXT,
ADD COLUMN     "submittedAt" TIMESTAMP(3),
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0,
ALTER COLUMN "scores" DROP NOT NULL,
ALTER COLUMN "total" DROP NOT NULL;

-- AlterTable
ALTER TABLE "ActivityProgressReport" ADD COLUMN     "peopleTrained" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "serviceDays" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "PlanChannelQuota" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "provinceCode" VARCHAR(2),
    "departmentOrgId" TEXT,
    "quota" INTEGER NOT NULL,

    CONSTRAINT "PlanChannelQuota_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanRevision" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "changes" JSONB NOT NULL,
    "reason" TEXT NOT NULL,
    "changedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlanRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActivityTeamMember" (
    "id" TEXT NOT NULL,
    "activityId" TEXT NOT NULL,
    "expertId" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT '专家',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ActivityTeamMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActivityEvent" (
    "id" TEXT NOT NULL,
    "activityId" TEXT NOT NULL,
    "fromState" "ActivityState",
    "toState" "ActivityState" NOT NULL,
    "actorId" TEXT,
    "comment" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ActivityEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActivityEvaluation" (
    "id" TEXT NOT NULL,
    "activityId" TEXT NOT NULL,
    "level" "EvaluationLevel" NOT NULL,
    "grade" "EvaluationGrade" NOT NULL,
    "score" INTEGER NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "evaluatorId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ActivityEvaluation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActivityFeedback" (
    "id" TEXT NOT NULL,
    "activityId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "rating" INTEGER NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ActivityFeedback_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PlanChannelQuota_planId_provinceCode_departmentOrgId_key" ON "PlanChannelQuota"("planId", "provinceCode", "departmentOrgId") NULLS NOT DISTINCT;

-- CreateIndex
CREATE INDEX "PlanRevision_planId_createdAt_idx" ON "PlanRevision"("planId", "createdAt");

-- CreateIndex
CREATE INDEX "ActivityTeamMember_expertId_idx" ON "ActivityTeamMember"("expertId");

-- CreateIndex
CREATE UNIQUE INDEX "ActivityTeamMember_activityId_expertId_key" ON "ActivityTeamMember"("activityId", "expertId");

-- CreateIndex
CREATE INDEX "ActivityEvent_activityId_createdAt_idx" ON "ActivityEvent"("activityId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ActivityEvaluation_activityId_level_key" ON "ActivityEvaluation"("activityId", "level");

-- CreateIndex
CREATE UNIQUE INDEX "ActivityFeedback_activityId_userId_key" ON "ActivityFeedback"("activityId", "userId");

-- CreateIndex
CREATE INDEX "DemonstrationActivity_channelOrgId_state_idx" ON "DemonstrationActivity"("channelOrgId", "state");

-- CreateIndex
CREATE INDEX "ActivityReview_reviewerId_submittedAt_idx" ON "ActivityReview"("reviewerId", "submittedAt");

-- AddForeignKey
ALTER TABLE "PlanChannelQuota" ADD CONSTRAINT "PlanChannelQuota_planId_fkey" FOREIGN KEY ("planId") REFERENCES "AnnualPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanChannelQuota" ADD CONSTRAINT "PlanChannelQuota_departmentOrgId_fkey" FOREIGN KEY ("departmentOrgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanRevision" ADD CONSTRAINT "PlanRevision_planId_fkey" FOREIGN KEY ("planId") REFERENCES "AnnualPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DemonstrationActivity" ADD CONSTRAINT "DemonstrationActivity_channelOrgId_fkey" FOREIGN KEY ("channelOrgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityTeamMember" ADD CONSTRAINT "ActivityTeamMember_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "DemonstrationActivity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityTeamMember" ADD CONSTRAINT "ActivityTeamMember_expertId_fkey" FOREIGN KEY ("expertId") REFERENCES "ExpertProfile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityEvent" ADD CONSTRAINT "ActivityEvent_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "DemonstrationActivity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityReview" ADD CONSTRAINT "ActivityReview_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityEvaluation" ADD CONSTRAINT "ActivityEvaluation_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "DemonstrationActivity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityFeedback" ADD CONSTRAINT "ActivityFeedback_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "DemonstrationActivity"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- A quota belongs to exactly one channel; scores and places are never negative.
ALTER TABLE "PlanChannelQuota" ADD CONSTRAINT "PlanChannelQuota_one_channel" CHECK (("provinceCode" IS NULL) <> ("departmentOrgId" IS NULL));
ALTER TABLE "PlanChannelQuota" ADD CONSTRAINT "PlanChannelQuota_quota_nonnegative" CHECK ("quota" >= 0);
ALTER TABLE "ActivityFeedback" ADD CONSTRAINT "ActivityFeedback_rating_range" CHECK ("rating" BETWEEN 1 AND 5);
ALTER TABLE "ActivityEvaluation" ADD CONSTRAINT "ActivityEvaluation_score_range" CHECK ("score" BETWEEN 0 AND 100);
