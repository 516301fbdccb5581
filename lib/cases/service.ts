import type { Tx } from "@/lib/db";
import { conflict, forbidden, invalidInput, invalidTransition, notFound } from "@/lib/errors";
import type { CaseState } from "@/lib/generated/prisma/enums";
import { CASE_SOURCE_LABEL } from "@/lib/labels";
import { missingForReview, type CaseInput } from "@/lib/cases/schemas";
import { sanitizeStory } from "@/lib/cases/sanitize";
import { sourceOf, type SourceRow } from "@/lib/cases/sources";
import { CASE_WORKFLOW, LIVE_CASE_STATES, type CaseStep } from "@/lib/cases/workflow";
import type { StoredFile } from "@/lib/bases/evidence";

// A typical case's rules: written only from a shortlisted source (its place, link, tags and figures come from it),
// edited while a draft or returned, sent for review complete, reviewed by someone other than its author, withdrawn
// with a reason. Every change is a conditional update on the state and version, in the caller's transaction.

/** The case's scope and what the rules need, read from the database. */
export async function caseScope(tx: Tx, caseId: string) {
  const c = await tx.typicalCase.findUnique({
    where: { id: caseId },
    select: { id: true, title: true, provinceCode: true, state: true, version: true, authorId: true, sourceKind: true, sourceId: true },
  });
  if (!c) throw notFound("案例");
  return c;
}

/** The source row, judged; refused unless it is on the shortlist's terms and has no live case. */
export async function eligibleSource(tx: Tx, kind: SourceRow["kind"], id: string): Promise<SourceRow> {
  const source = sourceOf(kind);
  if (!source) throw invalidInput({ sourceKind: ["暂不支持该来源"] }, "暂不支持该来源");
  const row = await source.row(tx, id);
  if (!row) throw notFound(CASE_SOURCE_LABEL[kind]);
  if (!row.verdict.eligible) throw invalidTransition(`该${source.label}未进入典型案例候选：${row.verdict.missing.join("；")}`);
  return row;
}

async function assertNoLiveCase(tx: Tx, row: SourceRow) {
  // Lock the source's cases so two editors starting a case from one source at once cannot both succeed.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`case-source:${row.kind}:${row.id}`}))`;
  const live = await tx.typicalCase.findFirst({
    where: { sourceKind: row.kind, sourceId: row.id, state: { in: [...LIVE_CASE_STATES] } },
    select: { id: true },
  });
  if (live) throw conflict("该来源已有典型案例（草稿、审核中或已发布），请在案例列表中继续编辑");
}

export async function createCase(tx: Tx, row: SourceRow, actorId: string, now = new Date()) {
  await assertNoLiveCase(tx, row);
  const state = CASE_WORKFLOW.next("create", null);
  const created = await tx.typicalCase.create({
    data: {
      title: row.title.slice(0, 80), summary: "", body: "", state, authorId: actorId,
      provinceCode: row.provinceCode, regionCode: row.regionCode, activityId: row.activityId,
      sourceKind: row.kind, sourceId: row.id, field: row.field, forms: row.forms,
      figures: row.figures, figuresAt: now, createdAt: now,
    },
    select: { id: true, title: true },
  });
  await tx.caseEvent.create({
    data: { caseId: created.id, action: `依据${CASE_SOURCE_LABEL[row.kind]}撰写案例`, toState: state, actorId, comment: row.verdict.reasons.join("；") || null, createdAt: now },
  });
  return { ...created, state };
}

/** Save the editor's form: the story is sanitised here, whatever the browser sent. */
export async function saveCase(tx: Tx, input: CaseInput, from: CaseState) {
  CASE_WORKFLOW.assertAct("edit", from);
  const body = sanitizeStory(input.body);
  const { count } = await tx.typicalCase.updateMany({
    where: { id: input.caseId, version: input.version, state: from },
    data: {
      title: input.title, summary: input.summary, body, field: input.field ?? null, forms: input.forms,
      replicable: input.replicable, version: { increment: 1 },
    },
  });
  if (count !== 1) throw conflict(CASE_WORKFLOW.conflict);
  return { body };
}

/** Take the figures again from the source's confirmed service records. */
export async function refreshFigures(tx: Tx, caseId: string, version: number, now = new Date()) {
  const c = await caseScope(tx, caseId);
  CASE_WORKFLOW.assertAct("edit", c.state);
  if (!c.sourceKind || !c.sourceId) throw invalidTransition("该案例没有关联来源，无法更新数据");
  const row = await sourceOf(c.sourceKind)?.row(tx, c.sourceId);
  if (!row) throw notFound(CASE_SOURCE_LABEL[c.sourceKind]);
  const { count } = await tx.typicalCase.updateMany({
    where: { id: caseId, version, state: c.state },
    data: { figures: row.figures, figuresAt: now, version: { increment: 1 } },
  });
  if (count !== 1) throw conflict(CASE_WORKFLOW.conflict);
  return { title: c.title, figures: row.figures };
}

export type StepInput = { caseId: string; step: Exclude<CaseStep, "create">; version: number; actorId: string; comment?: string | null; now?: Date };

/** One step of the workflow with the fields it sets. */
export async function stepCase(tx: Tx, input: StepInput) {
  const now = input.now ?? new Date();
  const c = await tx.typicalCase.findUnique({
    where: { id: input.caseId },
    select: { id: true, title: true, summary: true, body: true, field: true, forms: true, state: true, authorId: true },
  });
  if (!c) throw notFound("案例");
  CASE_WORKFLOW.next(input.step, c.state); // the table's refusal first, in Chinese
  let data: Parameters<typeof CASE_WORKFLOW.apply>[1]["data"] = {};
  switch (input.step) {
    case "submit": {
      const missing = missingForReview(c);
      if (Object.keys(missing).length) throw invalidInput(missing, `案例尚不完整：${Object.values(missing).flat().join("；")}`);
      data = { submittedAt: now };
      break;
    }
    case "publish":
    case "return":
    case "reject":
      // Four eyes: whoever wrote the case does not approve it.
      if (c.authorId === input.actorId) throw forbidden("不能审核本人撰写的案例，请由其他审核人处理");
      data = { reviewedById: input.actorId, reviewedAt: now, reviewComment: input.comment?.trim() || null, ...(input.step === "publish" ? { publishedAt: now } : {}) };
      break;
    case "withdraw":
      data = { withdrawnAt: now, withdrawReason: input.comment?.trim() || null };
      break;
    case "reopen":
      data = { publishedAt: null };
      break;
  }
  const r = await CASE_WORKFLOW.apply(tx, {
    id: c.id, step: input.step, from: c.state, version: input.version, actorId: input.actorId, comment: input.comment, data, now,
  });
  return { ...r, title: c.title };
}

// ─── Images (the attachment kit: lib/storage, Attachment.ownerType "TypicalCase") ─────────────────────────────

export const CASE_IMAGE_OWNER = "TypicalCase";
export const MAX_CASE_IMAGES = 20;
export const CASE_IMAGE_MIME = ["image/png", "image/jpeg", "image/gif", "image/webp"] as const;

async function lockEditable(tx: Tx, caseId: string) {
  const rows = await tx.$queryRaw<{ state: string }[]>`SELECT "state"::text AS state FROM "TypicalCase" WHERE "id" = ${caseId} FOR UPDATE`;
  if (!rows.length) throw notFound("案例");
  CASE_WORKFLOW.assertAct("edit", rows[0].state as CaseState);
}

export async function addImage(tx: Tx, caseId: string, file: StoredFile, uploadedById: string) {
  await lockEditable(tx, caseId);
  if ((await tx.attachment.count({ where: { ownerType: CASE_IMAGE_OWNER, ownerId: caseId } })) >= MAX_CASE_IMAGES) {
    throw invalidInput({ file: [`每个案例最多 ${MAX_CASE_IMAGES} 张图片`] }, `每个案例最多 ${MAX_CASE_IMAGES} 张图片`);
  }
  return tx.attachment.create({ data: { ownerType: CASE_IMAGE_OWNER, ownerId: caseId, uploadedById, ...file }, select: { id: true, fileName: true } });
}

export async function removeImage(tx: Tx, attachmentId: string) {
  const att = await tx.attachment.findUnique({ where: { id: attachmentId }, select: { ownerType: true, ownerId: true, storageKey: true, fileName: true } });
  if (!att || att.ownerType !== CASE_IMAGE_OWNER) throw notFound("图片");
  await lockEditable(tx, att.ownerId);
  await tx.attachment.delete({ where: { id: attachmentId } });
  return att;
}
