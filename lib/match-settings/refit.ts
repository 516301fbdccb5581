import { SCORE_PARTS, type ScorePart, type Weights } from "@/lib/matching/weights";

// Refitting the score weights from outcomes (pure). Each invitation that was answered is an outcome: what the
// score parts were when the expert was invited (Match.scoreParts) and how it went — declined or let expire 0;
// accepted 0.6; the service completed 0.8, or by the unit's rating 0.5 (1 star) … 1 (5 stars); a cancelled
// service 0.3. The engine's score is the weighted mean of the parts, so the weights are fitted as a point of the
// simplex: a logistic link from the score to the outcome, with a pull towards the hand-set weights so that a few
// outcomes cannot move them far. The fit is judged honestly: fitted on the older outcomes, measured on the newer
// ones by how often the weights order two outcomes the way they turned out.

export type Outcome = { at: Date; parts: Partial<Record<ScorePart, number>>; value: number };

export type OutcomeFacts = {
  state: string; // Match.state
  engagementState: string | null;
  unitRating: number | null;
};

/** How an answered invitation turned out, in [0, 1]; null while it is open or when it says nothing (withdrawn). */
export function outcomeValue(f: OutcomeFacts): number | null {
  if (f.state === "DECLINED" || f.state === "EXPIRED") return 0;
  if (f.state !== "ACCEPTED" && f.state !== "CONFIRMED") return null;
  if (f.engagementState === "CANCELLED") return 0.3;
  if (f.unitRating !== null) return 0.5 + (0.5 * (f.unitRating - 1)) / 4;
  if (f.engagementState === "CLOSED" || f.engagementState === "AWAITING_FEEDBACK") return 0.8;
  return 0.6;
}

const partsOf = (o: Outcome) => SCORE_PARTS.map((p) => o.parts[p] ?? 0.5);

/** The engine's score of an outcome's parts under some weights (the weighted mean). */
export function scoreWith(weights: Weights, parts: number[]): number {
  let sum = 0;
  let total = 0;
  SCORE_PARTS.forEach((p, i) => {
    sum += weights[p];
    total += weights[p] * parts[i];
  });
  return sum > 0 ? total / sum : 0;
}

/**
 * How often the weights order two outcomes as they turned out: over pairs with different outcomes, the share in
 * which the better outcome had the higher score (ties count half). 0.5 is chance.
 */
export function agreement(weights: Weights, outcomes: Outcome[]): number {
  const scored = outcomes.map((o) => ({ s: scoreWith(weights, partsOf(o)), v: o.value }));
  let pairs = 0;
  let right = 0;
  for (let i = 0; i < scored.length; i++) {
    for (let j = i + 1; j < scored.length; j++) {
      const a = scored[i];
      const b = scored[j];
      if (a.v === b.v) continue;
      pairs++;
      const better = a.v > b.v ? a : b;
      const worse = a.v > b.v ? b : a;
      right += better.s > worse.s ? 1 : better.s === worse.s ? 0.5 : 0;
    }
  }
  return pairs ? right / pairs : 0.5;
}

/** Weights on the simplex fitted to outcomes, pulled towards `prior` (also on the simplex) with strength `pull`. */
export function fitWeights(outcomes: Outcome[], prior: Weights, { pull = 2, iterations = 1500, rate = 0.5 } = {}): Weights {
  const k = SCORE_PARTS.length;
  const priorSum = SCORE_PARTS.reduce((a, p) => a + prior[p], 0) || 1;
  const p0 = SCORE_PARTS.map((p) => prior[p] / priorSum);
  const theta = p0.map((x) => Math.log(x + 1e-3));
  let slope = 4;
  let bias = 0;
  const xs = outcomes.map(partsOf);
  const ys = outcomes.map((o) => o.value);
  const n = Math.max(1, xs.length);
  for (let it = 0; it < iterations; it++) {
    const m = Math.max(...theta);
    const e = theta.map((t) => Math.exp(t - m));
    const z = e.reduce((a, b) => a + b, 0);
    const w = e.map((x) => x / z);
    const gw = new Array<number>(k).fill(0);
    let gSlope = 0;
    let gBias = 0;
    xs.forEach((x, i) => {
      const s = x.reduce((a, xi, j) => a + w[j] * xi, 0);
      const pred = 1 / (1 + Math.exp(-(slope * s + bias)));
      const err = pred - ys[i]; // cross-entropy gradient with respect to the logit
      gSlope += (err * s) / n;
      gBias += err / n;
      for (let j = 0; j < k; j++) gw[j] += (err * slope * x[j]) / n;
    });
    // The pull: squared distance to the prior weights, scaled so it weighs like `pull` outcomes.
    for (let j = 0; j < k; j++) gw[j] += ((pull / n) * 2 * (w[j] - p0[j])) * 10;
    // Through the softmax: dθ_j = w_j (g_j − Σ w g).
    const mean = w.reduce((a, wj, j) => a + wj * gw[j], 0);
    for (let j = 0; j < k; j++) theta[j] -= rate * w[j] * (gw[j] - mean) * 10;
    slope -= rate * gSlope;
    bias -= rate * gBias;
  }
  const m = Math.max(...theta);
  const e = theta.map((t) => Math.exp(t - m));
  const z = e.reduce((a, b) => a + b, 0);
  // On the settings page's scale: whole numbers summing to about 100.
  return Object.fromEntries(SCORE_PARTS.map((p, j) => [p, Math.round((100 * e[j]) / z)])) as Weights;
}

export type RefitResult = {
  proposed: Weights;
  metrics: {
    outcomes: number; train: number; test: number; splitAt: string;
    baseAgreement: number; proposedAgreement: number; gain: number;
  };
};

export const MIN_OUTCOMES = 20;

/**
 * Fits on the oldest `trainShare` of the outcomes (by when the invitation was sent) and measures both the hand-set
 * weights and the fitted ones on the rest. Null when there are too few outcomes to say anything.
 */
export function refit(outcomes: Outcome[], base: Weights, trainShare = 0.7): RefitResult | null {
  if (outcomes.length < MIN_OUTCOMES) return null;
  const sorted = [...outcomes].sort((a, b) => a.at.getTime() - b.at.getTime());
  const cut = Math.round(sorted.length * trainShare);
  const train = sorted.slice(0, cut);
  const test = sorted.slice(cut);
  if (new Set(train.map((o) => o.value)).size < 2 || new Set(test.map((o) => o.value)).size < 2) return null;
  const proposed = fitWeights(train, base);
  const baseAgreement = agreement(base, test);
  const proposedAgreement = agreement(proposed, test);
  return {
    proposed,
    metrics: {
      outcomes: sorted.length, train: train.length, test: test.length, splitAt: test[0].at.toISOString(),
      baseAgreement, proposedAgreement, gain: proposedAgreement - baseAgreement,
    },
  };
}
