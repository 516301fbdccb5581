import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { recommendExperts } from "@/lib/matching/recommend";
import { computeAllMatchTerms, refreshMatchTerms } from "@/lib/matching/terms";
import { createExpert, createNeed, createOrganization, uniqueSuffix } from "@/prisma/seed/factories";

// Retrieval in PostgreSQL + scoring in TypeScript, on real rows. Other test files share the database, so the
// assertions are about this file's experts only (a made-up crop name keeps the text match unique).
describe("recommendations for a need", () => {
  const crop = `蓝莓${uniqueSuffix()}`; // jieba keeps 蓝莓 as a word; the suffix keeps the bio unique to this file
  let needId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const unit = await createOrganization(db, { regionCode: "510131" });
    const need = await createNeed(db, {
      unitId: unit.id, state: "OPEN", title: "蓝莓根腐病防治", bottleneck: "连作蓝莓根腐病高发，缺少土壤消毒与抗病砧木技术",
      disciplineCodes: ["21060"], industryCodes: ["01"], delivery: "EITHER",
    });
    needId = need.id;
    const base = { disciplineCodes: ["21060"], skills: ["蓝莓根腐病防治", "土壤消毒"], bio: `${crop} 抗病砧木选育` };
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
