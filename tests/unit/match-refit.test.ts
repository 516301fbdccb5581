import { describe, expect, it } from "vitest";
import { agreement, fitWeights, outcomeValue, refit, type Outcome } from "@/lib/match-settings/refit";
import { DEFAULT_WEIGHTS, SCORE_PARTS, type Weights } from "@/lib/matching/weights";

// Outcomes that depend on region and load only: a refit should learn that, and show it on the newer outcomes.
function outcomes(n: number, seed = 3): Outcome[] {
  let s = seed;
  const r = () => (s = (s * 16807) % 2147483647) / 2147483647;
  return Array.from({ length: n }, (_, i) => {
    const parts = Object.fromEntries(SCORE_PARTS.map((p) => [p, r()])) as Record<(typeof SCORE_PARTS)[number], number>;
    const p = 1 / (1 + Math.exp(-(6 * (0.6 * parts.region + 0.4 * parts.load) - 3)));
    return { at: new Date(Date.UTC(2026, 0, 1) + i * 86_400_000), parts, value: r() < p ? 0.8 : 0 };
  });
}

describe("refitting the weights from outcomes", () => {
  it("values outcomes: declined or expired 0, accepted 0.6, completed 0.8, rated 0.5–1, cancelled 0.3, open null", () => {
    expect(outcomeValue({ state: "DECLINED", engagementState: null, unitRating: null })).toBe(0);
    expect(outcomeValue({ state: "EXPIRED", engagementState: null, unitRating: null })).toBe(0);
    expect(outcomeValue({ state: "ACCEPTED", engagementState: "PLANNING", unitRating: null })).toBe(0.6);
    expect(outcomeValue({ state: "CONFIRMED", engagementState: "CLOSED", unitRating: null })).toBe(0.8);
    expect(outcomeValue({ state: "CONFIRMED", engagementState: "CLOSED", unitRating: 5 })).toBe(1);
    expect(outcomeValue({ state: "CONFIRMED", engagementState: "CLOSED", unitRating: 1 })).toBe(0.5);
    expect(outcomeValue({ state: "CONFIRMED", engagementState: "CANCELLED", unitRating: null })).toBe(0.3);
    expect(outcomeValue({ state: "INVITED", engagementState: null, unitRating: null })).toBeNull();
    expect(outcomeValue({ state: "WITHDRAWN", engagementState: null, unitRating: null })).toBeNull();
  });

  it("measures agreement as the share of differently-ending pairs the weights order right", () => {
    const only = (p: (typeof SCORE_PARTS)[number]) => Object.fromEntries(SCORE_PARTS.map((q) => [q, q === p ? 1 : 0])) as Weights;
    const os: Outcome[] = [
      { at: new Date(1), parts: { region: 0.9 }, value: 1 },
      { at: new Date(2), parts: { region: 0.1 }, value: 0 },
      { at: new Date(3), parts: { region: 0.5 }, value: 0 },
    ];
    expect(agreement(only("region"), os)).toBe(1);
    expect(agreement(only("load"), os)).toBe(0.5); // every part but region is missing (0.5): all ties
  });

  it("fits weights that favour what predicted the outcomes, fitted on the older and measured on the newer", () => {
    const r = refit(outcomes(200), DEFAULT_WEIGHTS)!;
    expect(r.metrics).toMatchObject({ outcomes: 200, train: 140, test: 60 });
    expect(new Date(r.metrics.splitAt).getTime()).toBe(Date.UTC(2026, 0, 1) + 140 * 86_400_000);
    expect(r.proposed.region).toBeGreaterThan(DEFAULT_WEIGHTS.region);
    expect(r.proposed.region + r.proposed.load).toBeGreaterThan(r.proposed.discipline + r.proposed.text);
    expect(r.metrics.gain).toBeCloseTo(r.metrics.proposedAgreement - r.metrics.baseAgreement, 10);
    expect(r.metrics.gain).toBeGreaterThan(0.05);
    const sum = SCORE_PARTS.reduce((a, p) => a + r.proposed[p], 0);
    expect(sum).toBeGreaterThanOrEqual(97);
    expect(sum).toBeLessThanOrEqual(103);
  });

  it("stays near the hand-set weights on few outcomes, and refuses too few or one-sided ones", () => {
    const few = fitWeights(outcomes(20), DEFAULT_WEIGHTS);
    const priorSum = SCORE_PARTS.reduce((a, p) => a + DEFAULT_WEIGHTS[p], 0);
    for (const p of SCORE_PARTS) expect(Math.abs(few[p] - (100 * DEFAULT_WEIGHTS[p]) / priorSum)).toBeLessThan(15);
    expect(refit(outcomes(10), DEFAULT_WEIGHTS)).toBeNull();
    expect(refit(outcomes(50).map((o) => ({ ...o, value: 0 })), DEFAULT_WEIGHTS)).toBeNull();
  });
});
