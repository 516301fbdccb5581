-- An expert's own change to name, title, talent categories or employer waits for the province; one pending change per expert.
-- CreateEnum
CREATE TYPE "ProfileChangeState" AS ENUM ('PENDING', 'APPROVED', 'REJECTED', 'SUPERSEDED');

-- CreateTable
CREATE TABLE "ExpertProfileChange" (
    "id" TEXT NOT NULL,
    "expertId" TEXT NOT NULL,
    "provinceCode" VARCHAR(2) NOT NULL,
    "changes" JSONB NOT NULL,
    "state" "ProfileChangeState" NOT NULL DEFAULT 'PENDING',
    "requestedById" TEXT NOT NULL,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExpertProfileChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ExpertProfileChange_expertId_state_idx" ON "ExpertProfileChange"("expertId", "state");

-- CreateIndex
CREATE INDEX "ExpertProfileChange_provinceCode_state_idx" ON "ExpertProfileChange"("provinceCode", "state");

-- AddForeignKey
ALTER TABLE "ExpertProfileChange" ADD CONSTRAINT "ExpertProfileChange_expertId_fkey" FOREIGN KEY ("expertId") REFERENCES "ExpertProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;


CREATE UNIQUE INDEX "ExpertProfileChange_one_pending" ON "ExpertProfileChange"("expertId") WHERE "state" = 'PENDING';
