import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { executeAction } from "@/lib/actions/pipeline";
import { decideProfileChangeOp, updateExpertOp } from "@/lib/experts/operations";
import { pendingProfileChange } from "@/lib/experts/queries";
import { expertWithUser, ministryAdmin, provinceAdmin, unitUser, ZHEJIANG_COUNTY } from "./fixtures";
import { auditRows, meta, REFUSED } from "./helpers";

// GB/T 22239 review finding 7: an expert's own change to name, title, talent categories (院士 included) or employer
// goes to the province; the old values stay in force until it approves.

async function zhejiangExpert() {
  return expertWithUser({ regionCode: ZHEJIANG_COUNTY, title: "SENIOR", employer: "浙江大学", talentCategories: [] });
}

type Row = Awaited<ReturnType<typeof db.expertProfile.findUniqueOrThrow>>;
const formOf = (e: Row, changes: Record<string, unknown> = {}) => ({
  expertId: e.id, version: String(e.version), name: e.name, gender: e.gender, birthYear: String(e.birthYear),
  employer: e.employer, title: e.title, disciplineCodes: e.disciplineCodes, industryCodes: e.industryCodes, skills: e.skills,
  bio: e.bio, talentCategories: e.talentCategories, regionCode: e.regionCode, preferredForms: e.preferredForms,
  maxConcurrent: String(e.maxConcurrent), acceptsRemote: e.acceptsRemote ? "on" : undefined, ...changes,
});
const row = (id: string) => db.expertProfile.findUniqueOrThrow({ where: { id } });
const pending = (expertId: string) => db.expertProfileChange.findFirst({ where: { expertId, state: "PENDING" } });

describe("an expert's own change to reviewed fields", () => {
  it("saves the rest at once and holds talent categories and employer for the province, old values in force", async () => {
    const e = await zhejiangExpert();
    const zj = await provinceAdmin("33");
    const r = await executeAction(updateExpertOp, e.session, meta, formOf(await row(e.id), {
      talentCategories: ["ACADEMICIAN"], employer: "中国农业大学", skills: ["猕猴桃溃疡病防控"],
    }));
    expect(r).toMatchObject({ ok: true, message: expect.stringContaining("人才类别、工作单位的修改已提交省级审核") });
    const after = await row(e.id);
    expect(after).toMatchObject({ skills: ["猕猴桃溃疡病防控"], talentCategories: [], employer: "浙江大学" });
    const change = await pending(e.id);
    expect(change).toMatchObject({ provinceCode: "33", requestedById: e.user!.id });
    expect(change!.changes).toEqual({ talentCategories: { from: [], to: ["ACADEMICIAN"] }, employer: { from: "浙江大学", to: "中国农业大学" } });
    expect(await db.notification.count({ where: { userId: zj.id, title: { contains: "专家信息变更待审核" } } })).toBe(1);
    expect((await pendingProfileChange(e.id))!.items.map((i) => [i.label, i.from, i.to])).toEqual([
      ["人才类别", "无", "两院院士"], ["工作单位", "浙江大学", "中国农业大学"],
    ]);
  });

  it("applies a province's own edit at once, with nothing held", async () => {
    const e = await zhejiangExpert();
    const zj = await provinceAdmin("33");
    expect(await executeAction(updateExpertOp, zj, meta, formOf(await row(e.id), { employer: "浙江农林大学" }))).toMatchObject({ ok: true, message: "专家档案已保存" });
    expect((await row(e.id)).employer).toBe("浙江农林大学");
    expect(await pending(e.id)).toBeNull();
  });

  it("lets the expert's province approve — values take effect, the expert is told — and refuses everyone else", async () => {
    const e = await zhejiangExpert();
    await executeAction(updateExpertOp, e.session, meta, formOf(await row(e.id), { title: "ASSOCIATE_SENIOR" }));
    const change = (await pending(e.id))!;
    const versionBefore = (await row(e.id)).version;
    for (const who of [await provinceAdmin("51"), await unitUser(), await ministryAdmin(), e.session]) {
      expect(await executeAction(decideProfileChangeOp, who, meta, { changeId: change.id, decision: "approve" })).toEqual(REFUSED);
    }
    expect((await row(e.id)).title).toBe("SENIOR");
    expect((await auditRows({ entityId: change.id })).filter((a) => a.outcome === "DENIED")).toHaveLength(1);
    const zj = await provinceAdmin("33");
    expect(await executeAction(decideProfileChangeOp, zj, meta, { changeId: change.id, decision: "approve" })).toMatchObject({ ok: true });
    const after = await row(e.id);
    expect(after.title).toBe("ASSOCIATE_SENIOR");
    expect(after.version).toBe(versionBefore + 1);
    expect(await db.notification.count({ where: { userId: e.user!.id, title: "信息变更已通过审核" } })).toBe(1);
    expect((await auditRows({ entityId: e.id, operation: "expert.changeApprove" }))[0]).toMatchObject({ outcome: "SUCCESS", actorId: zj.id });
    // Decided once: a second decision is refused.
    expect(await executeAction(decideProfileChangeOp, zj, meta, { changeId: change.id, decision: "reject", reason: "再议" })).toMatchObject({ ok: false, error: "该信息变更申请已处理或已被新的申请取代" });
  });

  it("needs a reason to refuse, and a refusal leaves the old values", async () => {
    const e = await zhejiangExpert();
    await executeAction(updateExpertOp, e.session, meta, formOf(await row(e.id), { name: `${e.name}改` }));
    const change = (await pending(e.id))!;
    const zj = await provinceAdmin("33");
    expect(await executeAction(decideProfileChangeOp, zj, meta, { changeId: change.id, decision: "reject" })).toMatchObject({ ok: false, fieldErrors: { reason: ["不通过时请填写原因"] } });
    expect(await executeAction(decideProfileChangeOp, zj, meta, { changeId: change.id, decision: "reject", reason: "与身份证件姓名不符" })).toMatchObject({ ok: true });
    expect((await row(e.id)).name).toBe(e.name);
    expect(await db.expertProfileChange.findUniqueOrThrow({ where: { id: change.id } })).toMatchObject({ state: "REJECTED", reason: "与身份证件姓名不符" });
    expect(await db.notification.count({ where: { userId: e.user!.id, body: { contains: "与身份证件姓名不符" } } })).toBe(1);
  });

  it("keeps one pending change: a newer one supersedes it", async () => {
    const e = await zhejiangExpert();
    await executeAction(updateExpertOp, e.session, meta, formOf(await row(e.id), { employer: "甲大学" }));
    const first = (await pending(e.id))!;
    await executeAction(updateExpertOp, e.session, meta, formOf(await row(e.id), { employer: "乙大学" }));
    expect((await db.expertProfileChange.findUniqueOrThrow({ where: { id: first.id } })).state).toBe("SUPERSEDED");
    expect((await pending(e.id))!.changes).toEqual({ employer: { from: "浙江大学", to: "乙大学" } });
    const zj = await provinceAdmin("33");
    expect(await executeAction(decideProfileChangeOp, zj, meta, { changeId: first.id, decision: "approve" })).toMatchObject({ ok: false });
    expect((await row(e.id)).employer).toBe("浙江大学");
  });

  it("lets exactly one of two officers deciding at once win", async () => {
    const e = await zhejiangExpert();
    await executeAction(updateExpertOp, e.session, meta, formOf(await row(e.id), { employer: "丙大学" }));
    const change = (await pending(e.id))!;
    const [a, b] = [await provinceAdmin("33"), await provinceAdmin("33")];
    const results = await Promise.all([
      executeAction(decideProfileChangeOp, a, meta, { changeId: change.id, decision: "approve" }),
      executeAction(decideProfileChangeOp, b, meta, { changeId: change.id, decision: "reject", reason: "不符" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const state = (await db.expertProfileChange.findUniqueOrThrow({ where: { id: change.id } })).state;
    expect((await row(e.id)).employer).toBe(state === "APPROVED" ? "丙大学" : "浙江大学");
  });
});
