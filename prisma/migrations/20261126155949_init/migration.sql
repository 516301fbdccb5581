-- CreateEnum
CREATE TYPE "Zone" AS ENUM ('EAST', 'CENTRAL', 'WEST', 'NORTHEAST');

-- CreateEnum
CREATE TYPE "RegionLevel" AS ENUM ('PROVINCE', 'CITY', 'COUNTY');

-- CreateEnum
CREATE TYPE "OrgType" AS ENUM ('MINISTRY', 'PROVINCIAL_BUREAU', 'DEPARTMENT', 'COUNTY_GOVERNMENT', 'TOWNSHIP_GOVERNMENT', 'ENTERPRISE', 'COOPERATIVE', 'HOSPITAL', 'SCHOOL', 'RESEARCH_STATION', 'BASE_HOST', 'EMPLOYER', 'OTHER');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('MINISTRY_ADMIN', 'PROVINCE_ADMIN', 'UNIT_USER', 'EXPERT', 'BASE_HOST', 'ENTERPRISE');

-- CreateEnum
CREATE TYPE "UserStatus" AS ENUM ('PENDING', 'ACTIVE', 'DISABLED');

-- CreateEnum
CREATE TYPE "Gender" AS ENUM ('MALE', 'FEMALE');

-- CreateEnum
CREATE TYPE "ProfessionalTitle" AS ENUM ('SENIOR', 'ASSOCIATE_SENIOR', 'INTERMEDIATE', 'JUNIOR');

-- CreateEnum
CREATE TYPE "TalentCategory" AS ENUM ('ACADEMICIAN', 'NATIONAL_TALENT_PROGRAM', 'PROVINCIAL_TALENT_PROGRAM', 'MAJOR_PROJECT_LEAD', 'URGENT_NEED', 'SPECIAL_ALLOWANCE', 'RETURNED_OVERSEAS', 'POSTDOC', 'RETIRED');

-- CreateEnum
CREATE TYPE "ExpertStatus" AS ENUM ('PENDING', 'ACTIVE', 'SUSPENDED');

-- CreateEnum
CREATE TYPE "LibraryStatus" AS ENUM ('NONE', 'NOMINATED', 'IN_LIBRARY', 'DECLINED', 'LEFT');

-- CreateEnum
CREATE TYPE "ServiceForm" AS ENUM ('TECH_GUIDANCE', 'TECH_PROMOTION', 'JOINT_RESEARCH', 'DECISION_CONSULTING', 'JOINT_TRAINING', 'MENTORSHIP', 'TOURING_LECTURE', 'THEMED_LECTURE', 'DEMONSTRATION_TEACHING', 'PUBLIC_WELFARE', 'RESULT_TRANSFER', 'STARTUP', 'PART_TIME_POST', 'ACADEMIC_EXCHANGE', 'INTERMEDIARY');

-- CreateEnum
CREATE TYPE "AchievementKind" AS ENUM ('PAPER', 'PATENT', 'PROJECT', 'AWARD', 'STANDARD', 'OTHER');

-- CreateEnum
CREATE TYPE "AvailabilityKind" AS ENUM ('AVAILABLE', 'BLACKOUT');

-- CreateEnum
CREATE TYPE "NominationState" AS ENUM ('NOMINATED', 'ADMITTED', 'DECLINED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "DeliveryMode" AS ENUM ('ONSITE', 'REMOTE', 'EITHER');

-- CreateEnum
CREATE TYPE "NeedState" AS ENUM ('DRAFT', 'SUBMITTED', 'RETURNED', 'REJECTED', 'OPEN', 'MATCHED', 'IN_SERVICE', 'COMPLETED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "Urgency" AS ENUM ('LOW', 'NORMAL', 'HIGH');

-- CreateEnum
CREATE TYPE "MatchSource" AS ENUM ('SYSTEM', 'BATCH', 'PROVINCE', 'EXPERT_APPLIED');

-- CreateEnum
CREATE TYPE "MatchState" AS ENUM ('PROPOSED', 'APPLIED', 'INVITED', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'WITHDRAWN', 'REJECTED', 'CONFIRMED');

-- CreateEnum
CREATE TYPE "EngagementType" AS ENUM ('SHORT_TERM', 'SECONDMENT', 'PROJECT');

-- CreateEnum
CREATE TYPE "EngagementState" AS ENUM ('PLANNING', 'ACTIVE', 'AWAITING_FEEDBACK', 'CLOSED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ServiceRecordState" AS ENUM ('SUBMITTED', 'CONFIRMED', 'DISPUTED');

-- CreateEnum
CREATE TYPE "FeedbackParty" AS ENUM ('UNIT', 'EXPERT');

-- CreateEnum
CREATE TYPE "ProgramCode" AS ENUM ('EXPERT_SERVICE', 'OVERSEAS_TALENT', 'POSTDOC_SERVICE');

-- CreateEnum
CREATE TYPE "PlanState" AS ENUM ('DRAFT', 'OPEN', 'CLOSED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "ActivityState" AS ENUM ('DRAFT', 'SUBMITTED', 'RECOMMENDED', 'NOT_RECOMMENDED', 'SELECTED', 'NOT_SELECTED', 'IN_PROGRESS', 'COMPLETED', 'EVALUATED');

-- CreateEnum
CREATE TYPE "BaseLevel" AS ENUM ('NATIONAL', 'PROVINCIAL');

-- CreateEnum
CREATE TYPE "BaseState" AS ENUM ('APPLIED', 'PROVINCE_APPROVED', 'ESTABLISHED', 'RECTIFYING', 'REMOVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "EvaluationGrade" AS ENUM ('EXCELLENT', 'QUALIFIED', 'UNQUALIFIED');

-- CreateEnum
CREATE TYPE "RectificationState" AS ENUM ('ISSUED', 'RESPONDED', 'PASSED', 'FAILED');

-- CreateEnum
CREATE TYPE "ChallengeState" AS ENUM ('DRAFT', 'SUBMITTED', 'PUBLISHED', 'CLOSED', 'AWARDED', 'COMPLETED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "BidState" AS ENUM ('SUBMITTED', 'SHORTLISTED', 'SELECTED', 'REJECTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "CaseState" AS ENUM ('DRAFT', 'SUBMITTED', 'PUBLISHED', 'REJECTED');

-- CreateEnum
CREATE TYPE "AuditOutcome" AS ENUM ('SUCCESS', 'DENIED', 'FAILURE');

-- CreateTable
CREATE TABLE "Region" (
    "code" VARCHAR(6) NOT NULL,
    "name" TEXT NOT NULL,
    "level" "RegionLevel" NOT NULL,
    "parentCode" VARCHAR(6),
    "provinceCode" VARCHAR(2) NOT NULL,
    "zone" "Zone" NOT NULL,
    "isCapital" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "Region_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Discipline" (
    "code" VARCHAR(10) NOT NULL,
    "name" TEXT NOT NULL,
    "parentCode" VARCHAR(10),

    CONSTRAINT "Discipline_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Industry" (
    "code" VARCHAR(10) NOT NULL,
    "name" TEXT NOT NULL,
    "parentCode" VARCHAR(10),

    CONSTRAINT "Industry_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Organization" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" "OrgType" NOT NULL,
    "regionCode" VARCHAR(6) NOT NULL,
    "creditCode" TEXT,
    "address" TEXT,
    "contactName" TEXT,
    "contactPhone" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "status" "UserStatus" NOT NULL DEFAULT 'ACTIVE',
    "organizationId" TEXT,
    "phone" TEXT,
    "email" TEXT,
    "failedLoginCount" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "lastLoginAt" TIMESTAMP(3),
    "lastLoginIp" TEXT,
    "passwordChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoleAssignment" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "organizationId" TEXT,
    "provinceCode" VARCHAR(6),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RoleAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExpertProfile" (
    "id" TEXT NOT NULL,
    "userId" TEXT,
    "name" TEXT NOT NULL,
    "gender" "Gender" NOT NULL,
    "birthYear" INTEGER NOT NULL,
    "employer" TEXT NOT NULL,
    "title" "ProfessionalTitle" NOT NULL,
    "disciplineCodes" TEXT[],
    "industryCodes" TEXT[],
    "skills" TEXT[],
    "bio" TEXT NOT NULL DEFAULT '',
    "talentCategories" "TalentCategory"[],
    "regionCode" VARCHAR(6) NOT NULL,
    "provinceCode" VARCHAR(2) NOT NULL,
    "preferredForms" "ServiceForm"[],
    "serviceRegionCodes" TEXT[],
    "acceptsRemote" BOOLEAN NOT NULL DEFAULT true,
    "maxConcurrent" INTEGER NOT NULL DEFAULT 2,
    "activeEngagements" INTEGER NOT NULL DEFAULT 0,
    "phone" TEXT,
    "email" TEXT,
    "idNumber" TEXT,
    "isRetired" BOOLEAN NOT NULL DEFAULT false,
    "healthAttestedAt" TIMESTAMP(3),
    "consentAttestedAt" TIMESTAMP(3),
    "shareAcrossRegions" BOOLEAN NOT NULL DEFAULT false,
    "status" "ExpertStatus" NOT NULL DEFAULT 'ACTIVE',
    "libraryStatus" "LibraryStatus" NOT NULL DEFAULT 'NONE',
    "libraryJoinedAt" TIMESTAMP(3),
    "lastConfirmedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ExpertProfile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExpertAchievement" (
    "id" TEXT NOT NULL,
    "expertId" TEXT NOT NULL,
    "kind" "AchievementKind" NOT NULL,
    "title" TEXT NOT NULL,
    "abstract" TEXT NOT NULL DEFAULT '',
    "year" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ExpertAchievement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExpertAvailability" (
    "id" TEXT NOT NULL,
    "expertId" TEXT NOT NULL,
    "kind" "AvailabilityKind" NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "note" TEXT,

    CONSTRAINT "ExpertAvailability_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LibraryNomination" (
    "id" TEXT NOT NULL,
    "expertId" TEXT NOT NULL,
    "provinceCode" VARCHAR(2) NOT NULL,
    "nominatedById" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "state" "NominationState" NOT NULL DEFAULT 'NOMINATED',
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decisionReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LibraryNomination_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceMenuItem" (
    "id" TEXT NOT NULL,
    "form" "ServiceForm" NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "typicalDurationDays" INTEGER NOT NULL,
    "delivery" "DeliveryMode" NOT NULL DEFAULT 'EITHER',
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "retiredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ServiceMenuItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Need" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "regionCode" VARCHAR(6) NOT NULL,
    "provinceCode" VARCHAR(2) NOT NULL,
    "title" TEXT NOT NULL,
    "bottleneck" TEXT NOT NULL,
    "disciplineCodes" TEXT[],
    "industryCodes" TEXT[],
    "windowStart" DATE,
    "windowEnd" DATE,
    "expertsWanted" INTEGER NOT NULL DEFAULT 1,
    "delivery" "DeliveryMode" NOT NULL DEFAULT 'EITHER',
    "expectedOutcome" TEXT NOT NULL DEFAULT '',
    "breakBottleneck" BOOLEAN NOT NULL DEFAULT false,
    "promoteTechnology" BOOLEAN NOT NULL DEFAULT false,
    "raiseFarmerIncome" BOOLEAN NOT NULL DEFAULT false,
    "urgency" "Urgency" NOT NULL DEFAULT 'NORMAL',
    "state" "NeedState" NOT NULL DEFAULT 'DRAFT',
    "enteredById" TEXT,
    "onBehalfOf" TEXT,
    "submittedAt" TIMESTAMP(3),
    "reviewedAt" TIMESTAMP(3),
    "reviewedById" TEXT,
    "reviewComment" TEXT,
    "activityId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Need_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NeedMenuItem" (
    "needId" TEXT NOT NULL,
    "menuItemId" TEXT NOT NULL,

    CONSTRAINT "NeedMenuItem_pkey" PRIMARY KEY ("needId","menuItemId")
);

-- CreateTable
CREATE TABLE "NeedEvent" (
    "id" TEXT NOT NULL,
    "needId" TEXT NOT NULL,
    "fromState" "NeedState",
    "toState" "NeedState" NOT NULL,
    "actorId" TEXT,
    "comment" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NeedEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Match" (
    "id" TEXT NOT NULL,
    "needId" TEXT NOT NULL,
    "expertId" TEXT NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "scoreParts" JSONB NOT NULL DEFAULT '{}',
    "explanation" TEXT NOT NULL DEFAULT '',
    "source" "MatchSource" NOT NULL,
    "state" "MatchState" NOT NULL DEFAULT 'PROPOSED',
    "assignReason" TEXT,
    "invitedById" TEXT,
    "invitedAt" TIMESTAMP(3),
    "respondBy" TIMESTAMP(3),
    "respondedAt" TIMESTAMP(3),
    "declineReason" TEXT,
    "offeredHours" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Match_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Engagement" (
    "id" TEXT NOT NULL,
    "matchId" TEXT NOT NULL,
    "needId" TEXT NOT NULL,
    "expertId" TEXT NOT NULL,
    "activityId" TEXT,
    "type" "EngagementType" NOT NULL DEFAULT 'SHORT_TERM',
    "state" "EngagementState" NOT NULL DEFAULT 'PLANNING',
    "planGoals" TEXT,
    "planSchedule" TEXT,
    "planPlace" TEXT,
    "planDeliverables" TEXT,
    "planForms" "ServiceForm"[],
    "planAgreedByUnitAt" TIMESTAMP(3),
    "planAgreedByExpertAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Engagement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceRecord" (
    "id" TEXT NOT NULL,
    "engagementId" TEXT NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE NOT NULL,
    "hours" DECIMAL(7,1) NOT NULL,
    "form" "ServiceForm" NOT NULL,
    "content" TEXT NOT NULL,
    "peopleServed" INTEGER NOT NULL DEFAULT 0,
    "peopleTrained" INTEGER NOT NULL DEFAULT 0,
    "state" "ServiceRecordState" NOT NULL DEFAULT 'SUBMITTED',
    "confirmedById" TEXT,
    "confirmedAt" TIMESTAMP(3),
    "disputeReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ServiceRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Feedback" (
    "id" TEXT NOT NULL,
    "engagementId" TEXT NOT NULL,
    "party" "FeedbackParty" NOT NULL,
    "authorId" TEXT NOT NULL,
    "rating" INTEGER NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Feedback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Program" (
    "id" TEXT NOT NULL,
    "code" "ProgramCode" NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,

    CONSTRAINT "Program_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnnualPlan" (
    "id" TEXT NOT NULL,
    "programId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "theme" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "quota" INTEGER NOT NULL,
    "provinceQuota" INTEGER NOT NULL DEFAULT 3,
    "applicationOpensAt" TIMESTAMP(3),
    "applicationClosesAt" TIMESTAMP(3),
    "state" "PlanState" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AnnualPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DemonstrationActivity" (
    "id" TEXT NOT NULL,
    "planId" TEXT,
    "programId" TEXT NOT NULL,
    "applicantOrgId" TEXT NOT NULL,
    "hostBaseId" TEXT,
    "regionCode" VARCHAR(6) NOT NULL,
    "provinceCode" VARCHAR(2) NOT NULL,
    "isDemonstration" BOOLEAN NOT NULL DEFAULT true,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "plannedStart" DATE,
    "plannedEnd" DATE,
    "plannedExperts" INTEGER NOT NULL DEFAULT 0,
    "pairedProvinceCode" VARCHAR(2),
    "state" "ActivityState" NOT NULL DEFAULT 'DRAFT',
    "recommendRank" INTEGER,
    "recommendComment" TEXT,
    "selectionComment" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DemonstrationActivity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActivityReview" (
    "id" TEXT NOT NULL,
    "activityId" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "scores" JSONB NOT NULL,
    "total" DOUBLE PRECISION NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ActivityReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActivityProgressReport" (
    "id" TEXT NOT NULL,
    "activityId" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "expertsCount" INTEGER NOT NULL DEFAULT 0,
    "serviceHours" INTEGER NOT NULL DEFAULT 0,
    "peopleServed" INTEGER NOT NULL DEFAULT 0,
    "forms" "ServiceForm"[],
    "submittedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ActivityProgressReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceBase" (
    "id" TEXT NOT NULL,
    "hostOrgId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "level" "BaseLevel" NOT NULL,
    "regionCode" VARCHAR(6) NOT NULL,
    "provinceCode" VARCHAR(2) NOT NULL,
    "focus" TEXT NOT NULL,
    "developmentPlan" TEXT NOT NULL DEFAULT '',
    "rules" TEXT NOT NULL DEFAULT '',
    "state" "BaseState" NOT NULL DEFAULT 'APPLIED',
    "establishedAt" TIMESTAMP(3),
    "removedAt" TIMESTAMP(3),
    "removalReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ServiceBase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BaseAnnualReport" (
    "id" TEXT NOT NULL,
    "baseId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "content" TEXT NOT NULL,
    "expertsCount" INTEGER NOT NULL DEFAULT 0,
    "activitiesCount" INTEGER NOT NULL DEFAULT 0,
    "peopleTrained" INTEGER NOT NULL DEFAULT 0,
    "submittedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BaseAnnualReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BaseEvaluation" (
    "id" TEXT NOT NULL,
    "baseId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "grade" "EvaluationGrade" NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "evaluatorId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BaseEvaluation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RectificationOrder" (
    "id" TEXT NOT NULL,
    "baseId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "deadline" DATE NOT NULL,
    "state" "RectificationState" NOT NULL DEFAULT 'ISSUED',
    "issuedById" TEXT NOT NULL,
    "response" TEXT,
    "respondedAt" TIMESTAMP(3),
    "verdict" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RectificationOrder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Challenge" (
    "id" TEXT NOT NULL,
    "enterpriseId" TEXT NOT NULL,
    "regionCode" VARCHAR(6) NOT NULL,
    "provinceCode" VARCHAR(2) NOT NULL,
    "title" TEXT NOT NULL,
    "problem" TEXT NOT NULL,
    "requirements" TEXT NOT NULL DEFAULT '',
    "disciplineCodes" TEXT[],
    "rewardYuan" INTEGER,
    "bidDeadline" TIMESTAMP(3),
    "state" "ChallengeState" NOT NULL DEFAULT 'DRAFT',
    "publishedById" TEXT,
    "publishedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Challenge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChallengeBid" (
    "id" TEXT NOT NULL,
    "challengeId" TEXT NOT NULL,
    "expertId" TEXT NOT NULL,
    "team" TEXT NOT NULL DEFAULT '',
    "proposal" TEXT NOT NULL,
    "state" "BidState" NOT NULL DEFAULT 'SUBMITTED',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChallengeBid_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChallengeMilestone" (
    "id" TEXT NOT NULL,
    "challengeId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,
    "doneAt" TIMESTAMP(3),
    "note" TEXT,

    CONSTRAINT "ChallengeMilestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TypicalCase" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "provinceCode" VARCHAR(2),
    "activityId" TEXT,
    "state" "CaseState" NOT NULL DEFAULT 'DRAFT',
    "authorId" TEXT NOT NULL,
    "publishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TypicalCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "link" TEXT,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorName" TEXT,
    "role" "Role",
    "operation" TEXT NOT NULL,
    "entityType" TEXT,
    "entityId" TEXT,
    "outcome" "AuditOutcome" NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "before" JSONB,
    "after" JSONB,
    "ip" TEXT,
    "userAgent" TEXT,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attachment" (
    "id" TEXT NOT NULL,
    "ownerType" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "storageKey" TEXT NOT NULL,
    "uploadedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Region_parentCode_idx" ON "Region"("parentCode");

-- CreateIndex
CREATE INDEX "Region_provinceCode_level_idx" ON "Region"("provinceCode", "level");

-- CreateIndex
CREATE INDEX "Region_zone_idx" ON "Region"("zone");

-- CreateIndex
CREATE INDEX "Discipline_parentCode_idx" ON "Discipline"("parentCode");

-- CreateIndex
CREATE INDEX "Industry_parentCode_idx" ON "Industry"("parentCode");

-- CreateIndex
CREATE UNIQUE INDEX "Organization_creditCode_key" ON "Organization"("creditCode");

-- CreateIndex
CREATE INDEX "Organization_regionCode_type_idx" ON "Organization"("regionCode", "type");

-- CreateIndex
CREATE UNIQUE INDEX "Organization_name_regionCode_key" ON "Organization"("name", "regionCode");

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- CreateIndex
CREATE INDEX "User_organizationId_idx" ON "User"("organizationId");

-- CreateIndex
CREATE INDEX "RoleAssignment_role_provinceCode_idx" ON "RoleAssignment"("role", "provinceCode");

-- CreateIndex
CREATE INDEX "RoleAssignment_organizationId_idx" ON "RoleAssignment"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "RoleAssignment_userId_role_organizationId_provinceCode_key" ON "RoleAssignment"("userId", "role", "organizationId", "provinceCode");

-- CreateIndex
CREATE UNIQUE INDEX "ExpertProfile_userId_key" ON "ExpertProfile"("userId");

-- CreateIndex
CREATE INDEX "ExpertProfile_provinceCode_status_idx" ON "ExpertProfile"("provinceCode", "status");

-- CreateIndex
CREATE INDEX "ExpertProfile_regionCode_idx" ON "ExpertProfile"("regionCode");

-- CreateIndex
CREATE INDEX "ExpertProfile_libraryStatus_idx" ON "ExpertProfile"("libraryStatus");

-- CreateIndex
CREATE INDEX "ExpertProfile_title_idx" ON "ExpertProfile"("title");

-- CreateIndex
CREATE INDEX "ExpertProfile_disciplineCodes_idx" ON "ExpertProfile" USING GIN ("disciplineCodes");

-- CreateIndex
CREATE INDEX "ExpertProfile_industryCodes_idx" ON "ExpertProfile" USING GIN ("industryCodes");

-- CreateIndex
CREATE INDEX "ExpertProfile_talentCategories_idx" ON "ExpertProfile" USING GIN ("talentCategories");

-- CreateIndex
CREATE INDEX "ExpertAchievement_expertId_idx" ON "ExpertAchievement"("expertId");

-- CreateIndex
CREATE INDEX "ExpertAvailability_expertId_kind_idx" ON "ExpertAvailability"("expertId", "kind");

-- CreateIndex
CREATE INDEX "ExpertAvailability_startsOn_endsOn_idx" ON "ExpertAvailability"("startsOn", "endsOn");

-- CreateIndex
CREATE INDEX "LibraryNomination_state_provinceCode_idx" ON "LibraryNomination"("state", "provinceCode");

-- CreateIndex
CREATE INDEX "LibraryNomination_expertId_idx" ON "LibraryNomination"("expertId");

-- CreateIndex
CREATE UNIQUE INDEX "ServiceMenuItem_name_key" ON "ServiceMenuItem"("name");

-- CreateIndex
CREATE INDEX "ServiceMenuItem_form_retiredAt_idx" ON "ServiceMenuItem"("form", "retiredAt");

-- CreateIndex
CREATE UNIQUE INDEX "Need_code_key" ON "Need"("code");

-- CreateIndex
CREATE INDEX "Need_provinceCode_state_idx" ON "Need"("provinceCode", "state");

-- CreateIndex
CREATE INDEX "Need_unitId_state_idx" ON "Need"("unitId", "state");

-- CreateIndex
CREATE INDEX "Need_regionCode_idx" ON "Need"("regionCode");

-- CreateIndex
CREATE INDEX "Need_state_createdAt_idx" ON "Need"("state", "createdAt");

-- CreateIndex
CREATE INDEX "Need_disciplineCodes_idx" ON "Need" USING GIN ("disciplineCodes");

-- CreateIndex
CREATE INDEX "Need_industryCodes_idx" ON "Need" USING GIN ("industryCodes");

-- CreateIndex
CREATE INDEX "NeedMenuItem_menuItemId_idx" ON "NeedMenuItem"("menuItemId");

-- CreateIndex
CREATE INDEX "NeedEvent_needId_createdAt_idx" ON "NeedEvent"("needId", "createdAt");

-- CreateIndex
CREATE INDEX "Match_expertId_state_idx" ON "Match"("expertId", "state");

-- CreateIndex
CREATE INDEX "Match_state_respondBy_idx" ON "Match"("state", "respondBy");

-- CreateIndex
CREATE UNIQUE INDEX "Match_needId_expertId_key" ON "Match"("needId", "expertId");

-- CreateIndex
CREATE UNIQUE INDEX "Engagement_matchId_key" ON "Engagement"("matchId");

-- CreateIndex
CREATE INDEX "Engagement_expertId_state_idx" ON "Engagement"("expertId", "state");

-- CreateIndex
CREATE INDEX "Engagement_needId_idx" ON "Engagement"("needId");

-- CreateIndex
CREATE INDEX "Engagement_activityId_idx" ON "Engagement"("activityId");

-- CreateIndex
CREATE INDEX "ServiceRecord_engagementId_state_idx" ON "ServiceRecord"("engagementId", "state");

-- CreateIndex
CREATE INDEX "ServiceRecord_startDate_idx" ON "ServiceRecord"("startDate");

-- CreateIndex
CREATE UNIQUE INDEX "Feedback_engagementId_party_key" ON "Feedback"("engagementId", "party");

-- CreateIndex
CREATE UNIQUE INDEX "Program_code_key" ON "Program"("code");

-- CreateIndex
CREATE UNIQUE INDEX "AnnualPlan_programId_year_key" ON "AnnualPlan"("programId", "year");

-- CreateIndex
CREATE INDEX "DemonstrationActivity_planId_state_idx" ON "DemonstrationActivity"("planId", "state");

-- CreateIndex
CREATE INDEX "DemonstrationActivity_provinceCode_state_idx" ON "DemonstrationActivity"("provinceCode", "state");

-- CreateIndex
CREATE UNIQUE INDEX "ActivityReview_activityId_reviewerId_key" ON "ActivityReview"("activityId", "reviewerId");

-- CreateIndex
CREATE UNIQUE INDEX "ActivityProgressReport_activityId_period_key" ON "ActivityProgressReport"("activityId", "period");

-- CreateIndex
CREATE UNIQUE INDEX "ServiceBase_name_key" ON "ServiceBase"("name");

-- CreateIndex
CREATE INDEX "ServiceBase_provinceCode_state_idx" ON "ServiceBase"("provinceCode", "state");

-- CreateIndex
CREATE INDEX "ServiceBase_hostOrgId_idx" ON "ServiceBase"("hostOrgId");

-- CreateIndex
CREATE UNIQUE INDEX "BaseAnnualReport_baseId_year_key" ON "BaseAnnualReport"("baseId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "BaseEvaluation_baseId_year_key" ON "BaseEvaluation"("baseId", "year");

-- CreateIndex
CREATE INDEX "RectificationOrder_baseId_state_idx" ON "RectificationOrder"("baseId", "state");

-- CreateIndex
CREATE INDEX "RectificationOrder_state_deadline_idx" ON "RectificationOrder"("state", "deadline");

-- CreateIndex
CREATE INDEX "Challenge_provinceCode_state_idx" ON "Challenge"("provinceCode", "state");

-- CreateIndex
CREATE INDEX "Challenge_enterpriseId_idx" ON "Challenge"("enterpriseId");

-- CreateIndex
CREATE INDEX "Challenge_disciplineCodes_idx" ON "Challenge" USING GIN ("disciplineCodes");

-- CreateIndex
CREATE UNIQUE INDEX "ChallengeBid_challengeId_expertId_key" ON "ChallengeBid"("challengeId", "expertId");

-- CreateIndex
CREATE INDEX "ChallengeMilestone_challengeId_idx" ON "ChallengeMilestone"("challengeId");

-- CreateIndex
CREATE INDEX "TypicalCase_state_publishedAt_idx" ON "TypicalCase"("state", "publishedAt");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_idx" ON "Notification"("userId", "readAt");

-- CreateIndex
CREATE INDEX "AuditLog_createdAt_idx" ON "AuditLog"("createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_createdAt_idx" ON "AuditLog"("actorId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_operation_createdAt_idx" ON "AuditLog"("operation", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_entityType_entityId_idx" ON "AuditLog"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditLog_outcome_createdAt_idx" ON "AuditLog"("outcome", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Attachment_storageKey_key" ON "Attachment"("storageKey");

-- CreateIndex
CREATE INDEX "Attachment_ownerType_ownerId_idx" ON "Attachment"("ownerType", "ownerId");

-- AddForeignKey
ALTER TABLE "Region" ADD CONSTRAINT "Region_parentCode_fkey" FOREIGN KEY ("parentCode") REFERENCES "Region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Discipline" ADD CONSTRAINT "Discipline_parentCode_fkey" FOREIGN KEY ("parentCode") REFERENCES "Discipline"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Industry" ADD CONSTRAINT "Industry_parentCode_fkey" FOREIGN KEY ("parentCode") REFERENCES "Industry"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleAssignment" ADD CONSTRAINT "RoleAssignment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleAssignment" ADD CONSTRAINT "RoleAssignment_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleAssignment" ADD CONSTRAINT "RoleAssignment_provinceCode_fkey" FOREIGN KEY ("provinceCode") REFERENCES "Region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExpertProfile" ADD CONSTRAINT "ExpertProfile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExpertProfile" ADD CONSTRAINT "ExpertProfile_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExpertAchievement" ADD CONSTRAINT "ExpertAchievement_expertId_fkey" FOREIGN KEY ("expertId") REFERENCES "ExpertProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExpertAvailability" ADD CONSTRAINT "ExpertAvailability_expertId_fkey" FOREIGN KEY ("expertId") REFERENCES "ExpertProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LibraryNomination" ADD CONSTRAINT "LibraryNomination_expertId_fkey" FOREIGN KEY ("expertId") REFERENCES "ExpertProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Need" ADD CONSTRAINT "Need_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Need" ADD CONSTRAINT "Need_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Need" ADD CONSTRAINT "Need_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "DemonstrationActivity"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NeedMenuItem" ADD CONSTRAINT "NeedMenuItem_needId_fkey" FOREIGN KEY ("needId") REFERENCES "Need"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NeedMenuItem" ADD CONSTRAINT "NeedMenuItem_menuItemId_fkey" FOREIGN KEY ("menuItemId") REFERENCES "ServiceMenuItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NeedEvent" ADD CONSTRAINT "NeedEvent_needId_fkey" FOREIGN KEY ("needId") REFERENCES "Need"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Match" ADD CONSTRAINT "Match_needId_fkey" FOREIGN KEY ("needId") REFERENCES "Need"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Match" ADD CONSTRAINT "Match_expertId_fkey" FOREIGN KEY ("expertId") REFERENCES "ExpertProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Engagement" ADD CONSTRAINT "Engagement_matchId_fkey" FOREIGN KEY ("matchId") REFERENCES "Match"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Engagement" ADD CONSTRAINT "Engagement_needId_fkey" FOREIGN KEY ("needId") REFERENCES "Need"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Engagement" ADD CONSTRAINT "Engagement_expertId_fkey" FOREIGN KEY ("expertId") REFERENCES "ExpertProfile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Engagement" ADD CONSTRAINT "Engagement_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "DemonstrationActivity"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceRecord" ADD CONSTRAINT "ServiceRecord_engagementId_fkey" FOREIGN KEY ("engagementId") REFERENCES "Engagement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_engagementId_fkey" FOREIGN KEY ("engagementId") REFERENCES "Engagement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnualPlan" ADD CONSTRAINT "AnnualPlan_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DemonstrationActivity" ADD CONSTRAINT "DemonstrationActivity_planId_fkey" FOREIGN KEY ("planId") REFERENCES "AnnualPlan"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DemonstrationActivity" ADD CONSTRAINT "DemonstrationActivity_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DemonstrationActivity" ADD CONSTRAINT "DemonstrationActivity_applicantOrgId_fkey" FOREIGN KEY ("applicantOrgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DemonstrationActivity" ADD CONSTRAINT "DemonstrationActivity_hostBaseId_fkey" FOREIGN KEY ("hostBaseId") REFERENCES "ServiceBase"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DemonstrationActivity" ADD CONSTRAINT "DemonstrationActivity_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityReview" ADD CONSTRAINT "ActivityReview_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "DemonstrationActivity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityProgressReport" ADD CONSTRAINT "ActivityProgressReport_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "DemonstrationActivity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceBase" ADD CONSTRAINT "ServiceBase_hostOrgId_fkey" FOREIGN KEY ("hostOrgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceBase" ADD CONSTRAINT "ServiceBase_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BaseAnnualReport" ADD CONSTRAINT "BaseAnnualReport_baseId_fkey" FOREIGN KEY ("baseId") REFERENCES "ServiceBase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BaseEvaluation" ADD CONSTRAINT "BaseEvaluation_baseId_fkey" FOREIGN KEY ("baseId") REFERENCES "ServiceBase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RectificationOrder" ADD CONSTRAINT "RectificationOrder_baseId_fkey" FOREIGN KEY ("baseId") REFERENCES "ServiceBase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Challenge" ADD CONSTRAINT "Challenge_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Challenge" ADD CONSTRAINT "Challenge_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChallengeBid" ADD CONSTRAINT "ChallengeBid_challengeId_fkey" FOREIGN KEY ("challengeId") REFERENCES "Challenge"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChallengeBid" ADD CONSTRAINT "ChallengeBid_expertId_fkey" FOREIGN KEY ("expertId") REFERENCES "ExpertProfile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChallengeMilestone" ADD CONSTRAINT "ChallengeMilestone_challengeId_fkey" FOREIGN KEY ("challengeId") REFERENCES "Challenge"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TypicalCase" ADD CONSTRAINT "TypicalCase_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "DemonstrationActivity"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
