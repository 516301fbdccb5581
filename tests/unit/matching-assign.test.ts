import { describe, expect, it } from "vitest";
import { assign, greedyAssign, type AssignEdge, type AssignExpert, type AssignNeed } from "@/lib/matching/assign";

/** Deterministic pseudo-random numbers for generated instances. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function feasible(pairs: AssignEdge[], needs: AssignNeed[], experts: AssignExpert[], maxPerEmployer?: number) {
  const byNeed = new Map<string, number>();
  const byExpert = new Map<string, number>();
  const byEmployer = new Map<string, number>();
  for (const p of pairs) {
    byNeed.set(p.needId, (byNeed.get(p.needId) ?? 0) + 1);
    byExpert.set(p.expertId, (byExpert.get(p.expertId) ?? 0) + 1);
    const emp = experts.find((e) => e.id === p.expertId)!.employer;
    if (emp) byEmployer.set(`${p.needId}|${emp}`, (byEmployer.get(`${p.needId}|${emp}`) ?? 0) + 1);
  }
  return (
    needs.every((n) => (byNeed.get(n.id) ?? 0) <= n.headcount) &&
    experts.every((e) => (byExpert.get(e.id) ?? 0) <= e.capacity) &&
    (maxPerEmployer === undefined || [...byEmployer.values()].every((c) => c <= maxPerEmployer))
  );
}

/** Every subset of the edges: the true optimum of a small instance (with an optional eastern quota as a hard rule). */
function bruteForce(needs: AssignNeed[], experts: AssignExpert[], edges: AssignEdge[], maxPerEmployer?: number, quotaHard = false) {
  let best = 0;
  for (let mask = 0; mask < 1 << edges.length; mask++) {
    const pairs = edges.filter((_, i) => mask & (1 << i));
    if (!feasible(pairs, needs, experts, maxPerEmployer)) continue;
    if (quotaHard && needs.some((n) => pairs.filter((p) => p.needId === n.id && experts.find((e) => e.id === p.expertId)!.eastern).length < (n.minEastern ?? 0))) continue;
    best = Math.max(best, pairs.reduce((s, p) => s + p.score, 0));
  }
  return Math.round(best * 10_000) / 10_000;
}

function instance(seed: number, nNeeds: number, nExperts: number, nEdges: number) {
  const r = rng(seed);
  const needs = Array.from({ length: nNeeds }, (_, i) => ({ id: `n${i}`, headcount: 1 + Math.floor(r() * 2) }));
  const experts = Array.from({ length: nExperts }, (_, i) => ({
    id: `e${i}`, capacity: 1 + Math.floor(r() * 2), employer: `u${Math.floor(r() * 2)}`, eastern: r() < 0.4,
  }));
  const seen = new Set<string>();
  const edges: AssignEdge[] = [];
  while (edges.length < nEdges) {
    const needId = `n${Math.floor(r() * nNeeds)}`;
    const expertId = `e${Math.floor(r() * nExperts)}`;
    if (seen.has(needId + expertId)) continue;
    seen.add(needId + expertId);
    edges.push({ needId, expertId, score: Math.round(r() * 1000) / 1000 });
  }
  return { needs, experts, edges };
}

describe("batch assignment", () => {
  it("matches brute force on 40 random small instances, and is never worse than greedy", async () => {
    for (let seed = 1; seed <= 40; seed++) {
      const { needs, experts, edges } = instance(seed, 3, 4, 10);
      const result = await assign(needs, experts, edges);
      expect(result.status).toBe("Optimal");
      expect(feasible(result.pairs, needs, experts)).toBe(true);
      expect(result.total).toBeCloseTo(bruteForce(needs, experts, edges), 3);
      expect(result.total).toBeGreaterThanOrEqual(greedyAssign(needs, experts, edges).total - 1e-9);
    }
  });

  it("respects at most k experts from one employer per need, as brute force does", async () => {
    for (let seed = 100; seed <= 120; seed++) {
      const { needs, experts, edges } = instance(seed, 2, 5, 10);
      const result = await assign(needs, experts, edges, { maxPerEmployer: 1 });
      expect(feasible(result.pairs, needs, experts, 1)).toBe(true);
      expect(result.total).toBeCloseTo(bruteForce(needs, experts, edges, 1), 3);
    }
  });

  it("beats greedy where greedy is trapped", async () => {
    // Greedy takes A–1 (0.9) and leaves need 2 without anyone; the optimum is A–2 + B–1.
    const needs = [{ id: "1", headcount: 1 }, { id: "2", headcount: 1 }];
    const experts = [{ id: "A", capacity: 1 }, { id: "B", capacity: 1 }];
    const edges = [
      { needId: "1", expertId: "A", score: 0.9 },
      { needId: "1", expertId: "B", score: 0.8 },
      { needId: "2", expertId: "A", score: 0.8 },
    ];
    expect(greedyAssign(needs, experts, edges).total).toBeCloseTo(0.9);
    const best = await assign(needs, experts, edges);
    expect(best.total).toBeCloseTo(1.6);
    expect(best.pairs.map((p) => p.needId + p.expertId).sort()).toEqual(["1B", "2A"]);
  });

  it("meets an eastern quota when it can, at a lower total, and reports it when it cannot", async () => {
    const experts = [{ id: "W", capacity: 1, eastern: false }, { id: "E", capacity: 1, eastern: true }];
    const edges = [{ needId: "1", expertId: "W", score: 0.9 }, { needId: "1", expertId: "E", score: 0.5 }];
    const withQuota = await assign([{ id: "1", headcount: 1, minEastern: 1 }], experts, edges);
    expect(withQuota.pairs.map((p) => p.expertId)).toEqual(["E"]);
    expect(withQuota.unmetQuotas).toEqual([]);
    const impossible = await assign([{ id: "1", headcount: 1, minEastern: 1 }], [experts[0]], [edges[0]]);
    expect(impossible.pairs.map((p) => p.expertId)).toEqual(["W"]);
    expect(impossible.unmetQuotas).toEqual([{ needId: "1", missing: 1 }]);
    for (let seed = 200; seed <= 215; seed++) {
      const inst = instance(seed, 2, 4, 8);
      const needs = inst.needs.map((n) => ({ ...n, minEastern: 1 }));
      const result = await assign(needs, inst.experts, inst.edges);
      if (result.unmetQuotas.length === 0) expect(result.total).toBeCloseTo(bruteForce(needs, inst.experts, inst.edges, undefined, true), 3);
    }
  });

  it("handles empty input and ignores edges to unknown needs or experts", async () => {
    expect((await assign([], [], [])).pairs).toEqual([]);
    const r = await assign([{ id: "1", headcount: 1 }], [{ id: "A", capacity: 1 }], [{ needId: "9", expertId: "A", score: 1 }]);
    expect(r.pairs).toEqual([]);
  });
});
