-- AlterTable
ALTER TABLE "ServiceRecord" ADD COLUMN     "expertId" TEXT,
ADD COLUMN     "expertProvinceCode" VARCHAR(2),
ADD COLUMN     "incomeEffect" DECIMAL(12,2) NOT NULL DEFAULT 0,
ADD COLUMN     "priority" SMALLINT,
ADD COLUMN     "programKey" VARCHAR(20),
ADD COLUMN     "provinceCode" VARCHAR(2),
ADD COLUMN     "techniquesPromoted" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "TrackingMonthly" (
    "month" DATE NOT NULL,
    "provinceCode" VARCHAR(2) NOT NULL,
    "programKey" VARCHAR(20) NOT NULL,
    "form" "ServiceForm" NOT NULL,
    "records" INTEGER NOT NULL,
    "hours" DECIMAL(14,1) NOT NULL,
    "days" INTEGER NOT NULL,
    "peopleServed" BIGINT NOT NULL,
    "peopleTrained" BIGINT NOT NULL,
    "techniquesPromoted" BIGINT NOT NULL,
    "incomeEffect" DECIMAL(16,2) NOT NULL,

    CONSTRAINT "TrackingMonthly_pkey" PRIMARY KEY ("month","provinceCode","programKey","form")
);

-- CreateTable
CREATE TABLE "TrackingFlowYear" (
    "year" INTEGER NOT NULL,
    "expertProvinceCode" VARCHAR(2) NOT NULL,
    "provinceCode" VARCHAR(2) NOT NULL,
    "programKey" VARCHAR(20) NOT NULL,
    "form" "ServiceForm" NOT NULL,
    "records" INTEGER NOT NULL,
    "hours" DECIMAL(14,1) NOT NULL,

    CONSTRAINT "TrackingFlowYear_pkey" PRIMARY KEY ("year","expertProvinceCode","provinceCode","programKey","form")
);

-- CreateTable
CREATE TABLE "TrackingPriorityYear" (
    "year" INTEGER NOT NULL,
    "provinceCode" VARCHAR(2) NOT NULL,
    "programKey" VARCHAR(20) NOT NULL,
    "form" "ServiceForm" NOT NULL,
    "priority" SMALLINT NOT NULL,
    "records" INTEGER NOT NULL,
    "hours" DECIMAL(14,1) NOT NULL,
    "peopleServed" BIGINT NOT NULL,

    CONSTRAINT "TrackingPriorityYear_pkey" PRIMARY KEY ("year","provinceCode","programKey","form","priority")
);

-- CreateTable
CREATE TABLE "TrackingExpertYear" (
    "year" INTEGER NOT NULL,
    "provinceCode" VARCHAR(2) NOT NULL,
    "programKey" VARCHAR(20) NOT NULL,
    "form" "ServiceForm" NOT NULL,
    "expertId" TEXT NOT NULL,
    "expertProvinceCode" VARCHAR(2) NOT NULL,
    "records" INTEGER NOT NULL,

    CONSTRAINT "TrackingExpertYear_pkey" PRIMARY KEY ("year","provinceCode","programKey","form","expertId","expertProvinceCode")
);

-- CreateIndex
CREATE INDEX "TrackingMonthly_provinceCode_month_idx" ON "TrackingMonthly"("provinceCode", "month");

-- CreateIndex
CREATE INDEX "TrackingFlowYear_provinceCode_year_idx" ON "TrackingFlowYear"("provinceCode", "year");

-- CreateIndex
CREATE INDEX "TrackingExpertYear_year_expertId_idx" ON "TrackingExpertYear"("year", "expertId");

-- CreateIndex
CREATE INDEX "ServiceRecord_provinceCode_state_startDate_idx" ON "ServiceRecord"("provinceCode", "state", "startDate");

-- CreateIndex
CREATE INDEX "ServiceRecord_expertId_state_idx" ON "ServiceRecord"("expertId", "state");

-- ─── Impossible service records are refused by the database too (the form's zod rules say why in Chinese) ────
ALTER TABLE "ServiceRecord" ADD CONSTRAINT "ServiceRecord_dates_order" CHECK ("endDate" >= "startDate");
ALTER TABLE "ServiceRecord" ADD CONSTRAINT "ServiceRecord_hours_within_days"
  CHECK ("hours" > 0 AND "hours" <= 24 * (("endDate" - "startDate") + 1));
ALTER TABLE "ServiceRecord" ADD CONSTRAINT "ServiceRecord_counts_nonnegative"
  CHECK ("peopleServed" >= 0 AND "peopleTrained" >= 0 AND "techniquesPromoted" >= 0 AND "incomeEffect" >= 0);
ALTER TABLE "ServiceRecord" ADD CONSTRAINT "ServiceRecord_trained_within_served" CHECK ("peopleTrained" <= "peopleServed");

-- ─── Where a record counts: copied from its engagement when the record is written ─────────────────────────────
-- A snapshot, so that a later change elsewhere (an expert moving province) does not silently re-file past service.
CREATE FUNCTION tracking_record_dimensions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT n."provinceCode", e."expertId", x."provinceCode", COALESCE(p."code"::text, 'NONE'),
         (CASE WHEN n."breakBottleneck" THEN 1 ELSE 0 END) + (CASE WHEN n."promoteTechnology" THEN 2 ELSE 0 END)
           + (CASE WHEN n."raiseFarmerIncome" THEN 4 ELSE 0 END)
    INTO NEW."provinceCode", NEW."expertId", NEW."expertProvinceCode", NEW."programKey", NEW."priority"
    FROM "Engagement" e
    JOIN "Need" n ON n."id" = e."needId"
    JOIN "ExpertProfile" x ON x."id" = e."expertId"
    LEFT JOIN "DemonstrationActivity" a ON a."id" = e."activityId"
    LEFT JOIN "Program" p ON p."id" = a."programId"
   WHERE e."id" = NEW."engagementId";
  RETURN NEW;
END $$;

CREATE TRIGGER "ServiceRecord_dimensions" BEFORE INSERT OR UPDATE OF "engagementId" ON "ServiceRecord"
  FOR EACH ROW EXECUTE FUNCTION tracking_record_dimensions();

-- ─── The rollups follow every write of a record (insert, edit, confirm, dispute, delete, cascade) ────────────
CREATE FUNCTION tracking_apply(r "ServiceRecord", sign integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  m date := date_trunc('month', r."startDate")::date;
  y integer := extract(year FROM r."startDate")::integer;
BEGIN
  INSERT INTO "TrackingMonthly" AS t ("month", "provinceCode", "programKey", "form",
      "records", "hours", "days", "peopleServed", "peopleTrained", "techniquesPromoted", "incomeEffect")
    VALUES (m, r."provinceCode", r."programKey", r."form",
      sign, sign * r."hours", sign * (r."endDate" - r."startDate" + 1), sign * r."peopleServed", sign * r."peopleTrained",
      sign * r."techniquesPromoted", sign * r."incomeEffect")
    ON CONFLICT ("month", "provinceCode", "programKey", "form") DO UPDATE SET
      "records" = t."records" + EXCLUDED."records", "hours" = t."hours" + EXCLUDED."hours", "days" = t."days" + EXCLUDED."days",
      "peopleServed" = t."peopleServed" + EXCLUDED."peopleServed", "peopleTrained" = t."peopleTrained" + EXCLUDED."peopleTrained",
      "techniquesPromoted" = t."techniquesPromoted" + EXCLUDED."techniquesPromoted",
      "incomeEffect" = t."incomeEffect" + EXCLUDED."incomeEffect";
  DELETE FROM "TrackingMonthly" WHERE "month" = m AND "provinceCode" = r."provinceCode" AND "programKey" = r."programKey"
    AND "form" = r."form" AND "records" = 0;

  IF r."expertProvinceCode" <> r."provinceCode" THEN
    INSERT INTO "TrackingFlowYear" AS t ("year", "expertProvinceCode", "provinceCode", "programKey", "form", "records", "hours")
      VALUES (y, r."expertProvinceCode", r."provinceCode", r."programKey", r."form", sign, sign * r."hours")
      ON CONFLICT ("year", "expertProvinceCode", "provinceCode", "programKey", "form") DO UPDATE SET
        "records" = t."records" + EXCLUDED."records", "hours" = t."hours" + EXCLUDED."hours";
    DELETE FROM "TrackingFlowYear" WHERE "year" = y AND "expertProvinceCode" = r."expertProvinceCode" AND "provinceCode" = r."provinceCode"
      AND "programKey" = r."programKey" AND "form" = r."form" AND "records" = 0;
  END IF;

  INSERT INTO "TrackingPriorityYear" AS t ("year", "provinceCode", "programKey", "form", "priority", "records", "hours", "peopleServed")
    VALUES (y, r."provinceCode", r."programKey", r."form", r."priority", sign, sign * r."hours", sign * r."peopleServed")
    ON CONFLICT ("year", "provinceCode", "programKey", "form", "priority") DO UPDATE SET
      "records" = t."records" + EXCLUDED."records", "hours" = t."hours" + EXCLUDED."hours",
      "peopleServed" = t."peopleServed" + EXCLUDED."peopleServed";
  DELETE FROM "TrackingPriorityYear" WHERE "year" = y AND "provinceCode" = r."provinceCode" AND "programKey" = r."programKey"
    AND "form" = r."form" AND "priority" = r."priority" AND "records" = 0;

  INSERT INTO "TrackingExpertYear" AS t ("year", "provinceCode", "programKey", "form", "expertId", "expertProvinceCode", "records")
    VALUES (y, r."provinceCode", r."programKey", r."form", r."expertId", r."expertProvinceCode", sign)
    ON CONFLICT ("year", "provinceCode", "programKey", "form", "expertId", "expertProvinceCode") DO UPDATE SET
      "records" = t."records" + EXCLUDED."records";
  DELETE FROM "TrackingExpertYear" WHERE "year" = y AND "provinceCode" = r."provinceCode" AND "programKey" = r."programKey"
    AND "form" = r."form" AND "expertId" = r."expertId" AND "expertProvinceCode" = r."expertProvinceCode" AND "records" = 0;
END $$;

CREATE FUNCTION tracking_record_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."state" = 'CONFIRMED' THEN
    PERFORM tracking_apply(OLD, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."state" = 'CONFIRMED' THEN
    PERFORM tracking_apply(NEW, 1);
  END IF;
  RETURN NULL;
END $$;

-- Rebuild the rollups from the records (the backfill below; the benchmark after its bulk load).
CREATE FUNCTION tracking_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "TrackingMonthly";
  DELETE FROM "TrackingFlowYear";
  DELETE FROM "TrackingPriorityYear";
  DELETE FROM "TrackingExpertYear";
  INSERT INTO "TrackingMonthly" ("month", "provinceCode", "programKey", "form",
      "records", "hours", "days", "peopleServed", "peopleTrained", "techniquesPromoted", "incomeEffect")
    SELECT date_trunc('month', "startDate")::date, "provinceCode", "programKey", "form",
           count(*), sum("hours"), sum("endDate" - "startDate" + 1), sum("peopleServed"), sum("peopleTrained"),
           sum("techniquesPromoted"), sum("incomeEffect")
      FROM "ServiceRecord" WHERE "state" = 'CONFIRMED'
     GROUP BY 1, 2, 3, 4;
  INSERT INTO "TrackingFlowYear" ("year", "expertProvinceCode", "provinceCode", "programKey", "form", "records", "hours")
    SELECT extract(year FROM "startDate")::integer, "expertProvinceCode", "provinceCode", "programKey", "form", count(*), sum("hours")
      FROM "ServiceRecord" WHERE "state" = 'CONFIRMED' AND "expertProvinceCode" <> "provinceCode"
     GROUP BY 1, 2, 3, 4, 5;
  INSERT INTO "TrackingPriorityYear" ("year", "provinceCode", "programKey", "form", "priority", "records", "hours", "peopleServed")
    SELECT extract(year FROM "startDate")::integer, "provinceCode", "programKey", "form", "priority", count(*), sum("hours"), sum("peopleServed")
      FROM "ServiceRecord" WHERE "state" = 'CONFIRMED'
     GROUP BY 1, 2, 3, 4, 5;
  INSERT INTO "TrackingExpertYear" ("year", "provinceCode", "programKey", "form", "expertId", "expertProvinceCode", "records")
    SELECT extract(year FROM "startDate")::integer, "provinceCode", "programKey", "form", "expertId", "expertProvinceCode", count(*)
      FROM "ServiceRecord" WHERE "state" = 'CONFIRMED'
     GROUP BY 1, 2, 3, 4, 5, 6;
END $$;

-- Backfill the snapshot of existing records, then the rollups
-- (the rollup trigger comes after, so the backfill is counted once, by the rebuild).
UPDATE "ServiceRecord" SET "engagementId" = "engagementId";
SELECT tracking_rebuild();

CREATE TRIGGER "ServiceRecord_rollup" AFTER INSERT OR UPDATE OR DELETE ON "ServiceRecord"
  FOR EACH ROW EXECUTE FUNCTION tracking_record_rollup();
