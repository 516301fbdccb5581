import { db, type Tx } from "@/lib/db";
import type { ActionContext, ActionDefinition } from "@/lib/actions/pipeline";
import { canRead, SCOPE_SELECT } from "@/lib/experts/scope";
import { settleNeed } from "@/lib/engagements/service";
import { forbidden, notFound } from "@/lib/errors";
import type { MatchState } from "@/lib/generated/prisma/enums";
import {
  applySchema, assignSchema, decideApplicationSchema, inviteSchema, respondSchema, withdrawSchema,
} from "@/lib/matches/schemas";
import { matchScope, pairScope } from "@/lib/matches/scope";
import { applyToNeed, inviteExpert, notifyStep, stepMatch, warmScoring, type InviteInput } from "@/lib/matches/service";
import { sweepInvitations } from "@/lib/matches/sweep";
import { MATCH_STEPS } from "@/lib/matches/workflow";

/**
 * The province may invite an expert to a need of its own province, and only an expert it can see: one of its own
 * province's, or one of another province who shares across regions (lib/experts/scope.ts).
 */
export async function authorizeInvite(ctx: ActionContext<unknown>, needId: string, expertId: string): Promise<void> {
  ctx.authorize(await pairScope(db, needId, expertId), { type: "Need", id: needId });
  const expert = await db.expertProfile.findUnique({ where: { id: expertId }, select: SCOPE_SELECT });
  if (!expert) throw notFound("专家");
  if (!canRead(ctx.user, expert)) throw forbidden("该专家不在本省专家库，也未开放跨区域共享，不能邀请");
}

/**
 * Invite (from recommendations or a batch) or assign by hand; in its own transaction, audited. `precheck` runs
 * first inside that transaction (a batch checks the proposal is still there).
 */
export async function inviteWithAudit(ctx: ActionContext<unknown>, input: Omit<InviteInput, "actorId">, precheck?: (tx: Tx) => Promise<void>) {
  await authorizeInvite(ctx, input.needId, input.expertId);
  // Expired invitations still hold places until swept; sweep this expert and need first.
  await sweepInvitations(db, input.now ?? new Date(), { expertId: input.expertId });
  await sweepInvitations(db, input.now ?? new Date(), { needId: input.needId });
  // The scoring model is fitted outside the transaction (a cold instance takes long: warmScoring).
  await warmScoring(db);
  return db.$transaction(async (tx) => {
    await precheck?.(tx);
    const r = await inviteExpert(tx, { ...input, actorId: ctx.user.id });
    const manual = input.source === "PROVINCE";
    const how = manual ? `，理由：${input.assignReason}` : input.source === "BATCH" ? "（批量分配方案）" : "";
    await ctx.audit(tx, {
      operation: manual ? "match.assign" : "match.invite", entityType: "Match", entityId: r.matchId,
      summary: `${manual ? "指派" : "邀请"}专家 ${r.expertName} 承接需求 ${r.code}「${r.title}」${how}`,
      before: { state: r.from }, after: { state: "INVITED", score: r.score, respondBy: r.respondBy.toISOString(), source: input.source },
    });
    return { matchId: r.matchId, respondBy: r.respondBy };
  });
}

export const inviteExpertOp = {
  operation: "match.invite",
  schema: inviteSchema,
  successMessage: "邀请已发出，专家答复前占用一个名额",
  run: (ctx) => inviteWithAudit(ctx, { needId: ctx.input.needId, expertId: ctx.input.expertId, source: "SYSTEM" }),
} satisfies ActionDefinition<typeof inviteSchema, { matchId: string; respondBy: Date }>;

export const assignExpertOp = {
  operation: "match.invite",
  schema: assignSchema,
  successMessage: "已指派，等待专家答复",
  run: (ctx) =>
    inviteWithAudit(ctx, { needId: ctx.input.needId, expertId: ctx.input.expertId, source: "PROVINCE", assignReason: ctx.input.reason }),
} satisfies ActionDefinition<typeof assignSchema, { matchId: string; respondBy: Date }>;

/** Load the match's scope, check the version the form saw, and refuse unless the user may act on it. */
async function authorizeMatch(ctx: ActionContext<unknown>, matchId: string) {
  const scope = await matchScope(db, matchId);
  ctx.authorize(scope, { type: "Match", id: matchId });
  return scope;
}

type Stepped = { state: MatchState };

async function runStep(
  ctx: ActionContext<{ matchId: string; version: number; reason?: string }>,
  step: "withdraw" | "accept" | "decline" | "approve" | "reject",
  extra: { offeredHours?: number | null } = {},
): Promise<Stepped> {
  await authorizeMatch(ctx, ctx.input.matchId);
  const reason = ctx.input.reason || null;
  return db.$transaction(async (tx) => {
    const r = await stepMatch(tx, { matchId: ctx.input.matchId, step, actorId: ctx.user.id, version: ctx.input.version, reason, ...extra });
    const need = await tx.need.findUniqueOrThrow({ where: { id: r.needId }, select: { code: true, title: true } });
    const expert = await tx.expertProfile.findUniqueOrThrow({ where: { id: r.expertId }, select: { name: true } });
    await ctx.audit(tx, {
      operation: `match.${step}`, entityType: "Match", entityId: r.matchId,
      summary: `${MATCH_STEPS[step].label}：${expert.name} · 需求 ${need.code}「${need.title}」${reason ? `，原因：${reason}` : ""}${extra.offeredHours ? `，可投入 ${extra.offeredHours} 小时` : ""}`,
      before: { state: r.from }, after: { state: r.to, reason, offeredHours: extra.offeredHours ?? null },
    });
    await notifyStep(tx, r, reason);
    // A pending match that ends may leave nothing in progress: the need then completes or goes back to matching.
    if (r.to === "DECLINED" || r.to === "WITHDRAWN") await settleNeed(tx, r.needId, ctx.user.id);
    return { state: r.to };
  });
}

export const withdrawMatchOp = {
  operation: "match.invite",
  schema: withdrawSchema,
  successMessage: "已撤回，名额已释放",
  run: (ctx) => runStep(ctx, "withdraw"),
} satisfies ActionDefinition<typeof withdrawSchema, Stepped>;

export const respondMatchOp = {
  operation: "match.respond",
  schema: respondSchema,
  async run(ctx) {
    const { decision, offeredHours } = ctx.input;
    return runStep(ctx, decision, decision === "accept" ? { offeredHours } : {});
  },
  successMessage: "答复已提交",
} satisfies ActionDefinition<typeof respondSchema, Stepped>;

export const decideApplicationOp = {
  operation: "match.invite",
  schema: decideApplicationSchema,
  successMessage: "已处理专家申请",
  run: (ctx) => runStep(ctx, ctx.input.decision),
} satisfies ActionDefinition<typeof decideApplicationSchema, Stepped>;

export const applyNeedOp = {
  operation: "match.apply",
  schema: applySchema,
  successMessage: "申请已提交，等待省级审定",
  async run(ctx) {
    const expert = await db.expertProfile.findUnique({ where: { userId: ctx.user.id }, select: { id: true, name: true } });
    if (!expert) throw forbidden("账号尚未关联专家档案，无法申请");
    ctx.authorize(await pairScope(db, ctx.input.needId, expert.id), { type: "Need", id: ctx.input.needId });
    await warmScoring(db);
    return db.$transaction(async (tx) => {
      const r = await applyToNeed(tx, { needId: ctx.input.needId, expertId: expert.id, note: ctx.input.note });
      await ctx.audit(tx, {
        operation: "match.apply", entityType: "Match", entityId: r.matchId,
        summary: `${expert.name} 申请承接需求 ${r.code}「${r.title}」`, after: { state: "APPLIED", note: ctx.input.note },
      });
      return { matchId: r.matchId };
    });
  },
} satisfies ActionDefinition<typeof applySchema, { matchId: string }>;
