import { describe, expect, it } from "vitest";
import { diffPlan } from "@/lib/activities/plans";
import { createApplicationSchema, linesOf, parseQuotaLines } from "@/lib/activities/schemas";
import { deadlineRefusal, missingFacts, windowRefusal } from "@/lib/activities/service";
import { chooseTeam, unavailableReason } from "@/lib/activities/team";
import { mixRefusal, naturalRole, ROLE_FITS } from "@/lib/activities/team-rules";

// Pure rules of applications, teams and recommendations (the database side is in tests/integration/activities-apply.test.ts).

const D = (s: string) => new Date(`${s}T00:00:00Z`);

describe("team mix rules", () => {
  it("博士后科技服务团 needs 专家, 导师 and 博士后; other programs need nothing in particular", () => {
    expect(mixRefusal("POSTDOC_SERVICE", ["专家", "导师", "博士后"])).toBeNull();
    expect(mixRefusal("POSTDOC_SERVICE", ["专家", "专家"])).toBe("该项目的团队至少需要1 名导师、1 名博士后（当前团队缺少）");
    expect(mixRefusal("EXPERT_SERVICE", [])).toBeNull();
  });
  it("roles fit the pool's facts", () => {
    const postdoc = { talentCategories: ["POSTDOC" as const], title: "INTERMEDIATE" as const };
    const senior = { talentCategories: [], title: "SENIOR" as const };
    const junior = { talentCategories: [], title: "JUNIOR" as const };
    expect([ROLE_FITS.博士后(postdoc), ROLE_FITS.导师(postdoc), ROLE_FITS.专家(postdoc)]).toEqual([true, false, false]);
    expect([ROLE_FITS.导师(senior), ROLE_FITS.导师(junior), ROLE_FITS.专家(junior)]).toEqual([true, false, true]);
    expect([naturalRole(postdoc), naturalRole(senior)]).toEqual(["博士后", "专家"]);
  });
});

describe("team proposal choice", () => {
  const e = (id: string, score: number, extra: Partial<Parameters<typeof unavailableReason>[0]> = {}) => ({
    id, name: id, status: "ACTIVE", maxConcurrent: 2, activeEngagements: 0, talentCategories: [], title: "ASSOCIATE_SENIOR" as const,
    availability: [], score, ...extra,
  });
  it("reserves the best fit of each required role, leaves out experts at capacity or away in the dates", () => {
    const c = [
      e("full", 0.99, { activeEngagements: 2 }), e("away", 0.98, { availability: [{ startsOn: D("2027-05-01"), endsOn: D("2027-05-10") }] }),
      e("mentor", 0.5, { title: "SENIOR" }), e("pd", 0.4, { talentCategories: ["POSTDOC"], title: "INTERMEDIATE" }), e("x", 0.9),
    ];
    const r = chooseTeam("POSTDOC_SERVICE", 3, c as never, D("2027-04-01"), D("2027-06-30"));
    expect(r.reserved.map((m) => [m.expertId, m.role])).toEqual([["x", "专家"], ["mentor", "导师"], ["pd", "博士后"]]);
    expect(r.skipped).toBe(2);
    expect(r.rest).toHaveLength(0);
    const plain = chooseTeam("EXPERT_SERVICE", 3, c as never, D("2027-04-01"), D("2027-06-30"));
    expect(plain.reserved).toEqual([]);
    expect(plain.rest.map((x) => x.id)).toEqual(["x", "mentor", "pd"]);
  });
});

describe("windows and deadlines", () => {
  const plan = { state: "OPEN", applicationOpensAt: new Date("2031-03-01T16:00:00Z"), applicationClosesAt: new Date("2031-04-30T16:00:00Z") };
  it("refuses before the window, after it, and in a plan not open", () => {
    expect(windowRefusal(plan, new Date("2031-03-01T15:59:59Z"))).toContain("申报尚未开始（2031-03-02 开始）");
    expect(windowRefusal(plan, new Date("2031-03-01T16:00:00Z"))).toBeNull();
    expect(windowRefusal(plan, new Date("2031-04-30T15:59:59Z"))).toBeNull();
    expect(windowRefusal(plan, new Date("2031-04-30T16:00:00Z"))).toBe("申报已于 2031-04-30 截止，不能再提交");
    expect(windowRefusal({ ...plan, state: "CLOSED" }, new Date("2031-04-01T00:00:00Z"))).toBe("该年度计划当前不接受申报");
  });
  it("recommending is allowed while OPEN or CLOSED, before the deadline", () => {
    const p = { state: "CLOSED", recommendDeadline: new Date("2031-05-15T16:00:00Z") };
    expect(deadlineRefusal(p, new Date("2031-05-15T15:00:00Z"))).toBeNull();
    expect(deadlineRefusal(p, new Date("2031-05-15T16:00:00Z"))).toContain("推荐已于 2031-05-15 截止");
    expect(deadlineRefusal({ ...p, state: "PUBLISHED" }, new Date("2031-05-01T00:00:00Z"))).toContain("已进入遴选");
  });
});

describe("facts of an application", () => {
  const complete = {
    isDemonstration: true, summary: "组织果树专家开展溃疡病防控和老园改造的现场指导服务。", themeFit: "紧扣乡村振兴主题，突破瓶颈。",
    plannedStart: D("2031-07-01"), plannedEnd: D("2031-09-30"), plannedExperts: 3, serviceForms: ["TECH_GUIDANCE"],
    targets: [{ indicator: "培训", target: 10, unit: "人" }], budget: [{ item: "差旅", amount: 1 }], teamSize: 2,
  };
  it("lists every missing fact in Chinese", () => {
    expect(missingFacts(complete, "2031-06-01")).toEqual([]);
    expect(missingFacts({ ...complete, summary: "短", themeFit: "", plannedEnd: null, serviceForms: [], targets: [], budget: [], teamSize: 0, plannedExperts: 0 }, "2031-06-01"))
      .toEqual(["活动方案（至少 20 字）", "与年度主题的契合说明（至少 10 字）", "计划起止日期", "计划专家人数", "服务形式", "至少一项量化目标", "经费预算", "计划团队（至少 1 名专家）"]);
    expect(missingFacts({ ...complete, isDemonstration: false, themeFit: "" }, "2031-06-01")).toEqual([]);
    expect(missingFacts(complete, "2031-07-02")).toEqual(["开始日期不能早于今天"]);
  });
  it("reads budget and target lines from the form's parallel fields, dropping blank rows", () => {
    const v = createApplicationSchema.parse({
      planId: "p", programCode: "EXPERT_SERVICE", title: "专家服务示范活动一二", summary: "", themeFit: "", regionCode: "510131",
      budgetItem: ["差旅", "", "资料"], budgetAmount: ["100", "", "20"], targetIndicator: ["培训", ""], targetValue: ["30", ""], targetUnit: ["人", ""],
    });
    expect(linesOf(v)).toEqual({ budget: [{ item: "差旅", amount: 100 }, { item: "资料", amount: 20 }], targets: [{ indicator: "培训", target: 30, unit: "人" }] });
    const missing = createApplicationSchema.safeParse({ planId: "p", programCode: "EXPERT_SERVICE", title: "专家服务示范活动一二", regionCode: "510131", budgetItem: ["差旅"], budgetAmount: [""] });
    expect(missing.success).toBe(false);
  });
});

describe("plan quotas and revisions", () => {
  it("parses channel quota lines and diffs a plan field by field", () => {
    expect(parseQuotaLines(["51=2", "dept:abc=3"])).toEqual([
      { provinceCode: "51", departmentOrgId: null, quota: 2 }, { provinceCode: null, departmentOrgId: "abc", quota: 3 },
    ]);
    expect(diffPlan({ quota: 60, theme: "a" }, { quota: 65, theme: "a" })).toEqual({ quota: { from: 60, to: 65 } });
  });
});
