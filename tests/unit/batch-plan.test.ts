import { describe, expect, it } from "vitest";
import { diffProposal, employerKey, generatorMayPropose, quotasOf, summarise } from "@/lib/batch/plan";
import { DEFAULT_PER_NEED, generateSchema, MAX_BATCH_NEEDS, sendProposalSchema } from "@/lib/batch/schemas";

describe("quota options", () => {
  it("passes the employer cap to the solver only when set, and the eastern quota as one per need", () => {
    expect(quotasOf({ minEastern: false })).toEqual({ options: {}, minEastern: 0 });
    expect(quotasOf({ minEastern: true, maxPerEmployer: 2 })).toEqual({ options: { maxPerEmployer: 2 }, minEastern: 1 });
  });

  it("parses the generate form: checkboxes, blanks, defaults and limits", () => {
    const ok = generateSchema.parse({ scope: "selected", needIds: "n1", minEastern: "on", maxPerEmployer: "", perNeed: "" });
    expect(ok).toMatchObject({ needIds: ["n1"], minEastern: true, maxPerEmployer: undefined, perNeed: DEFAULT_PER_NEED });
    expect(generateSchema.parse({ scope: "filtered", maxPerEmployer: "3", perNeed: "50" })).toMatchObject({ needIds: [], minEastern: false, maxPerEmployer: 3, perNeed: 50 });
    const errors = (input: Record<string, unknown>) => generateSchema.safeParse(input).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(errors({ scope: "selected" })).toEqual([expect.stringContaining("needIds: 请至少勾选一项需求")]);
    expect(errors({ scope: "filtered", maxPerEmployer: "0" })).toEqual(["maxPerEmployer: 至少为 1"]);
    expect(errors({ scope: "filtered", maxPerEmployer: "1.5" })).toEqual(["maxPerEmployer: 请输入整数"]);
    expect(errors({ scope: "filtered", perNeed: "4" })).toEqual([expect.stringContaining("perNeed: 每项需求至少")]);
    expect(errors({ scope: "selected", needIds: Array.from({ length: MAX_BATCH_NEEDS + 1 }, (_, i) => `n${i}`) }))
      .toEqual([expect.stringContaining(`最多为 ${MAX_BATCH_NEEDS} 项需求`)]);
  });

  it("asks for at least one checked proposal to send", () => {
    expect(sendProposalSchema.safeParse({}).success).toBe(false);
    expect(sendProposalSchema.parse({ matchIds: "m1" })).toEqual({ matchIds: ["m1"] });
  });
});

describe("employers", () => {
  it("uses the organisation when known, else the name without spaces or case", () => {
    expect(employerKey({ employerOrgId: "o1", employer: "浙江大学" })).toBe("org:o1");
    expect(employerKey({ employerOrgId: null, employer: " 浙江 大学 " })).toBe(employerKey({ employerOrgId: null, employer: "浙江大学" }));
    expect(employerKey({ employerOrgId: null, employer: "Zhejiang University" })).toBe(employerKey({ employerOrgId: null, employer: "zhejiang  university" }));
    expect(employerKey({ employerOrgId: null, employer: "  " })).toBeNull();
  });
});

describe("proposal diff", () => {
  const p = (needId: string, expertId: string) => ({ needId, expertId });
  it("drops previous pairs not chosen again, adds the new ones and keeps the rest", () => {
    const previous = [{ id: "m1", ...p("n1", "a") }, { id: "m2", ...p("n1", "b") }, { id: "m3", ...p("n2", "a") }];
    const next = [p("n1", "a"), p("n1", "c"), p("n2", "b")];
    expect(diffProposal(previous, next)).toEqual({ remove: ["m2", "m3"], add: [p("n1", "c"), p("n2", "b")], keep: [p("n1", "a")] });
    expect(diffProposal([], next)).toEqual({ remove: [], add: next, keep: [] });
    expect(diffProposal(previous, [])).toEqual({ remove: ["m1", "m2", "m3"], add: [], keep: [] });
  });

  it("proposes automatically only pairs with no match yet or one still proposed", () => {
    expect(generatorMayPropose(null)).toBe(true);
    expect(generatorMayPropose("PROPOSED")).toBe(true);
    for (const s of ["INVITED", "ACCEPTED", "CONFIRMED", "APPLIED", "DECLINED", "EXPIRED", "WITHDRAWN", "REJECTED"] as const) {
      expect(generatorMayPropose(s)).toBe(false);
    }
  });
});

describe("solve summary", () => {
  it("counts covered needs, filled seats, and the greedy ratio", () => {
    const needs = [{ id: "n1", headcount: 2 }, { id: "n2", headcount: 1 }, { id: "n3", headcount: 1 }];
    const exact = { pairs: [{ needId: "n1", expertId: "a", score: 0.9 }, { needId: "n1", expertId: "b", score: 0.5 }, { needId: "n2", expertId: "c", score: 0.6 }], total: 2, unmetQuotas: [{}] };
    const s = summarise(needs, new Map([["n1", 3], ["n2", 1]]), exact, { total: 1.5 });
    expect(s).toEqual({
      needs: 3, needsCovered: 2, seatsFilled: 3, seatsTotal: 4, total: 2, greedyTotal: 1.5, greedyRatio: 0.75, unmetQuotas: 1, withoutCandidates: 1,
    });
    expect(summarise(needs, new Map(), { pairs: [], total: 0, unmetQuotas: [] }, { total: 0 }).greedyRatio).toBe(1);
  });
});
