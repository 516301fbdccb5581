import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import type { ActionContext, ActionDefinition } from "@/lib/actions/pipeline";
import { listScope } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { forbidden, invalidInput, notFound } from "@/lib/errors";
import type { BaseState, RectificationState } from "@/lib/generated/prisma/enums";
import {
  annualReportSchema, applicationSchema, baseStepSchema, evaluationSchema, nationalDecisionSchema, reEvaluateSchema,
  rectificationSchema, removeEvidenceSchema, respondSchema, reviewBaseSchema, uploadEvidenceSchema, type EvidenceKind,
} from "@/lib/bases/schemas";
import { addEvidence, EVIDENCE_OWNER, evidenceBaseId, removeEvidence } from "@/lib/bases/evidence";
import { cleanFileName } from "@/lib/needs/service";
import { checkUpload, MAX_ATTACHMENT_BYTES } from "@/lib/storage/sniff";
import { securitySettings } from "@/lib/security/queries";
import { newStorageKey, storage } from "@/lib/storage/storage";
import {
  baseScope, evaluateBase, fileReport, hostOrganization, issueRectification, orderScope, reEvaluate, respondRectification,
  saveApplication, stepBase,
} from "@/lib/bases/service";
import { BASE_WORKFLOW } from "@/lib/bases/workflow";
import { EVALUATION_GRADE_LABEL } from "@/lib/labels";

/** The host organization the user applies for (their first unit grant for base.apply). */
async function hostOf(user: SessionUser) {
  const scope = listScope(user, "base.apply");
  const organizationId = scope && !scope.all ? scope.organizationIds[0] : undefined;
  if (!organizationId) throw forbidden("账号尚未关联依托单位，无法申请设立基地");
  return hostOrganization(db, organizationId);
}

/** Load the base's scope from the database and refuse unless the user may act on it. */
async function authorizeBase(ctx: ActionContext<unknown>, baseId: string) {
  const scope = await baseScope(db, baseId);
  ctx.authorize(scope, { type: "ServiceBase", id: baseId });
  return scope;
}

export const saveApplicationOp = {
  operation: "base.apply",
  schema: applicationSchema,
  async run(ctx) {
    const org = await hostOf(ctx.user);
    if (ctx.input.baseId) {
      const scope = await authorizeBase(ctx, ctx.input.baseId);
      BASE_WORKFLOW.assertAct("edit", scope.state);
    } else {
      ctx.authorize({ organizationId: org.id, provinceCode: org.provinceCode }, { type: "Organization", id: org.id });
    }
    return db.$transaction(async (tx) => {
      const r = await saveApplication(tx, org, ctx.user.id, ctx.input);
      await ctx.audit(tx, {
        operation: "base.apply", entityType: "ServiceBase", entityId: r.id,
        summary: `${ctx.input.baseId ? "修改" : "填写"}专家服务基地申请「${ctx.input.name}」`,
        after: { name: ctx.input.name, level: ctx.input.level, field: ctx.input.field },
      });
      if (r.to === "APPLIED") {
        await ctx.audit(tx, { operation: "base.submit", entityType: "ServiceBase", entityId: r.id, summary: `提交专家服务基地申请「${ctx.input.name}」`, before: { state: r.from }, after: { state: r.to } });
      }
      return { id: r.id, state: r.to };
    });
  },
  successMessage: "申请已保存",
} satisfies ActionDefinition<typeof applicationSchema, { id: string; state: BaseState }>;

export const submitApplicationOp = {
  operation: "base.apply",
  schema: baseStepSchema,
  successMessage: "申请已提交，等待省级审核",
  async run(ctx) {
    await authorizeBase(ctx, ctx.input.baseId);
    return db.$transaction(async (tx) => {
      const r = await stepBase(tx, { baseId: ctx.input.baseId, step: "submit", actorId: ctx.user.id, version: ctx.input.version });
      await ctx.audit(tx, { operation: "base.submit", entityType: "ServiceBase", entityId: ctx.input.baseId, summary: `提交专家服务基地申请「${r.name}」`, before: { state: r.from }, after: { state: r.to } });
      return { state: r.to };
    });
  },
} satisfies ActionDefinition<typeof baseStepSchema, { state: BaseState }>;

export const reviewBaseOp = {
  operation: "base.review",
  schema: reviewBaseSchema,
  successMessage: "审核结果已保存",
  async run(ctx) {
    const { baseId, version, decision, reason } = ctx.input;
    await authorizeBase(ctx, baseId);
    return db.$transaction(async (tx) => {
      const r = await stepBase(tx, { baseId, step: decision, actorId: ctx.user.id, version, comment: reason });
      await ctx.audit(tx, {
        operation: `base.${decision}`, entityType: "ServiceBase", entityId: baseId,
        summary: `${BASE_WORKFLOW.steps[decision].label}：基地「${r.name}」${r.code ? `，编号 ${r.code}` : ""}${reason ? `，意见：${reason}` : ""}`,
        before: { state: r.from }, after: { state: r.to, code: r.code, reviewComment: reason || null },
      });
      return { state: r.to, code: r.code };
    });
  },
} satisfies ActionDefinition<typeof reviewBaseSchema, { state: BaseState; code: string | null }>;

export const nationalDecisionOp = {
  operation: "base.approveNational",
  schema: nationalDecisionSchema,
  successMessage: "审定结果已保存",
  async run(ctx) {
    const { baseId, version, decision, reason } = ctx.input;
    await authorizeBase(ctx, baseId);
    return db.$transaction(async (tx) => {
      const r = await stepBase(tx, { baseId, step: decision, actorId: ctx.user.id, version, comment: reason });
      await ctx.audit(tx, {
        operation: decision === "approveNational" ? "base.approveNational" : "base.rejectNational", entityType: "ServiceBase", entityId: baseId,
        summary: `${BASE_WORKFLOW.steps[decision].label}：国家级基地「${r.name}」${r.code ? `，编号 ${r.code}` : ""}${reason ? `，意见：${reason}` : ""}`,
        before: { state: r.from }, after: { state: r.to, code: r.code },
      });
      return { state: r.to, code: r.code };
    });
  },
} satisfies ActionDefinition<typeof nationalDecisionSchema, { state: BaseState; code: string | null }>;

export const annualReportOp = {
  operation: "base.report",
  schema: annualReportSchema,
  successMessage: "年度报告已报送",
  async run(ctx) {
    const { baseId, ...input } = ctx.input;
    await authorizeBase(ctx, baseId);
    return db.$transaction(async (tx) => {
      const r = await fileReport(tx, baseId, ctx.user.id, input);
      await ctx.audit(tx, { operation: "base.report", entityType: "ServiceBase", entityId: baseId, summary: `报送${input.year}年度报告：基地「${r.name}」`, after: { reportId: r.id, ...input } });
      return { id: r.id };
    });
  },
} satisfies ActionDefinition<typeof annualReportSchema, { id: string }>;

export const evaluateOp = {
  operation: "base.evaluate",
  schema: evaluationSchema,
  successMessage: "年度评估已保存",
  async run(ctx) {
    const { baseId, ...input } = ctx.input;
    const scope = await authorizeBase(ctx, baseId);
    return db.$transaction(async (tx) => {
      const r = await evaluateBase(tx, baseId, ctx.user.id, input);
      await ctx.audit(tx, {
        operation: "base.evaluate", entityType: "ServiceBase", entityId: baseId,
        summary: `${input.year}年度评估：基地「${scope.name}」${EVALUATION_GRADE_LABEL[input.grade]}（${r.total}分）`,
        after: { evaluationId: r.id, grade: input.grade, total: r.total, comment: input.comment },
      });
      return r;
    });
  },
} satisfies ActionDefinition<typeof evaluationSchema, { id: string; grade: string; total: number }>;

export const issueRectificationOp = {
  operation: "base.rectify",
  schema: rectificationSchema,
  successMessage: "已下达限期整改通知",
  async run(ctx) {
    const { baseId, ...input } = ctx.input;
    await authorizeBase(ctx, baseId);
    return db.$transaction(async (tx) => {
      const r = await issueRectification(tx, baseId, ctx.user.id, input);
      const deadline = r.deadline.toISOString().slice(0, 10);
      await ctx.audit(tx, {
        operation: "base.rectify", entityType: "ServiceBase", entityId: baseId,
        summary: `下达限期整改：基地「${r.name}」，期限 ${deadline}`, before: { state: r.from },
        after: { state: r.to, orderId: r.id, deadline, reason: input.reason, items: input.items },
      });
      return { orderId: r.id, deadline };
    });
  },
} satisfies ActionDefinition<typeof rectificationSchema, { orderId: string; deadline: string }>;

export const respondRectificationOp = {
  operation: "base.report",
  schema: respondSchema,
  successMessage: "整改报告已提交，等待省级复评",
  async run(ctx) {
    const { order, base } = await orderScope(db, ctx.input.orderId);
    ctx.authorize(base, { type: "ServiceBase", id: order.baseId });
    return db.$transaction(async (tx) => {
      const r = await respondRectification(tx, order.id, ctx.user.id, ctx.input.response);
      await ctx.audit(tx, { operation: "base.respond", entityType: "ServiceBase", entityId: r.baseId, summary: `提交整改报告：基地「${r.name}」`, after: { orderId: order.id } });
      return { state: "RESPONDED" as RectificationState };
    });
  },
} satisfies ActionDefinition<typeof respondSchema, { state: RectificationState }>;

export const reEvaluateOp = {
  operation: "base.rectify",
  schema: reEvaluateSchema,
  successMessage: "复评结果已保存",
  async run(ctx) {
    const { orderId, decision, reason } = ctx.input;
    const { order, base } = await orderScope(db, orderId);
    ctx.authorize(base, { type: "ServiceBase", id: order.baseId });
    return db.$transaction(async (tx) => {
      const r = await reEvaluate(tx, orderId, ctx.user.id, decision, reason);
      await ctx.audit(tx, {
        operation: decision === "pass" ? "base.pass" : "base.remove", entityType: "ServiceBase", entityId: r.baseId,
        summary: `${decision === "pass" ? "整改通过" : "调整退出"}：基地「${r.name}」${reason ? `，意见：${reason}` : ""}`,
        before: { state: "RECTIFYING", orderState: order.state }, after: { state: r.baseState, orderState: r.orderState, reason: reason || null },
      });
      return { state: r.baseState };
    });
  },
} satisfies ActionDefinition<typeof reEvaluateSchema, { state: BaseState }>;

/** Upload and remove evidence files: application evidence under base.apply, rectification evidence under base.report. */
function evidenceOps(kind: EvidenceKind) {
  const operation = kind === "application" ? "base.apply" : "base.report";
  const upload = {
    operation,
    schema: uploadEvidenceSchema,
    successMessage: "佐证材料已上传",
    async run(ctx) {
      const { ownerId, file } = ctx.input;
      const baseId = await evidenceBaseId(db, kind, ownerId);
      await authorizeBase(ctx, baseId);
      if (file.size > MAX_ATTACHMENT_BYTES) throw invalidInput({ file: ["文件超过 20 MB，请压缩或拆分后再上传"] }, "文件超过 20 MB，请压缩或拆分后再上传");
      const bytes = new Uint8Array(await file.arrayBuffer());
      const fileName = cleanFileName(file.name);
      const verdict = checkUpload(fileName, bytes, MAX_ATTACHMENT_BYTES, { allowMacroOffice: (await securitySettings()).allowLegacyOffice });
      if (!verdict.ok) throw invalidInput({ file: [verdict.reason] }, verdict.reason);
      const storageKey = newStorageKey("base");
      await storage().put(storageKey, bytes);
      try {
        return await db.$transaction(async (tx) => {
          const sha256 = createHash("sha256").update(bytes).digest("hex");
          const att = await addEvidence(tx, kind, ownerId, { fileName, mimeType: verdict.mimeType, sizeBytes: bytes.length, sha256, storageKey }, ctx.user.id);
          await ctx.audit(tx, {
            operation: "base.attach", entityType: EVIDENCE_OWNER[kind], entityId: ownerId, summary: `上传佐证材料「${fileName}」`,
            after: { attachmentId: att.id, fileName, sizeBytes: bytes.length, sha256 },
          });
          return { id: att.id };
        });
      } catch (err) {
        await storage().remove(storageKey).catch(() => undefined);
        throw err;
      }
    },
  } satisfies ActionDefinition<typeof uploadEvidenceSchema, { id: string }>;
  const remove = {
    operation,
    schema: removeEvidenceSchema,
    successMessage: "佐证材料已删除",
    async run(ctx) {
      const att = await db.attachment.findUnique({ where: { id: ctx.input.attachmentId }, select: { ownerType: true, ownerId: true } });
      if (!att || att.ownerType !== EVIDENCE_OWNER[kind]) throw notFound("附件");
      await authorizeBase(ctx, await evidenceBaseId(db, kind, att.ownerId));
      const removed = await db.$transaction(async (tx) => {
        const row = await removeEvidence(tx, kind, ctx.input.attachmentId);
        await ctx.audit(tx, { operation: "base.detach", entityType: att.ownerType, entityId: att.ownerId, summary: `删除佐证材料「${row.fileName}」`, before: { attachmentId: ctx.input.attachmentId, fileName: row.fileName } });
        return row;
      });
      await storage().remove(removed.storageKey).catch((err) => console.error("[storage] remove failed", err));
      return null;
    },
  } satisfies ActionDefinition<typeof removeEvidenceSchema, null>;
  return { upload, remove };
}

export const applicationEvidenceOps = evidenceOps("application");
export const rectificationEvidenceOps = evidenceOps("rectification");
