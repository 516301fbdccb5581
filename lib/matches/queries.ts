import { z } from "zod";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { MatchState, ServiceForm } from "@/lib/generated/prisma/enums";
import { can, holds } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { recordInScope, type InScope } from "@/lib/auth/load-in-scope";
import { searchExperts } from "@/lib/experts/queries";
import { expertSearchSchema } from "@/lib/experts/schemas";
import { MATCH_STATE_LABEL, SERVICE_FORM_LABEL } from "@/lib/labels";
import { SEAT_HOLDING } from "@/lib/matches/capacity";
import { canStep, MATCH_WORKFLOW, PLACE_HOLDING } from "@/lib/matches/workflow";
import { recommendNeeds } from "@/lib/matching/needs-for-expert";
import { recommendExperts } from "@/lib/matching/recommend";
import { HARD_FILTER_LABEL, type HardFilter } from "@/lib/matching/score";
import { SCORE_PART_LABEL, SCORE_PARTS } from "@/lib/matching/weights";
import { codeNames, regionPaths } from "@/lib/reference/queries";
import { searchTextWhere } from "@/lib/search/text";

// Reads for the matching screens: the need's 专家匹配 card (province: recommendations and every match; unit and
// ministry: a read-only list), the expert's invitations and the open needs recommended to the expert.
// Every read is scoped from the database; no query here selects an expert's phone, e-mail or ID number.

export const MATCH_PAGE_SIZE = 20;

/** Needs the province may still invite to (mirrors lib/matches/service INVITABLE_NEED_STATES). */
const INVITABLE = ["OPEN", "MATCHED"] as const;

/** Matches the province has not sent anywhere yet (a batch proposal) stay with the province. */
const HIDDEN_FROM_OTHERS: MatchState[] = ["PROPOSED"];

const sortedParts = (parts: unknown) => {
  const p = (parts ?? {}) as Record<string, number>;
  return SCORE_PARTS.filter((k) => typeof p[k] === "number").map((k) => ({ key: k, label: SCORE_PART_LABEL[k], value: p[k] }));
};

const expertCard = {
  id: true, name: true, employer: true, title: true, regionCode: true, provinceCode: true,
} satisfies Prisma.ExpertProfileSelect;

const matchRow = {
  id: true, state: true, source: true, score: true, scoreParts: true, explanation: true, assignReason: true, invitedAt: true,
  respondBy: true, respondedAt: true, declineReason: true, offeredHours: true, applyNote: true, closeReason: true,
  version: true, createdAt: true, updatedAt: true,
  expert: { select: expertCard },
} satisfies Prisma.MatchSelect;

async function seatsOf(needId: string, wanted: number) {
  const held = await db.match.count({ where: { needId, ...SEAT_HOLDING } });
  return { wanted, held, full: held >= wanted };
}

/**
 * The 专家匹配 card of a need. `mode` "province" (the user holds match.invite over the need's province): the
 * recommendations (while the need is open or matched) and every match with its actions; "readonly" (any other
 * reader of the need): the matches that have left the province's desk, without scores. Null when the user may not
 * read the need (needDetail has already answered 404 then).
 */
export async function needMatchPanel(user: SessionUser, needId: string) {
  const need = await db.need.findUnique({
    where: { id: needId },
    select: { id: true, state: true, provinceCode: true, unitId: true, expertsWanted: true },
  });
  if (!need) return null;
  const scope = { provinceCode: need.provinceCode, organizationId: need.unitId };
  if (!can(user, "need.read", scope)) return null;
  const province = can(user, "match.invite", { provinceCode: need.provinceCode });
  const seats = await seatsOf(need.id, need.expertsWanted);
  const rows = await db.match.findMany({
    where: { needId, ...(province ? {} : { state: { notIn: HIDDEN_FROM_OTHERS } }) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: matchRow,
  });
  const open = (INVITABLE as readonly string[]).includes(need.state);

  const reco = province && open
    ? await recommendExperts(db, needId, { all: false, provinceCode: need.provinceCode }, { limit: 10 })
    : null;
  const recoExperts = reco?.recommendations.length
    ? await db.expertProfile.findMany({ where: { id: { in: reco.recommendations.map((r) => r.expertId) } }, select: expertCard })
    : [];
  const places = await regionPaths([...rows.map((r) => r.expert.regionCode), ...recoExperts.map((e) => e.regionCode)]);
  const stateOf = new Map(rows.map((r) => [r.expert.id, r.state]));
  const byId = new Map(recoExperts.map((e) => [e.id, e]));

  const matches = rows.map((m) => {
    const base = {
      id: m.id, state: m.state, source: m.source, invitedAt: m.invitedAt, respondBy: m.respondBy, respondedAt: m.respondedAt,
      offeredHours: m.offeredHours,
      expert: { id: m.expert.id, name: m.expert.name, employer: m.expert.employer, title: m.expert.title, place: places.get(m.expert.regionCode) ?? m.expert.regionCode },
    };
    if (!province) return { ...base, score: null, explanation: null, parts: [], assignReason: null, declineReason: null, applyNote: null, closeReason: null, version: m.version, allowed: { withdraw: false, decide: false } };
    const may = MATCH_WORKFLOW.allowed(user, m.state, scope);
    return {
      ...base, score: m.score, explanation: m.explanation, parts: sortedParts(m.scoreParts), assignReason: m.assignReason,
      declineReason: m.declineReason, applyNote: m.applyNote, closeReason: m.closeReason, version: m.version,
      allowed: { withdraw: may.withdraw, decide: may.approve && open },
    };
  });

  const recommendations = (reco?.recommendations ?? []).flatMap((r) => {
    const e = byId.get(r.expertId);
    if (!e) return [];
    const state = stateOf.get(r.expertId) ?? null;
    const invitable = canStep("invite", state);
    return [{
      expert: { id: e.id, name: e.name, employer: e.employer, title: e.title, place: places.get(e.regionCode) ?? e.regionCode, own: e.provinceCode === need.provinceCode },
      score: r.score, explanation: r.explanation, parts: sortedParts(r.parts), matchState: state,
      invite: invitable && !seats.full ? { ok: true as const } : {
        ok: false as const,
        reason: !invitable ? `当前：${MATCH_STATE_LABEL[state!]}` : `名额已满（计划 ${seats.wanted} 人）`,
      },
    }];
  });
  const filtered = Object.entries(reco?.filtered ?? {})
    .filter(([, n]) => (n ?? 0) > 0)
    .map(([k, n]) => ({ key: k as HardFilter, label: HARD_FILTER_LABEL[k as HardFilter], count: n as number }));

  return {
    mode: province ? ("province" as const) : ("readonly" as const),
    needId: need.id,
    needState: need.state,
    invitable: province && open,
    seats,
    matches,
    recommendations,
    filtered,
    candidates: reco?.candidates ?? 0,
  };
}
export type NeedMatchPanel = NonNullable<Awaited<ReturnType<typeof needMatchPanel>>>;

/**
 * Experts a province may assign by hand to a need: the expert list's own scope and search (own province, plus
 * those shared across regions), active only; names and posts only. Empty when the user may not invite to the need.
 */
export async function assignableExperts(user: SessionUser, needId: string, q: string) {
  const need = await db.need.findUnique({ where: { id: needId }, select: { provinceCode: true, state: true } });
  if (!need || !can(user, "match.invite", { provinceCode: need.provinceCode })) return [];
  const query = q.trim().slice(0, 60);
  if (!query) return [];
  // Stale profiles too (stale: "1"): not confirmed for a year is a warning for matching, not a block.
  const result = await searchExperts(user, expertSearchSchema.parse({ q: query, status: "ACTIVE", stale: "1", sort: "name" }));
  const states = await db.match.findMany({
    where: { needId, expertId: { in: result.rows.map((r) => r.id) } }, select: { expertId: true, state: true },
  });
  const stateOf = new Map(states.map((s) => [s.expertId, s.state]));
  return result.rows.slice(0, 10).map((r) => ({
    id: r.id, name: r.name, employer: r.employer, title: r.title, place: r.regionName, shared: r.shared,
    matchState: stateOf.get(r.id) ?? null, assignable: canStep("invite", stateOf.get(r.id) ?? null),
  }));
}
export type AssignableExpert = Awaited<ReturnType<typeof assignableExperts>>[number];

// ——— The expert's side ———

/** The profile of the signed-in expert (self scope of `operation`), or null. */
async function ownProfile(user: SessionUser, operation: "match.respond" | "match.apply" | "need.browseOpen") {
  if (!holds(user, operation)) return null;
  return db.expertProfile.findUnique({
    where: { userId: user.id },
    select: {
      id: true, name: true, userId: true, status: true, activeEngagements: true, maxConcurrent: true, provinceCode: true,
      disciplineCodes: true, industryCodes: true,
    },
  });
}

const HISTORY_STATES = ["ACCEPTED", "CONFIRMED", "DECLINED", "EXPIRED", "WITHDRAWN", "APPLIED", "REJECTED"] as const satisfies readonly MatchState[];

export const invitationSearchSchema = z.object({
  q: z.string().trim().max(60).optional().catch(undefined),
  state: z.enum(HISTORY_STATES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10000).catch(1),
});
export type InvitationSearch = z.infer<typeof invitationSearchSchema>;
export const INVITATION_HISTORY_STATES = HISTORY_STATES;

const needSummary = {
  id: true, code: true, title: true, state: true, regionCode: true, windowStart: true, windowEnd: true, delivery: true,
  expertsWanted: true, urgency: true,
  unit: { select: { name: true } },
  menuItems: { select: { menuItem: { select: { id: true, name: true, form: true } } } },
} satisfies Prisma.NeedSelect;

type NeedSummaryRow = Prisma.NeedGetPayload<{ select: typeof needSummary }>;

function summarize(n: NeedSummaryRow, places: Map<string, string>) {
  return {
    id: n.id, code: n.code, title: n.title, state: n.state, unitName: n.unit.name, place: places.get(n.regionCode) ?? n.regionCode,
    windowStart: n.windowStart, windowEnd: n.windowEnd, delivery: n.delivery, expertsWanted: n.expertsWanted, urgency: n.urgency,
    menu: n.menuItems.map((m) => ({ id: m.menuItem.id, name: m.menuItem.name, form: m.menuItem.form, formLabel: SERVICE_FORM_LABEL[m.menuItem.form] })),
  };
}

const invitationSelect = {
  id: true, state: true, source: true, score: true, explanation: true, assignReason: true, invitedAt: true, respondBy: true,
  respondedAt: true, declineReason: true, offeredHours: true, applyNote: true, closeReason: true, version: true,
  createdAt: true, updatedAt: true,
  need: { select: needSummary },
} satisfies Prisma.MatchSelect;

/**
 * The signed-in expert's invitations: those waiting for an answer (soonest deadline first), then one page of the
 * rest (newest first), filtered by state and need text. Null when the user has no expert profile.
 */
export async function myInvitations(user: SessionUser, search: InvitationSearch) {
  const profile = await ownProfile(user, "match.respond");
  if (!profile) return null;
  const historyWhere: Prisma.MatchWhereInput = {
    expertId: profile.id,
    state: search.state ? search.state : { in: [...HISTORY_STATES] },
    need: searchTextWhere(search.q),
  };
  const [pending, total, history] = await Promise.all([
    db.match.findMany({
      where: { expertId: profile.id, state: "INVITED" },
      orderBy: [{ respondBy: { sort: "asc", nulls: "last" } }, { id: "asc" }],
      select: invitationSelect,
    }),
    db.match.count({ where: historyWhere }),
    db.match.findMany({
      where: historyWhere, orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      skip: (search.page - 1) * MATCH_PAGE_SIZE, take: MATCH_PAGE_SIZE, select: invitationSelect,
    }),
  ]);
  const places = await regionPaths([...pending, ...history].map((m) => m.need.regionCode));
  const shape = (m: (typeof pending)[number]) => ({ ...m, need: summarize(m.need, places) });
  return {
    profile: { name: profile.name, activeEngagements: profile.activeEngagements, maxConcurrent: profile.maxConcurrent },
    pending: pending.map(shape),
    history: { rows: history.map(shape), total, page: search.page, pageSize: MATCH_PAGE_SIZE },
  };
}
export type MyInvitations = NonNullable<Awaited<ReturnType<typeof myInvitations>>>;
export type InvitationRow = MyInvitations["pending"][number];

const loadInvitation = (matchId: string) => db.match.findUnique({
  where: { id: matchId.slice(0, 40) },
  select: {
    ...invitationSelect,
    expert: { select: { userId: true } },
    need: {
      select: {
        ...needSummary, bottleneck: true, expectedOutcome: true, disciplineCodes: true, industryCodes: true,
        breakBottleneck: true, promoteTechnology: true, raiseFarmerIncome: true,
        menuItems: { select: { menuItem: { select: { id: true, name: true, form: true, description: true, typicalDurationDays: true, delivery: true } } } },
      },
    },
  },
});
type InvitationMatch = NonNullable<Awaited<ReturnType<typeof loadInvitation>>>;

/**
 * One invitation (or application) of the signed-in expert, for lib/auth/load-in-scope: refused when it is someone
 * else's or still a province's proposal.
 */
export function invitationInScope(matchId: string): InScope<InvitationMatch> {
  return {
    operation: "match.respond", entity: { type: "Match", id: matchId.slice(0, 40) }, load: () => loadInvitation(matchId),
    allows: (user, m) => can(user, "match.respond", { ownerUserId: m.expert.userId }) && !HIDDEN_FROM_OTHERS.includes(m.state),
  };
}

/** The invitation with the full need, its menu items and attachments; null when not in the user's scope (audited). */
export async function invitationDetail(user: SessionUser, matchId: string) {
  const m = await recordInScope(user, invitationInScope(matchId));
  return m && describeInvitation(m);
}

export async function describeInvitation(m: InvitationMatch) {
  const n = m.need;
  const [places, discipline, industry, attachments] = await Promise.all([
    regionPaths([n.regionCode]),
    codeNames("discipline", n.disciplineCodes),
    codeNames("industry", n.industryCodes),
    // The download route lets an expert holding a place on the need read its attachments.
    PLACE_HOLDING.includes(m.state)
      ? db.attachment.findMany({
        where: { ownerType: "Need", ownerId: n.id }, orderBy: { createdAt: "asc" },
        select: { id: true, fileName: true, sizeBytes: true, createdAt: true },
      })
      : Promise.resolve(null),
  ]);
  const rest = { ...m, expert: undefined };
  return {
    ...rest,
    need: {
      ...summarize(n, places),
      bottleneck: n.bottleneck, expectedOutcome: n.expectedOutcome,
      breakBottleneck: n.breakBottleneck, promoteTechnology: n.promoteTechnology, raiseFarmerIncome: n.raiseFarmerIncome,
      disciplineNames: n.disciplineCodes.map(discipline),
      industryNames: n.industryCodes.map(industry),
      menuDetails: n.menuItems.map((x) => x.menuItem),
    },
    attachments,
  };
}
export type InvitationDetail = NonNullable<Awaited<ReturnType<typeof invitationDetail>>>;

export const openNeedSearchSchema = z.object({
  q: z.string().trim().max(60).optional().catch(undefined),
  province: z.string().regex(/^\d{2}$/).optional().catch(undefined),
  form: z.string().optional().catch(undefined).transform((v) => (v && v in SERVICE_FORM_LABEL ? (v as ServiceForm) : undefined)),
  page: z.coerce.number().int().min(1).max(10000).catch(1),
});
export type OpenNeedSearch = z.infer<typeof openNeedSearchSchema>;

/**
 * Open needs recommended for the signed-in expert (lib/matching/needs-for-expert), one page, with what the list
 * shows and the expert's own match on each need (invited, applied…). Null when the user has no expert profile.
 */
export async function needsForMe(user: SessionUser, search: OpenNeedSearch) {
  const profile = await ownProfile(user, "need.browseOpen");
  if (!profile) return null;
  const result = await recommendNeeds(db, profile, {
    q: search.q, provinceCode: search.province, form: search.form, page: search.page, pageSize: MATCH_PAGE_SIZE,
  });
  if (!result) return null;
  // The page's needs with the expert's own match (one per need and expert) and their held seats, in one read.
  const needs = await db.need.findMany({
    where: { id: { in: result.rows.map((r) => r.needId) } },
    select: {
      ...needSummary,
      matches: { where: { expertId: profile.id }, select: { id: true, state: true } },
      _count: { select: { matches: { where: SEAT_HOLDING } } },
    },
  });
  const places = await regionPaths(needs.map((n) => n.regionCode));
  const needOf = new Map(needs.map((n) => [n.id, n]));
  const mayApply = holds(user, "match.apply") && !result.blocked;
  return {
    blocked: result.blocked ? { key: result.blocked, label: HARD_FILTER_LABEL[result.blocked] } : null,
    profile: { activeEngagements: profile.activeEngagements, maxConcurrent: profile.maxConcurrent },
    total: result.total, page: result.page, pageSize: result.pageSize, candidates: result.candidates,
    rows: result.rows.flatMap((r) => {
      const n = needOf.get(r.needId);
      if (!n) return [];
      const match = n.matches[0] ?? null;
      // PROPOSED is the province's draft: to the expert the need is simply open.
      const visible = match && !HIDDEN_FROM_OTHERS.includes(match.state) ? match : null;
      return [{
        need: summarize(n, places), seatsHeld: n._count.matches,
        score: r.score, explanation: r.explanation, parts: sortedParts(r.parts),
        match: visible ? { id: visible.id, state: visible.state } : null,
        canApply: mayApply && canStep("apply", match?.state ?? null),
      }];
    }),
  };
}
export type NeedsForMe = NonNullable<Awaited<ReturnType<typeof needsForMe>>>;
