-- CreateEnum
CREATE TYPE "MilestoneState" AS ENUM ('PLANNED', 'REPORTED', 'PASSED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "ChallengeState" ADD VALUE 'RETURNED';
ALTER TYPE "ChallengeState" ADD VALUE 'ACCEPTANCE';
ALTER TYPE "ChallengeState" ADD VALUE 'FAILED';

-- AlterTable
ALTER TABLE "Challenge" ADD COLUMN     "acceptanceNote" TEXT,
ADD COLUMN     "acceptancePassed" BOOLEAN,
ADD COLUMN     "acceptedAt" TIMESTAMP(3),
ADD COLUMN     "acceptedById" TEXT,
ADD COLUMN     "awardedAt" TIMESTAMP(3),
ADD COLUMN     "closedAt" TIMESTAMP(3),
ADD COLUMN     "confirmedAt" TIMESTAMP(3),
ADD COLUMN     "finishedAt" TIMESTAMP(3),
ADD COLUMN     "indicatorResults" JSONB,
ADD COLUMN     "indicators" TEXT[],
ADD COLUMN     "ipTerms" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "national" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "returnReason" TEXT,
ADD COLUMN     "submittedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "ChallengeBid" ADD COLUMN     "plan" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "plannedMilestones" JSONB NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "ChallengeMilestone" ADD COLUMN     "checkComment" TEXT,
ADD COLUMN     "checkedAt" TIMESTAMP(3),
ADD COLUMN     "checkedById" TEXT,
ADD COLUMN     "report" TEXT,
ADD COLUMN     "state" "MilestoneState" NOT NULL DEFAULT 'PLANNED';

-- CreateTable
CREATE TABLE "ChallengeBidMember" (
    "id" TEXT NOT NULL,
    "bidId" TEXT NOT NULL,
    "expertId" TEXT NOT NULL,
    "role" TEXT NOT NULL,

    CONSTRAINT "ChallengeBidMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChallengeReviewer" (
    "id" TEXT NOT NULL,
    "challengeId" TEXT NOT NULL,
    "expertId" TEXT NOT NULL,
    "assignedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChallengeReviewer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChallengeBidScore" (
    "id" TEXT NOT NULL,
    "bidId" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChallengeBidScore_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChallengeEvent" (
    "id" TEXT NOT NULL,
    "challengeId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "fromState" "ChallengeState",
    "toState" "ChallengeState",
    "actorId" TEXT,
    "comment" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChallengeEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ChallengeBidMember_expertId_idx" ON "ChallengeBidMember"("expertId");

-- CreateIndex
CREATE UNIQUE INDEX "ChallengeBidMember_bidId_expertId_key" ON "ChallengeBidMember"("bidId", "expertId");

-- CreateIndex
CREATE INDEX "ChallengeReviewer_expertId_idx" ON "ChallengeReviewer"("expertId");

-- CreateIndex
CREATE UNIQUE INDEX "ChallengeReviewer_challengeId_expertId_key" ON "ChallengeReviewer"("challengeId", "expertId");

-- CreateIndex
CREATE UNIQUE INDEX "ChallengeBidScore_bidId_reviewerId_key" ON "ChallengeBidScore"("bidId", "reviewerId");

-- CreateIndex
CREATE INDEX "ChallengeEvent_challengeId_createdAt_idx" ON "ChallengeEvent"("challengeId", "createdAt");

-- AddForeignKey
ALTER TABLE "ChallengeBidMember" ADD CONSTRAINT "ChallengeBidMember_bidId_fkey" FOREIGN KEY ("bidId") REFERENCES "ChallengeBid"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChallengeBidMember" ADD CONSTRAINT "ChallengeBidMember_expertId_fkey" FOREIGN KEY ("expertId") REFERENCES "ExpertProfile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChallengeReviewer" ADD CONSTRAINT "ChallengeReviewer_challengeId_fkey" FOREIGN KEY ("challengeId") REFERENCES "Challenge"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChallengeReviewer" ADD CONSTRAINT "ChallengeReviewer_expertId_fkey" FOREIGN KEY ("expertId") REFERENCES "ExpertProfile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChallengeBidScore" ADD CONSTRAINT "ChallengeBidScore_bidId_fkey" FOREIGN KEY ("bidId") REFERENCES "ChallengeBid"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChallengeBidScore" ADD CONSTRAINT "ChallengeBidScore_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "ChallengeReviewer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChallengeEvent" ADD CONSTRAINT "ChallengeEvent_challengeId_fkey" FOREIGN KEY ("challengeId") REFERENCES "Challenge"("id") ON DELETE CASCADE ON UPDATE CASCADE;

