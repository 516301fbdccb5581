import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import type { ActionContext, ActionDefinition } from "@/lib/actions/pipeline";
import { grantedScopes, listScope, type Operation } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { forbidden, invalidInput, notFound } from "@/lib/errors";
import type { ChallengeState, MilestoneState } from "@/lib/generated/prisma/enums";
import {
  acceptanceSchema, assignReviewersSchema, bidSchema, bidStepSchema, challengeSchema, challengeStepSchema, checkMilestoneSchema,
  confirmSchema, removeChallengeFileSchema, reportMilestoneSchema, scoreBidSchema, selectBidSchema, uploadChallengeFileSchema,
  verifySchema,
} from "@/lib/challenges/schemas";
import {
  addChallengeFile, assignReviewers, bidScope, checkMilestone, confirmAcceptance, enterpriseOrganization, enterpriseScope,
  governmentRefusal, governmentScope, loadChallengeScope, milestoneScope, recordAcceptance, removeChallengeFile, reportMilestone,
  saveChallenge, scoreBid, selectBid, stepChallenge, submitBid, withdrawBid, type ChallengeScope,
} from "@/lib/challenges/service";
import { cleanFileName } from "@/lib/needs/service";
import { checkUpload, MAX_ATTACHMENT_BYTES } from "@/lib/storage/sniff";
import { newStorageKey, storage } from "@/lib/storage/storage";

const ENTITY = "Challenge";

/** The enterprise the user poses challenges for (their first unit grant for challenge.create). */
async function enterpriseOf(user: SessionUser) {
  const scope = listScope(user, "challenge.create");
  const organizationId = scope && !scope.all ? scope.organizationIds[0] : undefined;
  if (!organizationId) throw forbidden("账号尚未关联企业，无法出题");
  return enterpriseOrganization(db, organizationId);
}

/** The enterprise's own challenge: load its scope from the database and refuse unless it is the user's. */
async function authorizeEnterprise(ctx: ActionContext<unknown>, challengeId: string) {
  const c = await loadChallengeScope(db, challengeId);
  ctx.authorize(enterpriseScope(c), { type: ENTITY, id: challengeId });
  return c;
}

/** The government's side: the enterprise's province, or the ministry for a national challenge. */
async function authorizeGovernment(ctx: ActionContext<unknown>, challengeId: string, operation: Operation) {
  const c = await loadChallengeScope(db, challengeId);
  authorizeGovernmentOn(ctx, c, operation);
  return c;
}

function authorizeGovernmentOn(ctx: ActionContext<unknown>, c: ChallengeScope, operation: Operation) {
  const scope = governmentScope(c);
  ctx.authorize(scope, { type: ENTITY, id: c.id });
  const why = governmentRefusal(c, grantedScopes(ctx.user, operation, scope));
  if (why) throw forbidden(why);
}

export const saveChallengeOp = {
  operation: "challenge.create",
  schema: challengeSchema,
  successMessage: (r) => (r.state === "SUBMITTED" ? "题目已提交，等待政府审核发榜" : "题目已保存为草稿"),
  async run(ctx) {
    const org = await enterpriseOf(ctx.user);
    if (ctx.input.challengeId) {
      const c = await authorizeEnterprise(ctx, ctx.input.challengeId);
      if (c.enterpriseId !== org.id) throw forbidden();
    } else {
      ctx.authorize({ organizationId: org.id, provinceCode: org.provinceCode }, { type: "Organization", id: org.id });
    }
    return db.$transaction(async (tx) => {
      const r = await saveChallenge(tx, org, ctx.user.id, ctx.input);
      await ctx.audit(tx, {
        operation: "challenge.create", entityType: ENTITY, entityId: r.id,
        summary: `${ctx.input.challengeId ? "修改" : "填写"}揭榜挂帅题目「${ctx.input.title}」`,
        after: { title: ctx.input.title, indicators: ctx.input.indicators, rewardYuan: ctx.input.rewardYuan, bidDeadline: ctx.input.bidDeadline, national: ctx.input.national },
      });
      if (r.to === "SUBMITTED") {
        await ctx.audit(tx, { operation: "challenge.submit", entityType: ENTITY, entityId: r.id, summary: `提交揭榜挂帅题目「${ctx.input.title}」`, before: { state: r.from }, after: { state: r.to } });
      }
      return { id: r.id, state: r.to };
    });
  },
} satisfies ActionDefinition<typeof challengeSchema, { id: string; state: ChallengeState }>;

/** The enterprise's steps on its own challenge: submit, withdraw (before publication), cancel (a draft). */
function enterpriseStep(step: "submit" | "withdraw" | "cancel", message: string) {
  return {
    operation: "challenge.create",
    schema: challengeStepSchema,
    successMessage: message,
    async run(ctx) {
      await authorizeEnterprise(ctx, ctx.input.challengeId);
      return db.$transaction(async (tx) => {
        const r = await stepChallenge(tx, { challengeId: ctx.input.challengeId, step, actorId: ctx.user.id, version: ctx.input.version });
        await ctx.audit(tx, {
          operation: `challenge.${step}`, entityType: ENTITY, entityId: ctx.input.challengeId,
          summary: `${step === "submit" ? "提交" : step === "withdraw" ? "撤回" : "撤销"}揭榜挂帅题目「${r.title}」`, before: { state: r.from }, after: { state: r.to },
        });
        return { state: r.to };
      });
    },
  } satisfies ActionDefinition<typeof challengeStepSchema, { state: ChallengeState }>;
}
export const submitChallengeOp = enterpriseStep("submit", "题目已提交，等待政府审核发榜");
export const withdrawChallengeOp = enterpriseStep("withdraw", "题目已撤回为草稿");
export const cancelChallengeOp = enterpriseStep("cancel", "题目已撤销");

export const verifyChallengeOp = {
  operation: "challenge.publish",
  schema: verifySchema,
  successMessage: (r) => (r.state === "PUBLISHED" ? "已审核发榜" : "已退回企业修改"),
  async run(ctx) {
    const { challengeId, version, decision, reason } = ctx.input;
    await authorizeGovernment(ctx, challengeId, "challenge.publish");
    return db.$transaction(async (tx) => {
      const r = await stepChallenge(tx, { challengeId, step: decision, actorId: ctx.user.id, version, comment: reason || null });
      await ctx.audit(tx, {
        operation: decision === "publish" ? "challenge.publish" : "challenge.return", entityType: ENTITY, entityId: challengeId,
        summary: `${decision === "publish" ? "审核发榜" : "退回修改"}：题目「${r.title}」${reason ? `，意见：${reason}` : ""}`,
        before: { state: r.from }, after: { state: r.to, reason: reason || null },
      });
      return { state: r.to };
    });
  },
} satisfies ActionDefinition<typeof verifySchema, { state: ChallengeState }>;

export const closeBiddingOp = {
  operation: "challenge.select",
  schema: challengeStepSchema,
  successMessage: "已截止揭榜，可以分配评审专家",
  async run(ctx) {
    await authorizeGovernment(ctx, ctx.input.challengeId, "challenge.select");
    return db.$transaction(async (tx) => {
      const r = await stepChallenge(tx, { challengeId: ctx.input.challengeId, step: "close", actorId: ctx.user.id, version: ctx.input.version });
      await ctx.audit(tx, { operation: "challenge.close", entityType: ENTITY, entityId: ctx.input.challengeId, summary: `截止揭榜：题目「${r.title}」`, before: { state: r.from }, after: { state: r.to } });
      return { state: r.to };
    });
  },
} satisfies ActionDefinition<typeof challengeStepSchema, { state: ChallengeState }>;

export const assignReviewersOp = {
  operation: "challenge.select",
  schema: assignReviewersSchema,
  successMessage: "评审专家已分配",
  async run(ctx) {
    await authorizeGovernment(ctx, ctx.input.challengeId, "challenge.select");
    return db.$transaction(async (tx) => {
      const r = await assignReviewers(tx, ctx.input.challengeId, ctx.input.expertIds, ctx.user.id);
      await ctx.audit(tx, { operation: "challenge.assignReviewers", entityType: ENTITY, entityId: ctx.input.challengeId, summary: `分配揭榜方案评审专家 ${r.added} 位：题目「${r.title}」`, after: { expertIds: ctx.input.expertIds } });
      return { added: r.added };
    });
  },
} satisfies ActionDefinition<typeof assignReviewersSchema, { added: number }>;

export const selectBidOp = {
  operation: "challenge.select",
  schema: selectBidSchema,
  successMessage: "已确定揭榜方（挂帅）",
  async run(ctx) {
    await authorizeGovernment(ctx, ctx.input.challengeId, "challenge.select");
    return db.$transaction(async (tx) => {
      const r = await selectBid(tx, ctx.input, ctx.user.id);
      await ctx.audit(tx, {
        operation: "challenge.select", entityType: ENTITY, entityId: ctx.input.challengeId,
        summary: `挂帅：题目「${r.title}」选定${r.lead}团队`, before: { state: "CLOSED" }, after: { state: "AWARDED", bidId: ctx.input.bidId, milestones: r.milestones },
      });
      return { state: "AWARDED" as ChallengeState };
    });
  },
} satisfies ActionDefinition<typeof selectBidSchema, { state: ChallengeState }>;

export const submitBidOp = {
  operation: "challenge.bid",
  schema: bidSchema,
  successMessage: "揭榜方案已提交",
  async run(ctx) {
    const c = await loadChallengeScope(db, ctx.input.challengeId);
    // An expert bids in their own name: the bid is theirs (self).
    ctx.authorize({ ownerUserId: ctx.user.id }, { type: ENTITY, id: c.id });
    return db.$transaction(async (tx) => {
      const r = await submitBid(tx, ctx.user.id, ctx.input);
      await ctx.audit(tx, {
        operation: "challenge.bid", entityType: "ChallengeBid", entityId: r.id, summary: `揭榜：题目「${r.title}」`,
        after: { challengeId: c.id, members: ctx.input.members, milestones: ctx.input.milestones },
      });
      return { id: r.id };
    });
  },
} satisfies ActionDefinition<typeof bidSchema, { id: string }>;

export const withdrawBidOp = {
  operation: "challenge.bid",
  schema: bidStepSchema,
  successMessage: "揭榜方案已撤回",
  async run(ctx) {
    const { bid } = await bidScope(db, ctx.input.bidId);
    ctx.authorize({ ownerUserId: bid.expert.userId }, { type: "ChallengeBid", id: bid.id });
    return db.$transaction(async (tx) => {
      const r = await withdrawBid(tx, bid.id, ctx.user.id);
      await ctx.audit(tx, { operation: "challenge.withdrawBid", entityType: "ChallengeBid", entityId: bid.id, summary: `撤回揭榜方案：题目「${r.title}」`, before: { state: bid.state }, after: { state: "WITHDRAWN" } });
      return null;
    });
  },
} satisfies ActionDefinition<typeof bidStepSchema, null>;

export const scoreBidOp = {
  operation: "challenge.review",
  schema: scoreBidSchema,
  successMessage: "评分已保存",
  async run(ctx) {
    const { bid, challenge } = await bidScope(db, ctx.input.bidId);
    const reviewer = await db.challengeReviewer.findFirst({ where: { challengeId: challenge.id, expert: { userId: ctx.user.id } }, select: { expert: { select: { userId: true } } } });
    // Only an assigned reviewer's own account: anyone else acts on a record that is not theirs.
    ctx.authorize({ ownerUserId: reviewer?.expert.userId ?? null }, { type: "ChallengeBid", id: bid.id });
    return db.$transaction(async (tx) => {
      const r = await scoreBid(tx, ctx.user.id, ctx.input);
      await ctx.audit(tx, { operation: "challenge.review", entityType: "ChallengeBid", entityId: bid.id, summary: `评审揭榜方案：题目「${r.title}」${r.lead}团队 ${ctx.input.score} 分`, after: { score: ctx.input.score } });
      return null;
    });
  },
} satisfies ActionDefinition<typeof scoreBidSchema, null>;

export const reportMilestoneOp = {
  operation: "challenge.progress",
  schema: reportMilestoneSchema,
  successMessage: "进展已报送，等待中期检查",
  async run(ctx) {
    const { milestone, leadUserId } = await milestoneScope(db, ctx.input.milestoneId);
    // The selected team's lead reports.
    ctx.authorize({ ownerUserId: leadUserId }, { type: "ChallengeMilestone", id: milestone.id });
    return db.$transaction(async (tx) => {
      const r = await reportMilestone(tx, milestone.id, ctx.input.report, ctx.user.id);
      await ctx.audit(tx, { operation: "challenge.progress", entityType: ENTITY, entityId: milestone.challengeId, summary: `报送里程碑进展：「${r.milestone}」（${r.title}）`, after: { milestoneId: milestone.id, state: "REPORTED" } });
      return { state: "REPORTED" as MilestoneState };
    });
  },
} satisfies ActionDefinition<typeof reportMilestoneSchema, { state: MilestoneState }>;

export const checkMilestoneOp = {
  operation: "challenge.accept",
  schema: checkMilestoneSchema,
  successMessage: (r) => (r.state === "PASSED" ? "中期检查通过" : "已退回揭榜方补充"),
  async run(ctx) {
    const { milestone, challenge } = await milestoneScope(db, ctx.input.milestoneId);
    authorizeGovernmentOn(ctx, challenge, "challenge.accept");
    return db.$transaction(async (tx) => {
      const r = await checkMilestone(tx, milestone.id, ctx.input.decision, ctx.input.reason, ctx.user.id);
      await ctx.audit(tx, {
        operation: "challenge.accept", entityType: ENTITY, entityId: challenge.id,
        summary: `中期检查${ctx.input.decision === "pass" ? "通过" : "退回补充"}：「${r.milestone}」（${r.title}）`,
        before: { milestoneState: milestone.state }, after: { milestoneId: milestone.id, state: r.state, reason: ctx.input.reason || null },
      });
      return { state: r.state };
    });
  },
} satisfies ActionDefinition<typeof checkMilestoneSchema, { state: MilestoneState }>;

export const acceptanceOp = {
  operation: "challenge.accept",
  schema: acceptanceSchema,
  successMessage: "验收结论已出具，等待企业确认",
  async run(ctx) {
    await authorizeGovernment(ctx, ctx.input.challengeId, "challenge.accept");
    return db.$transaction(async (tx) => {
      const r = await recordAcceptance(tx, ctx.input, ctx.user.id);
      await ctx.audit(tx, {
        operation: "challenge.accept", entityType: ENTITY, entityId: ctx.input.challengeId,
        summary: `验收：题目「${r.title}」${r.passed ? "通过" : "未通过"}`, before: { state: "AWARDED" }, after: { state: "ACCEPTANCE", passed: r.passed, results: r.results },
      });
      return { passed: r.passed };
    });
  },
} satisfies ActionDefinition<typeof acceptanceSchema, { passed: boolean }>;

export const confirmAcceptanceOp = {
  operation: "challenge.confirm",
  schema: confirmSchema,
  successMessage: (r) => (r.state === "AWARDED" ? "异议已提交，题目回到攻关阶段" : "已确认验收结论"),
  async run(ctx) {
    await authorizeEnterprise(ctx, ctx.input.challengeId);
    return db.$transaction(async (tx) => {
      const r = await confirmAcceptance(tx, ctx.input, ctx.user.id);
      await ctx.audit(tx, {
        operation: ctx.input.decision === "confirm" ? "challenge.confirm" : "challenge.dispute", entityType: ENTITY, entityId: ctx.input.challengeId,
        summary: `${ctx.input.decision === "confirm" ? "确认验收结论" : "对验收结论提出异议"}：题目「${r.title}」${ctx.input.reason ? `，意见：${ctx.input.reason}` : ""}`,
        before: { state: "ACCEPTANCE" }, after: { state: r.to },
      });
      return { state: r.to };
    });
  },
} satisfies ActionDefinition<typeof confirmSchema, { state: ChallengeState }>;

export const uploadChallengeFileOp = {
  operation: "challenge.create",
  schema: uploadChallengeFileSchema,
  successMessage: "附件已上传",
  async run(ctx) {
    const { challengeId, file } = ctx.input;
    await authorizeEnterprise(ctx, challengeId);
    if (file.size > MAX_ATTACHMENT_BYTES) throw invalidInput({ file: ["文件超过 20 MB，请压缩或拆分后再上传"] }, "文件超过 20 MB，请压缩或拆分后再上传");
    const bytes = new Uint8Array(await file.arrayBuffer());
    const fileName = cleanFileName(file.name);
    const verdict = checkUpload(fileName, bytes);
    if (!verdict.ok) throw invalidInput({ file: [verdict.reason] }, verdict.reason);
    const storageKey = newStorageKey("challenge");
    await storage().put(storageKey, bytes);
    try {
      return await db.$transaction(async (tx) => {
        const sha256 = createHash("sha256").update(bytes).digest("hex");
        const att = await addChallengeFile(tx, challengeId, { fileName, mimeType: verdict.mimeType, sizeBytes: bytes.length, sha256, storageKey }, ctx.user.id);
        await ctx.audit(tx, { operation: "challenge.attach", entityType: ENTITY, entityId: challengeId, summary: `上传题目附件「${fileName}」`, after: { attachmentId: att.id, fileName, sizeBytes: bytes.length, sha256 } });
        return { id: att.id };
      });
    } catch (err) {
      await storage().remove(storageKey).catch(() => undefined);
      throw err;
    }
  },
} satisfies ActionDefinition<typeof uploadChallengeFileSchema, { id: string }>;

export const removeChallengeFileOp = {
  operation: "challenge.create",
  schema: removeChallengeFileSchema,
  successMessage: "附件已删除",
  async run(ctx) {
    const att = await db.attachment.findUnique({ where: { id: ctx.input.attachmentId }, select: { ownerType: true, ownerId: true } });
    if (!att || att.ownerType !== ENTITY) throw notFound("附件");
    await authorizeEnterprise(ctx, att.ownerId);
    const removed = await db.$transaction(async (tx) => {
      const row = await removeChallengeFile(tx, ctx.input.attachmentId);
      await ctx.audit(tx, { operation: "challenge.detach", entityType: ENTITY, entityId: att.ownerId, summary: `删除题目附件「${row.fileName}」`, before: { attachmentId: ctx.input.attachmentId, fileName: row.fileName } });
      return row;
    });
    await storage().remove(removed.storageKey).catch((err) => console.error("[storage] remove failed", err));
    return null;
  },
} satisfies ActionDefinition<typeof removeChallengeFileSchema, null>;
