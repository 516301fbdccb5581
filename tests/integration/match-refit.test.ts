import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { executeAction } from "@/lib/actions/pipeline";
import type { SessionUser } from "@/lib/auth/roles";
import { applyFitOp, proposeRefitOp, resetSettingsOp, rollbackFitOp } from "@/lib/match-settings/operations";
import { loadOutcomes } from "@/lib/match-settings/refit-service";
import { readSettings } from "@/lib/match-settings/service";
import { DEFAULT_WEIGHTS, SCORE_PARTS, type Weights } from "@/lib/matching/weights";
import { createExpert, createNeed, createOrganization } from "@/prisma/seed/factories";
import { ministryAdmin, provinceAdmin, SICHUAN } from "./fixtures";
import { auditRows, meta, REFUSED } from "./helpers";

// Refitting the weights from outcomes, on real rows: invitations answered over the last months (seeded relative to
// now), services completed and rated. The settings row is shared with other test files that score matches, so the
// weights applied here are the defaults doubled (same proportions, same scores); the file ends on the defaults.

let ministry: SessionUser;
const doubled = Object.fromEntries(SCORE_PARTS.map((p) => [p, DEFAULT_WEIGHTS[p] * 2])) as Weights;
const DAY = 86_400_000;

beforeAll(async () => {
  ministry = await ministryAdmin();
  const unit = await createOrganization(db, { regionCode: "330106" });
  // 60 answered invitations over 120 days: accepted when the expert was near and free, declined otherwise.
  let seed = 11;
  const r = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  for (let i = 0; i < 60; i++) {
    // A field and a place no other test file's needs look in (the database is shared): these experts must not crowd
    // other files' recommendations.
    const need = await createNeed(db, { unitId: unit.id, state: "OPEN", title: `结果拟合测试需求 ${i}`, disciplineCodes: ["110"], industryCodes: ["93"] });
    const expert = await createExpert(db, {
      name: `结果拟合专家 ${i}`, regionCode: "330106", disciplineCodes: ["110"], industryCodes: ["93"], skills: ["结果拟合测试专长"], bio: "结果拟合测试",
    });
    const parts = Object.fromEntries(SCORE_PARTS.map((p) => [p, Math.round(r() * 1000) / 1000])) as Record<string, number>;
    const good = 0.6 * parts.region + 0.4 * parts.load + 0.2 * (r() - 0.5) > 0.5;
    const invitedAt = new Date(Date.now() - (120 - 2 * i) * DAY);
    const match = await db.match.create({
      data: {
        needId: need.id, expertId: expert.id, score: 0.5, scoreParts: parts, source: "PROVINCE", invitedAt,
        state: good ? "CONFIRMED" : i % 2 ? "DECLINED" : "EXPIRED", respondedAt: new Date(invitedAt.getTime() + DAY),
      },
    });
    if (good && i % 3 === 0) {
      const engagement = await db.engagement.create({ data: { matchId: match.id, needId: need.id, expertId: expert.id, state: "CLOSED" } });
      await db.feedback.create({ data: { engagementId: engagement.id, party: "UNIT", authorId: ministry.id, rating: 5 } });
    }
  }
}, 120_000);

afterAll(async () => {
  const s = await readSettings(db);
  await executeAction(resetSettingsOp, ministry, meta, { version: s.version });
});

describe("refitting the weights from outcomes", () => {
  it("reads each answered invitation with its parts and how it ended (rated services above plain acceptances)", async () => {
    const outcomes = await loadOutcomes(db);
    expect(outcomes.length).toBeGreaterThanOrEqual(60);
    const values = new Set(outcomes.map((o) => o.value));
    expect(values.has(0)).toBe(true);
    expect(values.has(1)).toBe(true); // completed, rated 5
    expect(values.has(0.6)).toBe(true); // confirmed, no service yet
    for (let i = 1; i < outcomes.length; i++) expect(outcomes[i].at.getTime()).toBeGreaterThanOrEqual(outcomes[i - 1].at.getTime());
  });

  it("proposes weights fitted on older outcomes and measured on newer ones, audited, without changing the weights", async () => {
    const before = await readSettings(db);
    const r = await executeAction(proposeRefitOp, ministry, meta, {});
    if (!r.ok) throw new Error(r.error);
    const fit = await db.matchWeightFit.findUniqueOrThrow({ where: { id: r.data.id } });
    expect(fit.state).toBe("PROPOSED");
    const m = fit.metrics as { outcomes: number; train: number; test: number; splitAt: string; baseAgreement: number; proposedAgreement: number; gain: number };
    expect(m.train + m.test).toBe(m.outcomes);
    expect(m.test).toBe(Math.round(m.outcomes * 0.3));
    // The split is by time: every outcome fitted on is older than every outcome measured on.
    const outcomes = await loadOutcomes(db);
    expect(outcomes[m.train].at.toISOString()).toBe(m.splitAt);
    expect(m.gain).toBeCloseTo(m.proposedAgreement - m.baseAgreement, 10);
    expect(fit.baseWeights).toEqual(before.weights);
    expect((await readSettings(db)).version).toBe(before.version);
    const [audit] = await auditRows({ entityId: fit.id, operation: "match.refitProposed" });
    expect(audit.summary).toContain("排序一致率");
    // A newer proposal supersedes the open one.
    const again = await executeAction(proposeRefitOp, ministry, meta, {});
    if (!again.ok) throw new Error(again.error);
    expect((await db.matchWeightFit.findUniqueOrThrow({ where: { id: fit.id } })).state).toBe("SUPERSEDED");
  });

  it("refuses everyone but the ministry, and changes nothing for them", async () => {
    const province = await provinceAdmin(SICHUAN);
    const count = await db.matchWeightFit.count();
    expect(await executeAction(proposeRefitOp, province, meta, {})).toMatchObject(REFUSED);
    const fit = await db.matchWeightFit.create({ data: { baseWeights: DEFAULT_WEIGHTS, proposedWeights: doubled, metrics: {} } });
    expect(await executeAction(applyFitOp, province, meta, { id: fit.id, version: 0 })).toMatchObject(REFUSED);
    expect(await db.matchWeightFit.count()).toBe(count + 1);
    expect((await db.matchWeightFit.findUniqueOrThrow({ where: { id: fit.id } })).state).toBe("PROPOSED");
  });

  it("applies a proposal once (of two at once exactly one wins), and rolls it back to the weights it replaced", async () => {
    const before = await readSettings(db);
    const fit = await db.matchWeightFit.create({ data: { baseWeights: before.weights, proposedWeights: doubled, metrics: {} } });
    const both = await Promise.all([
      executeAction(applyFitOp, ministry, meta, { id: fit.id, version: 0 }),
      executeAction(applyFitOp, ministry, meta, { id: fit.id, version: 0 }),
    ]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(both.find((r) => !r.ok)).toMatchObject({ ok: false, error: expect.stringContaining("已被处理") });
    const applied = await db.matchWeightFit.findUniqueOrThrow({ where: { id: fit.id } });
    expect(applied).toMatchObject({ state: "APPLIED", appliedById: ministry.id, previousWeights: before.weights });
    expect((await readSettings(db)).weights).toEqual(doubled);
    expect(await auditRows({ entityId: fit.id, operation: "match.refitApplied" })).toHaveLength(1);

    const stale = await executeAction(rollbackFitOp, ministry, meta, { id: fit.id, version: 0 });
    expect(stale).toMatchObject({ ok: false });
    const back = await executeAction(rollbackFitOp, ministry, meta, { id: fit.id, version: applied.version });
    if (!back.ok) throw new Error(back.error);
    expect((await readSettings(db)).weights).toEqual(before.weights);
    expect((await db.matchWeightFit.findUniqueOrThrow({ where: { id: fit.id } })).state).toBe("ROLLED_BACK");
    expect(await executeAction(rollbackFitOp, ministry, meta, { id: fit.id, version: applied.version + 1 })).toMatchObject({ ok: false, error: "只能回退已采用的建议" });
  });

  it("will not roll back once the weights were changed after applying", async () => {
    const before = await readSettings(db);
    const fit = await db.matchWeightFit.create({ data: { baseWeights: before.weights, proposedWeights: doubled, metrics: {} } });
    const ok = await executeAction(applyFitOp, ministry, meta, { id: fit.id, version: 0 });
    if (!ok.ok) throw new Error(ok.error);
    const s = await readSettings(db);
    await executeAction(resetSettingsOp, ministry, meta, { version: s.version });
    const applied = await db.matchWeightFit.findUniqueOrThrow({ where: { id: fit.id } });
    expect(await executeAction(rollbackFitOp, ministry, meta, { id: fit.id, version: applied.version })).toMatchObject({ ok: false, error: expect.stringContaining("已被修改") });
    expect((await db.matchWeightFit.findUniqueOrThrow({ where: { id: fit.id } })).state).toBe("APPLIED");
  });
});
