import { randomBytes } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { ImportKind } from "@/lib/generated/prisma/enums";
import { AppError, conflict } from "@/lib/errors";
import { refreshAllMatchTerms } from "@/lib/matching/terms";
import { allocateNeedCodes } from "@/lib/needs/code";
import { readSpreadsheet } from "@/lib/import/read";
import type { ExpertRecord, NeedRecord } from "@/lib/import/records";
import { loadExpertReference, loadNeedReference } from "@/lib/import/reference";
import { importerOf, type JobScope, KIND_LABEL } from "@/lib/import/scope";
import { rejectExistingExperts, validateSheet, type Validation } from "@/lib/import/validate";
import { openPersonal, personalIndex, sealPersonal } from "@/lib/privacy/at-rest";
import { writeAudit } from "@/lib/audit/log";

// The job lifecycle: upload → VALIDATED (errors + good rows kept on the job) → COMMITTING → COMMITTED | FAILED,
// or VALIDATED → CANCELLED. State changes are conditional updates, so a double click or a second instance
// cannot commit twice. Progress is written to the job row through its own connection, so any instance can
// report it while the one transaction that writes the rows is still open.

export const COMMIT_CHUNK = 500;
/** A COMMITTING job whose progress has not moved for this long was cut off (instance stopped); its transaction rolled back. */
export const STALE_COMMIT_MS = 10 * 60_000;

type AuditFn = (tx: Tx, entry: { entityType: string; entityId: string; summary: string; after?: Prisma.InputJsonValue }) => Promise<void>;

export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  return (base.replace(/[\u0000-\u001f]/g, "").trim() || "未命名文件").slice(0, 200);
}

/** Read, validate against reference data loaded once, and keep the result as a VALIDATED job. */
export async function createImportJob(args: {
  kind: ImportKind;
  fileName: string;
  bytes: Uint8Array;
  scope: JobScope & { national: boolean };
  createdById: string;
  audit: AuditFn;
  now?: Date;
}) {
  const { kind, scope } = args;
  const { type, sheet } = await readSpreadsheet(args.bytes);
  const importer = await importerOf(db, scope);
  const result = kind === "EXPERTS"
    ? await withoutExistingExperts(validateSheet("EXPERTS", sheet, await loadExpertReference(db), importer, args.now))
    : validateSheet("NEEDS", sheet, await loadNeedReference(db, importer.kind === "province" ? importer.provinceCode : null), importer, args.now);
  const fileName = cleanFileName(args.fileName);
  return db.$transaction(async (tx) => {
    const job = await tx.importJob.create({
      data: {
        kind,
        fileName,
        createdById: args.createdById,
        provinceCode: scope.provinceCode,
        organizationId: scope.organizationId,
        totalRows: result.totalRows,
        validRows: result.records.length,
      },
      select: { id: true, totalRows: true, validRows: true },
    });
    // Large JSON goes in as one text parameter cast to jsonb: the query engine's value-by-value JSON handling
    // takes tens of seconds on 10,000 rows.
    await tx.$executeRaw`UPDATE "ImportJob" SET "errors" = ${JSON.stringify(result.errors)}::jsonb,
      "payload" = ${JSON.stringify(result.records.map(sealedRecord))}::jsonb WHERE "id" = ${job.id}`;
    const badRows = new Set(result.errors.filter((e) => e.row > 1).map((e) => e.row)).size;
    await args.audit(tx, {
      entityType: "ImportJob",
      entityId: job.id,
      summary: `上传${KIND_LABEL[kind]}导入文件“${fileName}”（${type}）：共 ${result.totalRows} 行，可导入 ${result.records.length} 行，有误 ${badRows} 行`,
      after: { totalRows: result.totalRows, validRows: result.records.length, errorRows: badRows },
    });
    return { ...job, errorCount: result.errors.length };
  }, { timeout: 120_000, maxWait: 30_000 });
}

/**
 * The validated rows as the job keeps them until commit: personal fields sealed (lib/privacy/at-rest.ts) with their
 * blind indexes, which insertExperts writes as they are.
 */
function sealedRecord<R extends object>(r: R): R {
  if (!("phone" in r || "email" in r || "idNumber" in r)) return r;
  const p = r as { phone?: string | null; email?: string | null; idNumber?: string | null };
  return { ...r, ...sealPersonal({ phone: p.phone ?? null, email: p.email ?? null, idNumber: p.idNumber ?? null }) };
}

/** Rows already in the pool, found through the blind indexes (the stored values are sealed). */
async function withoutExistingExperts(result: Validation<ExpertRecord>) {
  const idNumbers = [...new Set(result.records.map((r) => r.idNumber).filter((x): x is string => !!x))].map((v) => personalIndex("idNumber", v));
  const phones = [...new Set(result.records.map((r) => r.phone).filter((x): x is string => !!x))].map((v) => personalIndex("phone", v));
  if (!idNumbers.length && !phones.length) return result;
  const found = (await db.expertProfile.findMany({
    where: { OR: [{ idNumberIndex: { in: idNumbers } }, { phoneIndex: { in: phones } }] },
    select: { idNumber: true, name: true, phone: true },
  })).map(openPersonal);
  return rejectExistingExperts(result, {
    idNumbers: new Set(found.flatMap((e) => (e.idNumber ? [e.idNumber.toUpperCase()] : []))),
    namePhones: new Set(found.flatMap((e) => (e.phone ? [`${e.name}|${e.phone}`] : []))),
  });
}

function newId(): string {
  return `c${Date.now().toString(36)}${randomBytes(8).toString("hex")}`;
}

const dateOnly = (s: string | null) => (s ? new Date(`${s}T00:00:00.000Z`) : null);

/**
 * One INSERT … SELECT from a JSON parameter per chunk: about ten times faster than createMany through the query
 * engine for thousands of rows. Columns not named take their database defaults; the triggers fill searchText and
 * mark the match terms for computing.
 */
async function insertExperts(tx: Tx, rows: ExpertRecord[], now: Date) {
  const data = rows.map((r) => ({ ...r, id: newId() }));
  const texts = (column: string) => Prisma.sql`ARRAY(SELECT jsonb_array_elements_text(r.${Prisma.raw(`"${column}"`)}))`;
  await tx.$executeRaw`
    INSERT INTO "ExpertProfile" ("id", "name", "gender", "birthYear", "employer", "title", "disciplineCodes", "industryCodes",
      "skills", "bio", "talentCategories", "regionCode", "provinceCode", "phone", "email", "idNumber", "isRetired",
      "phoneIndex", "emailIndex", "idNumberIndex", "maxConcurrent", "preferredForms", "serviceRegionCodes", "source", "status", "lastConfirmedAt", "updatedAt")
    SELECT r."id", r."name", r."gender"::"Gender", r."birthYear", r."employer", r."title"::"ProfessionalTitle",
      ${texts("disciplineCodes")}, ${texts("industryCodes")}, ${texts("skills")}, r."bio",
      ${texts("talentCategories")}::"TalentCategory"[], r."regionCode", r."provinceCode", r."phone", r."email", r."idNumber",
      r."isRetired", r."phoneIndex", r."emailIndex", r."idNumberIndex", r."maxConcurrent", ARRAY[]::"ServiceForm"[], ARRAY[]::text[], 'IMPORT'::"ExpertSource", 'ACTIVE'::"ExpertStatus", ${now}, ${now}
    FROM jsonb_to_recordset(${JSON.stringify(data)}::jsonb) AS r(
      "id" text, "name" text, "gender" text, "birthYear" int, "employer" text, "title" text, "disciplineCodes" jsonb,
      "industryCodes" jsonb, "skills" jsonb, "bio" text, "talentCategories" jsonb, "regionCode" text, "provinceCode" text,
      "phone" text, "email" text, "idNumber" text, "isRetired" boolean, "phoneIndex" text, "emailIndex" text,
      "idNumberIndex" text, "maxConcurrent" int)`;
}

/** Needs of a unit importer are its drafts; a province importer's go straight into its own review queue. */
async function insertNeeds(tx: Tx, rows: NeedRecord[], actorId: string, byProvince: boolean, now: Date) {
  const codes = await allocateNeedCodes(tx, rows.length, now);
  const state = byProvince ? "SUBMITTED" : "DRAFT";
  const needs = rows.map((r, i) => ({
    id: newId(), code: codes[i], unitId: r.unitId, regionCode: r.regionCode, provinceCode: r.provinceCode,
    title: r.title, bottleneck: r.bottleneck, disciplineCodes: r.disciplineCodes, industryCodes: r.industryCodes,
    windowStart: dateOnly(r.windowStart), windowEnd: dateOnly(r.windowEnd), expertsWanted: r.expertsWanted,
    delivery: r.delivery, expectedOutcome: r.expectedOutcome, breakBottleneck: r.breakBottleneck,
    promoteTechnology: r.promoteTechnology, raiseFarmerIncome: r.raiseFarmerIncome, urgency: r.urgency,
    state, enteredById: actorId, onBehalfOf: r.onBehalfOf, submittedAt: byProvince ? now : null,
  } as const));
  await tx.need.createMany({ data: needs });
  await tx.needMenuItem.createMany({ data: needs.flatMap((n, i) => rows[i].menuItemIds.map((menuItemId) => ({ needId: n.id, menuItemId }))) });
  await tx.needEvent.createMany({
    data: needs.map((n) => ({
      needId: n.id, fromState: null, toState: state, actorId,
      comment: byProvince ? "批量导入（省级导入，直接进入审核）" : "批量导入", createdAt: now,
    })),
  });
}

export type JobForCommit = { id: string; kind: ImportKind; provinceCode: string | null; organizationId: string | null };

/**
 * Commit the good rows: claim the job (VALIDATED → COMMITTING, once), then write every row in ONE transaction,
 * chunk by chunk, moving `processedRows` after each chunk; COMMITTED with the audit row in the same transaction,
 * or FAILED with nothing written.
 */
export async function commitImportJob(job: JobForCommit, actorId: string, audit: AuditFn, opts: { chunkSize?: number; now?: Date } = {}) {
  const chunkSize = opts.chunkSize ?? COMMIT_CHUNK;
  const now = opts.now ?? new Date();
  const claimed = await db.importJob.updateMany({
    where: { id: job.id, state: "VALIDATED" },
    data: { state: "COMMITTING", processedRows: 0, version: { increment: 1 } },
  });
  if (claimed.count === 0) throw conflict("该导入任务已在导入或已结束，不能重复提交");
  const [{ payload }] = await db.$queryRaw<{ payload: string | null }[]>`SELECT "payload"::text AS payload FROM "ImportJob" WHERE "id" = ${job.id}`;
  const parsed: unknown = payload ? JSON.parse(payload) : [];
  const rows = (Array.isArray(parsed) ? parsed : []) as unknown[];
  try {
    const result = await db.$transaction(async (tx) => {
      for (let start = 0; start < rows.length; start += chunkSize) {
        const chunk = rows.slice(start, start + chunkSize);
        if (job.kind === "EXPERTS") await insertExperts(tx, chunk as ExpertRecord[], now);
        else await insertNeeds(tx, chunk as NeedRecord[], actorId, !!job.provinceCode, now);
        // Outside the transaction, so other instances see it now; the job row is not locked by `tx` yet.
        await db.importJob.update({ where: { id: job.id }, data: { processedRows: start + chunk.length } });
      }
      const done = await tx.importJob.updateMany({
        where: { id: job.id, state: "COMMITTING" },
        data: { state: "COMMITTED", committedRows: rows.length, processedRows: rows.length, payload: Prisma.DbNull, finishedAt: new Date() },
      });
      if (done.count === 0) throw conflict("导入任务已被中止");
      await audit(tx, {
        entityType: "ImportJob",
        entityId: job.id,
        summary: `确认导入${KIND_LABEL[job.kind]} ${rows.length} 条`,
        after: { committedRows: rows.length },
      });
      return { committedRows: rows.length };
    }, { timeout: 30 * 60_000, maxWait: 30_000 });
    // Imported experts reach text matching once their terms are computed: start now, in the background (the
    // sweep timer of any instance finishes the work if this one stops).
    if (job.kind === "EXPERTS") void refreshAllMatchTerms(db).catch((err) => console.error(`[import ${job.id}] match terms`, err));
    return result;
  } catch (err) {
    const reason = err instanceof AppError ? err.message : "写入数据时出错";
    if (!(err instanceof AppError)) console.error(`[import ${job.id}] commit failed`, err);
    await db.importJob.updateMany({
      where: { id: job.id, state: "COMMITTING" },
      data: { state: "FAILED", failureReason: `${reason}，未写入任何数据。请检查后重新上传。`, payload: Prisma.DbNull, finishedAt: new Date() },
    });
    throw new AppError("CONFLICT", `导入失败：${reason}，未写入任何数据`);
  }
}

/** Commit nothing: VALIDATED → CANCELLED, the kept rows dropped. */
export async function cancelImportJob(job: JobForCommit, audit: AuditFn) {
  await db.$transaction(async (tx) => {
    const done = await tx.importJob.updateMany({
      where: { id: job.id, state: "VALIDATED" },
      data: { state: "CANCELLED", payload: Prisma.DbNull, finishedAt: new Date(), version: { increment: 1 } },
    });
    if (done.count === 0) throw conflict("该导入任务已在导入或已结束，不能放弃");
    await audit(tx, { entityType: "ImportJob", entityId: job.id, summary: `放弃导入${KIND_LABEL[job.kind]}（未写入任何数据）` });
  });
}

/** Mark commits cut off by a stopped instance as failed (their transaction never committed). */
export async function failStaleCommits(now = new Date()) {
  await db.importJob.updateMany({
    where: { state: "COMMITTING", updatedAt: { lt: new Date(now.getTime() - STALE_COMMIT_MS) } },
    data: { state: "FAILED", failureReason: "导入过程被中断，未写入任何数据。请重新上传。", payload: Prisma.DbNull, finishedAt: now },
  });
}

/**
 * Uploads nobody committed or cancelled within ABANDONED_IMPORT_HOURS are cancelled and their kept rows (personal
 * data among them) dropped: validated rows do not wait on the server indefinitely. Run by the periodic sweep;
 * conditional on the state, so a commit that starts at the same moment wins or is refused cleanly.
 */
export async function purgeAbandonedImports(client: PrismaClient, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - ABANDONED_IMPORT_HOURS * 3600_000);
  const stale = await client.importJob.findMany({ where: { state: "VALIDATED", updatedAt: { lt: cutoff } }, select: { id: true, fileName: true } });
  let purged = 0;
  for (const job of stale) purged += await client.$transaction(async (tx) => {
    const done = await tx.importJob.updateMany({
      where: { id: job.id, state: "VALIDATED", updatedAt: { lt: cutoff } },
      data: { state: "CANCELLED", payload: Prisma.DbNull, finishedAt: now, failureReason: `超过 ${ABANDONED_IMPORT_HOURS} 小时未确认导入，已自动放弃并清除暂存数据`, version: { increment: 1 } },
    });
    if (!done.count) return 0;
    await writeAudit(tx, {
      operation: "import.purge", outcome: "SUCCESS", entityType: "ImportJob", entityId: job.id,
      summary: `导入文件“${job.fileName.slice(0, 100)}”超过 ${ABANDONED_IMPORT_HOURS} 小时未确认，已自动放弃并清除暂存数据`,
    });
    return 1;
  });
  return purged;
}

/** How long validated rows wait for the importer (IMPORT_ABANDON_HOURS, default 24). */
export const ABANDONED_IMPORT_HOURS = Math.max(1, Number(process.env.IMPORT_ABANDON_HOURS ?? 24) || 24);
