import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { DOMAIN_KEYS, DOMAINS, type Domain } from "@/prisma/seed/domains";
import { Rng } from "@/prisma/seed/random";

// Synthetic experts and needs for the matching benchmark, drawn from the demo seed's fields of service so that
// experts and needs of the same field share codes, skills and words. Deterministic for a given seed.

const CHUNK = 2000;

function fill(text: string, rng: Rng): string {
  return text
    .replaceAll("{product}", rng.pick(["猕猴桃", "柑橘", "茶叶", "马铃薯", "生猪", "中药材", "蔬菜", "水稻", "苹果", "肉牛"]))
    .replaceAll("{county}", "本县")
    .replaceAll("{area}", String(rng.int(2, 30)))
    .replaceAll("{pct}", String(rng.int(30, 70)))
    .replaceAll("{households}", String(rng.int(100, 3000)));
}

async function inChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

export async function generateBenchData(db: PrismaClient, sizes: { experts: number; needs: number; seed?: number }) {
  const rng = new Rng(sizes.seed ?? 20261126);
  const counties = await db.region.findMany({ where: { level: "COUNTY" }, select: { code: true, provinceCode: true } });
  const menu = new Map((await db.serviceMenuItem.findMany({ select: { id: true, name: true } })).map((m) => [m.name, m.id]));
  const domainWeights = DOMAIN_KEYS.map((k) => [DOMAINS[k], DOMAINS[k].expertWeight] as const);
  const pickDomain = (): Domain => rng.weighted(domainWeights);

  const experts: Prisma.ExpertProfileCreateManyInput[] = [];
  const achievements: Prisma.ExpertAchievementCreateManyInput[] = [];
  for (let i = 0; i < sizes.experts; i++) {
    const d = pickDomain();
    const county = rng.pick(counties);
    const id = `bx${i.toString(36).padStart(6, "0")}`;
    const skills = rng.sample(d.skills, rng.int(2, 4));
    const retired = rng.chance(0.06);
    const max = rng.int(1, 4);
    experts.push({
      id, name: `专家${i}`, gender: rng.chance(0.7) ? "MALE" : "FEMALE", birthYear: rng.int(1955, 1992),
      employer: `${d.label}研究单位${rng.int(1, 400)}`,
      title: rng.weighted([["SENIOR", 45], ["ASSOCIATE_SENIOR", 40], ["INTERMEDIATE", 15]] as const),
      disciplineCodes: rng.sample(d.disciplines, rng.int(1, 2)), industryCodes: rng.sample(d.industries, 1), skills,
      bio: `长期从事${d.label}工作，擅长${skills.join("、")}。${d.papersZh.length ? `${rng.pick(d.papersZh)}。` : ""}`,
      talentCategories: rng.chance(0.5) ? [rng.pick(["SPECIAL_ALLOWANCE", "PROVINCIAL_TALENT_PROGRAM", "URGENT_NEED", "POSTDOC", "NATIONAL_TALENT_PROGRAM"] as const)] : [],
      regionCode: county.code, provinceCode: county.provinceCode,
      preferredForms: rng.sample(d.forms, rng.int(1, 3)), serviceRegionCodes: [], acceptsRemote: rng.chance(0.7),
      maxConcurrent: max, activeEngagements: rng.int(0, max), isRetired: retired,
      healthAttestedAt: retired && rng.chance(0.5) ? new Date() : null, consentAttestedAt: retired && rng.chance(0.5) ? new Date() : null,
      shareAcrossRegions: rng.chance(0.4), status: rng.chance(0.97) ? "ACTIVE" : "PENDING",
      libraryStatus: rng.chance(0.1) ? "IN_LIBRARY" : "NONE", lastConfirmedAt: new Date(), source: "IMPORT",
    });
    if (d.papersEn.length && rng.chance(0.4)) achievements.push({ expertId: id, kind: "PAPER", title: rng.pick(d.papersEn) });
    if (d.patents.length && rng.chance(0.2)) achievements.push({ expertId: id, kind: "PATENT", title: rng.pick(d.patents) });
  }
  await inChunks(experts, (data) => db.expertProfile.createMany({ data }));
  await inChunks(achievements, (data) => db.expertAchievement.createMany({ data }));

  const units: Prisma.OrganizationCreateManyInput[] = Array.from({ length: Math.max(1, Math.ceil(sizes.needs / 5)) }, (_, i) => {
    const county = rng.pick(counties);
    return { id: `bu${i}`, name: `基准测试单位${i}`, type: "COOPERATIVE", regionCode: county.code };
  });
  await inChunks(units, (data) => db.organization.createMany({ data }));
  const unitRegion = new Map(units.map((u) => [u.id!, u.regionCode]));

  const needs: Prisma.NeedCreateManyInput[] = [];
  const needMenu: Prisma.NeedMenuItemCreateManyInput[] = [];
  for (let i = 0; i < sizes.needs; i++) {
    const d = pickDomain();
    const template = rng.pick(d.needs);
    const unitId = rng.pick(units).id!;
    const regionCode = unitRegion.get(unitId)!;
    const id = `bn${i.toString(36).padStart(6, "0")}`;
    const start = new Date(Date.UTC(2027, rng.int(0, 8), rng.int(1, 28)));
    needs.push({
      id, code: `XQ-BENCH-${i}`, unitId, regionCode, provinceCode: regionCode.slice(0, 2),
      title: fill(template.title, rng), bottleneck: fill(template.bottleneck, rng), expectedOutcome: fill(template.outcome, rng),
      disciplineCodes: rng.sample(d.disciplines, rng.int(1, 2)), industryCodes: rng.sample(d.industries, 1),
      windowStart: start, windowEnd: new Date(start.getTime() + rng.int(30, 120) * 86_400_000),
      expertsWanted: rng.int(1, 3), delivery: rng.weighted([["ONSITE", 55], ["EITHER", 35], ["REMOTE", 10]] as const), state: "OPEN",
    });
    for (const name of rng.sample(d.menu, rng.int(1, 2))) {
      const menuItemId = menu.get(name);
      if (menuItemId) needMenu.push({ needId: id, menuItemId });
    }
  }
  await inChunks(needs, (data) => db.need.createMany({ data }));
  await inChunks(needMenu, (data) => db.needMenuItem.createMany({ data, skipDuplicates: true }));
  return { experts: experts.length, achievements: achievements.length, needs: needs.length, needIds: needs.map((n) => n.id!) };
}
