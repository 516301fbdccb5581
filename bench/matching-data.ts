import type { Tx } from "@/lib/db";
import { performance } from "node:perf_hooks";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { DOMAIN_KEYS, DOMAINS, type Domain } from "@/prisma/seed/domains";
import { DISCIPLINES, INDUSTRIES } from "@/prisma/seed/reference-data";
import { Rng } from "@/prisma/seed/random";
import { matchTermsOf } from "@/lib/matching/terms";
import {
  AWARDS, BIO_TEMPLATES, NEED_BOTTLENECKS, NEED_OUTCOMES, NEED_TITLES, PROJECTS, VOCABULARY, type Vocabulary,
} from "./vocabulary";

// Synthetic experts and needs for the matching benchmark. Each row belongs to a field of service (the demo seed's
// domains): its discipline and industry codes come from the real code tables (mostly the field's own, sometimes
// any other second-level discipline or industry division, as in real profiles), its skills pair the field's objects
// with its topics, and its biography wraps them in the filler every real biography has. Deterministic for a seed.
// Rows go in with multi-row INSERT … SELECT FROM jsonb_to_recordset (a few statements per 100k rows), experts with
// their match terms computed by lib/matching/terms.matchTermsOf, as the app's refresh would.

const CHUNK = 5000;
const DAY = 86_400_000;

const SECOND_LEVEL_DISCIPLINES = DISCIPLINES.filter((d) => d.code.length === 5).map((d) => d.code);
const INDUSTRY_DIVISIONS = INDUSTRIES.filter((i) => /^\d+$/.test(i.code)).map((i) => i.code);
const TALENT = ["SPECIAL_ALLOWANCE", "PROVINCIAL_TALENT_PROGRAM", "URGENT_NEED", "POSTDOC", "NATIONAL_TALENT_PROGRAM",
  "RETURNED_OVERSEAS", "MAJOR_PROJECT_LEAD"] as const;

function fillIn(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (m, key: string) => (key in values ? String(values[key]) : m));
}

/** Multi-row INSERT … SELECT: the rows travel as one JSON parameter and become a record set in the database. */
async function insertRows(db: Tx, table: string, columns: Record<string, string>, rows: Record<string, unknown>[], extra = "") {
  const names = Object.keys(columns).map((c) => `"${c}"`).join(", ");
  const record = Object.entries(columns).map(([c, type]) => `"${c}" ${type}`).join(", ");
  const [extraColumns, extraValues] = extra ? extra.split(" = ") : ["", ""];
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db.$executeRawUnsafe(
      `INSERT INTO "${table}" (${names}${extraColumns ? `, ${extraColumns}` : ""})
       SELECT ${names}${extraValues ? `, ${extraValues}` : ""} FROM jsonb_to_recordset($1::jsonb) AS r(${record})`,
      JSON.stringify(rows.slice(i, i + CHUNK)),
    );
  }
}

/** Bulk load without the table's GIN indexes, then build them once (far cheaper than row by row; same result). */
async function withoutGinIndexes(db: PrismaClient, table: string, load: () => Promise<void>) {
  const indexes = await db.$queryRawUnsafe<{ name: string; definition: string }[]>(
    `SELECT indexname::text AS name, indexdef AS definition FROM pg_indexes
      WHERE schemaname = current_schema() AND tablename = $1 AND indexdef LIKE '% USING gin %'`, table);
  for (const i of indexes) await db.$executeRawUnsafe(`DROP INDEX "${i.name}"`);
  await load();
  for (const i of indexes) await db.$executeRawUnsafe(i.definition);
}

/** The field's codes, mostly its core ones, sometimes one from anywhere in the real table. */
function disciplinesFor(d: Domain, rng: Rng): string[] {
  const codes = new Set([rng.weighted(d.disciplines.map((c, i) => [c, d.disciplines.length - i] as const))]);
  if (rng.chance(0.4)) codes.add(rng.pick(d.disciplines));
  if (rng.chance(0.15)) codes.add(rng.pick(SECOND_LEVEL_DISCIPLINES));
  return [...codes];
}

function industriesFor(d: Domain, rng: Rng): string[] {
  const codes = new Set([rng.pick(d.industries)]);
  if (rng.chance(0.15)) codes.add(rng.pick(INDUSTRY_DIVISIONS));
  return [...codes];
}

function skillsFor(d: Domain, v: Vocabulary, rng: Rng): { skills: string[]; focus: string[] } {
  const focus = rng.sample(v.objects, rng.int(1, 2));
  const skills = new Set<string>();
  const n = rng.int(2, 5);
  while (skills.size < n) {
    if (rng.chance(0.2)) skills.add(rng.pick(d.skills));
    else skills.add(`${rng.chance(0.8) ? rng.pick(focus) : rng.pick(v.objects)}${rng.pick(v.topics)}`);
  }
  return { skills: [...skills], focus };
}

export async function generateBenchData(db: PrismaClient, sizes: { experts: number; needs: number; seed?: number }) {
  const rng = new Rng(sizes.seed ?? 20261126);
  const counties = await db.region.findMany({ where: { level: "COUNTY" }, select: { code: true, provinceCode: true } });
  const menu = new Map((await db.serviceMenuItem.findMany({ select: { id: true, name: true } })).map((m) => [m.name, m.id]));
  const domainWeights = DOMAIN_KEYS.map((k) => [DOMAINS[k], DOMAINS[k].expertWeight] as const);
  const pickDomain = (): Domain => rng.weighted(domainWeights);
  const now = new Date().toISOString();
  const seconds = { build: 0, insert: 0 };
  let t0 = performance.now();
  const lap = (part: keyof typeof seconds) => {
    seconds[part] += (performance.now() - t0) / 1000;
    t0 = performance.now();
  };

  const experts: Record<string, unknown>[] = [];
  const achievements: Record<string, unknown>[] = [];
  const availability: Record<string, unknown>[] = [];
  for (let i = 0; i < sizes.experts; i++) {
    const d = pickDomain();
    const v = VOCABULARY[d.key];
    const county = rng.pick(counties);
    const id = `bx${i.toString(36).padStart(6, "0")}`;
    const { skills, focus } = skillsFor(d, v, rng);
    const retired = rng.chance(0.06);
    const max = rng.int(1, 4);
    const bio = fillIn(rng.pick(BIO_TEMPLATES), {
      field: d.label, skills: skills.slice(0, rng.int(1, skills.length)).join("、"),
      project: rng.chance(0.5) && d.projects.length ? rng.pick(d.projects) : rng.pick(PROJECTS),
      award: rng.pick(AWARDS), n: rng.int(2, 12), m: rng.int(5, 80), k: rng.int(200, 5000), years: rng.int(5, 35),
    });
    const mine: { title: string }[] = [];
    for (let a = rng.int(0, 3); a > 0; a--) {
      const object = rng.pick(focus);
      const topic = rng.pick(v.topics);
      const kind = rng.weighted([["PAPER", 6], ["PATENT", 2], ["PROJECT", 2]] as const);
      const title =
        kind === "PAPER" ? (rng.chance(0.3) && d.papersZh.length ? rng.pick(d.papersZh) : rng.chance(0.2) && d.papersEn.length ? rng.pick(d.papersEn) : `${object}${topic}${rng.pick(["研究", "技术集成与示范", "关键技术研究与应用", "效果评价"])}`)
        : kind === "PATENT" ? (rng.chance(0.3) && d.patents.length ? rng.pick(d.patents) : `一种${object}${topic}${rng.pick(["方法", "装置", "系统"])}`)
        : `${object}${topic}${rng.pick(["示范项目", "推广项目", "攻关课题"])}`;
      achievements.push({ id: `${id}a${a}`, expertId: id, kind, title, year: rng.int(2008, 2025) });
      mine.push({ title });
    }
    const terms = matchTermsOf({ skills, bio, achievements: mine });
    experts.push({
      id, name: `专家${i}`, gender: rng.chance(0.7) ? "MALE" : "FEMALE", birthYear: rng.int(1955, 1992),
      employer: `${d.label}研究单位${rng.int(1, 400)}`,
      title: rng.weighted([["SENIOR", 45], ["ASSOCIATE_SENIOR", 40], ["INTERMEDIATE", 15]] as const),
      disciplineCodes: disciplinesFor(d, rng), industryCodes: industriesFor(d, rng), skills, bio,
      talentCategories: rng.chance(0.5) ? [rng.pick(TALENT)] : [],
      regionCode: county.code, provinceCode: county.provinceCode,
      preferredForms: rng.sample(d.forms, rng.int(1, 3)), serviceRegionCodes: rng.chance(0.1) ? [county.provinceCode] : [],
      acceptsRemote: rng.chance(0.7), maxConcurrent: max, isRetired: retired,
      // Most experts are not serving at any one time; some are busy, a few are full.
      activeEngagements: Math.min(max, rng.weighted([[0, 70], [1, 18], [2, 8], [3, 4]] as const)),
      healthAttestedAt: retired && rng.chance(0.5) ? now : null, consentAttestedAt: retired && rng.chance(0.5) ? now : null,
      shareAcrossRegions: rng.chance(0.4), status: rng.chance(0.97) ? "ACTIVE" : "PENDING",
      libraryStatus: rng.chance(0.1) ? "IN_LIBRARY" : "NONE", lastConfirmedAt: now, source: "IMPORT",
      // What lib/matching/terms computes, computed here so each row is written once.
      matchTerms: terms.terms, matchTermHashes: terms.hashes, matchTermCounts: terms.counts, matchFieldCounts: terms.fields, matchTermNorm: terms.norm, matchTermsAt: now,
    });
    if (rng.chance(0.1)) {
      const start = Date.UTC(2027, rng.int(0, 10), rng.int(1, 28));
      availability.push({ id: `${id}v`, expertId: id, kind: "BLACKOUT", startsOn: new Date(start).toISOString().slice(0, 10), endsOn: new Date(start + rng.int(7, 60) * DAY).toISOString().slice(0, 10) });
    }
  }
  lap("build");
  await withoutGinIndexes(db, "ExpertProfile", () => insertRows(db, "ExpertProfile", {
    id: "text", name: "text", gender: '"Gender"', birthYear: "int", employer: "text", title: '"ProfessionalTitle"',
    disciplineCodes: "text[]", industryCodes: "text[]", skills: "text[]", bio: "text", talentCategories: '"TalentCategory"[]',
    regionCode: "text", provinceCode: "text", preferredForms: '"ServiceForm"[]', serviceRegionCodes: "text[]",
    acceptsRemote: "boolean", maxConcurrent: "int", activeEngagements: "int", isRetired: "boolean",
    healthAttestedAt: "timestamp", consentAttestedAt: "timestamp", shareAcrossRegions: "boolean", status: '"ExpertStatus"',
    source: '"ExpertSource"', libraryStatus: '"LibraryStatus"', lastConfirmedAt: "timestamp",
    matchTerms: "text[]", matchTermHashes: "int4[]", matchTermCounts: "jsonb", matchFieldCounts: "jsonb", matchTermNorm: "float8", matchTermsAt: "timestamp",
  }, experts, `"updatedAt" = now()`));
  // The experts' terms already include their achievements: keep the trigger from marking them stale again.
  await db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`ALTER TABLE "ExpertAchievement" DISABLE TRIGGER achievement_match_terms_stale`);
    await insertRows(tx, "ExpertAchievement", { id: "text", expertId: "text", kind: '"AchievementKind"', title: "text", year: "int" }, achievements, `"updatedAt" = now()`);
    await tx.$executeRawUnsafe(`ALTER TABLE "ExpertAchievement" ENABLE TRIGGER achievement_match_terms_stale`);
  }, { timeout: 600_000 });
  await insertRows(db, "ExpertAvailability", { id: "text", expertId: "text", kind: '"AvailabilityKind"', startsOn: "date", endsOn: "date" }, availability);

  lap("insert");
  const units = Array.from({ length: Math.max(1, Math.ceil(sizes.needs / 5)) }, (_, i) => {
    const county = rng.pick(counties);
    return { id: `bu${i}`, name: `基准测试单位${i}`, type: "COOPERATIVE", regionCode: county.code };
  });
  await insertRows(db, "Organization", { id: "text", name: "text", type: '"OrgType"', regionCode: "text" }, units, `"updatedAt" = now()`);

  const needs: Record<string, unknown>[] = [];
  const needMenu: Record<string, unknown>[] = [];
  for (let i = 0; i < sizes.needs; i++) {
    const d = pickDomain();
    const v = VOCABULARY[d.key];
    const unit = rng.pick(units);
    const id = `bn${i.toString(36).padStart(6, "0")}`;
    const start = Date.UTC(2027, rng.int(0, 8), rng.int(1, 28));
    const object = rng.pick(v.objects);
    const values = {
      product: object, object, topic: rng.pick(v.topics), county: "本县", area: rng.int(2, 30), pct: rng.int(30, 70),
      households: rng.int(100, 3000),
    };
    const template = rng.chance(0.5) ? rng.pick(d.needs) : { title: rng.pick(NEED_TITLES), bottleneck: rng.pick(NEED_BOTTLENECKS), outcome: rng.pick(NEED_OUTCOMES) };
    const disciplineCodes = [...new Set([rng.pick(d.disciplines.slice(0, 2)), ...(rng.chance(0.3) ? [rng.pick(d.disciplines)] : []), ...(rng.chance(0.1) ? [rng.pick(SECOND_LEVEL_DISCIPLINES)] : [])])];
    needs.push({
      id, code: `XQ-BENCH-${i}`, unitId: unit.id, regionCode: unit.regionCode, provinceCode: unit.regionCode.slice(0, 2),
      title: fillIn(template.title, values), bottleneck: fillIn(template.bottleneck, values), expectedOutcome: fillIn(template.outcome, values),
      disciplineCodes, industryCodes: [rng.pick(d.industries)],
      windowStart: new Date(start).toISOString().slice(0, 10), windowEnd: new Date(start + rng.int(30, 120) * DAY).toISOString().slice(0, 10),
      expertsWanted: rng.int(1, 3), delivery: rng.weighted([["ONSITE", 55], ["EITHER", 35], ["REMOTE", 10]] as const), state: "OPEN",
    });
    for (const name of rng.sample(d.menu, rng.int(1, 2))) {
      const menuItemId = menu.get(name);
      if (menuItemId) needMenu.push({ needId: id, menuItemId });
    }
  }
  lap("build");
  await insertRows(db, "Need", {
    id: "text", code: "text", unitId: "text", regionCode: "text", provinceCode: "text", title: "text", bottleneck: "text",
    expectedOutcome: "text", disciplineCodes: "text[]", industryCodes: "text[]", windowStart: "date", windowEnd: "date",
    expertsWanted: "int", delivery: '"DeliveryMode"', state: '"NeedState"',
  }, needs, `"updatedAt" = now()`);
  await insertRows(db, "NeedMenuItem", { needId: "text", menuItemId: "text" }, [...new Map(needMenu.map((m) => [`${m.needId}|${m.menuItemId}`, m])).values()]);
  lap("insert");
  return { experts: experts.length, achievements: achievements.length, needs: needs.length, seconds };
}
