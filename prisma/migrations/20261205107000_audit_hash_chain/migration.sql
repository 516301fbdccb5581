-- Audit tamper evidence (GB/T 22239 level 3): an SM3 hash chain over the audit log, in "seq" order (lib/audit/chain.ts).
-- Rows written before this migration keep hash NULL and are numbered by time: `npm run audit:verify` counts them as
-- the pre-chain prefix.
ALTER TABLE "AuditLog" ADD COLUMN "hash" TEXT, ADD COLUMN "prevHash" TEXT, ADD COLUMN "seq" BIGINT;

ALTER TABLE "AuditLog" DISABLE TRIGGER "AuditLog_append_only";
UPDATE "AuditLog" a SET "seq" = n.rn
FROM (SELECT id, row_number() OVER (ORDER BY "createdAt", id) AS rn FROM "AuditLog") n
WHERE a.id = n.id;
ALTER TABLE "AuditLog" ENABLE TRIGGER "AuditLog_append_only";

ALTER TABLE "AuditLog" ALTER COLUMN "seq" SET NOT NULL;
CREATE UNIQUE INDEX "AuditLog_seq_key" ON "AuditLog"("seq");

CREATE TABLE "AuditArchive" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "firstSeq" BIGINT NOT NULL,
    "lastSeq" BIGINT NOT NULL,
    "lastHash" TEXT,
    "rowCount" INTEGER NOT NULL,
    "file" TEXT NOT NULL,
    "fileSm3" TEXT NOT NULL,
    "purged" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "AuditArchive_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "AuditArchive_lastSeq_idx" ON "AuditArchive"("lastSeq");

-- Rows are never edited. A row may be deleted only when older than 180 days (retention of at least six months,
-- Cybersecurity Law art. 21) AND already written to an archive (`npm run audit:archive`), so nothing is lost.
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' AND OLD."createdAt" < now() - interval '180 days'
     AND EXISTS (SELECT 1 FROM "AuditArchive" WHERE "lastSeq" >= OLD."seq" AND "firstSeq" <= OLD."seq") THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION '审计日志只能追加，不能修改或删除（保存期不少于六个月，删除前须先归档）' USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION audit_log_no_truncate() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '审计日志不能被清空' USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "AuditLog_no_truncate" BEFORE TRUNCATE ON "AuditLog" FOR EACH STATEMENT EXECUTE FUNCTION audit_log_no_truncate();

-- The archive register is itself append-only: it is what lets the chain be checked after old rows are gone.
CREATE OR REPLACE FUNCTION audit_archive_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '审计归档登记只能追加' USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "AuditArchive_append_only" BEFORE UPDATE OR DELETE ON "AuditArchive" FOR EACH ROW EXECUTE FUNCTION audit_archive_append_only();
CREATE TRIGGER "AuditArchive_no_truncate" BEFORE TRUNCATE ON "AuditArchive" FOR EACH STATEMENT EXECUTE FUNCTION audit_log_no_truncate();
