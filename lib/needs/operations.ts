import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import type { ActionContext, ActionDefinition } from "@/lib/actions/pipeline";
import { listScope } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { forbidden, invalidInput, notFound } from "@/lib/errors";
import type { NeedState } from "@/lib/generated/prisma/enums";
import {
  createNeedSchema, needStepSchema, removeAttachmentSchema, reviewNeedSchema, updateNeedSchema, uploadAttachmentSchema,
} from "@/lib/needs/schemas";
import {
  addNeedAttachment, cleanFileName, createNeed, needScope, orderingUnit, removeNeedAttachment, stepNeed, updateNeed,
} from "@/lib/needs/service";
import { NEED_STEPS, NEED_WORKFLOW, type NeedStep } from "@/lib/needs/workflow";
import { checkUpload, MAX_ATTACHMENT_BYTES } from "@/lib/storage/sniff";
import { securitySettings } from "@/lib/security/queries";
import { newStorageKey, storage } from "@/lib/storage/storage";

/** The unit the user enters needs for (their first unit grant for `need.create`). */
export async function unitOf(user: SessionUser) {
  const scope = listScope(user, "need.create");
  const organizationId = scope && !scope.all ? scope.organizationIds[0] : undefined;
  if (!organizationId) throw forbidden("账号尚未关联单位，无法填报需求");
  return orderingUnit(db, organizationId);
}

/** Load the need's scope from the database and refuse unless the user may act on it. */
async function authorizeNeed(ctx: ActionContext<unknown>, needId: string) {
  const scope = await needScope(db, needId);
  ctx.authorize(scope, { type: "Need", id: needId });
  return scope;
}

export const createNeedOp = {
  operation: "need.create",
  schema: createNeedSchema,
  async run(ctx) {
    const unit = await unitOf(ctx.user);
    ctx.authorize({ organizationId: unit.id }, { type: "Organization", id: unit.id });
    return db.$transaction(async (tx) => {
      const need = await createNeed(tx, unit, ctx.user.id, ctx.input);
      await ctx.audit(tx, {
        operation: "need.create", entityType: "Need", entityId: need.id,
        summary: `${ctx.input.intent === "submit" ? "填报并提交" : "填报"}需求 ${need.code}「${ctx.input.title}」${ctx.input.onBehalf ? `（代 ${ctx.input.onBehalfOf} 填报）` : ""}`,
        after: { state: need.state, title: ctx.input.title, menuItemIds: ctx.input.menuItemIds, regionCode: ctx.input.regionCode },
      });
      if (need.state === "SUBMITTED") {
        await ctx.audit(tx, { operation: "need.submit", entityType: "Need", entityId: need.id, summary: `提交需求 ${need.code} 待省级审核`, before: { state: "DRAFT" }, after: { state: "SUBMITTED" } });
      }
      return { id: need.id, state: need.state };
    });
  },
} satisfies ActionDefinition<typeof createNeedSchema, { id: string; state: NeedState }>;

export const updateNeedOp = {
  operation: "need.update",
  schema: updateNeedSchema,
  async run(ctx) {
    const { needId, version } = ctx.input;
    const scope = await authorizeNeed(ctx, needId);
    NEED_WORKFLOW.assertAct("edit", scope.state);
    const unit = await orderingUnit(db, scope.organizationId!);
    return db.$transaction(async (tx) => {
      await updateNeed(tx, unit, needId, version, ctx.input);
      await ctx.audit(tx, {
        operation: "need.update", entityType: "Need", entityId: needId, summary: `修改需求「${ctx.input.title}」`,
        after: { title: ctx.input.title, menuItemIds: ctx.input.menuItemIds, regionCode: ctx.input.regionCode },
      });
      let state: NeedState = scope.state;
      if (ctx.input.intent === "submit") {
        const step = await stepNeed(tx, { needId, step: "submit", actorId: ctx.user.id });
        state = step.to;
        await ctx.audit(tx, { operation: "need.submit", entityType: "Need", entityId: needId, summary: `提交需求 ${step.code} 待省级审核`, before: { state: step.from }, after: { state: step.to } });
      }
      return { id: needId, state };
    });
  },
} satisfies ActionDefinition<typeof updateNeedSchema, { id: string; state: NeedState }>;

function stepOp(step: NeedStep, successMessage: string) {
  return {
    operation: NEED_STEPS[step].operation,
    schema: needStepSchema,
    successMessage,
    async run(ctx) {
      const { needId, version } = ctx.input;
      await authorizeNeed(ctx, needId);
      return db.$transaction(async (tx) => {
        const r = await stepNeed(tx, { needId, step, actorId: ctx.user.id, version });
        await ctx.audit(tx, {
          operation: `need.${step}`, entityType: "Need", entityId: needId, summary: `${NEED_STEPS[step].label}：需求 ${r.code}`,
          before: { state: r.from }, after: { state: r.to },
        });
        return { state: r.to };
      });
    },
  } satisfies ActionDefinition<typeof needStepSchema, { state: NeedState }>;
}

export const submitNeedOp = stepOp("submit", "已提交，等待省级审核");
export const withdrawNeedOp = stepOp("withdraw", "需求已撤销");

export const reviewNeedOp = {
  operation: "need.review",
  schema: reviewNeedSchema,
  async run(ctx) {
    const { needId, version, decision, reason } = ctx.input;
    await authorizeNeed(ctx, needId);
    return db.$transaction(async (tx) => {
      const r = await stepNeed(tx, { needId, step: decision, actorId: ctx.user.id, version, comment: reason });
      await ctx.audit(tx, {
        operation: `need.${decision}`, entityType: "Need", entityId: needId,
        summary: `${NEED_STEPS[decision].label}：需求 ${r.code}${reason ? `，意见：${reason}` : ""}`,
        before: { state: r.from }, after: { state: r.to, reviewComment: reason || null },
      });
      return { state: r.to };
    });
  },
  successMessage: "审核结果已保存",
} satisfies ActionDefinition<typeof reviewNeedSchema, { state: NeedState }>;

export const uploadAttachmentOp = {
  operation: "need.update",
  schema: uploadAttachmentSchema,
  successMessage: "附件已上传",
  async run(ctx) {
    const { needId, file } = ctx.input;
    const scope = await authorizeNeed(ctx, needId);
    NEED_WORKFLOW.assertAct("attach", scope.state);
    // Refuse before anything is stored: size first (without reading the body), then the content itself.
    if (file.size > MAX_ATTACHMENT_BYTES) throw invalidInput({ file: ["文件超过 20 MB，请压缩或拆分后再上传"] }, "文件超过 20 MB，请压缩或拆分后再上传");
    const bytes = new Uint8Array(await file.arrayBuffer());
    const fileName = cleanFileName(file.name);
    const verdict = checkUpload(fileName, bytes, MAX_ATTACHMENT_BYTES, { allowMacroOffice: (await securitySettings()).allowLegacyOffice });
    if (!verdict.ok) throw invalidInput({ file: [verdict.reason] }, verdict.reason);

    const storageKey = newStorageKey("need");
    await storage().put(storageKey, bytes);
    try {
      return await db.$transaction(async (tx) => {
        const sha256 = createHash("sha256").update(bytes).digest("hex");
        const att = await addNeedAttachment(tx, needId, { fileName, mimeType: verdict.mimeType, sizeBytes: bytes.length, sha256, storageKey }, ctx.user.id);
        await ctx.audit(tx, {
          operation: "need.attach", entityType: "Need", entityId: needId, summary: `上传附件「${fileName}」`,
          after: { attachmentId: att.id, fileName, sizeBytes: bytes.length, sha256 },
        });
        return { id: att.id };
      });
    } catch (err) {
      await storage().remove(storageKey).catch(() => undefined);
      throw err;
    }
  },
} satisfies ActionDefinition<typeof uploadAttachmentSchema, { id: string }>;

export const removeAttachmentOp = {
  operation: "need.update",
  schema: removeAttachmentSchema,
  successMessage: "附件已删除",
  async run(ctx) {
    const { attachmentId } = ctx.input;
    const att = await db.attachment.findUnique({ where: { id: attachmentId }, select: { ownerType: true, ownerId: true } });
    if (!att || att.ownerType !== "Need") throw notFound("附件");
    await authorizeNeed(ctx, att.ownerId);
    const removed = await db.$transaction(async (tx) => {
      const row = await removeNeedAttachment(tx, attachmentId);
      await ctx.audit(tx, {
        operation: "need.detach", entityType: "Need", entityId: att.ownerId, summary: `删除附件「${row.fileName}」`,
        before: { attachmentId, fileName: row.fileName },
      });
      return row;
    });
    // The row is gone; the bytes follow (a leftover file is harmless, a dangling row would not be).
    await storage().remove(removed.storageKey).catch((err) => console.error("[storage] remove failed", err));
    return null;
  },
} satisfies ActionDefinition<typeof removeAttachmentSchema, null>;
