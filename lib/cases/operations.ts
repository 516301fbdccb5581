import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import type { ActionContext, ActionDefinition } from "@/lib/actions/pipeline";
import { invalidInput } from "@/lib/errors";
import type { CaseState } from "@/lib/generated/prisma/enums";
import { CASE_SOURCE_LABEL } from "@/lib/labels";
import { cleanFileName } from "@/lib/needs/service";
import { checkUpload, MAX_ATTACHMENT_BYTES } from "@/lib/storage/sniff";
import { newStorageKey, storage } from "@/lib/storage/storage";
import {
  caseSchema, caseStepSchema, createCaseSchema, removeImageSchema, reviewCaseSchema, uploadImageSchema, withdrawCaseSchema,
} from "@/lib/cases/schemas";
import {
  addImage, CASE_IMAGE_MIME, CASE_IMAGE_OWNER, caseScope, createCase, eligibleSource, refreshFigures, removeImage, saveCase, stepCase,
} from "@/lib/cases/service";
import { CASE_WORKFLOW } from "@/lib/cases/workflow";

/** Load the case's scope from the database and refuse unless the user may act on it. */
async function authorizeCase(ctx: ActionContext<unknown>, caseId: string) {
  const c = await caseScope(db, caseId);
  ctx.authorize({ provinceCode: c.provinceCode }, { type: "TypicalCase", id: caseId });
  return c;
}

export const createCaseOp = {
  operation: "case.submit",
  schema: createCaseSchema,
  successMessage: "案例草稿已创建",
  async run(ctx) {
    const { sourceKind, sourceId } = ctx.input;
    const row = await eligibleSource(db, sourceKind, sourceId);
    ctx.authorize({ provinceCode: row.provinceCode }, { type: sourceKind, id: sourceId });
    return db.$transaction(async (tx) => {
      const c = await createCase(tx, row, ctx.user.id);
      await ctx.audit(tx, {
        operation: "case.create", entityType: "TypicalCase", entityId: c.id,
        summary: `依据${CASE_SOURCE_LABEL[sourceKind]}「${row.title}」撰写典型案例`,
        after: { sourceKind, sourceId, reasons: row.verdict.reasons, figures: row.figures },
      });
      return { id: c.id };
    });
  },
} satisfies ActionDefinition<typeof createCaseSchema, { id: string }>;

export const saveCaseOp = {
  operation: "case.submit",
  schema: caseSchema,
  successMessage: "案例已保存",
  async run(ctx) {
    const c = await authorizeCase(ctx, ctx.input.caseId);
    return db.$transaction(async (tx) => {
      await saveCase(tx, ctx.input, c.state);
      await ctx.audit(tx, {
        operation: "case.update", entityType: "TypicalCase", entityId: c.id, summary: `修改典型案例「${ctx.input.title}」`,
        before: { title: c.title }, after: { title: ctx.input.title, field: ctx.input.field ?? null, forms: ctx.input.forms, replicable: ctx.input.replicable },
      });
      return { version: ctx.input.version + 1 };
    });
  },
} satisfies ActionDefinition<typeof caseSchema, { version: number }>;

export const refreshFiguresOp = {
  operation: "case.submit",
  schema: caseStepSchema,
  successMessage: "已按已确认的服务记录更新数据",
  async run(ctx) {
    await authorizeCase(ctx, ctx.input.caseId);
    return db.$transaction(async (tx) => {
      const r = await refreshFigures(tx, ctx.input.caseId, ctx.input.version);
      await ctx.audit(tx, { operation: "case.figures", entityType: "TypicalCase", entityId: ctx.input.caseId, summary: `更新典型案例「${r.title}」的数据`, after: r.figures });
      return null;
    });
  },
} satisfies ActionDefinition<typeof caseStepSchema, null>;

/** The author's steps: send for review; rework a withdrawn case. */
function authorStep(step: "submit" | "reopen", operation: "case.submitReview" | "case.reopen", successMessage: string) {
  return {
    operation: "case.submit",
    schema: caseStepSchema,
    successMessage,
    async run(ctx) {
      await authorizeCase(ctx, ctx.input.caseId);
      return db.$transaction(async (tx) => {
        const r = await stepCase(tx, { caseId: ctx.input.caseId, step, version: ctx.input.version, actorId: ctx.user.id });
        await ctx.audit(tx, { operation, entityType: "TypicalCase", entityId: ctx.input.caseId, summary: `${CASE_WORKFLOW.steps[step].label}：典型案例「${r.title}」`, before: { state: r.from }, after: { state: r.to } });
        return { state: r.to };
      });
    },
  } satisfies ActionDefinition<typeof caseStepSchema, { state: CaseState }>;
}

export const submitCaseOp = authorStep("submit", "case.submitReview", "案例已送审");
export const reopenCaseOp = authorStep("reopen", "case.reopen", "案例已转为草稿，可重新编辑");

const REVIEW_AUDIT = { publish: "case.approve", return: "case.return", reject: "case.reject" } as const;

export const reviewCaseOp = {
  operation: "case.publish",
  schema: reviewCaseSchema,
  successMessage: (d) => (d.state === "PUBLISHED" ? "案例已发布到门户网站" : "审核意见已保存"),
  async run(ctx) {
    const { caseId, version, decision, reason } = ctx.input;
    await authorizeCase(ctx, caseId);
    return db.$transaction(async (tx) => {
      const r = await stepCase(tx, { caseId, step: decision, version, actorId: ctx.user.id, comment: reason });
      await ctx.audit(tx, {
        operation: REVIEW_AUDIT[decision], entityType: "TypicalCase", entityId: caseId,
        summary: `${CASE_WORKFLOW.steps[decision].label}：典型案例「${r.title}」${reason ? `，意见：${reason}` : ""}`,
        before: { state: r.from }, after: { state: r.to, reviewComment: reason || null },
      });
      return { state: r.to };
    });
  },
} satisfies ActionDefinition<typeof reviewCaseSchema, { state: CaseState }>;

export const withdrawCaseOp = {
  operation: "case.publish",
  schema: withdrawCaseSchema,
  successMessage: "案例已从门户网站撤回",
  async run(ctx) {
    const { caseId, version, reason } = ctx.input;
    await authorizeCase(ctx, caseId);
    return db.$transaction(async (tx) => {
      const r = await stepCase(tx, { caseId, step: "withdraw", version, actorId: ctx.user.id, comment: reason });
      await ctx.audit(tx, {
        operation: "case.withdraw", entityType: "TypicalCase", entityId: caseId, summary: `撤回典型案例「${r.title}」，原因：${reason}`,
        before: { state: r.from }, after: { state: r.to, withdrawReason: reason },
      });
      return { state: r.to };
    });
  },
} satisfies ActionDefinition<typeof withdrawCaseSchema, { state: CaseState }>;

export const uploadImageOp = {
  operation: "case.submit",
  schema: uploadImageSchema,
  successMessage: "图片已上传，可插入正文",
  async run(ctx) {
    const { caseId, file } = ctx.input;
    const c = await authorizeCase(ctx, caseId);
    CASE_WORKFLOW.assertAct("edit", c.state);
    if (file.size > MAX_ATTACHMENT_BYTES) throw invalidInput({ file: ["图片超过 20 MB，请压缩后再上传"] }, "图片超过 20 MB，请压缩后再上传");
    const bytes = new Uint8Array(await file.arrayBuffer());
    const fileName = cleanFileName(file.name);
    const verdict = checkUpload(fileName, bytes);
    if (!verdict.ok) throw invalidInput({ file: [verdict.reason] }, verdict.reason);
    if (!(CASE_IMAGE_MIME as readonly string[]).includes(verdict.mimeType)) {
      throw invalidInput({ file: ["只能上传 PNG、JPG、GIF 或 WebP 图片"] }, "只能上传 PNG、JPG、GIF 或 WebP 图片");
    }
    const storageKey = newStorageKey("case");
    await storage().put(storageKey, bytes);
    try {
      return await db.$transaction(async (tx) => {
        const sha256 = createHash("sha256").update(bytes).digest("hex");
        const att = await addImage(tx, caseId, { fileName, mimeType: verdict.mimeType, sizeBytes: bytes.length, sha256, storageKey }, ctx.user.id);
        await ctx.audit(tx, { operation: "case.attach", entityType: "TypicalCase", entityId: caseId, summary: `上传案例图片「${fileName}」`, after: { attachmentId: att.id, fileName, sizeBytes: bytes.length, sha256 } });
        return { id: att.id };
      });
    } catch (err) {
      await storage().remove(storageKey).catch(() => undefined);
      throw err;
    }
  },
} satisfies ActionDefinition<typeof uploadImageSchema, { id: string }>;

export const removeImageOp = {
  operation: "case.submit",
  schema: removeImageSchema,
  successMessage: "图片已删除",
  async run(ctx) {
    const att = await db.attachment.findUnique({ where: { id: ctx.input.attachmentId }, select: { ownerType: true, ownerId: true } });
    if (!att || att.ownerType !== CASE_IMAGE_OWNER) throw invalidInput({ attachmentId: ["图片不存在或已被删除"] }, "图片不存在或已被删除");
    await authorizeCase(ctx, att.ownerId);
    const removed = await db.$transaction(async (tx) => {
      const row = await removeImage(tx, ctx.input.attachmentId);
      await ctx.audit(tx, { operation: "case.detach", entityType: "TypicalCase", entityId: att.ownerId, summary: `删除案例图片「${row.fileName}」`, before: { attachmentId: ctx.input.attachmentId, fileName: row.fileName } });
      return row;
    });
    await storage().remove(removed.storageKey).catch((err) => console.error("[storage] remove failed", err));
    return null;
  },
} satisfies ActionDefinition<typeof removeImageSchema, null>;
