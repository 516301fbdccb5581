// `npm run bench:matching [-- --experts 100000 --needs 10000 --sample 100 --batch 5000]`
// Builds a fresh database (BENCH_DATABASE_URL / TEST_DATABASE_URL / DATABASE_URL server, else the embedded one),
// generates experts and needs, then measures in one run:
//   1. one need, top 10: retrieval in PostgreSQL + scoring, against a naive scan scoring every expert in memory;
//   2. batch assignment for many needs from retrieved candidate edges: exact (HiGHS) against greedy.
// Figures are reported as ratios to the baseline measured in the same run; absolute times are for context only.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import { createPrismaClient } from "../lib/db";
import { assign, greedyAssign, type AssignEdge } from "../lib/matching/assign";
import { loadExpertFacts, loadNeedFacts } from "../lib/matching/facts";
import { codeTables, nameBook } from "../lib/matching/reference";
import { recommendExperts } from "../lib/matching/recommend";
import { scorePair } from "../lib/matching/score";
import { computeAllMatchTerms } from "../lib/matching/terms";
import { DEFAULT_WEIGHTS } from "../lib/matching/weights";
import { seedReferenceData } from "../prisma/seed/reference-data";
import { generateBenchData } from "../bench/matching-data";
import { dropDatabase, migrate, recreateDatabase } from "./database";
import { startEmbeddedDatabase } from "./embedded-db";

const { values: args } = parseArgs({
  options: {
    experts: { type: "string", default: "100000" },
    needs: { type: "string", default: "10000" },
    sample: { type: "string", default: "100" },
    batch: { type: "string", default: "5000" },
    keep: { type: "boolean", default: false },
  },
});
const sizes = { experts: Number(args.experts), needs: Number(args.needs), sample: Number(args.sample), batch: Number(args.batch) };

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const ms = (x: number) => `${x.toFixed(1)} ms`;
const secs = (t0: number) => ((performance.now() - t0) / 1000).toFixed(1);

async function database() {
  const server = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  const name = `esp_bench_${Date.now().toString(36)}`;
  if (server) {
    const url = await recreateDatabase(server, name);
    return { url, kind: "PostgreSQL", close: () => (args.keep ? Promise.resolve() : dropDatabase(server, name)) };
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), "esp-bench-"));
  const db = await startEmbeddedDatabase(dir, Number(process.env.EMBEDDED_DB_PORT ?? 54340));
  return { url: db.url, kind: "PGlite", close: async () => (await db.stop(), await rm(dir, { recursive: true, force: true })) };
}

async function main() {
  const target = await database();
  console.log(`[bench] ${target.kind}：专家 ${sizes.experts}，需求 ${sizes.needs}`);
  await migrate(target.url);
  const db = createPrismaClient(target.url, 4);
  try {
    let t0 = performance.now();
    await seedReferenceData(db);
    const data = await generateBenchData(db, sizes);
    console.log(`[bench] 生成数据 ${secs(t0)} s（成果 ${data.achievements} 条）`);
    t0 = performance.now();
    await computeAllMatchTerms(db, 5000);
    console.log(`[bench] 计算匹配词 ${secs(t0)} s`);
    await db.$executeRawUnsafe("ANALYZE");

    // 1. One need, top 10.
    const sample = data.needIds.filter((_, i) => i % Math.max(1, Math.floor(data.needIds.length / sizes.sample)) === 0).slice(0, sizes.sample);
    for (const id of sample.slice(0, 5)) await recommendExperts(db, id, { all: true }, { limit: 10, weights: DEFAULT_WEIGHTS }); // warm-up
    const indexed: number[] = [];
    const indexedTop = new Map<string, string[]>();
    for (const id of sample) {
      const t = performance.now();
      const r = await recommendExperts(db, id, { all: true }, { limit: 10, weights: DEFAULT_WEIGHTS });
      indexed.push(performance.now() - t);
      indexedTop.set(id, r!.recommendations.map((x) => x.expertId));
    }

    t0 = performance.now();
    const allIds = (await db.expertProfile.findMany({ select: { id: true } })).map((e) => e.id);
    const everyone = [];
    for (let i = 0; i < allIds.length; i += 5000) everyone.push(...(await loadExpertFacts(db, allIds.slice(i, i + 5000))));
    const loadAll = performance.now() - t0;
    const tables = await codeTables(db);
    const naive: number[] = [];
    let recall = 0;
    for (const id of sample) {
      const need = (await loadNeedFacts(db, id))!;
      const names = await nameBook(db, tables, [need.regionCode ?? ""]);
      const scorer = { weights: DEFAULT_WEIGHTS, names, disciplineParent: tables.disciplineParent, industryParent: tables.industryParent };
      const t = performance.now();
      const scored: { id: string; score: number }[] = [];
      for (const e of everyone) {
        const r = scorePair(need, e, scorer);
        if (!r.filtered) scored.push({ id: e.id, score: r.score });
      }
      scored.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
      naive.push(performance.now() - t);
      const best = new Set(scored.slice(0, 10).map((x) => x.id));
      recall += indexedTop.get(id)!.filter((x) => best.has(x)).length / Math.max(1, Math.min(10, best.size));
    }
    const single = {
      indexedMedianMs: percentile(indexed, 50), indexedP95Ms: percentile(indexed, 95),
      naiveMedianMs: percentile(naive, 50), naiveP95Ms: percentile(naive, 95), naiveLoadAllMs: loadAll,
      speedupMedian: percentile(naive, 50) / percentile(indexed, 50), recallAt10: recall / sample.length,
    };
    console.log(`[bench] 单需求前 10 名：索引检索 中位数 ${ms(single.indexedMedianMs)}，p95 ${ms(single.indexedP95Ms)}；` +
      `全量扫描 中位数 ${ms(single.naiveMedianMs)}（另需一次性载入 ${ms(loadAll)}）`);
    console.log(`[bench]   比值：全量扫描 / 索引检索 = ${single.speedupMedian.toFixed(1)}×；前 10 名与全量扫描重合率 ${(single.recallAt10 * 100).toFixed(1)}%`);

    // 2. Batch assignment.
    const batchIds = data.needIds.slice(0, sizes.batch);
    t0 = performance.now();
    const needs = [];
    const edges: AssignEdge[] = [];
    for (const id of batchIds) {
      const r = await recommendExperts(db, id, { all: true }, { limit: 30, weights: DEFAULT_WEIGHTS });
      const need = await db.need.findUniqueOrThrow({ where: { id }, select: { expertsWanted: true } });
      needs.push({ id, headcount: need.expertsWanted });
      for (const rec of r!.recommendations) edges.push({ needId: id, expertId: rec.expertId, score: rec.score });
    }
    const retrievalS = (performance.now() - t0) / 1000;
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
    const batch = {
      needs: needs.length, experts: experts.length, edges: edges.length, retrievalSeconds: retrievalS,
      solveMs, greedyMs, status: exact.status, exactTotal: exact.total, greedyTotal: greedy.total,
      greedyToOptimum: greedy.total / exact.total, solveToGreedyTime: solveMs / Math.max(greedyMs, 0.001),
    };
    console.log(`[bench] 批量分配：需求 ${batch.needs}，专家 ${batch.experts}，候选边 ${batch.edges}（检索 ${retrievalS.toFixed(1)} s）`);
    console.log(`[bench]   精确求解 ${ms(solveMs)}（${exact.status}），贪心 ${ms(greedyMs)}；总分 精确 ${exact.total.toFixed(2)}，贪心 ${greedy.total.toFixed(2)}`);
    console.log(`[bench]   比值：贪心 / 最优 = ${batch.greedyToOptimum.toFixed(4)}；精确求解耗时 / 贪心耗时 = ${batch.solveToGreedyTime.toFixed(0)}×`);

    await mkdir("bench-results", { recursive: true });
    const file = path.join("bench-results", `matching-${new Date().toISOString().slice(0, 19).replaceAll(":", "")}.json`);
    await writeFile(file, JSON.stringify({ sizes, database: target.kind, cpus: os.cpus().length, single, batch }, null, 2));
    console.log(`[bench] 结果已写入 ${file}`);
  } finally {
    await db.$disconnect();
    await target.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
