import { describe, expect, it } from "vitest";
import type { LoadedNeed } from "@/lib/matching/facts";
import { closeCodes, type CodeTables, type RegionTable } from "@/lib/matching/reference";
import { planRetrieval, TUNING, type TermStats } from "@/lib/matching/retrieval";
import { matchTermsOf, termHash, termHashes } from "@/lib/matching/terms";
import { relevance, termVector, vectorFromCounts } from "@/lib/matching/text";
import { DEFAULT_WEIGHTS } from "@/lib/matching/weights";

// Retrieval's planning is pure given the term statistics: which of a need's terms drive the pool, and which codes.

const PARENT: Record<string, string> = { "21060": "210", "21050": "210", "21040": "210", "2106010": "21060" };
const children = new Map<string, string[]>([["210", ["21040", "21050", "21060"]], ["21060", ["2106010"]]]);
const tables: CodeTables = {
  disciplineParent: (c) => PARENT[c] ?? null, industryParent: (c) => (c === "05" || c === "01" ? "A" : null),
  disciplineName: new Map(), industryName: new Map(), children, industryChildren: new Map([["A", ["01", "05"]]]),
};
const regions: RegionTable = { name: new Map(), zone: new Map([["33", "EAST"], ["51", "WEST"]]) };

function need(text: string, over: Partial<LoadedNeed> = {}): LoadedNeed {
  return {
    id: "n1", unitId: "u1", disciplineCodes: ["21060"], industryCodes: ["01"], forms: [], regionCode: "510131", zone: "WEST",
    delivery: "EITHER", window: null, text: termVector([text]), provinceCode: "51", expertsWanted: 1, content: text, contentKey: "0", ...over,
  };
}
const stats = (experts: number, df: Record<string, number>): TermStats => ({ experts, df: new Map(Object.entries(df)) });

describe("retrieval planning", () => {
  const n = need("猕猴桃溃疡病防控技术指导，擅长猕猴桃溃疡病综合防控");

  it("never lets a term most experts have drive retrieval, however heavy it is in the need", () => {
    const terms = [...n.text.weights.keys()];
    const df = Object.fromEntries(terms.map((t) => [t, 10]));
    df["擅长"] = 40_000; // filler in every other biography
    df["防控"] = 30_000;
    const plan = planRetrieval(n, tables, regions, stats(100_000, df), DEFAULT_WEIGHTS);
    const pooled = new Set([...plan.heavy, ...plan.rare]);
    expect(pooled.has(termHash("擅长"))).toBe(false);
    expect(pooled.has(termHash("防控"))).toBe(false);
    expect(pooled.has(termHash("溃疡病"))).toBe(true);
    expect(plan.rankTerms.map((t) => t.term)).toContain("猕猴桃"); // still counted in the estimate
  });

  it("leaves out terms no expert has, and keeps the pool within its budget of postings", () => {
    const df = { 猕猴桃: 12_000, 溃疡病: 900, 溃疡: 950, 综合: 0, 防控: 0 };
    const plan = planRetrieval(n, tables, regions, stats(100_000, df), DEFAULT_WEIGHTS);
    expect(plan.rankTerms.map((t) => t.term)).not.toContain("综合");
    expect(plan.rare).not.toContain(termHash("猕猴桃"));
    const rareRows = plan.rare.map((h) => Object.entries(df).find(([t]) => termHash(t) === h)![1]).reduce((a, b) => a + b, 0);
    expect(rareRows).toBeLessThanOrEqual(TUNING.rareBudget);
    expect(plan.heavy).toContain(termHash("猕猴桃")); // 12% of experts: too common alone, fine within the need's field
    expect(plan.heavy.length).toBeLessThanOrEqual(TUNING.heavyTerms);
  });

  it("ranks terms by what they can add to the cosine and reads the discipline hierarchy", () => {
    const plan = planRetrieval(n, tables, regions, stats(100, {}), DEFAULT_WEIGHTS);
    expect(plan.rankTerms).toEqual([]); // no expert has any of them
    expect(plan.nearCodes.sort()).toEqual(["210", "21060", "2106010"]);
    expect(plan.disciplines[0].siblings.sort()).toEqual(["21040", "21050"]);
    expect(plan.eastProvinces).toEqual(["33"]);
    const withDf = planRetrieval(n, tables, regions, stats(100, { 猕猴桃: 3, 溃疡病: 3, 指导: 3 }), DEFAULT_WEIGHTS);
    const coefs = withDf.rankTerms.map((t) => t.coef);
    expect(coefs).toEqual([...coefs].sort((a, b) => b - a));
  });

  it("knows which codes are one level up or down and which are siblings", () => {
    expect(closeCodes("21060", tables.disciplineParent, children)).toEqual({ near: ["210", "2106010"], siblings: ["21040", "21050"] });
    expect(closeCodes("210", tables.disciplineParent, children)).toEqual({ near: ["21040", "21050", "21060", "2106010"], siblings: [] });
  });
});

describe("stored match terms", () => {
  it("hashes terms to stable 32-bit integers, sorted and distinct", () => {
    expect(termHash("猕猴桃")).toBe(termHash("猕猴桃"));
    expect(termHash("猕猴桃")).not.toBe(termHash("猕猴"));
    expect(Number.isInteger(termHash("kiwifruit")) && Math.abs(termHash("kiwifruit")) < 2 ** 31).toBe(true);
    const hs = termHashes(["b", "a", "b", "c"]);
    expect(hs).toHaveLength(3);
    expect(hs).toEqual([...hs].sort((a, b) => a - b));
  });

  it("a vector cut to the need's terms with the stored length gives the same relevance as the whole vector", () => {
    const stored = matchTermsOf({ skills: ["猕猴桃溃疡病防治"], bio: "长期从事果树病害研究，擅长猕猴桃溃疡病综合防控", achievements: [{ title: "Bacterial canker of kiwifruit" }] });
    const n = termVector(["猕猴桃溃疡病防控", "kiwifruit canker"]);
    const cut = Object.fromEntries(Object.entries(stored.counts).filter(([t]) => n.weights.has(t)));
    const full = relevance(n, vectorFromCounts(stored.counts));
    const partial = relevance(n, { weights: vectorFromCounts(cut).weights, norm: stored.norm });
    expect(partial.value).toBeCloseTo(full.value, 12);
    expect(partial.terms).toEqual(full.terms);
    expect(stored.hashes).toEqual(termHashes(stored.terms));
  });
});
