import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadNeedFacts } from "@/lib/matching/facts";
import { candidateEdges, recommendExperts, recommendForNeeds } from "@/lib/matching/recommend";
import { codeTables, regionTable } from "@/lib/matching/reference";
import { planRetrieval, termStats, TUNING } from "@/lib/matching/retrieval";
import { computeAllMatchTerms, refreshMatchTerms, termHash } from "@/lib/matching/terms";
import { tokenize } from "@/lib/matching/text";
import { DEFAULT_WEIGHTS } from "@/lib/matching/weights";
import { createExpert, createNeed, createOrganization, uniqueSuffix } from "@/prisma/seed/factories";

// Retrieval in PostgreSQL + scoring in TypeScript, on real rows. Other test files share the database, so the
// assertions are about this file's experts only (a made-up crop name keeps the text match unique), and each group
// works in a field no other test's experts are in (the import test adds 10,000 plant-protection experts in 四川, who
// would rightly outrank some of these).
describe("recommendations for a need", () => {
  const crop = `蓝莓${uniqueSuffix()}`; // jieba keeps 蓝莓 as a word; the suffix keeps the bio unique to this file
  let needId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const unit = await createOrganization(db, { regionCode: "510131" });
    const need = await createNeed(db, {
      unitId: unit.id, state: "OPEN", title: "蓝莓根腐病防治", bottleneck: "连作蓝莓根腐病高发，缺少土壤消毒与抗病砧木技术",
      disciplineCodes: ["17015"], industryCodes: ["01"], delivery: "EITHER",
    });
    needId = need.id;
    const base = { disciplineCodes: ["17015"], skills: ["蓝莓根腐病防治", "土壤消毒"], bio: `${crop} 抗病砧木选育` };
    ids.best = (await createExpert(db, { ...base, name: "最佳", regionCode: "510131", libraryStatus: "IN_LIBRARY" })).id;
    ids.far = (await createExpert(db, { ...base, name: "外省共享", regionCode: "330106", shareAcrossRegions: true })).id;
    ids.hidden = (await createExpert(db, { ...base, name: "外省不共享", regionCode: "330106", shareAcrossRegions: false })).id;
    ids.full = (await createExpert(db, { ...base, name: "满负荷", regionCode: "510131", maxConcurrent: 1, activeEngagements: 1 })).id;
    ids.retired = (await createExpert(db, { ...base, name: "退休未声明", regionCode: "510131", isRetired: true })).id;
    ids.conflict = (await createExpert(db, { ...base, name: "本单位", regionCode: "510131", employerOrgId: unit.id })).id;
    ids.offTopic = (await createExpert(db, { name: "无关", disciplineCodes: ["52010"], industryCodes: ["56"], skills: ["轨道交通信号"], bio: "城市轨道交通", regionCode: "510131" })).id;
    await computeAllMatchTerms(db);
  }, 60_000);

  it("ranks the on-topic local library expert first and explains why", async () => {
    const result = await recommendExperts(db, needId, { all: true }, { limit: 50, candidates: 2000 });
    const mine = result!.recommendations.filter((r) => Object.values(ids).includes(r.expertId));
    expect(mine[0].expertId).toBe(ids.best);
    expect(mine[0].score).toBeGreaterThan(0.6);
    expect(mine[0].explanation).toContain("学科吻合");
    expect(mine[0].explanation).toMatch(/同在|内容相关/);
    expect(mine.map((r) => r.expertId)).toContain(ids.far);
  });

  it("never recommends experts at capacity, retired without attestations, or employed by the unit", async () => {
    const result = await recommendExperts(db, needId, { all: true }, { limit: 1000, candidates: 5000 });
    const got = result!.recommendations.map((r) => r.expertId);
    expect(got).not.toContain(ids.full);
    expect(got).not.toContain(ids.retired);
    expect(got).not.toContain(ids.conflict);
    expect(result!.filtered.CONFLICT).toBeGreaterThanOrEqual(1);
  });

  it("shows a province only its own experts and those who share across regions", async () => {
    const result = await recommendExperts(db, needId, { all: false, provinceCode: "51" }, { limit: 1000, candidates: 5000 });
    const got = result!.recommendations.map((r) => r.expertId);
    expect(got).toContain(ids.best);
    expect(got).toContain(ids.far);
    expect(got).not.toContain(ids.hidden);
  });

  it("recomputes an expert's terms when the biography or achievements change", async () => {
    const expert = await db.expertProfile.findUniqueOrThrow({ where: { id: ids.offTopic }, select: { matchTermsAt: true, matchTerms: true } });
    expect(expert.matchTermsAt).not.toBeNull();
    expect(expert.matchTerms).toContain("轨道交通");
    await db.expertAchievement.create({ data: { expertId: ids.offTopic, kind: "PAPER", title: `${crop}根腐病病原鉴定` } });
    expect((await db.expertProfile.findUniqueOrThrow({ where: { id: ids.offTopic } })).matchTermsAt).toBeNull();
    await refreshMatchTerms(db, 5000);
    const after = await db.expertProfile.findUniqueOrThrow({ where: { id: ids.offTopic }, select: { matchTerms: true, matchTermsAt: true } });
    expect(after.matchTermsAt).not.toBeNull();
    expect(after.matchTerms).toEqual(expect.arrayContaining(["根腐病", "鉴定"]));
    await db.expertProfile.update({ where: { id: ids.offTopic }, data: { bio: "新的简介" } });
    expect((await db.expertProfile.findUniqueOrThrow({ where: { id: ids.offTopic } })).matchTermsAt).toBeNull();
  });

  it("returns null for a need that does not exist", async () => {
    expect(await recommendExperts(db, "no-such-need", { all: true })).toBeNull();
  });
});

// Made-up Latin words are single terms (the tokenizer keeps them whole), unique to this run.
const word = (label: string) => `zq${label}${uniqueSuffix()}x`;
const df = async (term: string) => (await db.matchTermStat.findUnique({ where: { term } }))?.df ?? 0;

describe("document frequencies of match terms", () => {
  it("hashes terms in SQL as lib/matching/terms does (the migration backfills with it)", async () => {
    const terms = ["猕猴桃", "溃疡病", "kiwifruit", "hplc", "a", "中药材规范化种植（gap）"];
    const rows = await db.$queryRaw<{ t: string; h: number }[]>`SELECT t, match_term_hash(t) AS h FROM unnest(${terms}::text[]) t`;
    expect(rows.map((r) => r.h)).toEqual(terms.map(termHash));
  });

  it("counts the experts whose terms include each term, as terms are computed, changed and deleted", async () => {
    const [a, b, c] = [word("a"), word("b"), word("c")];
    expect(tokenize(`果树 ${a}`)).toContain(a);
    const withA = await Promise.all([1, 2, 3].map(() => createExpert(db, { bio: `果树栽培 ${a}` })));
    const withB = await createExpert(db, { bio: `果树栽培 ${b}` });
    await computeAllMatchTerms(db);
    expect([await df(a), await df(b)]).toEqual([3, 1]);
    expect(await df("")).toBeGreaterThanOrEqual(4); // experts with terms

    await db.expertProfile.update({ where: { id: withA[0].id }, data: { bio: `果树栽培 ${b}` } });
    await refreshMatchTerms(db, 5000);
    expect([await df(a), await df(b)]).toEqual([2, 2]);

    await db.expertAchievement.create({ data: { expertId: withB.id, kind: "PAPER", title: `${c} 研究` } });
    await refreshMatchTerms(db, 5000);
    expect(await df(c)).toBe(1);

    await db.expertProfile.delete({ where: { id: withB.id } });
    expect([await df(b), await df(c)]).toEqual([1, 0]);
  });
});

describe("retrieval with common and rare terms", () => {
  const [filler, rare] = [word("filler"), word("rare")];
  let needId: string;
  let rareId: string;

  beforeAll(async () => {
    const unit = await createOrganization(db, { regionCode: "510131" });
    // 地理学: a field no other test's experts are in (the import test adds 10,000 plant-protection experts in 四川,
    // who would rightly outscore an off-field expert, leaving him out of any top 200).
    needId = (await createNeed(db, { unitId: unit.id, state: "OPEN", title: `${rare} 技术指导`, bottleneck: `${filler} ${rare}`, disciplineCodes: ["17045"], delivery: "EITHER" })).id;
    await Promise.all(Array.from({ length: 25 }, () => createExpert(db, { bio: `${filler} 城市规划`, disciplineCodes: ["56040"], regionCode: "440106" })));
    rareId = (await createExpert(db, { bio: `${rare} 研究`, disciplineCodes: ["56040"], regionCode: "440106", shareAcrossRegions: true })).id;
    await computeAllMatchTerms(db);
  }, 60_000);

  it("leaves a term many experts have out of the pool and looks up the rare one", async () => {
    const need = (await loadNeedFacts(db, needId))!;
    const stats = await termStats(db, [...need.text.weights.keys()]);
    expect(stats.df.get(filler)).toBe(25);
    expect(stats.df.get(rare)).toBe(1);
    // Whatever the size of the shared test database, make 20 experts "many".
    const share = 20 / stats.experts;
    const plan = planRetrieval(need, await codeTables(db), await regionTable(db), stats, DEFAULT_WEIGHTS, { ...TUNING, commonShare: share, heavyShare: share, minPostings: 20 });
    expect([...plan.rare, ...plan.heavy]).not.toContain(termHash(filler));
    expect(plan.rare).toContain(termHash(rare));
    expect(plan.rankTerms.map((t) => t.term)).toEqual(expect.arrayContaining([filler, rare]));
  });

  it("finds the expert who shares the rare term, outside the need's field and province", async () => {
    const result = await recommendExperts(db, needId, { all: true }, { limit: 200 });
    expect(result!.recommendations.map((r) => r.expertId)).toContain(rareId);
    const province = await recommendExperts(db, needId, { all: false, provinceCode: "51" }, { limit: 200 });
    expect(province!.recommendations.map((r) => r.expertId)).toContain(rareId); // shares across regions
  });
});

describe("recommendations for many needs (batch proposals)", () => {
  const crop = `杨梅${uniqueSuffix()}`;
  const ids: Record<string, string> = {};
  let needId: string;

  beforeAll(async () => {
    const unit = await createOrganization(db, { regionCode: "510131" });
    needId = (await createNeed(db, { unitId: unit.id, state: "OPEN", title: `${crop}栽培技术指导`, bottleneck: `${crop}落果严重`, disciplineCodes: ["190"], delivery: "EITHER", expertsWanted: 2 })).id;
    const base = { disciplineCodes: ["190"], skills: [`${crop}栽培`], bio: `${crop}保花保果` };
    ids.local = (await createExpert(db, { ...base, regionCode: "510131" })).id;
    ids.shared = (await createExpert(db, { ...base, regionCode: "330106", shareAcrossRegions: true })).id;
    ids.hidden = (await createExpert(db, { ...base, regionCode: "330106", shareAcrossRegions: false })).id;
    ids.full = (await createExpert(db, { ...base, regionCode: "510131", maxConcurrent: 2, activeEngagements: 2 })).id;
    ids.suspended = (await createExpert(db, { ...base, regionCode: "510131", status: "SUSPENDED" })).id;
    await computeAllMatchTerms(db);
  }, 60_000);

  it("gives each need what recommendExperts gives it", async () => {
    const visibility = { all: false, provinceCode: "51" } as const;
    const one = await recommendExperts(db, needId, visibility, { limit: 20 });
    const many = await recommendForNeeds(db, [needId, "no-such-need"], visibility, { limit: 20 });
    expect([...many.keys()]).toEqual([needId]);
    expect(many.get(needId)!.recommendations).toEqual(one!.recommendations);
  });

  it("counts the experts a remote need cannot use over the whole pool, and never recommends them", async () => {
    const unit = await createOrganization(db, { regionCode: "510131" });
    const remote = await createNeed(db, { unitId: unit.id, state: "OPEN", title: `${crop}远程诊断`, bottleneck: `${crop}落果`, disciplineCodes: ["190"], delivery: "REMOTE" });
    const away = await createExpert(db, { disciplineCodes: ["190"], skills: [`${crop}栽培`], bio: `${crop}保花保果`, regionCode: "510131", acceptsRemote: false });
    await computeAllMatchTerms(db);
    const result = await recommendExperts(db, remote.id, { all: true }, { limit: 5, candidates: 5 });
    expect(result!.recommendations.map((r) => r.expertId)).not.toContain(away.id);
    expect(result!.filtered.NO_REMOTE).toBeGreaterThanOrEqual(1);
  });

  it("returns candidate edges and headcounts within the searcher's view, never experts without a free place", async () => {
    const { edges, needs } = await candidateEdges(db, [needId], { all: false, provinceCode: "51" }, 200);
    expect(needs).toEqual([{ id: needId, headcount: 2 }]);
    const experts = edges.filter((e) => e.needId === needId).map((e) => e.expertId);
    expect(experts).toEqual(expect.arrayContaining([ids.local, ids.shared]));
    expect(experts).not.toContain(ids.hidden);
    expect(experts).not.toContain(ids.full);
    expect(experts).not.toContain(ids.suspended);
    expect(edges.every((e) => e.score > 0 && e.score <= 1)).toBe(true);
  });
});
