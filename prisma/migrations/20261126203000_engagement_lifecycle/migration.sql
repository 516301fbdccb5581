-- AlterTable
ALTER TABLE "Engagement" ADD COLUMN     "cancelReason" TEXT,
ADD COLUMN     "finishedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Match" ADD COLUMN     "applyNote" TEXT,
ADD COLUMN     "closeReason" TEXT,
ADD COLUMN     "decidedById" TEXT,
ADD COLUMN     "remindedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "MatchingSettings" ADD COLUMN     "inviteWorkingDays" INTEGER NOT NULL DEFAULT 5;

-- AlterTable
ALTER TABLE "ServiceRecord" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;


-- Guards the application relies on (lib/matches/capacity.ts and the feedback form), enforced by the database too.
ALTER TABLE "ExpertProfile" ADD CONSTRAINT "ExpertProfile_activeEngagements_nonnegative" CHECK ("activeEngagements" >= 0);
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_rating_range" CHECK ("rating" BETWEEN 1 AND 5);
ALTER TABLE "ServiceRecord" ADD CONSTRAINT "ServiceRecord_dates_ordered" CHECK ("startDate" <= "endDate");
