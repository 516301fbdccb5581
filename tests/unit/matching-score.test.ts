import { describe, expect, it } from "vitest";
import { availabilityFit, codeCloseness, feedbackFit, formFit, hierarchyFit, loadFit, regionFit, talentFit } from "@/lib/matching/parts";
import { combine, hardFilter, scorePair, type Scorer } from "@/lib/matching/score";
import { relevance, termVector, tokenize } from "@/lib/matching/text";
import type { ExpertFacts, NameBook, NeedFacts } from "@/lib/matching/types";
import { DEFAULT_WEIGHTS, SCORE_PARTS, weightsSchema } from "@/lib/matching/weights";

const PARENT: Record<string, string | null> = { "210": null, "21060": "210", "21050": "210", "2106010": "21060", "220": null, "22010": "220" };
const parentOf = (c: string) => PARENT[c] ?? null;
const NAMES: Record<string, string> = { "21060": "园艺学", "21050": "农艺学", "51": "四川省", "5101": "成都市", "510131": "蒲江县", "33": "浙江省", "3301": "杭州市", "330106": "西湖区" };
const names: NameBook = { discipline: (c) => NAMES[c] ?? c, industry: (c) => c, region: (c) => NAMES[c] ?? c };
const scorer: Scorer = { weights: DEFAULT_WEIGHTS, names, disciplineParent: parentOf, industryParent: () => null };
const d = (s: string) => new Date(`${s}T00:00:00Z`);

function need(over: Partial<NeedFacts> = {}): NeedFacts {
  return {
    id: "need-1", unitId: "unit-1", disciplineCodes: ["21060"], industryCodes: [], forms: ["TECH_GUIDANCE"],
    regionCode: "510131", zone: "WEST", delivery: "EITHER", window: null,
    text: termVector(["猕猴桃溃疡病防控", "春季溃疡病爆发，果园减产三成"]), ...over,
  };
}
function expert(over: Partial<ExpertFacts> = {}): ExpertFacts {
  return {
    id: "exp-1", employerOrgId: null, disciplineCodes: ["21060"], industryCodes: [], preferredForms: ["TECH_GUIDANCE"],
    regionCode: "330106", zone: "EAST", serviceRegionCodes: [], acceptsRemote: true, maxConcurrent: 3, activeEngagements: 0,
    matchable: true, talentCategories: [], libraryStatus: "NONE", available: [], blackouts: [], feedback: null,
    declinedNeedIds: new Set(), text: termVector(["猕猴桃病害", "长期从事猕猴桃溃疡病绿色防控研究"]), ...over,
  };
}

describe("text relevance", () => {
  it("segments Chinese, keeps meaningful words, lower-cases and stems English", () => {
    const t = tokenize("猕猴桃溃疡病的综合防控 Bacterial Cankers of Kiwifruit");
    expect(t).toEqual(expect.arrayContaining(["猕猴桃", "溃疡病", "防控", "bacterial", "canker", "kiwifruit"]));
    expect(t).not.toContain("of");
    expect(t).not.toContain("的");
  });

  it("rates on-topic texts above off-topic ones, names the shared terms, and handles English and empty text", () => {
    const n = termVector(["猕猴桃溃疡病防控"]);
    const on = relevance(n, termVector(["猕猴桃溃疡病绿色防控技术研究"]));
    const off = relevance(n, termVector(["城市轨道交通信号系统"]));
    expect(on.value).toBeGreaterThan(0.3);
    expect(off.value).toBe(0);
    expect(on.terms).toContain("溃疡病");
    expect(on.terms).not.toContain("溃疡"); // contained in 溃疡病
    const en = relevance(termVector(["kiwifruit canker control"]), termVector(["Bacterial cankers in kiwifruit orchards"]));
    expect(en.value).toBeGreaterThan(0.2);
    expect(relevance(termVector([""]), n).value).toBe(0);
  });
});

describe("score parts", () => {
  it("rates codes along the hierarchy", () => {
    expect(codeCloseness("21060", "21060", parentOf)).toBe(1);
    expect(codeCloseness("21060", "2106010", parentOf)).toBe(0.8);
    expect(codeCloseness("21060", "21050", parentOf)).toBe(0.5);
    expect(codeCloseness("21060", "22010", parentOf)).toBe(0);
    expect(hierarchyFit(["21060"], ["21050"], parentOf, names.discipline, "学科")).toEqual({ value: 0.5, detail: "学科相近：农艺学" });
    expect(hierarchyFit([], ["21050"], parentOf, names.discipline, "学科").value).toBe(0.5);
  });

  it("prefers the same county, then city, province, then east→west collaboration, then remote", () => {
    const n = need();
    expect(regionFit(n, expert({ regionCode: "510131", zone: "WEST" }), names)).toEqual({ value: 1, detail: "同在蒲江县" });
    expect(regionFit(n, expert({ regionCode: "510104", zone: "WEST" }), names).detail).toBe("同属成都市");
    expect(regionFit(n, expert({ regionCode: "511002", zone: "WEST" }), names).detail).toBe("同属四川省");
    expect(regionFit(n, expert(), names)).toEqual({ value: 0.6, detail: "东西部协作：浙江省→四川省" });
    expect(regionFit(n, expert({ regionCode: "620102", zone: "WEST" }), names).detail).toBe("可远程服务");
    expect(regionFit(need({ delivery: "ONSITE" }), expert({ regionCode: "620102", zone: "WEST" }), names).value).toBe(0.3);
  });

  it("measures the part of the need's window outside blackouts and inside declared windows", () => {
    const n = need({ window: { start: d("2027-03-01"), end: d("2027-03-10") } });
    expect(availabilityFit(n, expert()).value).toBe(1);
    expect(availabilityFit(n, expert({ blackouts: [{ start: d("2027-03-01"), end: d("2027-03-05") }] })).value).toBe(0.5);
    expect(availabilityFit(n, expert({ available: [{ start: d("2027-03-09"), end: d("2027-04-01") }] })).value).toBe(0.2);
    expect(availabilityFit(n, expert({ blackouts: [{ start: d("2027-02-01"), end: d("2027-04-01") }] })).value).toBe(0);
  });

  it("scores forms, load, talent and feedback", () => {
    expect(formFit(need({ forms: ["TECH_GUIDANCE", "THEMED_LECTURE"] }), expert()).value).toBe(0.75);
    expect(formFit(need(), expert({ preferredForms: ["MENTORSHIP"] })).value).toBe(0.2);
    expect(loadFit(expert({ maxConcurrent: 4, activeEngagements: 1 })).value).toBe(0.75);
    expect(talentFit(expert({ talentCategories: ["POSTDOC", "ACADEMICIAN"] }), () => "两院院士")).toEqual({ value: 1, detail: "两院院士" });
    expect(feedbackFit(expert()).value).toBe(0.6);
    const great = feedbackFit(expert({ feedback: { average: 4.8, count: 10 } }));
    expect(great.detail).toBe("近一年服务反馈 4.8");
    expect(great.value).toBeGreaterThan(feedbackFit(expert({ feedback: { average: 4.8, count: 1 } })).value);
  });
});

describe("hard filters", () => {
  it("exclude unmatchable, full, conflicted, declined, unwilling and unavailable experts", () => {
    expect(hardFilter(need(), expert())).toBeNull();
    expect(hardFilter(need(), expert({ matchable: false }))).toBe("UNMATCHABLE");
    expect(hardFilter(need(), expert({ activeEngagements: 3 }))).toBe("AT_CAPACITY");
    expect(hardFilter(need(), expert({ employerOrgId: "unit-1" }))).toBe("CONFLICT");
    expect(hardFilter(need(), expert({ declinedNeedIds: new Set(["need-1"]) }))).toBe("DECLINED");
    expect(hardFilter(need({ delivery: "REMOTE" }), expert({ acceptsRemote: false }))).toBe("NO_REMOTE");
    expect(hardFilter(need({ delivery: "ONSITE" }), expert({ serviceRegionCodes: ["33"] }))).toBe("NOT_WILLING");
    expect(hardFilter(need({ delivery: "ONSITE" }), expert({ serviceRegionCodes: ["5101"] }))).toBeNull();
    const window = { start: d("2027-03-01"), end: d("2027-03-02") };
    expect(hardFilter(need({ window }), expert({ blackouts: [window] }))).toBe("UNAVAILABLE");
  });
});

describe("the score", () => {
  it("is a weighted mean in [0, 1] with an explanation of its biggest parts", () => {
    const result = scorePair(need(), expert({ libraryStatus: "IN_LIBRARY", feedback: { average: 4.8, count: 6 } }), scorer);
    if (result.filtered) throw new Error("filtered");
    expect(result.score).toBeGreaterThan(0.6);
    expect(result.score).toBeLessThanOrEqual(1);
    expect(result.explanation).toMatch(/^学科吻合：园艺学 · 内容相关：/);
    expect(Object.keys(result.parts)).toEqual([...SCORE_PARTS]);
  });

  it("ranks the expert who fits better higher", () => {
    const good = scorePair(need(), expert(), scorer);
    const poor = scorePair(need(), expert({ disciplineCodes: ["22010"], text: termVector(["城市轨道交通"]), preferredForms: ["MENTORSHIP"] }), scorer);
    if (good.filtered || poor.filtered) throw new Error("filtered");
    expect(good.score).toBeGreaterThan(poor.score + 0.3);
  });

  it("follows the weights: only one part weighted means the score is that part", () => {
    const weights = Object.fromEntries(SCORE_PARTS.map((p) => [p, p === "load" ? 1 : 0])) as typeof DEFAULT_WEIGHTS;
    const parts = Object.fromEntries(SCORE_PARTS.map((p) => [p, { value: p === "load" ? 0.25 : 1 }])) as Parameters<typeof combine>[0];
    expect(combine(parts, weights).score).toBe(0.25);
  });

  it("accepts weights from a form and refuses all-zero or negative ones", () => {
    expect(weightsSchema.safeParse(Object.fromEntries(SCORE_PARTS.map((p) => [p, "5"]))).success).toBe(true);
    expect(weightsSchema.safeParse(Object.fromEntries(SCORE_PARTS.map((p) => [p, "0"]))).success).toBe(false);
    expect(weightsSchema.safeParse({ ...DEFAULT_WEIGHTS, text: -1 }).success).toBe(false);
  });
});
