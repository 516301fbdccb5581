import type { Tx } from "@/lib/db";
import { conflict, forbidden, invalidInput, invalidTransition, notFound } from "@/lib/errors";
import type { ChallengeState } from "@/lib/generated/prisma/enums";
import type { ResourceScope } from "@/lib/auth/permissions";
import { chinaDayEnd } from "@/lib/calendar/china-time";
import { notify, staffIds } from "@/lib/notifications/send";
import type { BidInput, ChallengeInput, PlannedMilestone } from "@/lib/challenges/schemas";
import { plannedMilestoneSchema } from "@/lib/challenges/schemas";
import { checkTeam, recusalRefusal } from "@/lib/challenges/team";
import {
  BID_WORKFLOW, CHALLENGE_WORKFLOW, MILESTONE_WORKFLOW, OPEN_BID_STATES, type ChallengeStep,
} from "@/lib/challenges/workflow";

// Rules and state changes of 揭榜挂帅 challenges. Every function takes the caller's transaction; the caller has already
// checked the actor's permission over the challenge's scope (read from the database by challengeScope).

export type ChallengeScope = {
  id: string; state: ChallengeState; version: number; title: string; national: boolean; enterpriseId: string;
  provinceCode: string; bidDeadline: Date | null;
};

export async function loadChallengeScope(tx: Tx, challengeId: string): Promise<ChallengeScope> {
  const c = await tx.challenge.findUnique({
    where: { id: challengeId },
    select: { id: true, state: true, version: true, title: true, national: true, enterpriseId: true, provinceCode: true, bidDeadline: true },
  });
  if (!c) throw notFound("题目");
  return c;
}

/** The enterprise's side: its own challenges (unit scope). */
export const enterpriseScope = (c: Pick<ChallengeScope, "enterpriseId" | "provinceCode">): ResourceScope =>
  ({ organizationId: c.enterpriseId, provinceCode: c.provinceCode });

/**
 * The government's side: a national challenge is the ministry's alone (no province matches it); a provincial one
 * sits in the enterprise's province. (The ministry's national grant covers it too; governmentRefusal says no.)
 */
export const governmentScope = (c: Pick<ChallengeScope, "national" | "provinceCode">): ResourceScope =>
  (c.national ? {} : { provinceCode: c.provinceCode });

/** A provincial challenge is verified and managed by its province, not by the ministry (section 3: 政府发榜 locally). */
export function governmentRefusal(c: Pick<ChallengeScope, "national">, grantedScopes: string[]): string | null {
  if (!c.national && !grantedScopes.includes("province")) return "该题目为省级题目，由企业所在省级人社部门发榜和管理";
  return null;
}

export async function enterpriseOrganization(tx: Tx, organizationId: string) {
  const org = await tx.organization.findUnique({
    where: { id: organizationId },
    select: { id: true, name: true, type: true, regionCode: true, region: { select: { provinceCode: true } } },
  });
  if (!org) throw forbidden("账号所属企业不存在，请联系管理员");
  return { id: org.id, name: org.name, regionCode: org.regionCode, provinceCode: org.region.provinceCode };
}
export type EnterpriseOrg = Awaited<ReturnType<typeof enterpriseOrganization>>;

const event = (tx: Tx, challengeId: string, action: string, actorId: string | null, comment: string | null = null, now = new Date()) =>
  tx.challengeEvent.create({ data: { challengeId, action, actorId, comment, createdAt: now } });

const link = (id: string) => `/enterprise/challenges/${id}`;
const verifiers = (tx: Tx, c: Pick<ChallengeScope, "national" | "provinceCode">) =>
  (c.national ? staffIds(tx, "MINISTRY_ADMIN") : staffIds(tx, "PROVINCE_ADMIN", { provinceCode: c.provinceCode }));

function checkDeadline(input: Pick<ChallengeInput, "bidDeadline">, now: Date) {
  if (chinaDayEnd(input.bidDeadline) <= now) throw invalidInput({ bidDeadline: ["揭榜截止日期必须晚于今天"] }, "揭榜截止日期必须晚于今天");
}

/** Write a challenge (new, or a draft/returned one the form loaded at `version`), submitting it when asked. */
export async function saveChallenge(tx: Tx, org: EnterpriseOrg, actorId: string, input: ChallengeInput, now = new Date()) {
  if (input.intent === "submit") checkDeadline(input, now);
  const data = {
    title: input.title, problem: input.problem, indicators: input.indicators, requirements: input.requirements,
    rewardYuan: input.rewardYuan, bidDeadline: chinaDayEnd(input.bidDeadline), ipTerms: input.ipTerms,
    disciplineCodes: input.disciplineCodes, national: input.national,
  };
  let challengeId: string;
  let version: number;
  if (!input.challengeId) {
    const created = await tx.challenge.create({
      data: { ...data, enterpriseId: org.id, regionCode: org.regionCode, provinceCode: org.provinceCode, state: "DRAFT", createdAt: now },
      select: { id: true, version: true },
    });
    challengeId = created.id;
    version = created.version;
    await tx.challengeEvent.create({ data: { challengeId, action: "填写题目", toState: "DRAFT", actorId, createdAt: now } });
  } else {
    challengeId = input.challengeId;
    const { count } = await tx.challenge.updateMany({
      where: { id: challengeId, enterpriseId: org.id, state: { in: [...CHALLENGE_WORKFLOW.acts.edit.in] }, ...(input.version !== undefined ? { version: input.version } : {}) },
      data: { ...data, version: { increment: 1 } },
    });
    if (!count) {
      const row = await tx.challenge.findUnique({ where: { id: challengeId }, select: { state: true } });
      if (!row) throw notFound("题目");
      CHALLENGE_WORKFLOW.assertAct("edit", row.state);
      throw conflict("该题目已被他人修改，请刷新后重试");
    }
    version = (input.version ?? 0) + 1;
  }
  if (input.intent === "submit") {
    const r = await stepChallenge(tx, { challengeId, step: "submit", actorId, now });
    return { id: challengeId, ...r };
  }
  return { id: challengeId, from: "DRAFT" as ChallengeState, to: "DRAFT" as ChallengeState, title: input.title, version };
}

export type StepChallengeInput = {
  challengeId: string; step: ChallengeStep; actorId: string | null; version?: number; comment?: string | null; now?: Date;
  to?: ChallengeState;
};

/** One step of a challenge's life (submit, withdraw, cancel, publish, return, close): the conditional update, the timeline and the notifications. */
export async function stepChallenge(tx: Tx, { challengeId, step, actorId, version, comment, now = new Date(), to }: StepChallengeInput) {
  const c = await tx.challenge.findUnique({
    where: { id: challengeId },
    select: { state: true, title: true, national: true, provinceCode: true, enterpriseId: true, bidDeadline: true, indicators: true },
  });
  if (!c) throw notFound("题目");
  CHALLENGE_WORKFLOW.next(step, c.state, to);
  if (step === "submit") {
    // What the government verifies must be complete: indicators and a future deadline.
    if (!c.indicators.length) throw invalidInput({ indicators: ["请至少填写一条技术指标"] }, "请至少填写一条需达到的技术指标");
    if (!c.bidDeadline || c.bidDeadline <= now) throw invalidInput({ bidDeadline: ["揭榜截止日期必须晚于今天"] }, "揭榜截止日期已过，请修改后再提交");
  }
  if (step === "publish" && (!c.bidDeadline || c.bidDeadline <= now)) {
    throw invalidTransition("揭榜截止日期已过，请退回企业修改截止日期后再发榜");
  }
  const data: Record<string, unknown> = {};
  if (step === "submit") Object.assign(data, { submittedAt: now, returnReason: null });
  if (step === "return") data.returnReason = comment?.trim() ?? null;
  if (step === "publish") Object.assign(data, { publishedAt: now, publishedById: actorId });
  if (step === "close") data.closedAt = now;
  const r = await CHALLENGE_WORKFLOW.apply(tx, { id: challengeId, step, from: c.state, version, actorId, comment, now, data, to });
  const enterprise = () => staffIds(tx, "ENTERPRISE", { organizationId: c.enterpriseId });
  if (step === "submit") {
    await notify(tx, await verifiers(tx, c), { title: `待发榜：${c.title}`, body: "企业提交了揭榜挂帅题目，请审核后发榜或退回修改。", link: `/${c.national ? "ministry" : "province"}/challenges/${challengeId}` });
  }
  if (step === "publish") await notify(tx, await enterprise(), { title: `题目已发榜：${c.title}`, body: "政府已审核发榜，专家和团队可以揭榜。", link: link(challengeId) });
  if (step === "return") await notify(tx, await enterprise(), { title: `题目被退回修改：${c.title}`, body: comment ?? "", link: link(challengeId) });
  return { ...r, title: c.title };
}

// ─── Attachments (the kit of needs and bases: lib/storage) ─────────────────────

export const MAX_CHALLENGE_FILES = 10;
export type StoredFile = { fileName: string; mimeType: string; sizeBytes: number; sha256: string; storageKey: string };

/** Lock the challenge's row while its files change, refusing unless the enterprise may still edit it. */
async function lockEditable(tx: Tx, challengeId: string) {
  const rows = await tx.$queryRaw<{ state: ChallengeState }[]>`SELECT "state"::text AS state FROM "Challenge" WHERE "id" = ${challengeId} FOR UPDATE`;
  if (!rows.length) throw notFound("题目");
  CHALLENGE_WORKFLOW.assertAct("edit", rows[0].state);
}

export async function addChallengeFile(tx: Tx, challengeId: string, file: StoredFile, uploadedById: string) {
  await lockEditable(tx, challengeId);
  if ((await tx.attachment.count({ where: { ownerType: "Challenge", ownerId: challengeId } })) >= MAX_CHALLENGE_FILES) {
    throw invalidInput({ file: [`每个题目最多 ${MAX_CHALLENGE_FILES} 个附件`] }, `每个题目最多 ${MAX_CHALLENGE_FILES} 个附件`);
  }
  return tx.attachment.create({ data: { ownerType: "Challenge", ownerId: challengeId, uploadedById, ...file }, select: { id: true, fileName: true } });
}

export async function removeChallengeFile(tx: Tx, attachmentId: string) {
  const att = await tx.attachment.findUnique({ where: { id: attachmentId }, select: { ownerType: true, ownerId: true, storageKey: true, fileName: true } });
  if (!att || att.ownerType !== "Challenge") throw notFound("附件");
  await lockEditable(tx, att.ownerId);
  await tx.attachment.delete({ where: { id: attachmentId } });
  return att;
}

// ─── Bids (揭榜) ───────────────────────────────────────────────────────────────

/** The expert profile of a signed-in expert, or a refusal. */
export async function expertOfUser(tx: Tx, userId: string) {
  const e = await tx.expertProfile.findUnique({ where: { userId }, select: { id: true, name: true, status: true, userId: true } });
  if (!e) throw forbidden("账号尚未关联专家档案，不能揭榜");
  return e;
}

/**
 * Submit a bid: only while the challenge is published and before its deadline; the lead must be an approved expert
 * of the pool; every member must be in the pool, available until the last milestone and fit the role.
 */
export async function submitBid(tx: Tx, leadUserId: string, input: BidInput, now = new Date()) {
  // Lock the challenge so a bid cannot slip in while the government closes bidding.
  const rows = await tx.$queryRaw<{ state: ChallengeState }[]>`SELECT "state"::text AS state FROM "Challenge" WHERE "id" = ${input.challengeId} FOR UPDATE`;
  if (!rows.length) throw notFound("题目");
  const c = await loadChallengeScope(tx, input.challengeId);
  CHALLENGE_WORKFLOW.assertAct("bid", c.state);
  if (!c.bidDeadline || c.bidDeadline <= now) throw invalidTransition("揭榜已截止，不能再揭榜");
  const lead = await expertOfUser(tx, leadUserId);
  if (lead.status !== "ACTIVE") throw forbidden("您的专家档案尚未通过审核（不在专家库中），暂不能揭榜");
  if (input.members.some((m) => m.expertId === lead.id)) throw invalidInput({ members: ["负责人无需再列为团队成员"] }, "负责人无需再列为团队成员");
  const lastDue = input.milestones.map((m) => m.dueOn).sort().at(-1) as string;
  for (const m of input.milestones) {
    if (chinaDayEnd(m.dueOn) <= now) throw invalidInput({ milestones: ["里程碑完成日期必须晚于今天"] }, "里程碑完成日期必须晚于今天");
  }
  await checkTeam(tx, input.members, now, chinaDayEnd(lastDue));
  if (await tx.challengeBid.findUnique({ where: { challengeId_expertId: { challengeId: c.id, expertId: lead.id } }, select: { id: true } })) {
    throw conflict("您已揭榜该题目，如需修改请先撤回原方案");
  }
  BID_WORKFLOW.next("submit", null);
  const bid = await tx.challengeBid.create({
    data: {
      challengeId: c.id, expertId: lead.id, proposal: input.proposal, plan: input.plan, plannedMilestones: input.milestones,
      team: [`${lead.name}（负责人）`, ...(await memberNames(tx, input.members))].join("、"),
      members: { create: input.members.map((m) => ({ expertId: m.expertId, role: m.role })) },
      createdAt: now,
    },
    select: { id: true },
  });
  await event(tx, c.id, `${lead.name}揭榜`, leadUserId, null, now);
  await notify(tx, await staffIds(tx, "ENTERPRISE", { organizationId: c.enterpriseId }), { title: `新的揭榜方案：${c.title}`, body: `${lead.name}团队揭榜。`, link: link(c.id) });
  return { id: bid.id, title: c.title, lead: lead.name };
}

async function memberNames(tx: Tx, members: BidInput["members"]) {
  const rows = await tx.expertProfile.findMany({ where: { id: { in: members.map((m) => m.expertId) } }, select: { id: true, name: true } });
  const name = new Map(rows.map((r) => [r.id, r.name]));
  return members.map((m) => `${name.get(m.expertId) ?? "专家"}（${m.role}）`);
}

/** The bid with its challenge's scope, for authorization: the lead's account owns it. */
export async function bidScope(tx: Tx, bidId: string) {
  const b = await tx.challengeBid.findUnique({
    where: { id: bidId },
    select: { id: true, state: true, challengeId: true, expert: { select: { userId: true, name: true } } },
  });
  if (!b) throw notFound("揭榜方案");
  return { bid: b, challenge: await loadChallengeScope(tx, b.challengeId) };
}

export async function withdrawBid(tx: Tx, bidId: string, actorId: string, now = new Date()) {
  const { bid, challenge } = await bidScope(tx, bidId);
  if (challenge.state !== "PUBLISHED") throw invalidTransition("揭榜已截止，方案不能再撤回");
  await BID_WORKFLOW.apply(tx, { id: bidId, step: "withdraw", from: bid.state, actorId, now });
  await event(tx, challenge.id, `${bid.expert.name}撤回揭榜方案`, actorId, null, now);
  return { title: challenge.title };
}

// ─── Review with recusal, and selection (挂帅) ─────────────────────────────────

/** Assign reviewers: experts of the pool, none from a bidder's employer or the enterprise, none a bidder. */
export async function assignReviewers(tx: Tx, challengeId: string, expertIds: string[], actorId: string, now = new Date()) {
  const c = await loadChallengeScope(tx, challengeId);
  CHALLENGE_WORKFLOW.assertAct("assignReviewers", c.state);
  const why = await recusalRefusal(tx, c, expertIds);
  if (why) throw invalidInput({ expertIds: [why] }, why);
  const { count } = await tx.challengeReviewer.createMany({
    data: expertIds.map((expertId) => ({ challengeId, expertId, assignedById: actorId, createdAt: now })), skipDuplicates: true,
  });
  const names = await tx.expertProfile.findMany({ where: { id: { in: expertIds } }, select: { name: true, userId: true } });
  await event(tx, challengeId, `分配评审专家：${names.map((n) => n.name).join("、")}`, actorId, null, now);
  await notify(tx, names.flatMap((n) => (n.userId ? [n.userId] : [])), { title: `揭榜方案评审：${c.title}`, body: "请对该题目的揭榜方案评分。", link: `/expert/challenges/${challengeId}` });
  return { added: count, title: c.title };
}

/** A reviewer's score of a bid (changeable until the selection). */
export async function scoreBid(tx: Tx, reviewerUserId: string, input: { bidId: string; score: number; comment: string }) {
  const { bid, challenge } = await bidScope(tx, input.bidId);
  CHALLENGE_WORKFLOW.assertAct("review", challenge.state);
  if (!(OPEN_BID_STATES as readonly string[]).includes(bid.state)) throw invalidTransition("该揭榜方案已撤回或已处理，不能评分");
  const reviewer = await tx.challengeReviewer.findFirst({ where: { challengeId: challenge.id, expert: { userId: reviewerUserId } }, select: { id: true } });
  if (!reviewer) throw forbidden("您不是该题目的评审专家");
  await tx.challengeBidScore.upsert({
    where: { bidId_reviewerId: { bidId: bid.id, reviewerId: reviewer.id } },
    create: { bidId: bid.id, reviewerId: reviewer.id, score: input.score, comment: input.comment },
    update: { score: input.score, comment: input.comment },
  });
  return { title: challenge.title, lead: bid.expert.name };
}

/**
 * 挂帅: select one reviewed bid. The challenge's step from 揭榜截止 is conditional, so of two selections at once exactly
 * one wins; the other bids are not selected, and the selected team's planned milestones become the challenge's.
 */
export async function selectBid(tx: Tx, input: { challengeId: string; bidId: string; version?: number }, actorId: string, now = new Date()) {
  const c = await loadChallengeScope(tx, input.challengeId);
  const bid = await tx.challengeBid.findUnique({
    where: { id: input.bidId },
    select: { id: true, challengeId: true, state: true, plannedMilestones: true, expert: { select: { name: true, userId: true } }, _count: { select: { scores: true } } },
  });
  if (!bid || bid.challengeId !== c.id) throw notFound("揭榜方案");
  CHALLENGE_WORKFLOW.next("select", c.state);
  if (!(OPEN_BID_STATES as readonly string[]).includes(bid.state)) throw invalidTransition("该揭榜方案已撤回或已处理，不能选定");
  if (bid._count.scores === 0) throw invalidTransition("该揭榜方案尚无评审意见，请先组织评审");
  await CHALLENGE_WORKFLOW.apply(tx, { id: c.id, step: "select", from: c.state, version: input.version, actorId, now, data: { awardedAt: now }, comment: `选定${bid.expert.name}团队` });
  await BID_WORKFLOW.apply(tx, { id: bid.id, step: "select", from: bid.state, actorId, now });
  const others = await tx.challengeBid.findMany({ where: { challengeId: c.id, id: { not: bid.id }, state: { in: [...OPEN_BID_STATES] } }, select: { id: true, state: true, expert: { select: { userId: true } } } });
  for (const o of others) await BID_WORKFLOW.apply(tx, { id: o.id, step: "reject", from: o.state, actorId, now });
  const planned = plannedMilestoneSchema.array().safeParse(bid.plannedMilestones);
  const milestones: PlannedMilestone[] = planned.success ? planned.data : [];
  await tx.challengeMilestone.createMany({
    data: milestones.map((m) => ({ challengeId: c.id, title: m.title, dueOn: new Date(`${m.dueOn}T00:00:00Z`) })),
  });
  await notify(tx, bid.expert.userId ? [bid.expert.userId] : [], { title: `您已挂帅：${c.title}`, body: "请按计划推进并报送里程碑进展。", link: `/expert/challenges/${c.id}` });
  await notify(tx, others.flatMap((o) => (o.expert.userId ? [o.expert.userId] : [])), { title: `揭榜结果：${c.title}`, body: "感谢参与，本题目已确定其他揭榜方。", link: `/expert/challenges/${c.id}` });
  await notify(tx, await staffIds(tx, "ENTERPRISE", { organizationId: c.enterpriseId }), { title: `已确定揭榜方：${c.title}`, body: `${bid.expert.name}团队挂帅。`, link: link(c.id) });
  return { title: c.title, lead: bid.expert.name, milestones: milestones.length, rejected: others.length };
}

// ─── Milestones and acceptance (验收) ──────────────────────────────────────────

export async function milestoneScope(tx: Tx, milestoneId: string) {
  const m = await tx.challengeMilestone.findUnique({ where: { id: milestoneId }, select: { id: true, title: true, state: true, challengeId: true } });
  if (!m) throw notFound("里程碑");
  const challenge = await loadChallengeScope(tx, m.challengeId);
  const selected = await tx.challengeBid.findFirst({ where: { challengeId: m.challengeId, state: "SELECTED" }, select: { expert: { select: { userId: true } } } });
  return { milestone: m, challenge, leadUserId: selected?.expert.userId ?? null };
}

export async function reportMilestone(tx: Tx, milestoneId: string, report: string, actorId: string, now = new Date()) {
  const { milestone, challenge } = await milestoneScope(tx, milestoneId);
  CHALLENGE_WORKFLOW.assertAct("report", challenge.state);
  await MILESTONE_WORKFLOW.apply(tx, { id: milestoneId, step: "report", from: milestone.state, actorId, comment: report, now, data: { report, doneAt: now } });
  await event(tx, challenge.id, `报送里程碑进展：${milestone.title}`, actorId, report, now);
  await notify(tx, await verifiers(tx, challenge), { title: `待中期检查：${challenge.title}`, body: `揭榜方报送了“${milestone.title}”的进展。`, link: `/${challenge.national ? "ministry" : "province"}/challenges/${challenge.id}` });
  return { title: challenge.title, milestone: milestone.title };
}

export async function checkMilestone(tx: Tx, milestoneId: string, decision: "pass" | "return", reason: string, actorId: string, now = new Date()) {
  const { milestone, challenge, leadUserId } = await milestoneScope(tx, milestoneId);
  CHALLENGE_WORKFLOW.assertAct("check", challenge.state);
  const r = await MILESTONE_WORKFLOW.apply(tx, {
    id: milestoneId, step: decision, from: milestone.state, actorId, comment: reason, now,
    data: decision === "pass" ? { checkedAt: now, checkedById: actorId, checkComment: reason || null, note: reason || "中期检查通过" } : { checkComment: reason, doneAt: null },
  });
  await event(tx, challenge.id, `中期检查${decision === "pass" ? "通过" : "退回补充"}：${milestone.title}`, actorId, reason || null, now);
  if (leadUserId) await notify(tx, [leadUserId], { title: `中期检查${decision === "pass" ? "通过" : "退回补充"}：${milestone.title}`, body: reason, link: `/expert/challenges/${challenge.id}` });
  return { title: challenge.title, milestone: milestone.title, state: r.to };
}

/**
 * The acceptance: every milestone checked, then each stated indicator judged met or not; the verdict is 通过 only when
 * all are met. The enterprise confirms it (or objects) before the challenge ends.
 */
export async function recordAcceptance(tx: Tx, input: { challengeId: string; version?: number; met: ("yes" | "no")[]; note: string }, actorId: string, now = new Date()) {
  const c = await tx.challenge.findUnique({ where: { id: input.challengeId }, select: { state: true, title: true, indicators: true, enterpriseId: true } });
  if (!c) throw notFound("题目");
  CHALLENGE_WORKFLOW.next("accept", c.state);
  if (input.met.length !== c.indicators.length) throw invalidInput({ met: ["请逐条判断每项技术指标是否达到"] }, "请逐条判断每项技术指标是否达到");
  const open = await tx.challengeMilestone.count({ where: { challengeId: input.challengeId, state: { not: "PASSED" } } });
  if (open > 0) throw invalidTransition(`还有 ${open} 个里程碑未通过中期检查，不能验收`);
  const passed = input.met.every((m) => m === "yes");
  const results = c.indicators.map((indicator, i) => ({ indicator, met: input.met[i] === "yes" }));
  await CHALLENGE_WORKFLOW.apply(tx, {
    id: input.challengeId, step: "accept", from: c.state, version: input.version, actorId, now,
    comment: `${passed ? "验收通过" : "验收未通过"}：${input.note}`,
    data: { indicatorResults: results, acceptancePassed: passed, acceptanceNote: input.note, acceptedById: actorId, acceptedAt: now, confirmedAt: null },
  });
  await notify(tx, await staffIds(tx, "ENTERPRISE", { organizationId: c.enterpriseId }), { title: `请确认验收结论：${c.title}`, body: passed ? "验收结论：通过" : "验收结论：未通过", link: link(input.challengeId) });
  return { title: c.title, passed, results };
}

/** The enterprise confirms the verdict (the challenge ends as it says) or objects with a reason (back to 攻关中). */
export async function confirmAcceptance(tx: Tx, input: { challengeId: string; version?: number; decision: "confirm" | "dispute"; reason: string }, actorId: string, now = new Date()) {
  const c = await tx.challenge.findUnique({ where: { id: input.challengeId }, select: { state: true, title: true, acceptancePassed: true, national: true, provinceCode: true } });
  if (!c) throw notFound("题目");
  if (input.decision === "dispute") {
    const r = await CHALLENGE_WORKFLOW.apply(tx, { id: input.challengeId, step: "dispute", from: c.state, version: input.version, actorId, comment: input.reason, now, data: { acceptancePassed: null } });
    await notify(tx, await verifiers(tx, c), { title: `企业对验收结论提出异议：${c.title}`, body: input.reason, link: `/${c.national ? "ministry" : "province"}/challenges/${input.challengeId}` });
    return { title: c.title, to: r.to };
  }
  const to: ChallengeState = c.acceptancePassed ? "COMPLETED" : "FAILED";
  const r = await CHALLENGE_WORKFLOW.apply(tx, { id: input.challengeId, step: "confirm", from: c.state, to, version: input.version, actorId, comment: input.reason || null, now, data: { confirmedAt: now, finishedAt: now } });
  return { title: c.title, to: r.to };
}
