import { db } from "@/lib/db";
import type { InScope } from "@/lib/auth/load-in-scope";
import { can, holds } from "@/lib/auth/permissions";
import { scopeWhere } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/roles";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ChallengeState } from "@/lib/generated/prisma/enums";
import type { ChallengeSearch } from "@/lib/challenges/schemas";
import { enterpriseScope, governmentScope } from "@/lib/challenges/service";
import { reviewerCandidates, suggestTeam } from "@/lib/challenges/team";
import { CHALLENGE_WORKFLOW, OPEN_BID_STATES, PUBLIC_CHALLENGE_STATES } from "@/lib/challenges/workflow";

export const CHALLENGE_PAGE_SIZE = 20;

/** States the government never sees: the enterprise's own drafts. */
const PRIVATE_STATES: readonly ChallengeState[] = ["DRAFT"];

/**
 * The challenges `user` may manage (challenge.read: ministry national, province its province, enterprise its own);
 * the government does not see an enterprise's drafts.
 */
export function challengesReadable(user: SessionUser): Prisma.ChallengeWhereInput | null {
  const scope = scopeWhere<Prisma.ChallengeWhereInput>(user, "challenge.read", {
    province: (codes) => ({ provinceCode: { in: codes }, state: { notIn: [...PRIVATE_STATES] } }),
    unit: (ids) => ({ enterpriseId: { in: ids } }),
  });
  if (scope && Object.keys(scope).length === 0) return { state: { notIn: [...PRIVATE_STATES] } };
  return scope;
}

function filtersOf(search: ChallengeSearch, now: Date): Prisma.ChallengeWhereInput {
  return {
    ...(search.state ? { state: search.state } : {}),
    ...(search.province ? { provinceCode: search.province } : {}),
    ...(search.open ? { state: "PUBLISHED", bidDeadline: { gt: now } } : {}),
    ...(search.q ? { OR: [{ title: { contains: search.q } }, { problem: { contains: search.q } }, { enterprise: { name: { contains: search.q } } }] } : {}),
  };
}

const listSelect = {
  id: true, title: true, state: true, national: true, rewardYuan: true, bidDeadline: true, publishedAt: true, updatedAt: true, provinceCode: true,
  enterprise: { select: { name: true } }, region: { select: { name: true } },
  _count: { select: { bids: { where: { state: { not: "WITHDRAWN" } } } } },
} satisfies Prisma.ChallengeSelect;

/** A management list: challenges in scope, filtered; those waiting for the user's decision first, then the newest. */
export async function searchChallenges(user: SessionUser, search: ChallengeSearch, now = new Date()) {
  const scope = challengesReadable(user);
  if (!scope) return { total: 0, rows: [], page: 1, pageSize: CHALLENGE_PAGE_SIZE };
  const where: Prisma.ChallengeWhereInput = { AND: [scope, filtersOf(search, now)] };
  const [total, rows] = await Promise.all([
    db.challenge.count({ where }),
    db.challenge.findMany({ where, select: listSelect, orderBy: [{ updatedAt: "desc" }, { id: "asc" }], skip: (search.page - 1) * CHALLENGE_PAGE_SIZE, take: CHALLENGE_PAGE_SIZE }),
  ]);
  return { total, rows: rows.map(({ _count, ...r }) => ({ ...r, bids: _count.bids })), page: search.page, pageSize: CHALLENGE_PAGE_SIZE };
}
export type ChallengeListRow = Awaited<ReturnType<typeof searchChallenges>>["rows"][number];

/** The public board (no sign-in): published challenges only, whatever their later state. */
export async function publicChallenges(search: ChallengeSearch, now = new Date()) {
  const state = search.state && PUBLIC_CHALLENGE_STATES.includes(search.state) ? search.state : undefined;
  const where: Prisma.ChallengeWhereInput = {
    AND: [{ state: { in: [...PUBLIC_CHALLENGE_STATES] }, publishedAt: { not: null } }, filtersOf({ ...search, state }, now)],
  };
  const [total, rows] = await Promise.all([
    db.challenge.count({ where }),
    db.challenge.findMany({ where, select: listSelect, orderBy: [{ publishedAt: "desc" }, { id: "asc" }], skip: (search.page - 1) * CHALLENGE_PAGE_SIZE, take: CHALLENGE_PAGE_SIZE }),
  ]);
  return { total, rows: rows.map(({ _count, ...r }) => ({ ...r, bids: _count.bids })), page: search.page, pageSize: CHALLENGE_PAGE_SIZE };
}

const publicSelect = {
  id: true, title: true, problem: true, indicators: true, requirements: true, rewardYuan: true, bidDeadline: true, ipTerms: true,
  state: true, national: true, publishedAt: true, disciplineCodes: true, provinceCode: true, awardedAt: true, finishedAt: true, acceptancePassed: true,
  enterprise: { select: { name: true } }, region: { select: { name: true } },
  _count: { select: { bids: { where: { state: { not: "WITHDRAWN" } } } } },
  bids: { where: { state: "SELECTED" }, select: { expert: { select: { name: true, employer: true } }, team: true } },
} satisfies Prisma.ChallengeSelect;

/** One published challenge for the public page; null (404) for anything never published, whatever the id. */
export async function publicChallenge(id: string) {
  const c = await db.challenge.findFirst({ where: { id: id.slice(0, 40), state: { in: [...PUBLIC_CHALLENGE_STATES] }, publishedAt: { not: null } }, select: publicSelect });
  if (!c) return null;
  const [disciplines, files] = await Promise.all([
    db.discipline.findMany({ where: { code: { in: c.disciplineCodes } }, select: { code: true, name: true } }),
    db.attachment.count({ where: { ownerType: "Challenge", ownerId: c.id } }),
  ]);
  const { bids, _count, ...rest } = c;
  return { ...rest, disciplines: disciplines.map((d) => d.name), bidCount: _count.bids, selected: bids[0] ?? null, fileCount: files };
}
export type PublicChallenge = NonNullable<Awaited<ReturnType<typeof publicChallenge>>>;

async function loadDetail(id: string) {
  const c = await db.challenge.findUnique({
    where: { id: id.slice(0, 40) },
    select: {
      id: true, title: true, problem: true, indicators: true, requirements: true, rewardYuan: true, bidDeadline: true, ipTerms: true,
      state: true, version: true, national: true, disciplineCodes: true, enterpriseId: true, provinceCode: true, returnReason: true,
      submittedAt: true, publishedAt: true, closedAt: true, awardedAt: true, indicatorResults: true, acceptancePassed: true,
      acceptanceNote: true, acceptedAt: true, confirmedAt: true, finishedAt: true, createdAt: true,
      enterprise: { select: { name: true } }, region: { select: { name: true } },
      events: { orderBy: { createdAt: "asc" }, select: { id: true, action: true, comment: true, createdAt: true, actorId: true } },
      milestones: { orderBy: [{ dueOn: "asc" }, { id: "asc" }], select: { id: true, title: true, dueOn: true, state: true, report: true, doneAt: true, checkComment: true, checkedAt: true, note: true } },
      reviewers: { orderBy: { createdAt: "asc" }, select: { id: true, expert: { select: { id: true, name: true, employer: true, userId: true } } } },
      bids: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true, state: true, proposal: true, plan: true, plannedMilestones: true, team: true, createdAt: true,
          expert: { select: { id: true, name: true, employer: true, title: true, userId: true } },
          members: { select: { role: true, expert: { select: { id: true, name: true, employer: true } } } },
          scores: { select: { score: true, comment: true, reviewer: { select: { expert: { select: { name: true, userId: true } } } } } },
        },
      },
    },
  });
  if (!c) return null;
  const actorIds = [...new Set(c.events.map((e) => e.actorId).filter((x): x is string => !!x))];
  const [actors, files, disciplines] = await Promise.all([
    db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, displayName: true } }),
    db.attachment.findMany({ where: { ownerType: "Challenge", ownerId: c.id }, orderBy: { createdAt: "asc" }, select: { id: true, fileName: true, sizeBytes: true, createdAt: true } }),
    db.discipline.findMany({ where: { code: { in: c.disciplineCodes } }, select: { code: true, name: true } }),
  ]);
  const byId = new Map(actors.map((u) => [u.id, u.displayName]));
  return {
    ...c,
    disciplines: disciplines.map((d) => d.name),
    files: files.map((f) => ({ id: f.id, fileName: f.fileName, sizeBytes: f.sizeBytes, uploadedAt: f.createdAt.toISOString().slice(0, 10) })),
    events: c.events.map((e) => ({ ...e, by: e.actorId ? byId.get(e.actorId) ?? null : "系统" })),
    bids: c.bids.map((b) => ({
      ...b,
      average: b.scores.length ? Math.round((b.scores.reduce((s, x) => s + x.score, 0) / b.scores.length) * 10) / 10 : null,
    })),
  };
}
export type ChallengeDetail = NonNullable<Awaited<ReturnType<typeof loadDetail>>>;

/**
 * A management page's challenge: the enterprise's own, or the government's (its province, or the ministry for a
 * national one); the government never sees a draft. Out of scope answers 404, audited.
 */
export function challengeInScope(id: string): InScope<ChallengeDetail> {
  return {
    operation: "challenge.read",
    entity: { type: "Challenge", id },
    load: () => loadDetail(id),
    allows: (user, c) => challengeReadableBy(user, c),
  };
}

/** The enterprise's own challenge, or one the government may see (never a draft). */
export function challengeReadableBy(user: SessionUser, c: { state: ChallengeState; enterpriseId: string; provinceCode: string }) {
  const own = holds(user, "challenge.create") && can(user, "challenge.read", { organizationId: c.enterpriseId });
  return own || (!PRIVATE_STATES.includes(c.state) && can(user, "challenge.read", { provinceCode: c.provinceCode }));
}

/** What the page may offer the user on the challenge (buttons), from the workflow table and the row's scope. */
export function challengeActions(user: SessionUser, c: Pick<ChallengeDetail, "state" | "national" | "provinceCode" | "enterpriseId">) {
  return {
    enterprise: CHALLENGE_WORKFLOW.allowed(user, c.state, enterpriseScope(c)),
    government: CHALLENGE_WORKFLOW.allowed(user, c.state, governmentScope(c)),
  };
}

/** Experts who could review the bids, each with the reason they must recuse (null: may review). */
export async function reviewerChoices(c: Pick<ChallengeDetail, "id" | "enterpriseId" | "disciplineCodes">) {
  return reviewerCandidates(db, c, 30);
}

// ─── The expert's side ─────────────────────────────────────────────────────────

async function expertProfileOf(user: SessionUser) {
  return db.expertProfile.findUnique({ where: { userId: user.id }, select: { id: true, name: true, status: true } });
}

/** A published challenge as an expert sees it: the public facts, their own bid, and their role (reviewer, selected lead). */
export async function expertChallenge(user: SessionUser, id: string) {
  const c = await publicChallenge(id);
  if (!c) return null;
  const me = await expertProfileOf(user);
  const [detail, files] = await Promise.all([
    loadDetail(c.id),
    db.attachment.findMany({ where: { ownerType: "Challenge", ownerId: c.id }, orderBy: { createdAt: "asc" }, select: { id: true, fileName: true, sizeBytes: true, createdAt: true } }),
  ]);
  if (!detail) return null;
  const myBid = me ? detail.bids.find((b) => b.expert.id === me.id) ?? null : null;
  const reviewer = me ? detail.reviewers.some((r) => r.expert.id === me.id) : false;
  const lead = myBid?.state === "SELECTED";
  return {
    challenge: c,
    me,
    files: files.map((f) => ({ id: f.id, fileName: f.fileName, sizeBytes: f.sizeBytes, uploadedAt: f.createdAt.toISOString().slice(0, 10) })),
    myBid: myBid && { id: myBid.id, state: myBid.state, proposal: myBid.proposal, plan: myBid.plan, team: myBid.team, createdAt: myBid.createdAt, plannedMilestones: myBid.plannedMilestones },
    canBid: c.state === "PUBLISHED" && !!c.bidDeadline && c.bidDeadline > new Date() && !myBid && me?.status === "ACTIVE",
    reviewer,
    // A reviewer scores the open bids (with their own earlier score); nobody else sees the others' bids.
    bidsToReview: reviewer && detail.state === "CLOSED"
      ? detail.bids.filter((b) => (OPEN_BID_STATES as readonly string[]).includes(b.state)).map((b) => ({
          id: b.id, lead: b.expert.name, employer: b.expert.employer, proposal: b.proposal, plan: b.plan,
          members: b.members.map((m) => `${m.expert.name}（${m.role}）`),
          mine: b.scores.find((s) => s.reviewer.expert.userId === user.id) ?? null,
        }))
      : [],
    milestones: lead || detail.state === "COMPLETED" ? detail.milestones : [],
    lead,
  };
}

/** The engine's suggested team for the expert's bid, and the pool experts the form offers as members. */
export async function bidFormData(user: SessionUser, challengeId: string) {
  const c = await db.challenge.findUnique({ where: { id: challengeId }, select: { disciplineCodes: true } });
  const me = await expertProfileOf(user);
  if (!c) return { suggested: [], choices: [] };
  const suggested = await suggestTeam(db, { disciplineCodes: c.disciplineCodes, leadExpertId: me?.id ?? null, size: 4 });
  const more = await db.expertProfile.findMany({
    where: { status: "ACTIVE", id: { notIn: [...(me ? [me.id] : []), ...suggested.map((s) => s.expertId)] }, disciplineCodes: { hasSome: c.disciplineCodes } },
    select: { id: true, name: true, employer: true }, orderBy: { id: "asc" }, take: 30,
  });
  const choices = [...suggested.map((s) => ({ id: s.expertId, name: s.name, employer: s.employer })), ...more];
  return { suggested, choices };
}

/** The expert's bids, newest first. */
export async function myBids(user: SessionUser) {
  return db.challengeBid.findMany({
    where: { expert: { userId: user.id } },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: { id: true, state: true, createdAt: true, challenge: { select: { id: true, title: true, state: true, bidDeadline: true, enterprise: { select: { name: true } } } } },
  });
}

/** Challenges the expert has been asked to review. */
export async function myChallengeReviews(user: SessionUser) {
  return db.challengeReviewer.findMany({
    where: { expert: { userId: user.id } }, orderBy: { createdAt: "desc" }, take: 100,
    select: { id: true, challenge: { select: { id: true, title: true, state: true } } },
  });
}

// ─── Tracking and cases ────────────────────────────────────────────────────────

/** Counts for tracking (跟踪问效): challenges in the user's scope by state, with the experts engaged in finished ones. */
export async function challengeTracking(user: SessionUser) {
  const scope = challengesReadable(user);
  if (!scope) return null;
  const [byState, finished] = await Promise.all([
    db.challenge.groupBy({ by: ["state"], where: scope, _count: { _all: true } }),
    db.challenge.findMany({
      where: { AND: [scope, { state: { in: ["COMPLETED", "FAILED"] } }] },
      select: { state: true, rewardYuan: true, bids: { where: { state: "SELECTED" }, select: { _count: { select: { members: true } } } } },
    }),
  ]);
  const counts = Object.fromEntries(byState.map((r) => [r.state, r._count._all])) as Partial<Record<ChallengeState, number>>;
  return {
    byState: counts,
    completed: counts.COMPLETED ?? 0,
    failed: counts.FAILED ?? 0,
    expertsEngaged: finished.reduce((n, c) => n + c.bids.reduce((m, b) => m + 1 + b._count.members, 0), 0),
    rewardCompleted: finished.filter((c) => c.state === "COMPLETED").reduce((n, c) => n + (c.rewardYuan ?? 0), 0),
  };
}

/**
 * Case candidates (典型案例, section 8): challenges that ended with the acceptance passed and confirmed by the
 * enterprise, newest first, with what a case needs — the problem, the indicators met, the team and the region.
 */
export async function finishedChallengesForCases(options: { provinceCode?: string; since?: Date; take?: number } = {}) {
  const rows = await db.challenge.findMany({
    where: {
      state: "COMPLETED", acceptancePassed: true, confirmedAt: { not: null },
      ...(options.provinceCode ? { provinceCode: options.provinceCode } : {}),
      ...(options.since ? { finishedAt: { gte: options.since } } : {}),
    },
    orderBy: [{ finishedAt: "desc" }, { id: "asc" }],
    take: options.take ?? 50,
    select: {
      id: true, title: true, problem: true, indicators: true, indicatorResults: true, acceptanceNote: true, rewardYuan: true,
      provinceCode: true, regionCode: true, national: true, disciplineCodes: true, finishedAt: true,
      enterprise: { select: { id: true, name: true } }, region: { select: { name: true } },
      milestones: { select: { title: true, state: true } },
      bids: {
        where: { state: "SELECTED" },
        select: { expert: { select: { id: true, name: true, employer: true } }, members: { select: { role: true, expert: { select: { id: true, name: true } } } } },
      },
    },
  });
  return rows.map(({ bids, milestones, ...c }) => ({
    ...c,
    kind: "challenge" as const,
    link: `/challenges/${c.id}`,
    team: bids[0] ? { lead: bids[0].expert, members: bids[0].members.map((m) => ({ ...m.expert, role: m.role })) } : null,
    milestonesPassed: milestones.filter((m) => m.state === "PASSED").length,
    milestones: milestones.length,
    reasons: ["验收通过并经企业确认", `${c.indicators.length} 项技术指标全部达到`, ...(milestones.length ? [`${milestones.length} 个里程碑均通过中期检查`] : [])],
  }));
}
export type ChallengeCaseCandidate = Awaited<ReturnType<typeof finishedChallengesForCases>>[number];

/** The enterprise the user poses challenges for (name for the form), or null. */
export async function enterpriseOfUser(user: SessionUser) {
  const orgId = user.roles.find((r) => r.role === "ENTERPRISE")?.organizationId;
  if (!orgId) return null;
  return db.organization.findUnique({ where: { id: orgId }, select: { id: true, name: true } });
}

/** A government page's view of a challenge: the buttons it may show, and the reviewers it may pick (with recusal). */
export async function governmentView(user: SessionUser, c: ChallengeDetail) {
  const { government } = challengeActions(user, c);
  return {
    allowed: {
      publish: government.publish, close: government.close, assignReviewers: government.assignReviewers,
      select: government.select, check: government.check, accept: government.accept,
    },
    reviewers: government.assignReviewers ? await reviewerChoices(c) : [],
  };
}

/** Every challenge of a management list's filters (no paging), for its download. */
export async function challengesForExport(user: SessionUser, search: ChallengeSearch, now = new Date()) {
  const scope = challengesReadable(user);
  if (!scope) return [];
  const rows = await db.challenge.findMany({
    where: { AND: [scope, filtersOf(search, now)] }, orderBy: [{ updatedAt: "desc" }, { id: "asc" }], take: 10_000, select: { ...listSelect, indicators: true },
  });
  return rows.map(({ _count, ...r }) => ({ ...r, bids: _count.bids }));
}
