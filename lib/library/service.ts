import type { Tx } from "@/lib/db";
import { AppError, invalidTransition, notFound } from "@/lib/errors";
import { notify, staffIds } from "@/lib/notifications/send";
import { criteriaChecks, type NominationDeclarations } from "@/lib/library/criteria";
import { MEMBERSHIP_WORKFLOW, NOMINATION_WORKFLOW, statusAfterWithdrawal } from "@/lib/library/workflow";

// 重点联系专家库 state changes. Each takes the transaction of the calling operation; each change is a step of
// lib/library/workflow.ts, conditional on the state it starts from, so of two simultaneous decisions exactly one
// takes effect.

const LINK_PROVINCE = "/library";
const LINK_MINISTRY = "/library";
const LINK_EXPERT = "/expert";

export const EXPERT = "专家";
export const NOMINATION = "推荐记录";

const MISMATCH = "该专家的入库状态与推荐不一致，请刷新后查看";

/** The expert as the criteria need it, with the province the scope check uses. */
export async function loadCandidate(tx: Tx, expertId: string) {
  const expert = await tx.expertProfile.findUnique({
    where: { id: expertId },
    select: {
      id: true, name: true, provinceCode: true, status: true, title: true, talentCategories: true, libraryStatus: true,
      userId: true,
      nominations: { where: { state: "NOMINATED" }, select: { id: true }, take: 1 },
    },
  });
  if (!expert) return null;
  const { nominations, ...rest } = expert;
  return { ...rest, hasPendingNomination: nominations.length > 0 };
}

/** Refuses with the failed criteria: each as a field error where the form has a field for it, all in the message. */
function refuseNomination(checks: ReturnType<typeof criteriaChecks>): AppError {
  const failed = checks.filter((c) => !c.ok);
  const fieldErrors: Record<string, string[]> = {};
  for (const c of failed) {
    const field = c.key === "willing" || c.key === "healthy" ? c.key : "expertId";
    (fieldErrors[field] ??= []).push(c.problem);
  }
  return new AppError("VALIDATION", `不符合推荐条件：${failed.map((c) => c.problem).join("；")}`, fieldErrors);
}

export type NominateArgs = NominationDeclarations & { expertId: string; reason: string; actorId: string };

export async function nominate(tx: Tx, args: NominateArgs) {
  const expert = await loadCandidate(tx, args.expertId);
  if (!expert) throw notFound(EXPERT);
  const checks = criteriaChecks(expert, args);
  if (checks.some((c) => !c.ok)) throw refuseNomination(checks);

  // Two provinces (or two clicks) at once: only one moves the expert out of a nominatable state.
  await MEMBERSHIP_WORKFLOW.apply(tx, {
    id: expert.id, step: "nominate", from: expert.libraryStatus, where: { status: "ACTIVE" }, comment: args.reason,
    conflict: "该专家的入库状态刚刚发生变化（可能已被推荐），请刷新后查看",
  });
  const nomination = await tx.libraryNomination.create({
    data: {
      expertId: expert.id, provinceCode: expert.provinceCode, nominatedById: args.actorId, reason: args.reason,
      willing: args.willing, healthy: args.healthy,
    },
  });
  await notify(tx, await staffIds(tx, "MINISTRY_ADMIN"), {
    title: `新的重点联系专家库推荐：${expert.name}`,
    body: `省级人社部门推荐${expert.name}进入重点联系专家库，请审定。`,
    link: LINK_MINISTRY,
  });
  return { nomination, expert, before: expert.libraryStatus };
}

export async function loadNomination(tx: Tx, nominationId: string) {
  return tx.libraryNomination.findUnique({
    where: { id: nominationId },
    select: {
      id: true, state: true, provinceCode: true, nominatedById: true, expertId: true,
      expert: { select: { id: true, name: true, userId: true, libraryStatus: true } },
    },
  });
}

async function lastDecision(tx: Tx, expertId: string, exceptId: string) {
  const last = await tx.libraryNomination.findFirst({
    where: { expertId, id: { not: exceptId }, state: { in: ["ADMITTED", "DECLINED"] } },
    orderBy: [{ decidedAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
    select: { state: true },
  });
  return last?.state ?? null;
}

/** The province takes back its pending nomination; the expert returns to where they were. */
export async function withdrawNomination(tx: Tx, nominationId: string, now = new Date()) {
  const nomination = await loadNomination(tx, nominationId);
  if (!nomination) throw notFound(NOMINATION);
  await NOMINATION_WORKFLOW.apply(tx, {
    id: nominationId, step: "withdraw", from: nomination.state, now, data: { decidedAt: now },
    conflict: NOMINATION_WORKFLOW.steps.withdraw.refused,
  });
  const back = statusAfterWithdrawal(await lastDecision(tx, nomination.expertId, nominationId));
  await MEMBERSHIP_WORKFLOW.apply(tx, { id: nomination.expertId, step: "withdraw", from: nomination.expert.libraryStatus, to: back, conflict: MISMATCH });
  return { nomination, libraryStatus: back };
}

export type Decision = "ADMIT" | "DECLINE";

/** The ministry admits or declines a pending nomination; the province and the expert are told. */
export async function decideNomination(
  tx: Tx,
  args: { nominationId: string; decision: Decision; reason: string; actorId: string },
  now = new Date(),
) {
  const nomination = await loadNomination(tx, args.nominationId);
  if (!nomination) throw notFound(NOMINATION);
  const admit = args.decision === "ADMIT";
  const reason = args.reason || (admit ? "同意入库。" : "");
  const step = admit ? "admit" : "decline";
  await NOMINATION_WORKFLOW.apply(tx, {
    id: nomination.id, step, from: nomination.state, actorId: args.actorId, comment: reason, now,
    data: { decidedById: args.actorId, decidedAt: now, decisionReason: reason },
  });
  const { to } = await MEMBERSHIP_WORKFLOW.apply(tx, {
    id: nomination.expertId, step, from: nomination.expert.libraryStatus, actorId: args.actorId, comment: reason, now,
    data: admit ? { libraryJoinedAt: now, lastConfirmedAt: now, libraryLeftAt: null, libraryLeftReason: null } : {},
    conflict: MISMATCH,
  });

  const name = nomination.expert.name;
  const title = admit ? `${name}已进入重点联系专家库` : `${name}的入库推荐未获同意`;
  const body = admit ? `部级审定同意入库。${reason}` : `部级审定不同意入库，理由：${reason}`;
  const province = await staffIds(tx, "PROVINCE_ADMIN", { provinceCode: nomination.provinceCode });
  await notify(tx, [...province, nomination.nominatedById], { title, body, link: LINK_PROVINCE });
  if (nomination.expert.userId) {
    await notify(tx, [nomination.expert.userId], {
      title: admit ? "您已进入服务基层重点联系专家库" : "您的重点联系专家库推荐未获同意",
      body: admit ? "请每年在专家工作台确认一次个人信息仍然准确。" : `理由：${reason}`,
      link: LINK_EXPERT,
    });
  }
  return { nomination, libraryStatus: to, reason };
}

export async function loadMember(tx: Tx, expertId: string) {
  return tx.expertProfile.findUnique({
    where: { id: expertId },
    select: { id: true, name: true, provinceCode: true, userId: true, libraryStatus: true, lastConfirmedAt: true },
  });
}

/** The member confirms their information is still accurate (the annual re-confirmation). */
export async function confirmMembership(tx: Tx, expertId: string, now = new Date()) {
  const confirm = MEMBERSHIP_WORKFLOW.acts.confirm;
  const { count } = await tx.expertProfile.updateMany({
    where: { id: expertId, libraryStatus: { in: [...confirm.in] } },
    data: { lastConfirmedAt: now },
  });
  if (!count) throw invalidTransition(confirm.refused!);
  return now;
}

/** Leaves the library, by the expert's own request or by the ministry's decision. */
export async function exitLibrary(
  tx: Tx,
  args: { expertId: string; reason: string; by: "expert" | "ministry" },
  now = new Date(),
) {
  const expert = await loadMember(tx, args.expertId);
  if (!expert) throw notFound(EXPERT);
  await MEMBERSHIP_WORKFLOW.apply(tx, {
    id: expert.id, step: args.by === "expert" ? "leave" : "remove", from: expert.libraryStatus, comment: args.reason, now,
    data: { libraryLeftAt: now, libraryLeftReason: args.reason },
    conflict: MEMBERSHIP_WORKFLOW.steps.leave.refused,
  });

  const province = await staffIds(tx, "PROVINCE_ADMIN", { provinceCode: expert.provinceCode });
  if (args.by === "expert") {
    const ministry = await staffIds(tx, "MINISTRY_ADMIN");
    await notify(tx, [...ministry, ...province], {
      title: `${expert.name}已申请退出重点联系专家库`, body: `退出原因：${args.reason}`, link: LINK_MINISTRY,
    });
  } else {
    await notify(tx, province, { title: `${expert.name}已调出重点联系专家库`, body: `原因：${args.reason}`, link: LINK_PROVINCE });
    if (expert.userId) {
      await notify(tx, [expert.userId], { title: "您已调出服务基层重点联系专家库", body: `原因：${args.reason}`, link: LINK_EXPERT });
    }
  }
  return expert;
}
