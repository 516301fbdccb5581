// `npm run bench:matching [-- --experts 100000 --needs 10000 --sample 100 --batch 5000]`
// Builds a fresh database on the local PostgreSQL (BENCH_DATABASE_URL, else postgresql://postgres@127.0.0.1:5432/postgres
// as the server to create it on; never the test databases), generates experts and needs (bench/matching-data.ts),
// then measures in one run:
//   1. one need, top 10: retrieval in PostgreSQL + exact scoring (recommendExperts), against a naive scan scoring
//      every expert in memory; recall@10 of the first against the second; a profile of where the time goes;
//   2. batch assignment for many needs from retrieved candidate edges (candidateEdges): exact (HiGHS) against greedy.
// Figures are reported as ratios to the baseline measured in the same run; absolute times are for context only
// (the machine's load average is recorded with them). Results go to bench-results/ (gitignored).
// `--keep` keeps the database (its name is printed); `--reuse <name>` measures an existing one without generating;
// `--smoke` is the smallest run (200 experts, 20 needs), for CI's smoke step.
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import { createPrismaClient } from "../lib/db";
import { assign, greedyAssign } from "../lib/matching/assign";
import { loadExpertFacts, loadNeedFacts, toExpertFacts } from "../lib/matching/facts";
import { codeTables, regionTable } from "../lib/matching/reference";
import { candidateEdges, DEFAULT_CANDIDATES, loadScorer, recommendExperts } from "../lib/matching/recommend";
import { planRetrieval, poolSize, retrieveCandidates, termStats, type Visibility } from "../lib/matching/retrieval";
import { scorePair } from "../lib/matching/score";
import { DEFAULT_WEIGHTS } from "../lib/matching/weights";
import { seedReferenceData } from "../prisma/seed/reference-data";
import { generateBenchData } from "../bench/matching-data";
import { migrate } from "./database";
import { benchDatabase, loadAverage, median, ms, percentile } from "./bench-kit";

const { values: args } = parseArgs({
  options: {
    experts: { type: "string", default: "100000" },
    needs: { type: "string", default: "10000" },
    sample: { type: "string", default: "100" },
    batch: { type: "string", default: "5000" },
    candidates: { type: "string", default: String(DEFAULT_CANDIDATES) },
    keep: { type: "boolean", default: false },
    reuse: { type: "string" },
    smoke: { type: "boolean", default: false },
  },
});
// --smoke: the smallest run that still goes through every step (CI's smoke step runs every bench:* this way).
const sizes = args.smoke
  ? { experts: 200, needs: 20, sample: 5, batch: 20 }
  : { experts: Number(args.experts), needs: Number(args.needs), sample: Number(args.sample), batch: Number(args.batch) };
const candidates = Number(args.candidates);
const weights = DEFAULT_WEIGHTS;

const secs = (t0: number) => (performance.now() - t0) / 1000;
const load = loadAverage;
const database = () => benchDatabase("esp_bench", args);

/** Evenly spaced needs (the same ones on every run over the same data). */
function spread<T>(xs: T[], n: number): T[] {
  const step = Math.max(1, Math.floor(xs.length / n));
  return xs.filter((_, i) => i % step === 0).slice(0, n);
}

async function main() {
  const target = await database();
  console.log(`[bench] 数据库 ${target.name}；专家 ${sizes.experts}，需求 ${sizes.needs}；CPU ${os.cpus().length} 核，负载 ${load()}`);
  const db = createPrismaClient(target.url, 4);
  const setup: Record<string, number> = {};
  try {
    if (target.fresh) {
      let t0 = performance.now();
      await migrate(target.url);
      await seedReferenceData(db);
      setup.migrateAndReferenceSeconds = secs(t0);
      t0 = performance.now();
      const data = await generateBenchData(db, sizes);
      setup.generateSeconds = secs(t0);
      setup.buildRowsSeconds = data.seconds.build;
      setup.insertRowsSeconds = data.seconds.insert;
      t0 = performance.now();
      await db.$executeRawUnsafe("VACUUM ANALYZE");
      setup.analyzeSeconds = secs(t0);
      console.log(`[bench] 生成数据 ${setup.generateSeconds.toFixed(1)} s（专家 ${data.experts}，成果 ${data.achievements}，需求 ${data.needs}；` +
        `生成行与匹配词 ${data.seconds.build.toFixed(1)} s，写入 ${data.seconds.insert.toFixed(1)} s），VACUUM ANALYZE ${setup.analyzeSeconds.toFixed(1)} s`);
    }
    const needIds = (await db.need.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((n) => n.id);
    const all: Visibility = { all: true };

    // 1. One need, top 10.
    const sample = spread(needIds, sizes.sample);
    for (const id of spread(needIds.slice(1), 5)) await recommendExperts(db, id, all, { limit: 10, weights, candidates }); // warm-up
    // One untimed pass over the sample with the earlier text model: PostgreSQL's buffers and the needs' segmented
    // text then serve both models alike, so the two timed passes below differ only by their text model (the pool
    // model's candidates are still analysed for the first time in its pass: that cost is part of what it measures).
    for (const id of sample) await recommendExperts(db, id, all, { limit: 10, weights, candidates, textModel: "tfidf" });
    const indexed: number[] = [];
    const loadAtStart = load();
    for (const id of sample) {
      const t = performance.now();
      await recommendExperts(db, id, all, { limit: 10, weights, candidates });
      indexed.push(performance.now() - t);
    }
    // The baseline of the same run: the same retrieval with the earlier text model (TF-IDF cosine) in scoring. The
    // recall against the naive scan below is measured on it (the naive scan scores with that text model too).
    for (const id of spread(needIds.slice(1), 5)) await recommendExperts(db, id, all, { limit: 10, weights, candidates, textModel: "tfidf" });
    const tfidf: number[] = [];
    const indexedTop = new Map<string, string[]>();
    for (const id of sample) {
      const t = performance.now();
      const r = await recommendExperts(db, id, all, { limit: 10, weights, candidates, textModel: "tfidf" });
      tfidf.push(performance.now() - t);
      indexedTop.set(id, r!.recommendations.map((x) => x.expertId));
    }

    // The same needs again: their pages now in PostgreSQL's buffers (the first pass read many from the OS cache).
    const warm: number[] = [];
    for (const id of sample) {
      const t = performance.now();
      await recommendExperts(db, id, all, { limit: 10, weights, candidates });
      warm.push(performance.now() - t);
    }

    // The same needs seen by their province (its own experts and those shared across regions).
    const provinceOf = new Map((await db.need.findMany({ where: { id: { in: sample } }, select: { id: true, provinceCode: true } })).map((n) => [n.id, n.provinceCode]));
    const byProvince: number[] = [];
    for (const id of sample) {
      const t = performance.now();
      await recommendExperts(db, id, { all: false, provinceCode: provinceOf.get(id)! }, { limit: 10, weights, candidates });
      byProvince.push(performance.now() - t);
    }

    // Where the time goes (the same steps as recommendExperts, timed one by one).
    const steps = { need: [] as number[], termStats: [] as number[], retrievalSql: [] as number[], facts: [] as number[], scoring: [] as number[] };
    const poolTerms: number[] = [];
    const poolRows: number[] = [];
    const [tables, regions, scorer] = await Promise.all([codeTables(db), regionTable(db), loadScorer(db, weights)]);
    for (const id of sample) {
      let t = performance.now();
      const need = (await loadNeedFacts(db, id))!;
      steps.need.push(performance.now() - t);
      t = performance.now();
      const stats = await termStats(db, [...need.text.weights.keys()]);
      steps.termStats.push(performance.now() - t);
      const plan = planRetrieval(need, tables, regions, stats, weights);
      poolTerms.push(plan.heavy.length + plan.rare.length);
      poolRows.push(await poolSize(db, plan, all));
      t = performance.now();
      const { rows } = await retrieveCandidates(db, plan, all, candidates, 10);
      steps.retrievalSql.push(performance.now() - t);
      t = performance.now();
      const experts = rows.map((r) => toExpertFacts(r, regions));
      steps.facts.push(performance.now() - t);
      t = performance.now();
      for (const e of experts) scorePair(need, e, scorer);
      steps.scoring.push(performance.now() - t);
    }
    const profile = Object.fromEntries(Object.entries(steps).map(([k, v]) => [`${k}MedianMs`, median(v)]));

    // The naive baseline: every expert's facts in memory (loaded once, not timed per need), each one scored.
    let t0 = performance.now();
    const ids = (await db.expertProfile.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((e) => e.id);
    const everyone = [];
    for (let i = 0; i < ids.length; i += 5000) everyone.push(...(await loadExpertFacts(db, ids.slice(i, i + 5000))));
    const loadAllMs = performance.now() - t0;
    const naive: number[] = [];
    const recalls: number[] = [];
    const strictRecalls: number[] = [];
    const scoreRatios: number[] = [];
    for (const id of sample) {
      const need = (await loadNeedFacts(db, id))!;
      const t = performance.now();
      const scored: { id: string; score: number }[] = [];
      for (const e of everyone) {
        const r = scorePair(need, e, scorer);
        if (!r.filtered) scored.push({ id: e.id, score: r.score });
      }
      scored.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
      naive.push(performance.now() - t);
      // Ties at the 10th score count as found whichever of the tied experts retrieval returned.
      const tenth = scored[Math.min(9, scored.length - 1)]?.score ?? 0;
      const best = new Set(scored.filter((x) => x.score >= tenth).map((x) => x.id));
      const got = indexedTop.get(id)!;
      const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
      const scoreOf = new Map(scored.map((x) => [x.id, x.score]));
      const naiveSum = sum(scored.slice(0, 10).map((x) => x.score));
      scoreRatios.push(naiveSum > 0 ? sum(got.map((x) => scoreOf.get(x) ?? 0)) / naiveSum : 1);
      const top = new Set(scored.slice(0, 10).map((x) => x.id));
      recalls.push(scored.length ? got.filter((x) => best.has(x)).length / Math.min(10, scored.length) : 1);
      strictRecalls.push(scored.length ? got.filter((x) => top.has(x)).length / Math.min(10, scored.length) : 1);
    }
    const single = {
      candidates, indexedMedianMs: median(indexed), indexedP95Ms: percentile(indexed, 95), indexedMaxMs: Math.max(...indexed),
      tfidfMedianMs: median(tfidf), tfidfP95Ms: percentile(tfidf, 95), poolToTfidfMedian: median(indexed) / median(tfidf), poolToTfidfP95: percentile(indexed, 95) / percentile(tfidf, 95),
      warmMedianMs: median(warm), warmP95Ms: percentile(warm, 95),
      naiveMedianMs: median(naive), naiveP95Ms: percentile(naive, 95), naiveLoadAllMs: loadAllMs,
      naiveToIndexedMedian: median(naive) / median(indexed), naiveToIndexedP95: percentile(naive, 95) / percentile(indexed, 95),
      recallAt10: recalls.reduce((a, b) => a + b, 0) / recalls.length, recallAt10Min: Math.min(...recalls),
      recallAt10Strict: strictRecalls.reduce((a, b) => a + b, 0) / strictRecalls.length,
      top10ScoreToNaive: scoreRatios.reduce((a, b) => a + b, 0) / scoreRatios.length,
      provinceMedianMs: median(byProvince), provinceP95Ms: percentile(byProvince, 95), poolTermsMedian: median(poolTerms), poolRowsMedian: median(poolRows), poolRowsP95: percentile(poolRows, 95), profile, loadAverage: { start: loadAtStart, end: load() },
    };
    console.log(`[bench] 单需求前 10 名（${sample.length} 个需求，精排候选 ${candidates}）：检索+评分 中位数 ${ms(single.indexedMedianMs)}，p95 ${ms(single.indexedP95Ms)}；` +
      `全量扫描 中位数 ${ms(single.naiveMedianMs)}，p95 ${ms(single.naiveP95Ms)}（另需一次性载入全部专家 ${ms(loadAllMs)}）`);
    console.log(`[bench]   本版文本模型（池模型）/ 原 TF-IDF 文本模型（同一批需求、同一次运行）：中位数 ${single.poolToTfidfMedian.toFixed(2)}×，p95 ${single.poolToTfidfP95.toFixed(2)}×` +
      `（原模型 中位数 ${ms(single.tfidfMedianMs)}，p95 ${ms(single.tfidfP95Ms)}）；召回率按原文本模型对全量扫描计`);
    console.log(`[bench]   比值：全量扫描 / 检索 = ${single.naiveToIndexedMedian.toFixed(1)}×（中位数），${single.naiveToIndexedP95.toFixed(1)}×（p95）；` +
      `前 10 名召回率 ${(single.recallAt10 * 100).toFixed(1)}%（同分算命中；最低 ${(single.recallAt10Min * 100).toFixed(0)}%；按编号截断 ${(single.recallAt10Strict * 100).toFixed(1)}%）；` +
      `前 10 名总分 / 全量扫描前 10 名总分 = ${single.top10ScoreToNaive.toFixed(4)}`);
    console.log(`[bench]   同一批需求再算一遍（缓存已热）：中位数 ${ms(single.warmMedianMs)}，p95 ${ms(single.warmP95Ms)}`);
    console.log(`[bench]   省级视角（本省专家与跨区域共享专家）：中位数 ${ms(single.provinceMedianMs)}，p95 ${ms(single.provinceP95Ms)}`);
    console.log(`[bench]   分解（中位数，第二遍）：需求 ${ms(profile.needMedianMs)}，词频 ${ms(profile.termStatsMedianMs)}，检索 SQL ${ms(profile.retrievalSqlMedianMs)}，` +
      `事实 ${ms(profile.factsMedianMs)}，评分 ${ms(profile.scoringMedianMs)}；SQL 排序的专家数 中位数 ${single.poolRowsMedian}、p95 ${single.poolRowsP95}；负载 ${single.loadAverage.start} → ${single.loadAverage.end}`);

    // 2. Batch assignment over the retrieved candidate edges (skipped with --batch 0).
    let batch: object | null = null;
    if (sizes.batch > 0) {
      const batchIds = spread(needIds, sizes.batch);
      t0 = performance.now();
      const { edges, needs } = await candidateEdges(db, batchIds, all, 30, { weights, candidates, concurrency: 2 });
      const edgesSeconds = secs(t0);
      const expertIds = [...new Set(edges.map((e) => e.expertId))];
      const capacity = await db.expertProfile.findMany({ where: { id: { in: expertIds } }, select: { id: true, maxConcurrent: true, activeEngagements: true, employer: true } });
      const experts = capacity.map((e) => ({ id: e.id, capacity: e.maxConcurrent - e.activeEngagements, employer: e.employer }));
      await assign([{ id: "w", headcount: 1 }], [{ id: "w", capacity: 1 }], [{ needId: "w", expertId: "w", score: 1 }]); // load the solver
      t0 = performance.now();
      const exact = await assign(needs, experts, edges, { maxPerEmployer: 1 });
      const solveMs = performance.now() - t0;
      t0 = performance.now();
      const greedy = greedyAssign(needs, experts, edges, { maxPerEmployer: 1 });
      const greedyMs = performance.now() - t0;
      const seats = needs.reduce((s, n) => s + n.headcount, 0);
      const b = {
        needs: needs.length, seats, experts: experts.length, edges: edges.length, edgesSeconds, edgesPerNeedMs: (edgesSeconds * 1000) / needs.length,
        solveMs, greedyMs, status: exact.status, exactTotal: exact.total, greedyTotal: greedy.total, exactPairs: exact.pairs.length,
        greedyPairs: greedy.pairs.length, greedyToOptimum: greedy.total / exact.total, optimumToGreedy: exact.total / greedy.total,
        meanPairScoreExact: exact.total / Math.max(1, exact.pairs.length), seatsFilledExact: exact.pairs.length / Math.max(1, seats),
        solveToGreedyTime: solveMs / Math.max(greedyMs, 0.001), loadAverage: load(),
      };
      batch = b;
      console.log(`[bench] 批量分配：需求 ${b.needs}（席位 ${seats}），专家 ${b.experts}，候选边 ${b.edges}（检索 ${edgesSeconds.toFixed(1)} s，每个需求 ${ms(b.edgesPerNeedMs)}）`);
      console.log(`[bench]   精确求解 ${ms(solveMs)}（${exact.status}，${exact.pairs.length} 对），贪心 ${ms(greedyMs)}（${greedy.pairs.length} 对）；总分 精确 ${exact.total.toFixed(2)}，贪心 ${greedy.total.toFixed(2)}`);
      console.log(`[bench]   比值：贪心 / 最优 = ${b.greedyToOptimum.toFixed(4)}，最优 / 贪心 = ${b.optimumToGreedy.toFixed(4)}；席位填满率 ${(b.seatsFilledExact * 100).toFixed(1)}%；精确求解耗时 / 贪心耗时 = ${b.solveToGreedyTime.toFixed(0)}×；负载 ${b.loadAverage}`);
    }

    await mkdir("bench-results", { recursive: true });
    const file = path.join("bench-results", `matching-${new Date().toISOString().slice(0, 19).replaceAll(":", "")}.json`);
    await writeFile(file, JSON.stringify({ sizes, database: target.name, cpus: os.cpus().length, setup, single, batch }, null, 2));
    console.log(`[bench] 结果已写入 ${file}${args.keep ? `；数据库 ${target.name} 已保留` : ""}`);
  } finally {
    await db.$disconnect();
    await target.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
