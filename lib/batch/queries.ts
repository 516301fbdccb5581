import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { MatchState } from "@/lib/generated/prisma/enums";
import { listScope } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { BATCH_PROPOSAL } from "@/lib/batch/plan";
import type { ProposalSearch, QueueFilters, QueueSearch } from "@/lib/batch/schemas";
import { expertListWhere } from "@/lib/experts/scope";
import { INVITABLE_NEED_STATES } from "@/lib/matches/service";
import { SEAT_HOLDING } from "@/lib/matches/capacity";
import { MATCH_STEPS } from "@/lib/matches/workflow";
import { loadExpertFacts, loadNeedFacts } from "@/lib/matching/facts";
import { hardFilter, HARD_FILTER_LABEL } from "@/lib/matching/score";
import { PRIORITY_ORDER } from "@/lib/needs/queries";
import { regionPaths } from "@/lib/reference/queries";
import { searchTextWhere } from "@/lib/search/text";

// Reads for batch assignment, always within the province the user works for (match.invite is a province grant).

export const QUEUE_PAGE_SIZE = 20;
export const PROPOSAL_PAGE_SIZE = 20;

/** The province whose queue the user works on (their first province grant for match.invite), or null. */
export function batchProvinceOf(user: SessionUser): string | null {
  const scope = listScope(user, "match.invite");
  if (!scope || scope.all) return null;
  return scope.provinceCodes[0] ?? null;
}

function queueWhere(provinceCode: string, f: QueueFilters): Prisma.NeedWhereInput {
  const and: Prisma.NeedWhereInput[] = [{ provinceCode, state: { in: [...INVITABLE_NEED_STATES] } }, searchTextWhere(f.q)];
  if (f.region) and.push({ regionCode: { startsWith: f.region } });
  if (f.urgency) and.push({ urgency: f.urgency });
  if (f.form) and.push({ menuItems: { some: { menuItem: { form: f.form } } } });
  return { AND: and };
}

/**
 * The ids of the province's queue that match the filters, most urgent first, then the policy's priority flags
 * (突破瓶颈, 推广技术, 农民增收), then oldest: needs OPEN or MATCHED
 * with seats left (experts wanted minus invitations, acceptances and confirmations held).
 */
export async function queueNeedIds(provinceCode: string, f: QueueFilters): Promise<{ id: string; seats: number }[]> {
  const rows = await db.need.findMany({
    where: queueWhere(provinceCode, f),
    orderBy: [{ urgency: "desc" }, ...PRIORITY_ORDER, { createdAt: "asc" }, { id: "asc" }],
    select: { id: true, expertsWanted: true, _count: { select: { matches: { where: SEAT_HOLDING } } } },
  });
  return rows.map((r) => ({ id: r.id, seats: r.expertsWanted - r._count.matches })).filter((r) => r.seats > 0);
}

/** One page of the queue, with each need's seats left and how many experts its current proposal holds. */
export async function searchQueue(user: SessionUser, search: QueueSearch) {
  const provinceCode = batchProvinceOf(user);
  const empty = { total: 0, page: 1, pageSize: QUEUE_PAGE_SIZE, rows: [], seatsTotal: 0 };
  if (!provinceCode) return empty;
  const all = await queueNeedIds(provinceCode, search);
  const page = Math.min(search.page, Math.max(1, Math.ceil(all.length / QUEUE_PAGE_SIZE)));
  const slice = all.slice((page - 1) * QUEUE_PAGE_SIZE, page * QUEUE_PAGE_SIZE);
  const seats = new Map(slice.map((r) => [r.id, r.seats]));
  const [rows, proposed] = await Promise.all([
    db.need.findMany({
      where: { id: { in: slice.map((r) => r.id) } },
      select: {
        id: true, code: true, title: true, state: true, urgency: true, regionCode: true, expertsWanted: true, createdAt: true,
        unit: { select: { name: true } }, menuItems: { select: { menuItem: { select: { name: true } } } },
      },
    }),
    db.match.groupBy({ by: ["needId"], where: { needId: { in: slice.map((r) => r.id) }, ...BATCH_PROPOSAL }, _count: { _all: true } }),
  ]);
  const proposals = new Map(proposed.map((g) => [g.needId, g._count._all]));
  const places = await regionPaths(rows.map((r) => r.regionCode));
  const order = new Map(slice.map((r, i) => [r.id, i]));
  return {
    total: all.length, page, pageSize: QUEUE_PAGE_SIZE,
    seatsTotal: all.reduce((s, r) => s + r.seats, 0),
    rows: rows
      .sort((a, b) => order.get(a.id)! - order.get(b.id)!)
      .map(({ unit, menuItems, ...r }) => ({
        ...r, unitName: unit.name, place: places.get(r.regionCode) ?? r.regionCode, menuNames: menuItems.map((m) => m.menuItem.name),
        seats: seats.get(r.id) ?? 0, proposed: proposals.get(r.id) ?? 0,
      })),
  };
}

/** How many experts the province's current proposal holds, over how many needs. */
export async function proposalTotals(user: SessionUser) {
  const provinceCode = batchProvinceOf(user);
  if (!provinceCode) return { experts: 0, needs: 0 };
  const groups = await db.match.groupBy({
    by: ["needId"], where: { ...BATCH_PROPOSAL, need: { provinceCode } }, _count: { _all: true },
  });
  return { experts: groups.reduce((s, g) => s + g._count._all, 0), needs: groups.length };
}

/**
 * The province's current proposal, grouped by need (a page of needs at a time): each proposed expert with
 * employer, region (eastern or not), score and explanation, and the need's seats.
 */
export async function proposalPage(user: SessionUser, search: ProposalSearch) {
  const provinceCode = batchProvinceOf(user);
  if (!provinceCode) return { total: 0, page: 1, pageSize: PROPOSAL_PAGE_SIZE, groups: [] };
  const where = { ...BATCH_PROPOSAL, need: { provinceCode } } satisfies Prisma.MatchWhereInput;
  const needIds = (await db.match.groupBy({ by: ["needId"], where, orderBy: { needId: "asc" } })).map((g) => g.needId);
  // A need of the queue without proposals yet is shown first while an expert is being added to it by hand.
  const adding = search.addTo && !needIds.includes(search.addTo)
    ? await db.need.findFirst({ where: { id: search.addTo, provinceCode, state: { in: [...INVITABLE_NEED_STATES] } }, select: { id: true } })
    : null;
  // Most urgent (then the priority flags) first, as in the queue.
  const found = await db.need.findMany({
    where: { id: { in: adding ? [adding.id, ...needIds] : needIds } },
    orderBy: [{ urgency: "desc" }, ...PRIORITY_ORDER, { createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true, code: true, title: true, state: true, urgency: true, regionCode: true, expertsWanted: true,
      unit: { select: { name: true } },
      _count: { select: { matches: { where: SEAT_HOLDING } } },
    },
  });
  const needs = adding ? [...found.filter((n) => n.id === adding.id), ...found.filter((n) => n.id !== adding.id)] : found;
  const page = Math.min(search.page, Math.max(1, Math.ceil(needs.length / PROPOSAL_PAGE_SIZE)));
  const slice = needs.slice((page - 1) * PROPOSAL_PAGE_SIZE, page * PROPOSAL_PAGE_SIZE);
  const matches = await db.match.findMany({
    where: { ...where, needId: { in: slice.map((n) => n.id) } },
    orderBy: [{ score: "desc" }, { id: "asc" }],
    select: {
      id: true, needId: true, score: true, explanation: true, updatedAt: true,
      expert: { select: { id: true, name: true, employer: true, title: true, regionCode: true, region: { select: { zone: true } } } },
    },
  });
  const places = await regionPaths([...slice.map((n) => n.regionCode), ...matches.map((m) => m.expert.regionCode)]);
  return {
    total: needs.length, page, pageSize: PROPOSAL_PAGE_SIZE,
    groups: slice.map(({ unit, _count, ...n }) => ({
      ...n, unitName: unit.name, place: places.get(n.regionCode) ?? n.regionCode, seats: n.expertsWanted - _count.matches,
      rows: matches.filter((m) => m.needId === n.id).map(({ expert, ...m }) => ({
        ...m, expertId: expert.id, expertName: expert.name, employer: expert.employer, title: expert.title,
        place: places.get(expert.regionCode) ?? expert.regionCode, eastern: expert.region.zone === "EAST",
      })),
    })),
  };
}

const ADD_RESULTS = 10;

/**
 * Experts the province may add by hand to a need's proposal: visible to it (its own, and those of other
 * provinces who share across regions), found by name, employer or skills; each with the reason it cannot be
 * added, if any (the engine's hard filters, or a match already past proposal).
 */
export async function expertsToAdd(user: SessionUser, needId: string, q: string | undefined) {
  const provinceCode = batchProvinceOf(user);
  if (!provinceCode || !q) return [];
  const need = await db.need.findFirst({ where: { id: needId, provinceCode }, select: { id: true } });
  if (!need) return [];
  const experts = await db.expertProfile.findMany({
    where: { AND: [{ status: "ACTIVE" }, expertListWhere(user) ?? { id: { in: [] } }, searchTextWhere(q)] },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: ADD_RESULTS,
    select: { id: true, name: true, employer: true, regionCode: true, region: { select: { zone: true } } },
  });
  const ids = experts.map((e) => e.id);
  const [needFacts, facts, matches, places] = await Promise.all([
    loadNeedFacts(db, needId),
    loadExpertFacts(db, ids, [needId]),
    db.match.findMany({ where: { needId, expertId: { in: ids } }, select: { expertId: true, state: true } }),
    regionPaths(experts.map((e) => e.regionCode)),
  ]);
  const factsOf = new Map(facts.map((f) => [f.id, f]));
  const stateOf = new Map<string, MatchState>(matches.map((m) => [m.expertId, m.state]));
  return experts.map((e) => {
    const state = stateOf.get(e.id) ?? null;
    const filtered = needFacts && factsOf.get(e.id) ? hardFilter(needFacts, factsOf.get(e.id)!) : null;
    const blockedBy = state === "PROPOSED" ? "已在方案中"
      : !MATCH_STEPS.propose.from.includes(state) ? "已邀请、已申请或已婉拒过该需求"
      : filtered ? HARD_FILTER_LABEL[filtered] : null;
    return { id: e.id, name: e.name, employer: e.employer, place: places.get(e.regionCode) ?? e.regionCode, eastern: e.region.zone === "EAST", blockedBy };
  });
}
