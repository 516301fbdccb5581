import { describe, expect, it } from "vitest";
import { criteriaChecks, meetsLevel, nominationProblems, type NominationCandidate } from "@/lib/library/criteria";
import { canMoveNomination, LIBRARY_TRANSITIONS, statusAfterWithdrawal } from "@/lib/library/workflow";
import { decideSchema, nominateSchema } from "@/lib/library/schemas";

const eligible: NominationCandidate = {
  status: "ACTIVE", title: "ASSOCIATE_SENIOR", talentCategories: [], libraryStatus: "NONE", hasPendingNomination: false,
};
const yes = { willing: true, healthy: true };

describe("nominationProblems: the library's admission criteria", () => {
  it("accepts a 副高 expert who is willing and healthy, and a 正高 one", () => {
    expect(nominationProblems(eligible, yes)).toEqual([]);
    expect(nominationProblems({ ...eligible, title: "SENIOR" }, yes)).toEqual([]);
  });

  it("accepts an intermediate-title expert with a talent category, but not with 退休 alone", () => {
    expect(nominationProblems({ ...eligible, title: "INTERMEDIATE", talentCategories: ["POSTDOC"] }, yes)).toEqual([]);
    expect(nominationProblems({ ...eligible, title: "JUNIOR", talentCategories: ["RETURNED_OVERSEAS", "RETIRED"] }, yes)).toEqual([]);
    expect(nominationProblems({ ...eligible, title: "INTERMEDIATE", talentCategories: ["RETIRED"] }, yes)).toEqual([
      expect.stringContaining("副高级及以上职称"),
    ]);
  });

  it("refuses an intermediate-title expert without a category", () => {
    const problems = nominationProblems({ ...eligible, title: "INTERMEDIATE" }, yes);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain("须具有副高级及以上职称，或至少具有一项人才类别");
  });

  it("requires both declarations, each with its own reason", () => {
    expect(nominationProblems(eligible, { willing: false, healthy: true })).toEqual(["须经本人自愿（请确认“本人自愿”）"]);
    expect(nominationProblems(eligible, { willing: true, healthy: false })).toEqual(["须身体健康（请确认“身体健康”）"]);
    expect(nominationProblems(eligible, { willing: false, healthy: false })).toHaveLength(2);
  });

  it("refuses members, experts already nominated, and profiles not active", () => {
    expect(nominationProblems({ ...eligible, libraryStatus: "IN_LIBRARY" }, yes)).toEqual(["该专家已在重点联系专家库中"]);
    expect(nominationProblems({ ...eligible, libraryStatus: "NOMINATED" }, yes)).toEqual([expect.stringContaining("待部级审定的推荐")]);
    expect(nominationProblems({ ...eligible, hasPendingNomination: true }, yes)).toEqual([expect.stringContaining("不能重复推荐")]);
    expect(nominationProblems({ ...eligible, status: "PENDING" }, yes)).toEqual([expect.stringContaining("未通过审核")]);
    expect(nominationProblems({ ...eligible, status: "SUSPENDED" }, yes)).toHaveLength(1);
  });

  it("allows re-nominating experts who were declined or have left", () => {
    expect(nominationProblems({ ...eligible, libraryStatus: "DECLINED" }, yes)).toEqual([]);
    expect(nominationProblems({ ...eligible, libraryStatus: "LEFT" }, yes)).toEqual([]);
  });

  it("lists every failed criterion at once, in the form's order", () => {
    const all = criteriaChecks({ status: "SUSPENDED", title: "JUNIOR", talentCategories: [], libraryStatus: "IN_LIBRARY", hasPendingNomination: false },
      { willing: false, healthy: false });
    expect(all.map((c) => [c.key, c.ok])).toEqual([["status", false], ["level", false], ["willing", false], ["healthy", false], ["membership", false]]);
    expect(meetsLevel({ title: "JUNIOR", talentCategories: ["ACADEMICIAN"] })).toBe(true);
  });
});

describe("library workflow", () => {
  it("lets a nomination leave NOMINATED only, once", () => {
    expect(canMoveNomination("NOMINATED", "ADMITTED")).toBe(true);
    expect(canMoveNomination("NOMINATED", "WITHDRAWN")).toBe(true);
    for (const done of ["ADMITTED", "DECLINED", "WITHDRAWN"] as const) {
      expect(canMoveNomination(done, "ADMITTED")).toBe(false);
      expect(canMoveNomination(done, "NOMINATED")).toBe(false);
    }
    expect(LIBRARY_TRANSITIONS.IN_LIBRARY).toEqual(["LEFT"]);
  });

  it("returns a withdrawn expert to where the previous decision left them", () => {
    expect(statusAfterWithdrawal(null)).toBe("NONE");
    expect(statusAfterWithdrawal("DECLINED")).toBe("DECLINED");
    expect(statusAfterWithdrawal("ADMITTED")).toBe("LEFT");
  });
});

describe("library input schemas", () => {
  it("reads the declaration checkboxes from form data and requires a real reason", () => {
    const parsed = nominateSchema.parse({ expertId: "e1", reason: "长期服务基层，专业能力突出。", willing: "on" });
    expect(parsed).toMatchObject({ willing: true, healthy: false });
    const short = nominateSchema.safeParse({ expertId: "e1", reason: "好" });
    expect(short.success).toBe(false);
    expect(short.error?.issues[0].message).toBe("推荐理由不少于 10 个字");
  });

  it("requires a reason to decline but not to admit", () => {
    expect(decideSchema.safeParse({ nominationId: "n1", decision: "ADMIT" }).success).toBe(true);
    const decline = decideSchema.safeParse({ nominationId: "n1", decision: "DECLINE", reason: " " });
    expect(decline.success).toBe(false);
    expect(decline.error?.issues[0]).toMatchObject({ path: ["reason"], message: "不同意入库须填写理由" });
    expect(decideSchema.safeParse({ nominationId: "n1", decision: "MAYBE" }).success).toBe(false);
  });
});
