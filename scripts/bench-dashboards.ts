// `npm run bench:dashboards [-- --records 1000000 --engagements 100000 --needs 50000 --runs 30]`
// Builds a fresh database on the local PostgreSQL (BENCH_DATABASE_URL, else postgresql://postgres@127.0.0.1:5432/postgres
// as the server to create it on; never the test databases), generates service records, engagements and needs in bulk
// (generate_series SQL, the rollup triggers off during the load and the rollups rebuilt after), then times every
// tracking dashboard query (lib/tracking/queries.ts) from the rollups and — the same numbers — from the raw rows, in
// the same run, and checks that both answer the same. Reports p50/p95 per query and the raw/rollup ratio; results go
// to bench-results/ (gitignored). `--keep` keeps the database; `--reuse <name>` measures an existing one;
// `--smoke` is the smallest run (2,000 records), for CI's smoke step.
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import { createPrismaClient } from "../lib/db";
import type { PrismaClient } from "../lib/generated/prisma/client";
import { seedReferenceData } from "../prisma/seed/reference-data";
import { migrate } from "./database";
import { benchDatabase, loadAverage, ms, percentile } from "./bench-kit";

const { values: args } = parseArgs({
  options: {
    records: { type: "string", default: "1000000" },
    engagements: { type: "string", default: "100000" },
    needs: { type: "string", default: "50000" },
    runs: { type: "string", default: "30" },
    keep: { type: "boolean", default: false },
    reuse: { type: "string" },
    smoke: { type: "boolean", default: false },
  },
});
const sizes = args.smoke
  ? { records: 2000, engagements: 200, needs: 100, runs: 3 }
  : { records: Number(args.records), engagements: Number(args.engagements), needs: Number(args.needs), runs: Number(args.runs) };
const TARGET_P95_MS = 300;

const secs = (t0: number) => ((performance.now() - t0) / 1000).toFixed(1);
const load = loadAverage;
const database = () => benchDatabase("esp_bench_dash", args);

/**
 * Units, experts, needs, activities, matches, engagements and records, all by set-based SQL. As in real service, an
 * engagement's records come weekly from its start (spread over three years) in the two forms of its work plan.
 */
async function generate(db: PrismaClient) {
  const { records, engagements, needs } = sizes;
  const units = Math.max(20, Math.round(needs / 25));
  const experts = Math.max(20, Math.round(engagements / 5));
  const activities = Math.max(6, Math.round(engagements / 300));
  const steps: [string, string][] = [
    ["单位", `
      WITH c AS (SELECT array_agg("code" ORDER BY "code") AS a FROM "Region" WHERE "level" = 'COUNTY')
      INSERT INTO "Organization" ("id", "name", "type", "regionCode", "updatedAt")
      SELECT 'bo' || g, '压测单位' || g, 'COOPERATIVE', c.a[1 + (g * 7919) % array_length(c.a, 1)], now()
        FROM generate_series(1, ${units}) g, c`],
    ["专家", `
      WITH c AS (SELECT array_agg("code" ORDER BY "code") AS a FROM "Region" WHERE "level" = 'COUNTY'
                   AND "provinceCode" IN (SELECT "provinceCode" FROM "Region" WHERE "level" = 'PROVINCE' AND ("zone" = 'EAST' OR "provinceCode"::int % 3 = 0)))
      INSERT INTO "ExpertProfile" ("id", "name", "gender", "birthYear", "employer", "title", "regionCode", "provinceCode", "updatedAt")
      SELECT 'bx' || g, '压测专家' || g, 'MALE', 1960 + g % 35, '压测大学', 'SENIOR', code, left(code, 2), now()
        FROM (SELECT g, c.a[1 + (g * 104729) % array_length(c.a, 1)] AS code FROM generate_series(1, ${experts}) g, c) s`],
    ["需求", `
      INSERT INTO "Need" ("id", "code", "unitId", "regionCode", "provinceCode", "title", "bottleneck", "state",
                          "breakBottleneck", "promoteTechnology", "raiseFarmerIncome", "createdAt", "updatedAt")
      SELECT 'bn' || g, 'YC-' || g, o."id", o."regionCode", left(o."regionCode", 2), '压测需求' || g, '压测瓶颈',
             (ARRAY['OPEN', 'IN_SERVICE', 'COMPLETED', 'SUBMITTED']::"NeedState"[])[1 + g % 4],
             g % 3 = 0, g % 5 = 0, g % 4 = 1, timestamp '2024-01-01' + (g % 1060) * interval '1 day', now()
        FROM generate_series(1, ${needs}) g JOIN "Organization" o ON o."id" = 'bo' || (1 + g % ${units})`],
    ["示范活动", `
      INSERT INTO "DemonstrationActivity" ("id", "programId", "applicantOrgId", "regionCode", "provinceCode", "title", "summary", "state", "updatedAt")
      SELECT 'ba' || g, p."id", o."id", o."regionCode", left(o."regionCode", 2), '压测活动' || g, '压测', 'IN_PROGRESS', now()
        FROM generate_series(1, ${activities}) g
        JOIN "Organization" o ON o."id" = 'bo' || (1 + g % ${units})
        JOIN (SELECT "id", row_number() OVER (ORDER BY "code") - 1 AS k FROM "Program") p ON p.k = g % 3`],
    ["匹配", `
      INSERT INTO "Match" ("id", "needId", "expertId", "score", "source", "state", "updatedAt")
      SELECT 'bm' || g, 'bn' || (1 + g % ${needs}), 'bx' || (1 + (g * 31) % ${experts}), 0.8, 'SYSTEM', 'CONFIRMED', now()
        FROM generate_series(1, ${engagements}) g`],
    ["服务项目", `
      INSERT INTO "Engagement" ("id", "matchId", "needId", "expertId", "activityId", "state", "updatedAt")
      SELECT 'be' || g, 'bm' || g, 'bn' || (1 + g % ${needs}), 'bx' || (1 + (g * 31) % ${experts}),
             CASE WHEN g % 10 < 3 THEN 'ba' || (1 + g % ${activities}) END, 'ACTIVE', now()
        FROM generate_series(1, ${engagements}) g`],
    ["服务记录（触发器暂停）", `ALTER TABLE "ServiceRecord" DISABLE TRIGGER USER`],
    ["服务记录", `
      INSERT INTO "ServiceRecord" ("id", "engagementId", "startDate", "endDate", "hours", "form", "content", "peopleServed",
                                   "peopleTrained", "techniquesPromoted", "incomeEffect", "state", "updatedAt",
                                   "provinceCode", "expertId", "expertProvinceCode", "programKey", "priority")
      SELECT 'br' || s.g, e."id", s.d, s.d + s.span, (1 + s.g % 8) * (s.span + 1), s.form, '压测服务内容', 10 + s.g % 50, s.g % 10,
             s.g % 2, (s.g % 7) * 0.5,
             (CASE WHEN s.g % 20 < 17 THEN 'CONFIRMED' WHEN s.g % 20 < 19 THEN 'SUBMITTED' ELSE 'DISPUTED' END)::"ServiceRecordState", now(),
             n."provinceCode", e."expertId", x."provinceCode", COALESCE(p."code"::text, 'NONE'),
             ((CASE WHEN n."breakBottleneck" THEN 1 ELSE 0 END) + (CASE WHEN n."promoteTechnology" THEN 2 ELSE 0 END)
               + (CASE WHEN n."raiseFarmerIncome" THEN 4 ELSE 0 END))::smallint
        FROM (SELECT g, date '2024-01-01' + (e * 37) % 1000 + k * 7 AS d, g % 3 AS span,
                     (enum_range(NULL::"ServiceForm"))[1 + (e * 7 + k % 2) % 15] AS form, 'be' || e AS eid
                FROM (SELECT g, 1 + g % ${engagements} AS e, g / ${engagements} AS k FROM generate_series(1, ${records}) g) r) s
        JOIN "Engagement" e ON e."id" = s.eid
        JOIN "Need" n ON n."id" = e."needId"
        JOIN "ExpertProfile" x ON x."id" = e."expertId"
        LEFT JOIN "DemonstrationActivity" a ON a."id" = e."activityId"
        LEFT JOIN "Program" p ON p."id" = a."programId"`],
    ["服务记录（触发器恢复）", `ALTER TABLE "ServiceRecord" ENABLE TRIGGER USER`],
    ["汇总表重建", `SELECT tracking_rebuild()`],
    ["统计信息", `ANALYZE`],
  ];
  const timings: Record<string, string> = {};
  for (const [label, sql] of steps) {
    const t0 = performance.now();
    await db.$executeRawUnsafe(sql);
    timings[label] = `${secs(t0)} s`;
    console.log(`[bench] ${label}：${timings[label]}`);
  }
  return timings;
}

async function main() {
  const target = await database();
  console.log(`[bench] 数据库 ${target.name}；服务记录 ${sizes.records}，服务项目 ${sizes.engagements}，需求 ${sizes.needs}；CPU ${os.cpus().length} 核，负载 ${load()}`);
  const db = createPrismaClient(target.url, 4);
  // lib/tracking reads through the shared client (lib/db): point it at the bench database before first use.
  (globalThis as unknown as { prisma?: PrismaClient }).prisma = db;
  const { trackingBreakdown, trackingDashboard, trackingFlows, trackingPriorities, trackingTotals, activityReportSummary, baseReportSummary } =
    await import("../lib/tracking/queries");
  const { searchTrackingRecords } = await import("../lib/tracking/records");
  const { trackingRecordSearchSchema } = await import("../lib/tracking/schemas");
  type Scoped = Parameters<typeof trackingTotals>[0];

  let setup: Record<string, string> = {};
  try {
    if (target.fresh) {
      const t0 = performance.now();
      await migrate(target.url);
      await seedReferenceData(db);
      console.log(`[bench] 建库与基础数据：${secs(t0)} s`);
      setup = await generate(db);
    }
    const counts = {
      serviceRecords: await db.serviceRecord.count(), engagements: await db.engagement.count(), needs: await db.need.count(),
      rollupRows: await db.trackingMonthly.count(), expertRollupRows: await db.trackingExpertYear.count(),
    };
    console.log(`[bench] 数据：${JSON.stringify(counts)}`);

    const latest = (await db.$queryRaw<{ y: number | null }[]>`SELECT max(extract(year FROM "month"))::int AS "y" FROM "TrackingMonthly"`)[0].y ?? 2026;
    const views: [string, Scoped][] = [
      ["全国·全部年度", { view: { national: true, provinceCodes: null }, filter: {} }],
      [`全国·${latest}年`, { view: { national: true, provinceCodes: null }, filter: { year: latest } }],
      [`全国·${latest}年·西部·技术指导`, { view: { national: true, provinceCodes: null }, filter: { year: latest, zone: "WEST", form: "TECH_GUIDANCE" } }],
      [`四川省·${latest}年`, { view: { national: false, provinceCodes: ["51"] }, filter: { year: latest } }],
    ];
    const queries: [string, (s: Scoped) => Promise<unknown>][] = [
      ["总量", (s) => trackingTotals(s)],
      ["按省份", (s) => trackingBreakdown(s, "province")],
      ["按专项行动", (s) => trackingBreakdown(s, "program")],
      ["按服务形式", (s) => trackingBreakdown(s, "form")],
      ["按月份", (s) => trackingBreakdown(s, "month")],
      ["专家流向", (s) => trackingFlows(s)],
      ["优先方向", (s) => trackingPriorities(s)],
    ];
    // Warm-up (plans, caches) for both sources, and the check that they agree.
    for (const [label, scoped] of views) {
      const [a, b] = await Promise.all([trackingDashboard(scoped), trackingDashboard({ ...scoped, source: "raw" })]);
      if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`汇总表与原始记录计算结果不一致：${label}`);
    }
    console.log("[bench] 汇总表与原始记录计算结果一致");

    type Row = { view: string; query: string; rollupP50: number; rollupP95: number; rawP50: number; rawP95: number; ratioP50: number };
    const rows: Row[] = [];
    const time = async (fn: () => Promise<unknown>, runs: number) => {
      const xs: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        await fn();
        xs.push(performance.now() - t0);
      }
      return xs;
    };
    // The raw form takes seconds per query at full size: a few runs give its median.
    const rawRuns = args.smoke ? 3 : Math.max(2, Math.round(sizes.runs / 10));
    for (const [viewLabel, scoped] of views) {
      for (const [queryLabel, fn] of queries) {
        const rollup = await time(() => fn(scoped), sizes.runs);
        const raw = await time(() => fn({ ...scoped, source: "raw" }), rawRuns);
        const row = {
          view: viewLabel, query: queryLabel, rollupP50: percentile(rollup, 50), rollupP95: percentile(rollup, 95),
          rawP50: percentile(raw, 50), rawP95: percentile(raw, 95), ratioP50: percentile(raw, 50) / percentile(rollup, 50),
        };
        rows.push(row);
        console.log(`[bench] ${viewLabel} · ${queryLabel}：汇总表 p50 ${ms(row.rollupP50)} p95 ${ms(row.rollupP95)}；原始记录 p50 ${ms(row.rawP50)} p95 ${ms(row.rawP95)}；倍数 ${row.ratioP50.toFixed(1)}×`);
      }
      // The whole dashboard page's data (all queries in parallel, as the page runs them), and the activity/base tables.
      const whole = await time(() => trackingDashboard(scoped), sizes.runs);
      rows.push({ view: viewLabel, query: "整页（并行）", rollupP50: percentile(whole, 50), rollupP95: percentile(whole, 95), rawP50: NaN, rawP95: NaN, ratioP50: NaN });
      console.log(`[bench] ${viewLabel} · 整页（并行，${queries.length + 2} 个查询）：汇总表 p50 ${ms(percentile(whole, 50))} p95 ${ms(percentile(whole, 95))}`);
      const side = await time(() => Promise.all([activityReportSummary(scoped), baseReportSummary(scoped)]), sizes.runs);
      console.log(`[bench] ${viewLabel} · 活动进展与基地报告：p50 ${ms(percentile(side, 50))} p95 ${ms(percentile(side, 95))}`);
      // The drill-through list behind a number (one page and its count, straight from the records).
      const search = trackingRecordSearchSchema.parse({ ...Object.fromEntries(Object.entries(scoped.filter).map(([k, v]) => [k, String(v)])), form: "TECH_GUIDANCE" });
      const list = await time(() => searchTrackingRecords(scoped.view, search), Math.max(3, Math.round(sizes.runs / 3)));
      rows.push({ view: viewLabel, query: "明细列表（技术指导）", rollupP50: percentile(list, 50), rollupP95: percentile(list, 95), rawP50: NaN, rawP95: NaN, ratioP50: NaN });
      console.log(`[bench] ${viewLabel} · 明细列表（技术指导）：p50 ${ms(percentile(list, 50))} p95 ${ms(percentile(list, 95))}`);
    }
    // The target is per dashboard query (the whole page runs them in parallel over a pool of 4 connections).
    const worst = Math.max(...rows.filter((r) => !Number.isNaN(r.rawP50)).map((r) => r.rollupP95));
    console.log(`[bench] 汇总表查询最差 p95 ${ms(worst)}（目标 ≤ ${TARGET_P95_MS} ms）：${worst <= TARGET_P95_MS ? "达标" : "未达标"}；负载 ${load()}`);

    const out = path.join(process.cwd(), "bench-results");
    await mkdir(out, { recursive: true });
    const file = path.join(out, `dashboards-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
    await writeFile(file, JSON.stringify({ sizes, counts, setup, rows, worstRollupP95: worst, cpus: os.cpus().length, load: load() }, null, 2));
    console.log(`[bench] 结果已写入 ${path.relative(process.cwd(), file)}`);
  } finally {
    await db.$disconnect();
    await target.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
