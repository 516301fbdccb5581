import type { Prisma } from "@/lib/generated/prisma/client";
import type { MatchSource, MatchState } from "@/lib/generated/prisma/enums";
import type { AssignEdge, AssignNeed, AssignOptions } from "@/lib/matching/assign";

// Pure pieces of batch assignment: the solver options from the form, which pairs a new proposal keeps, adds
// and drops, and the summary the province sees.

/** A match in a province's batch proposal: a draft the province edits, holding no place or seat until sent. */
export const BATCH_PROPOSAL = { state: "PROPOSED", source: "BATCH" } satisfies Prisma.MatchWhereInput;

export function isBatchProposal(m: { state: MatchState; source: MatchSource }): boolean {
  return m.state === BATCH_PROPOSAL.state && m.source === BATCH_PROPOSAL.source;
}

export type QuotaInput = { minEastern: boolean; maxPerEmployer?: number };

/** The solver's options and each need's eastern quota, from the form's choices. */
export function quotasOf(input: QuotaInput): { options: AssignOptions; minEastern: number } {
  return {
    options: input.maxPerEmployer === undefined ? {} : { maxPerEmployer: input.maxPerEmployer },
    minEastern: input.minEastern ? 1 : 0,
  };
}

/**
 * Who counts as the same employer: the organisation on the platform when known, else the employer's name as
 * written (trimmed, case and inner spaces ignored), so two spellings of one organisation are not two employers.
 */
export function employerKey(e: { employerOrgId: string | null; employer: string }): string | null {
  if (e.employerOrgId) return `org:${e.employerOrgId}`;
  const name = e.employer.replace(/\s+/g, "").toLowerCase();
  return name ? `name:${name}` : null;
}

export const pairKey = (p: { needId: string; expertId: string }) => `${p.needId}|${p.expertId}`;

/**
 * A new proposal against the previous one of the same needs: the previous BATCH rows no longer chosen (to
 * delete), the pairs that are new, and the pairs kept (rewritten, as their score may have moved).
 */
export function diffProposal<P extends { needId: string; expertId: string }>(
  previous: { id: string; needId: string; expertId: string }[],
  next: P[],
): { remove: string[]; add: P[]; keep: P[] } {
  const wanted = new Set(next.map(pairKey));
  const had = new Set(previous.map(pairKey));
  return {
    remove: previous.filter((p) => !wanted.has(pairKey(p))).map((p) => p.id),
    add: next.filter((p) => !had.has(pairKey(p))),
    keep: next.filter((p) => had.has(pairKey(p))),
  };
}

/**
 * Whether the generator may put this pair in a proposal, given the pair's current match (if any): only pairs
 * with no match, or a match still only proposed. An invitation that expired, was withdrawn or an application
 * that was turned down is not proposed again automatically (the province may still add the expert by hand).
 */
export function generatorMayPropose(state: MatchState | null): boolean {
  return state === null || state === "PROPOSED";
}

export type SolveSummary = {
  needs: number;
  needsCovered: number;
  seatsFilled: number;
  seatsTotal: number;
  total: number;
  greedyTotal: number;
  /** greedy ÷ exact, 1 when both are 0. */
  greedyRatio: number;
  unmetQuotas: number;
  withoutCandidates: number;
};

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

export function summarise(
  needs: AssignNeed[],
  candidates: Map<string, number>,
  exact: { pairs: AssignEdge[]; total: number; unmetQuotas: unknown[] },
  greedy: { total: number },
): SolveSummary {
  const covered = new Set(exact.pairs.map((p) => p.needId));
  return {
    needs: needs.length,
    needsCovered: covered.size,
    seatsFilled: exact.pairs.length,
    seatsTotal: needs.reduce((s, n) => s + n.headcount, 0),
    total: round4(exact.total),
    greedyTotal: round4(greedy.total),
    greedyRatio: exact.total > 0 ? round4(greedy.total / exact.total) : 1,
    unmetQuotas: exact.unmetQuotas.length,
    withoutCandidates: needs.filter((n) => !(candidates.get(n.id) ?? 0)).length,
  };
}
