-- CreateEnum
CREATE TYPE "CertificateState" AS ENUM ('VALID', 'REVOKED');

-- CreateEnum
CREATE TYPE "CommendationState" AS ENUM ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "QuestionnaireState" AS ENUM ('DRAFT', 'PUBLISHED', 'RETIRED');

-- AlterTable
ALTER TABLE "Feedback" ADD COLUMN     "answers" JSONB,
ADD COLUMN     "questionnaireId" TEXT;

-- CreateTable
CREATE TABLE "Certificate" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "expertId" TEXT NOT NULL,
    "provinceCode" VARCHAR(2) NOT NULL,
    "ownerUserId" TEXT,
    "contents" JSONB NOT NULL,
    "hash" TEXT NOT NULL,
    "state" "CertificateState" NOT NULL DEFAULT 'VALID',
    "issuedById" TEXT NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedById" TEXT,
    "revokedAt" TIMESTAMP(3),
    "revokeReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Certificate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Commendation" (
    "id" TEXT NOT NULL,
    "expertId" TEXT NOT NULL,
    "provinceCode" VARCHAR(2) NOT NULL,
    "year" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "priority" BOOLEAN NOT NULL DEFAULT false,
    "figures" JSONB NOT NULL,
    "state" "CommendationState" NOT NULL DEFAULT 'PENDING',
    "nominatedById" TEXT NOT NULL,
    "nominatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decisionComment" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Commendation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Questionnaire" (
    "id" TEXT NOT NULL,
    "party" "FeedbackParty" NOT NULL,
    "version" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "questions" JSONB NOT NULL,
    "state" "QuestionnaireState" NOT NULL DEFAULT 'DRAFT',
    "createdById" TEXT,
    "publishedAt" TIMESTAMP(3),
    "retiredAt" TIMESTAMP(3),
    "rowVersion" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Questionnaire_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_code_key" ON "Certificate"("code");

-- CreateIndex
CREATE INDEX "Certificate_expertId_issuedAt_idx" ON "Certificate"("expertId", "issuedAt");

-- CreateIndex
CREATE INDEX "Certificate_provinceCode_state_idx" ON "Certificate"("provinceCode", "state");

-- CreateIndex
CREATE INDEX "Commendation_provinceCode_state_idx" ON "Commendation"("provinceCode", "state");

-- CreateIndex
CREATE INDEX "Commendation_state_year_idx" ON "Commendation"("state", "year");

-- CreateIndex
CREATE UNIQUE INDEX "Commendation_expertId_year_key" ON "Commendation"("expertId", "year");

-- CreateIndex
CREATE INDEX "Questionnaire_party_state_idx" ON "Questionnaire"("party", "state");

-- CreateIndex
CREATE UNIQUE INDEX "Questionnaire_party_version_key" ON "Questionnaire"("party", "version");

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_questionnaireId_fkey" FOREIGN KEY ("questionnaireId") REFERENCES "Questionnaire"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_expertId_fkey" FOREIGN KEY ("expertId") REFERENCES "ExpertProfile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commendation" ADD CONSTRAINT "Commendation_expertId_fkey" FOREIGN KEY ("expertId") REFERENCES "ExpertProfile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- One questionnaire version in use per side: publishing a new one retires the old in the same transaction.
CREATE UNIQUE INDEX "Questionnaire_one_published_per_party" ON "Questionnaire"("party") WHERE "state" = 'PUBLISHED';

-- The first version of each side's questionnaire, so feedback can be given from the start; the ministry edits it
-- by publishing new versions (/ministry/questionnaires). Only the rating is required in it (the yes/no questions are
-- optional, so the feedback form asks nothing more than before until the ministry decides otherwise).
INSERT INTO "Questionnaire" ("id", "party", "version", "title", "questions", "state", "publishedAt") VALUES
('questionnaire-unit-v1', 'UNIT', 1, '服务单位评价问卷',
 '[{"key":"satisfaction","kind":"RATING","label":"对本次服务的总体满意度","required":true},{"key":"solved","kind":"YES_NO","label":"需求中的问题是否得到解决","required":false},{"key":"inviteAgain","kind":"YES_NO","label":"是否愿意再次邀请该专家","required":false},{"key":"comment","kind":"TEXT","label":"意见和建议","required":false}]',
 'PUBLISHED', CURRENT_TIMESTAMP),
('questionnaire-expert-v1', 'EXPERT', 1, '专家评价问卷',
 '[{"key":"satisfaction","kind":"RATING","label":"对本次服务安排的总体满意度","required":true},{"key":"solved","kind":"YES_NO","label":"服务目标是否达成","required":false},{"key":"inviteAgain","kind":"YES_NO","label":"是否愿意再次服务该单位","required":false},{"key":"comment","kind":"TEXT","label":"意见和建议","required":false}]',
 'PUBLISHED', CURRENT_TIMESTAMP);
