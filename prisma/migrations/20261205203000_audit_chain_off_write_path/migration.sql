-- The audit hash chain leaves the business transaction (lib/audit/chainer.ts). A write inserts its audit row with no
-- chain position ("seq", "prevHash", "hash" all NULL) and takes no lock, so writes no longer commit one at a time; a
-- chainer numbers and hashes committed rows afterwards, under the advisory lock, in a short transaction of its own.
-- Existing rows keep their positions and hashes.
ALTER TABLE "AuditLog" ALTER COLUMN "seq" DROP NOT NULL;

-- The chainer's work list: rows not yet in the chain, in the order it chains them.
CREATE INDEX "AuditLog_unchained_idx" ON "AuditLog"("createdAt", "id") WHERE "seq" IS NULL;

-- Still append-only. The one UPDATE allowed is the chainer's: a row with no chain position receives all three chain
-- columns at once and nothing else about it changes. A chained row (or a pre-chain one, seq set and hash NULL) can
-- never be updated again. DELETE as before: past retention and archived only.
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND OLD."seq" IS NULL AND OLD."prevHash" IS NULL AND OLD."hash" IS NULL
     AND NEW."seq" IS NOT NULL AND NEW."prevHash" IS NOT NULL AND NEW."hash" IS NOT NULL
     AND (to_jsonb(NEW) - 'seq' - 'prevHash' - 'hash') = (to_jsonb(OLD) - 'seq' - 'prevHash' - 'hash') THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'DELETE' AND OLD."createdAt" < now() - interval '180 days'
     AND EXISTS (SELECT 1 FROM "AuditArchive" WHERE "lastSeq" >= OLD."seq" AND "firstSeq" <= OLD."seq") THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION '审计日志只能追加，不能修改或删除（保存期不少于六个月，删除前须先归档）' USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
