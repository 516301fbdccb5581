import { describe, expect, it } from "vitest";
import type { MatchState } from "@/lib/generated/prisma/enums";
import { MATCH_STATE_LABEL } from "@/lib/labels";
import { canStep, holdsPlace, MATCH_STEPS, nextMatchState, placeDelta, type MatchStep } from "@/lib/matches/workflow";

const STATES = [null, ...(Object.keys(MATCH_STATE_LABEL) as MatchState[])];
const STEPS = Object.keys(MATCH_STEPS) as MatchStep[];

describe("match workflow", () => {
  // Every step from every state: legal ones lead to the rule's state, the rest are refused in Chinese.
  for (const step of STEPS) {
    for (const from of STATES) {
      const legal = MATCH_STEPS[step].from.includes(from);
      it(`${step} from ${from ?? "(none)"}: ${legal ? "allowed" : "refused"}`, () => {
        expect(canStep(step, from)).toBe(legal);
        if (legal) expect(nextMatchState(step, from)).toBe(MATCH_STEPS[step].to);
        else expect(() => nextMatchState(step, from)).toThrow(/不能/);
      });
    }
  }

  it("never reopens a declined match (the expert said no to this need)", () => {
    for (const step of STEPS) expect(canStep(step, "DECLINED")).toBe(false);
  });

  it("takes a place on invitation and approval, gives it back on decline, expiry, withdrawal and release", () => {
    expect(placeDelta(null, "INVITED")).toBe(1);
    expect(placeDelta("PROPOSED", "INVITED")).toBe(1);
    expect(placeDelta("APPLIED", "ACCEPTED")).toBe(1);
    expect(placeDelta("INVITED", "ACCEPTED")).toBe(0);
    expect(placeDelta("ACCEPTED", "CONFIRMED")).toBe(0);
    for (const to of ["DECLINED", "EXPIRED", "WITHDRAWN"] as const) expect(placeDelta("INVITED", to)).toBe(-1);
    expect(placeDelta("ACCEPTED", "WITHDRAWN")).toBe(-1);
    expect(placeDelta(null, "APPLIED")).toBe(0);
    expect(placeDelta(null, "PROPOSED")).toBe(0);
  });

  it("asks a reason for every step that says no", () => {
    const needReason = STEPS.filter((s) => MATCH_STEPS[s].reasonRequired).sort();
    expect(needReason).toEqual(["decline", "reject", "release", "withdraw"]);
    expect(holdsPlace(null)).toBe(false);
  });
});
