import { describe, expect, it } from "vitest";
import { placeRefusal, placesOf, rankCandidates, type Candidate } from "@/lib/activities/selection-rules";
import { progressSchema, completeSchema } from "@/lib/activities/progress-schemas";
import { scoreSchema } from "@/lib/activities/review-schemas";
import { decideSchema } from "@/lib/activities/selection-schemas";

const plan = { quota: 3, baseBonus: 0, baseReservedPlaces: 0, disagreementSpread: 15 };
const c = (id: string, totals: number[], over: Partial<Candidate> = {}): Candidate => ({ id, state: "RECOMMENDED", hostBaseId: null, totals, ...over });

describe("selection ranking", () => {
  it("sorts by mean score, unscored last; a base-hosted application gets the plan's bonus", () => {
    const cs = [c("a", [80, 70]), c("b", []), c("c", [76, 76], { hostBaseId: "base" })];
    expect(rankCandidates(cs, plan).map((x) => [x.id, x.ranking])).toEqual([["c", 76], ["a", 75], ["b", null]]);
    expect(rankCandidates(cs, { ...plan, baseBonus: 5 }).map((x) => [x.id, x.ranking, x.bonus])).toEqual([["c", 81, 5], ["a", 75, 0], ["b", null, 0]]);
  });

  it("flags disagreement beyond the plan's spread", () => {
    const [x] = rankCandidates([c("a", [90, 60])], plan);
    expect([x.spread, x.disagreement]).toEqual([30, true]);
  });
});

describe("places", () => {
  it("counts selected in every later state, refuses beyond the quota", () => {
    const cs = [c("a", [], { state: "SELECTED" }), c("b", [], { state: "IN_PROGRESS" }), c("d", [], { state: "EVALUATED" }), c("e", [80, 80])];
    expect(placesOf(cs, plan)).toMatchObject({ used: 3, left: 0 });
    expect(placeRefusal(cs[3], cs, plan)).toBe("本年度计划的 3 个名额已全部使用，不能再入选");
  });

  it("holds reserved places for base-hosted applications only while some remain undecided", () => {
    const rules = { ...plan, quota: 2, baseReservedPlaces: 1 };
    const cs = [c("a", [], { state: "SELECTED" }), c("b", [80, 80]), c("h", [70, 70], { hostBaseId: "base" })];
    expect(placesOf(cs, rules).heldForBases).toBe(1);
    expect(placeRefusal(cs[1], cs, rules)).toContain("预留给专家服务基地");
    expect(placeRefusal(cs[2], cs, rules)).toBeNull();
    const baseDecided = [cs[0], cs[1], { ...cs[2], state: "NOT_SELECTED" as const }];
    expect(placesOf(baseDecided, rules).heldForBases).toBe(0);
    expect(placeRefusal(cs[1], baseDecided, rules)).toBeNull();
  });
});

describe("form schemas", () => {
  it("reads rubric scores from score.<key> fields", () => {
    const r = scoreSchema.parse({ reviewId: "r", version: "0", comment: "方案扎实，建议入选年度示范活动。", "score.themeFit": "18", "score.eastWest": "" });
    expect(r.scores).toEqual({ themeFit: 18, eastWest: undefined });
  });

  it("requires a reason for every selection decision", () => {
    expect(decideSchema.safeParse({ activityId: "a", decision: "select", reason: "" }).success).toBe(false);
    expect(decideSchema.safeParse({ activityId: "a", decision: "reject", reason: "内容重复" }).success).toBe(true);
  });

  it("takes a month as the progress period, never a day", () => {
    const base = { activityId: "a", content: "本月组织专家开展现场指导。" };
    expect(progressSchema.safeParse({ ...base, period: "2026-11" }).success).toBe(true);
    expect(progressSchema.safeParse({ ...base, period: "2026-11-05" }).success).toBe(false);
    expect(progressSchema.safeParse({ ...base, period: "2026-13" }).success).toBe(false);
  });

  it("reads actual results from actual.<index> fields", () => {
    const r = completeSchema.parse({ activityId: "a", version: "2", finalReport: "活动按计划完成，各项目标均已达成，群众满意。", "actual.0": "120", "actual.1": "" });
    expect(r.actuals).toEqual({ 0: 120, 1: undefined });
  });
});
