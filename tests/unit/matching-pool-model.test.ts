import { describe, expect, it } from "vitest";
import { poolAffinities } from "@/lib/matching/affinity";
import {
  analyseExpert, domainWords, fitPoolModel, makeAnalyzer, MODEL_OPTIONS, prepareNeedQuery, relevanceOf, type PoolExpert,
} from "@/lib/matching/pool-model";

// Small pools that pin each part of the pool model (lib/matching/pool-model): the field of a need inferred from the
// pool's declared disciplines, related terms learned from the pool's co-occurrences, English analysis, and the
// soft-max over an expert's achievements.

const titles = (id: string, disciplines: string[], ts: string[]): PoolExpert => ({ id, disciplines, fields: ts.map((text) => ({ kind: "title", text })) });

const RICE = [
  "稻瘟病菌致病性分化与水稻抗病品种布局", "水稻稻瘟病抗性基因定位与植物病理分析", "稻瘟病田间流行规律与水稻病害预测",
  "水稻纹枯病与稻瘟病复合侵染的植物病理研究", "稻瘟病菌分生孢子萌发与水稻叶片侵染",
];
const plantExperts = [0, 1, 2, 3].map((i) => titles(`plant${i}`, ["21060"], [RICE[i], RICE[(i + 1) % 5], "植物病理 稻瘟病 病原菌 杀菌剂 药效试验"]));
const railExperts = [0, 1, 2].map((i) => titles(`rail${i}`, ["58020"], ["城市轨道交通信号系统", `列车运行控制与调度 ${i}`, "轨道交通车辆 故障诊断"]));

describe("pool model: the field of a need", () => {
  it("infers the discipline from the pool's declared disciplines, and the field match lifts the right expert", () => {
    // Same words, different declared fields: only the inferred field can tell them apart.
    const twinText = ["稻瘟病防治技术推广"];
    const pool = [...plantExperts, ...railExperts, titles("twinPlant", ["21060"], twinText), titles("twinRail", ["58020"], twinText)];
    const model = fitPoolModel(pool, [], MODEL_OPTIONS);
    const need = "水稻稻瘟病大面积发生，请专家指导防治";
    const q = prepareNeedQuery(model, need);
    expect(q.disciplines[0].label).toBe("21060");
    expect(q.disciplines[0].p).toBeGreaterThan(0.5);
    const [scores] = poolAffinities(
      pool.map((e) => ({ id: e.id, disciplines: e.disciplines, achievements: e.fields.map((f) => ({ title: f.text })) })),
      [{ id: "n1", title: need }],
    );
    const score = (id: string) => scores.scores.find((s) => s.expertId === id)!.score;
    expect(score("twinPlant")).toBeGreaterThan(score("twinRail"));
    // Without declared disciplines the twins cannot be told apart.
    const [plain] = poolAffinities(pool.map((e) => ({ id: e.id, achievements: e.fields.map((f) => ({ title: f.text })) })), [{ id: "n1", title: need }]);
    const plainScore = (id: string) => plain.scores.find((s) => s.expertId === id)!.score;
    expect(plainScore("twinPlant")).toBe(plainScore("twinRail"));
  });
});

describe("pool model: related terms", () => {
  it("expands a short need with terms that co-occur with its own in the pool, and reaches an expert who has only those", () => {
    const pool = [...plantExperts, ...railExperts, titles("pathologist", ["21060"], ["植物病理学 水稻 病原菌鉴定"])];
    const model = fitPoolModel(pool, domainWords(["植物病理学"]), MODEL_OPTIONS);
    const q = prepareNeedQuery(model, "稻瘟病");
    const related = [...q.expandedFrom.keys()];
    expect(related).toContain("水稻");
    expect(related.some((t) => t.startsWith("植物病理"))).toBe(true);
    expect(q.expandedFrom.get("水稻")).toBe("稻瘟病");
    const experts = pool.map((e) => analyseExpert(model.analyze, e));
    const rel = relevanceOf(model, q, experts);
    const at = (id: string) => rel[experts.findIndex((e) => e.id === id)];
    expect(at("pathologist").lexical).toBeGreaterThan(0);
    expect(at("pathologist").related.map((r) => r.term)).toContain("水稻");
    expect(at("pathologist").value).toBeGreaterThan(at("rail0").value);
    // A long need is not expanded: its own words say enough.
    expect(prepareNeedQuery(model, RICE.join("；") + "，" + "田间调查 药剂筛选 品种抗性鉴定 病害预测预报 绿色防控技术 示范推广 培训农技人员").expandedFrom.size).toBe(0);
  });

  it("keeps domain words whole and still yields their parts", () => {
    const analyze = makeAnalyzer(domainWords(["植物病理学", "畜牧、兽医科学"]));
    const terms = analyze("植物病理学与兽医科学");
    expect(terms).toContain("植物病理学");
    expect(terms).toContain("病理");
    expect(terms).toContain("兽医科学");
  });
});

describe("pool model: English", () => {
  it("lower-cases and lightly stems English, so an English need finds the English profile", () => {
    const analyze = makeAnalyzer();
    expect(analyze("Rice Blast Diseases and the GRAFTING of seedlings")).toEqual(["rice", "blast", "disease", "graft", "seedling"]);
    const pool: PoolExpert[] = [
      { id: "en-plant", fields: [{ kind: "title", text: "Resistance of rice cultivars to blast disease caused by Magnaporthe oryzae" }, { kind: "abstract", text: "Field trials of blast resistance genes in rice." }] },
      { id: "en-soft", fields: [{ kind: "title", text: "Scheduling algorithms for railway signalling software" }, { kind: "abstract", text: "Train control systems and interlocking." }] },
      { id: "zh-plant", fields: [{ kind: "title", text: "水稻稻瘟病抗性鉴定" }] },
    ];
    const [r] = poolAffinities(pool.map((e) => ({ id: e.id, achievements: [{ title: e.fields[0].text, abstract: e.fields[1]?.text }] })), [{ id: "n", title: "Controlling rice blast: resistant cultivars wanted" }]);
    const ranked = [...r.scores].sort((a, b) => b.score - a.score).map((s) => s.expertId);
    expect(ranked[0]).toBe("en-plant");
    expect(r.scores.find((s) => s.expertId === "en-plant")!.score).toBeGreaterThan(r.scores.find((s) => s.expertId === "en-soft")!.score);
  });
});

describe("pool model: soft-max over achievements", () => {
  it("ranks one achievement squarely on the need above several that each touch one word of it", () => {
    const need = "稻瘟病抗性基因定位";
    const focused = titles("focused", [], ["稻瘟病抗性基因定位", "城市轨道交通信号系统", "列车运行控制与调度"]);
    const scattered = titles("scattered", [], ["稻瘟病田间调查", "小麦抗性评价", "玉米基因组测序", "大豆遗传定位群体"]);
    const pool = [focused, scattered, ...railExperts];
    const fieldsOnly = { ...MODEL_OPTIONS, profileShare: 0, latentShare: 0, neighbourShare: 0 };
    const model = fitPoolModel(pool, [], fieldsOnly);
    const experts = pool.map((e) => analyseExpert(model.analyze, e, fieldsOnly));
    const rel = relevanceOf(model, prepareNeedQuery(model, need), experts);
    expect(rel[0].value).toBeGreaterThan(rel[1].value);
    expect(rel[0].bestField).toBe("稻瘟病抗性基因定位");
    // A mean over fields (β → 0) would not see the focused achievement as clearly as the soft-max does.
    const meanModel = fitPoolModel(pool, [], { ...fieldsOnly, softmaxBeta: 1e-6 });
    const meanRel = relevanceOf(meanModel, prepareNeedQuery(meanModel, need), pool.map((e) => analyseExpert(meanModel.analyze, e, meanModel.options)));
    expect(rel[0].value - rel[1].value).toBeGreaterThan(meanRel[0].value - meanRel[1].value);
  });
});
