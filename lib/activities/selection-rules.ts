import type { ActivityState } from "@/lib/generated/prisma/enums";
import { aggregateScores } from "@/lib/activities/rubric";

// The selection board's rules as pure functions: the ranking score (mean of the submitted reviews, plus the plan's
// bonus for an activity hosted by a service base — section 6 gives bases priority) and the places a plan still
// holds back for bases (baseReservedPlaces), so the page, the service and the tests share one reading.

export const SELECTED_STATES: readonly ActivityState[] = ["SELECTED", "IN_PROGRESS", "COMPLETED", "EVALUATED"];

export type PlanRules = { quota: number; baseBonus: number; baseReservedPlaces: number; disagreementSpread: number };

export type Candidate = { id: string; state: ActivityState; hostBaseId: string | null; totals: readonly number[] };

export function rankingOf(c: Candidate, plan: PlanRules) {
  const agg = aggregateScores(c.totals, plan.disagreementSpread);
  const bonus = c.hostBaseId && plan.baseBonus > 0 ? plan.baseBonus : 0;
  return { ...agg, bonus, ranking: agg.mean === null ? null : Math.round((agg.mean + bonus) * 10) / 10 };
}

/** Candidates by ranking score, highest first (unscored last), ties by id for a stable order. */
export function rankCandidates<C extends Candidate>(cs: readonly C[], plan: PlanRules) {
  return cs
    .map((c) => ({ ...c, ...rankingOf(c, plan) }))
    .sort((x, y) => (y.ranking ?? -1) - (x.ranking ?? -1) || x.id.localeCompare(y.id));
}

/**
 * Places used and left, and how many are still held back for base-hosted applications: the reserved places not yet
 * filled by selected base activities, as long as undecided base applications remain to fill them.
 */
export function placesOf(cs: readonly Candidate[], plan: PlanRules) {
  const selected = cs.filter((c) => SELECTED_STATES.includes(c.state));
  const selectedBase = selected.filter((c) => c.hostBaseId).length;
  const undecidedBase = cs.filter((c) => c.state === "RECOMMENDED" && c.hostBaseId).length;
  const held = Math.max(0, Math.min(plan.baseReservedPlaces - selectedBase, undecidedBase));
  return { used: selected.length, left: Math.max(0, plan.quota - selected.length), selectedBase, heldForBases: held };
}

/** Why selecting this candidate is refused by the places (Chinese), or null. */
export function placeRefusal(c: Candidate, cs: readonly Candidate[], plan: PlanRules): string | null {
  const p = placesOf(cs, plan);
  if (p.used >= plan.quota) return `本年度计划的 ${plan.quota} 个名额已全部使用，不能再入选`;
  if (!c.hostBaseId && p.used + 1 > plan.quota - p.heldForBases) {
    return `剩余 ${p.left} 个名额中有 ${p.heldForBases} 个预留给专家服务基地承办的活动，非基地活动不能占用`;
  }
  return null;
}
