import { db } from "@/lib/db";
import type { ActionDefinition } from "@/lib/actions/pipeline";
import { notFound } from "@/lib/errors";
import { decideSchema, exitSchema, expertIdSchema, nominateSchema, nominationIdSchema } from "@/lib/library/schemas";
import {
  confirmMembership, decideNomination, EXPERT, exitLibrary, loadCandidate, loadMember, loadNomination, nominate, NOMINATION,
  withdrawNomination,
} from "@/lib/library/service";

// Scope always comes from the database row: the expert's province for nominations, the expert's own account for
// confirmation and the expert's own exit. The ministry's operations are national.

export const nominateOp = {
  operation: "library.nominate",
  schema: nominateSchema,
  successMessage: "已推荐，等待部级审定",
  async run(ctx) {
    const expert = await loadCandidate(db, ctx.input.expertId);
    if (!expert) throw notFound(EXPERT);
    ctx.authorize({ provinceCode: expert.provinceCode }, { type: "ExpertProfile", id: expert.id });
    return db.$transaction(async (tx) => {
      const { nomination, before } = await nominate(tx, { ...ctx.input, actorId: ctx.user.id });
      await ctx.audit(tx, {
        operation: "library.nominate", entityType: "LibraryNomination", entityId: nomination.id,
        summary: `推荐${expert.name}进入重点联系专家库`,
        before: { libraryStatus: before },
        after: { libraryStatus: "NOMINATED", willing: ctx.input.willing, healthy: ctx.input.healthy, expertId: expert.id },
      });
      return { nominationId: nomination.id };
    });
  },
} satisfies ActionDefinition<typeof nominateSchema, { nominationId: string }>;

export const withdrawNominationOp = {
  operation: "library.nominate",
  schema: nominationIdSchema,
  successMessage: "已撤回推荐",
  async run(ctx) {
    const found = await loadNomination(db, ctx.input.nominationId);
    if (!found) throw notFound(NOMINATION);
    ctx.authorize({ provinceCode: found.provinceCode }, { type: "LibraryNomination", id: found.id });
    await db.$transaction(async (tx) => {
      const { libraryStatus } = await withdrawNomination(tx, found.id);
      await ctx.audit(tx, {
        operation: "library.withdraw", entityType: "LibraryNomination", entityId: found.id,
        summary: `撤回对${found.expert.name}的入库推荐`,
        before: { state: "NOMINATED", libraryStatus: "NOMINATED" }, after: { state: "WITHDRAWN", libraryStatus },
      });
    });
    return null;
  },
} satisfies ActionDefinition<typeof nominationIdSchema, null>;

export const decideNominationOp = {
  operation: "library.decide",
  schema: decideSchema,
  async run(ctx) {
    const found = await loadNomination(db, ctx.input.nominationId);
    if (!found) throw notFound(NOMINATION);
    ctx.authorize({ provinceCode: found.provinceCode }, { type: "LibraryNomination", id: found.id });
    return db.$transaction(async (tx) => {
      const { libraryStatus, reason } = await decideNomination(tx, { ...ctx.input, actorId: ctx.user.id });
      const admit = ctx.input.decision === "ADMIT";
      await ctx.audit(tx, {
        operation: admit ? "library.admit" : "library.decline", entityType: "LibraryNomination", entityId: found.id,
        summary: admit ? `同意${found.expert.name}进入重点联系专家库` : `不同意${found.expert.name}入库：${reason}`,
        before: { state: "NOMINATED", libraryStatus: "NOMINATED" },
        after: { state: admit ? "ADMITTED" : "DECLINED", libraryStatus, reason },
      });
      return { decision: ctx.input.decision, libraryStatus };
    });
  },
} satisfies ActionDefinition<typeof decideSchema, { decision: "ADMIT" | "DECLINE"; libraryStatus: string }>;

export const confirmMembershipOp = {
  operation: "library.confirm",
  schema: expertIdSchema,
  successMessage: "已确认，感谢您对服务基层工作的支持",
  async run(ctx) {
    const expert = await loadMember(db, ctx.input.expertId);
    if (!expert) throw notFound(EXPERT);
    ctx.authorize({ ownerUserId: expert.userId }, { type: "ExpertProfile", id: expert.id });
    return db.$transaction(async (tx) => {
      const at = await confirmMembership(tx, expert.id);
      await ctx.audit(tx, {
        operation: "library.confirm", entityType: "ExpertProfile", entityId: expert.id, summary: "年度确认重点联系专家库信息",
        before: { lastConfirmedAt: expert.lastConfirmedAt?.toISOString() ?? null }, after: { lastConfirmedAt: at.toISOString() },
      });
      return { lastConfirmedAt: at.toISOString() };
    });
  },
} satisfies ActionDefinition<typeof expertIdSchema, { lastConfirmedAt: string }>;

/** The member's own exit (申请退出). */
export const leaveLibraryOp = {
  operation: "library.confirm",
  schema: exitSchema,
  successMessage: "已退出重点联系专家库",
  async run(ctx) {
    const expert = await loadMember(db, ctx.input.expertId);
    if (!expert) throw notFound(EXPERT);
    ctx.authorize({ ownerUserId: expert.userId }, { type: "ExpertProfile", id: expert.id });
    await db.$transaction(async (tx) => {
      await exitLibrary(tx, { expertId: expert.id, reason: ctx.input.reason, by: "expert" });
      await ctx.audit(tx, {
        operation: "library.exit", entityType: "ExpertProfile", entityId: expert.id, summary: `本人申请退出重点联系专家库：${ctx.input.reason}`,
        before: { libraryStatus: "IN_LIBRARY" }, after: { libraryStatus: "LEFT", reason: ctx.input.reason },
      });
    });
    return null;
  },
} satisfies ActionDefinition<typeof exitSchema, null>;

/** The ministry takes a member out of the library (调出). */
export const removeMemberOp = {
  operation: "library.decide",
  schema: exitSchema,
  successMessage: "已调出重点联系专家库",
  async run(ctx) {
    const expert = await loadMember(db, ctx.input.expertId);
    if (!expert) throw notFound(EXPERT);
    ctx.authorize({ provinceCode: expert.provinceCode }, { type: "ExpertProfile", id: expert.id });
    await db.$transaction(async (tx) => {
      await exitLibrary(tx, { expertId: expert.id, reason: ctx.input.reason, by: "ministry" });
      await ctx.audit(tx, {
        operation: "library.remove", entityType: "ExpertProfile", entityId: expert.id, summary: `将${expert.name}调出重点联系专家库：${ctx.input.reason}`,
        before: { libraryStatus: "IN_LIBRARY" }, after: { libraryStatus: "LEFT", reason: ctx.input.reason },
      });
    });
    return null;
  },
} satisfies ActionDefinition<typeof exitSchema, null>;
