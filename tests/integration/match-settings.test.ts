import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { executeAction } from "@/lib/actions/pipeline";
import type { SessionUser } from "@/lib/auth/roles";
import { previewSettingsOp, resetSettingsOp, updateSettingsOp } from "@/lib/match-settings/operations";
import { readSettings, saveSettings } from "@/lib/match-settings/service";
import { loadWeights } from "@/lib/matching/recommend";
import { DEFAULT_WEIGHTS, SCORE_PARTS, type Weights } from "@/lib/matching/weights";
import { createExpert, createNeed, createOrganization } from "@/prisma/seed/factories";
import { expertUser, ministryAdmin, provinceAdmin, unitUser } from "./fixtures";
import { auditRows, meta } from "./helpers";

// The settings row is shared by every test file, and other files score matches while this one runs. So the
// weights saved here are the defaults scaled (a weighted mean does not change when every weight is doubled),
// the response deadline stays 5 outside a rolled-back transaction, and the file ends on the defaults.

let ministry: SessionUser;
const doubled = Object.fromEntries(SCORE_PARTS.map((p) => [p, DEFAULT_WEIGHTS[p] * 2])) as Weights;

const form = (weights: Weights, version: number, extra: Record<string, unknown> = {}) => ({
  ...Object.fromEntries(SCORE_PARTS.map((p) => [p, String(weights[p])])), inviteWorkingDays: "5", version: String(version), ...extra,
});
const current = () => readSettings(db);

beforeAll(async () => {
  ministry = await ministryAdmin();
});

afterAll(async () => {
  const s = await current();
  await executeAction(resetSettingsOp, ministry, meta, { version: s.version });
});

describe("matching settings", () => {
  it("saves the weights with the version read, audited with before and after, and the engine reads them", async () => {
    const s = await current();
    const r = await executeAction(updateSettingsOp, ministry, meta, form(doubled, s.version));
    if (!r.ok) throw new Error(`${r.error} ${JSON.stringify(r.fieldErrors)}`);
    expect(r.data.version).toBe(s.version + 1);
    expect(await loadWeights(db)).toEqual(doubled);
    const after = await current();
    expect(after).toMatchObject({ weights: doubled, inviteWorkingDays: 5, version: s.version + 1, updatedById: ministry.id });
    const [audit] = (await auditRows({ actorId: ministry.id, operation: "match.settings" })).slice(-1);
    expect(audit.summary).toContain(`学科吻合 ${s.weights.discipline}→${doubled.discipline}`);
    expect(audit.before).toMatchObject({ weights: s.weights });
    expect(audit.after).toMatchObject({ weights: doubled, inviteWorkingDays: 5 });
  });

  it("refuses a save made on a stale version, and of two saves at once exactly one wins", async () => {
    const s = await current();
    const stale = await executeAction(updateSettingsOp, ministry, meta, form(DEFAULT_WEIGHTS, s.version + 5));
    expect(stale).toMatchObject({ ok: false, error: expect.stringContaining("已被他人修改") });
    const both = await Promise.all([
      executeAction(updateSettingsOp, ministry, meta, form(doubled, s.version)),
      executeAction(updateSettingsOp, ministry, meta, form(DEFAULT_WEIGHTS, s.version)),
    ]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect((await current()).version).toBe(s.version + 1);
  });

  it("restores the defaults (audited) on the current version only", async () => {
    const s = await current();
    await executeAction(updateSettingsOp, ministry, meta, form(doubled, s.version));
    expect(await executeAction(resetSettingsOp, ministry, meta, { version: s.version })).toMatchObject({ ok: false });
    const r = await executeAction(resetSettingsOp, ministry, meta, { version: s.version + 1 });
    expect(r).toMatchObject({ ok: true, data: { version: s.version + 2 } });
    expect(await current()).toMatchObject({ weights: DEFAULT_WEIGHTS, inviteWorkingDays: 5 });
    expect((await auditRows({ actorId: ministry.id, operation: "match.resetSettings" }))).toHaveLength(1);
  });

  it("stores the response deadline in working days (1–20)", async () => {
    // In a transaction rolled back at the end, so other files never see a deadline other than 5.
    const rollback = new Error("rollback");
    await expect(db.$transaction(async (tx) => {
      const s = await readSettings(tx);
      await saveSettings(tx, { weights: s.weights, inviteWorkingDays: 7, version: s.version, actorId: ministry.id });
      expect((await readSettings(tx)).inviteWorkingDays).toBe(7);
      throw rollback;
    })).rejects.toBe(rollback);
    expect((await current()).inviteWorkingDays).toBe(5);
  });

  it("refuses bad input with field errors and changes nothing", async () => {
    const s = await current();
    const zero = Object.fromEntries(SCORE_PARTS.map((p) => [p, 0])) as Weights;
    const cases = [
      form({ ...DEFAULT_WEIGHTS, text: -1 }, s.version),
      form({ ...DEFAULT_WEIGHTS, text: 101 }, s.version),
      form(zero, s.version),
      form(DEFAULT_WEIGHTS, s.version, { inviteWorkingDays: "0" }),
      form(DEFAULT_WEIGHTS, s.version, { inviteWorkingDays: "21" }),
      form(DEFAULT_WEIGHTS, s.version, { discipline: "很多" }),
    ];
    for (const input of cases) {
      const r = await executeAction(updateSettingsOp, ministry, meta, input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(Object.keys(r.fieldErrors ?? {})).not.toHaveLength(0);
    }
    expect(await current()).toEqual(s);
  });

  it("is the ministry's alone", async () => {
    const s = await current();
    const users = [
      await provinceAdmin("51"),
      await unitUser(),
      await expertUser(),
    ];
    for (const user of users) {
      expect(await executeAction(updateSettingsOp, user, meta, form(doubled, s.version))).toEqual({ ok: false, error: "无权执行此操作" });
      expect(await executeAction(resetSettingsOp, user, meta, { version: s.version })).toEqual({ ok: false, error: "无权执行此操作" });
      expect(await executeAction(previewSettingsOp, user, meta, { ...form(doubled, 0), needId: "x" })).toEqual({ ok: false, error: "无权执行此操作" });
    }
    expect(await current()).toEqual(s);
  });

  it("previews a need's top five under edited weights without saving them", async () => {
    const unit = await createOrganization(db, { regionCode: "510131" });
    const need = await createNeed(db, { unitId: unit.id, state: "OPEN", disciplineCodes: ["21060"] });
    await createExpert(db, { disciplineCodes: ["21060"], regionCode: "510131" });
    const s = await current();
    const onlyRegion = Object.fromEntries(SCORE_PARTS.map((p) => [p, p === "region" ? 10 : 0])) as Weights;
    const r = await executeAction(previewSettingsOp, ministry, meta, { ...form(onlyRegion, 0), needId: need.id });
    if (!r.ok) throw new Error(r.error);
    expect(r.data.need.code).toBe(need.code);
    expect(r.data.current.length).toBeGreaterThan(0);
    expect(r.data.current.length).toBeLessThanOrEqual(5);
    expect(r.data.edited.length).toBeGreaterThan(0);
    expect(await current()).toEqual(s);
    expect(await executeAction(previewSettingsOp, ministry, meta, { ...form(onlyRegion, 0), needId: "no-such" })).toMatchObject({ ok: false, error: "需求不存在或已被删除" });
  });
});
