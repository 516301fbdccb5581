import type { Tx } from "@/lib/db";
import { invalidInput, invalidTransition } from "@/lib/errors";
import type { TeamRole } from "@/lib/activities/schemas";
import { chooseTeam, unavailableReason } from "@/lib/activities/team";
import { ROLE_FITS } from "@/lib/activities/team-rules";

// The bidding team and the reviewers of a challenge. Team members come from the expert pool with a role (the roles
// and their fit are the demonstration activities' — 专家, 导师, 博士后 — and so is availability: active, with a free
// place, no blackout until the last milestone). Reviewers are recused when they work for a bidder's employer or for
// the enterprise that posed the challenge, or bid themselves.

const poolSelect = {
  id: true, name: true, status: true, maxConcurrent: true, activeEngagements: true, talentCategories: true, title: true,
} as const;

async function poolExperts(tx: Tx, ids: string[], start: Date, end: Date) {
  return tx.expertProfile.findMany({
    where: { id: { in: ids } },
    select: {
      ...poolSelect,
      availability: { where: { kind: "BLACKOUT", startsOn: { lte: end }, endsOn: { gte: start } }, select: { startsOn: true, endsOn: true } },
    },
  });
}

/** Refuse a team with a member outside the pool, unavailable between now and the last milestone, or unfit for the role. */
export async function checkTeam(tx: Tx, members: { expertId: string; role: TeamRole }[], start: Date, end: Date) {
  if (!members.length) return;
  const experts = new Map((await poolExperts(tx, members.map((m) => m.expertId), start, end)).map((e) => [e.id, e]));
  for (const m of members) {
    const e = experts.get(m.expertId);
    if (!e) throw invalidInput({ members: ["团队成员须为专家库中的专家"] }, "团队成员须为专家库中的专家");
    if (e.status === "PENDING") throw invalidTransition(`${e.name}尚未通过审核，不在专家库中，不能加入团队`);
    const why = unavailableReason(e, start, end);
    if (why) throw invalidTransition(why.replace("在活动期间", "在攻关期间"));
    if (!ROLE_FITS[m.role](e)) throw invalidTransition(`${e.name}不符合“${m.role}”的条件`);
  }
}

type Recusable = { id: string; enterpriseId: string };

type Reviewer = { id: string; name: string; status: string; employer: string; employerOrgId: string | null };

/** The conflicts of interest of a challenge: its enterprise, and every bidder with their employer. */
async function conflictsOf(tx: Tx, c: Recusable) {
  const [enterprise, bids] = await Promise.all([
    tx.organization.findUnique({ where: { id: c.enterpriseId }, select: { name: true } }),
    tx.challengeBid.findMany({
      where: { challengeId: c.id, state: { not: "WITHDRAWN" } },
      select: { expert: { select: { id: true, employer: true, employerOrgId: true } }, members: { select: { expert: { select: { id: true, employer: true, employerOrgId: true } } } } },
    }),
  ]);
  const bidders = bids.flatMap((b) => [b.expert, ...b.members.map((m) => m.expert)]);
  return {
    enterpriseName: enterprise?.name.trim() ?? "",
    bidderIds: new Set(bidders.map((b) => b.id)),
    orgIds: new Set(bidders.flatMap((b) => (b.employerOrgId ? [b.employerOrgId] : []))),
    orgNames: new Set(bidders.map((b) => b.employer.trim()).filter(Boolean)),
  };
}

function recusalOf(c: Recusable, k: Awaited<ReturnType<typeof conflictsOf>>, r: Reviewer): string | null {
  if (r.status !== "ACTIVE") return `${r.name}当前不在可服务状态，不能担任评审专家`;
  if (k.bidderIds.has(r.id)) return `${r.name}是揭榜团队成员，须回避`;
  if (r.employerOrgId === c.enterpriseId || (k.enterpriseName && r.employer.trim() === k.enterpriseName)) return `${r.name}来自出题企业，须回避`;
  if ((r.employerOrgId && k.orgIds.has(r.employerOrgId)) || k.orgNames.has(r.employer.trim())) return `${r.name}与揭榜方同一单位（${r.employer}），须回避`;
  return null;
}

const reviewerSelect = { id: true, name: true, status: true, employer: true, employerOrgId: true } as const;

/** Why these experts may not review the challenge's bids (Chinese), or null. */
export async function recusalRefusal(tx: Tx, c: Recusable, reviewerIds: string[]): Promise<string | null> {
  const reviewers = await tx.expertProfile.findMany({ where: { id: { in: reviewerIds } }, select: reviewerSelect });
  if (reviewers.length !== new Set(reviewerIds).size) return "评审专家须为专家库中的专家";
  const k = await conflictsOf(tx, c);
  for (const r of reviewers) {
    const why = recusalOf(c, k, r);
    if (why) return why;
  }
  return null;
}

/**
 * Experts of the pool who could review (they need an account to score): those sharing the most of the challenge's
 * disciplines first, each with the reason they must recuse, if any.
 */
export async function reviewerCandidates(tx: Tx, c: Recusable & { disciplineCodes: string[] }, take = 30) {
  const prefixes = c.disciplineCodes.map((d) => d.slice(0, 3));
  const rows = await tx.expertProfile.findMany({
    where: { status: "ACTIVE", userId: { not: null }, ...(c.disciplineCodes.length ? { disciplineCodes: { hasSome: [...c.disciplineCodes, ...prefixes] } } : {}) },
    select: { ...reviewerSelect, title: true, disciplineCodes: true }, orderBy: [{ title: "asc" }, { id: "asc" }], take: 300,
  });
  const overlap = (codes: string[]) => codes.filter((x) => c.disciplineCodes.includes(x)).length * 2 + codes.filter((x) => prefixes.includes(x.slice(0, 3))).length;
  const k = await conflictsOf(tx, c);
  return rows
    .map((r) => ({ id: r.id, name: r.name, employer: r.employer, recusal: recusalOf(c, k, r), score: overlap(r.disciplineCodes) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, take)
    .map((r) => ({ id: r.id, name: r.name, employer: r.employer, recusal: r.recusal }));
}

export type SuggestedMember = { expertId: string; name: string; role: TeamRole; employer: string; score: number };

/**
 * The engine's team for a bid: experts of the pool whose disciplines meet the challenge's (the closer the more), then
 * the demonstration activities' team picker (a postdoc with a mentor and a senior expert first, the rest by score),
 * leaving out the lead and anyone unavailable until the deadline plus a year of work.
 */
const CANDIDATE_WINDOW = 200;

export async function suggestTeam(tx: Tx, args: { disciplineCodes: string[]; leadExpertId: string | null; size: number; now?: Date }) {
  const now = args.now ?? new Date();
  const end = new Date(now.getTime() + 365 * 86_400_000);
  const prefixes = [...new Set(args.disciplineCodes.map((c) => c.slice(0, 3)))];
  if (!prefixes.length) return [];
  const select = {
    ...poolSelect, employer: true, disciplineCodes: true,
    availability: { where: { kind: "BLACKOUT" as const, startsOn: { lte: end }, endsOn: { gte: now } }, select: { startsOn: true, endsOn: true } },
  };
  const candidatesWith = (codes: string[], take: number, notIn: string[]) => tx.expertProfile.findMany({
    where: { status: "ACTIVE", id: { notIn: args.leadExpertId ? [args.leadExpertId, ...notIn] : notIn }, disciplineCodes: { hasSome: codes } },
    select, orderBy: { id: "asc" }, take,
  });
  // Exact disciplines first, so a large pool of near fields cannot crowd the closest experts out of the window.
  const exact = await candidatesWith(args.disciplineCodes, CANDIDATE_WINDOW, []);
  const rows = exact.length < CANDIDATE_WINDOW
    ? [...exact, ...(await candidatesWith(prefixes, CANDIDATE_WINDOW - exact.length, exact.map((r) => r.id)))]
    : exact;
  const scoreOf = (codes: string[]) =>
    codes.filter((c) => args.disciplineCodes.includes(c)).length * 2 + codes.filter((c) => prefixes.includes(c.slice(0, 3))).length;
  const candidates = rows.map((r) => ({ ...r, score: scoreOf(r.disciplineCodes) })).filter((r) => r.score > 0);
  const { reserved, rest } = chooseTeam("POSTDOC_SERVICE", args.size, candidates, now, end);
  const employer = new Map(rows.map((r) => [r.id, r.employer]));
  const more = rest.slice(0, Math.max(0, args.size - reserved.length)).map((e) => ({
    expertId: e.id, name: e.name, role: (ROLE_FITS.博士后(e) ? "博士后" : "专家") as TeamRole, score: e.score,
  }));
  return [...reserved, ...more].map((m) => ({ ...m, employer: employer.get(m.expertId) ?? "" }));
}
