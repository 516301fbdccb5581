import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { executeAction } from "@/lib/actions/pipeline";
import {
  confirmMembershipOp, decideNominationOp, leaveLibraryOp, nominateOp, removeMemberOp, withdrawNominationOp,
} from "@/lib/library/operations";
import {
  libraryCardFor, membersForExport, nominationsForExport, searchCandidates, searchMembers, searchNominations,
} from "@/lib/library/queries";
import { MEMBER_EXPORT_COLUMNS } from "@/lib/library/export";
import { toCsv } from "@/lib/export/table";
import { candidateSearchSchema, memberSearchSchema, nominationSearchSchema } from "@/lib/library/schemas";
import type { SessionUser } from "@/lib/auth/roles";
import {
  expertWithUser, ministryAdmin as ministry, provinceAdmin as province, SICHUAN_COUNTY, unitUser, ZHEJIANG_COUNTY,
} from "./fixtures";
import { auditRows, meta } from "./helpers";

type ExpertOverrides = Parameters<typeof expertWithUser>[0];

/** A Sichuan expert with an account; eligible (副高, active, not in the library) unless overridden. */
function expert(overrides: ExpertOverrides = {}) {
  return expertWithUser({ regionCode: SICHUAN_COUNTY, title: "ASSOCIATE_SENIOR", talentCategories: [], ...overrides });
}

const reason = "长期在基层开展技术服务，专业能力突出，群众认可。";
const nominateInput = (expertId: string, extra: Record<string, unknown> = {}) =>
  ({ expertId, reason, willing: "on", healthy: "on", ...extra });

async function nominated(by: SessionUser, overrides: ExpertOverrides = {}) {
  const e = await expert(overrides);
  const result = await executeAction(nominateOp, by, meta, nominateInput(e.id));
  if (!result.ok) throw new Error(result.error);
  return { expert: e, nominationId: result.data.nominationId };
}

async function member(overrides: ExpertOverrides = {}) {
  return expert({ libraryStatus: "IN_LIBRARY", libraryJoinedAt: new Date("2025-06-01"), lastConfirmedAt: new Date(), ...overrides });
}

const expertRow = (id: string) => db.expertProfile.findUniqueOrThrow({ where: { id } });
const nominationRow = (id: string) => db.libraryNomination.findUniqueOrThrow({ where: { id } });
const notesOf = (userId: string) => db.notification.findMany({ where: { userId } });

describe("library: a province nominates", () => {
  it("nominates an eligible expert of its own province: nomination, status, audit, ministry notified", async () => {
    const ministryUser = await ministry();
    const sichuan = await province("51");
    const e = await expert();
    const result = await executeAction(nominateOp, sichuan, meta, nominateInput(e.id));
    expect(result).toMatchObject({ ok: true, message: "已推荐，等待部级审定" });
    if (!result.ok) return;
    expect(await nominationRow(result.data.nominationId)).toMatchObject({
      expertId: e.id, provinceCode: "51", nominatedById: sichuan.id, reason, willing: true, healthy: true, state: "NOMINATED",
    });
    expect((await expertRow(e.id)).libraryStatus).toBe("NOMINATED");
    expect((await auditRows({ entityId: result.data.nominationId }))[0]).toMatchObject({ operation: "library.nominate", outcome: "SUCCESS", actorId: sichuan.id });
    expect((await notesOf(ministryUser.id)).map((n) => n.title)).toContain(`新的重点联系专家库推荐：${e.name}`);
  });

  it("refuses another province's expert, audited, unchanged", async () => {
    const zhejiang = await province("33");
    const e = await expert();
    expect(await executeAction(nominateOp, zhejiang, meta, nominateInput(e.id))).toEqual({ ok: false, error: "无权执行此操作" });
    expect((await expertRow(e.id)).libraryStatus).toBe("NONE");
    expect(await db.libraryNomination.count({ where: { expertId: e.id } })).toBe(0);
    expect((await auditRows({ actorId: zhejiang.id }))[0]).toMatchObject({ outcome: "DENIED", entityId: e.id });
  });

  it("refuses the ministry, units and experts (they do not nominate)", async () => {
    const e = await expert();
    const unit = await unitUser();
    const own = e.session;
    for (const user of [await ministry(), unit, own]) {
      expect(await executeAction(nominateOp, user, meta, nominateInput(e.id))).toEqual({ ok: false, error: "无权执行此操作" });
    }
    expect(await db.libraryNomination.count({ where: { expertId: e.id } })).toBe(0);
  });

  it("refuses with the failed criteria in Chinese, field by field, writing nothing", async () => {
    const sichuan = await province("51");
    const junior = await expert({ title: "INTERMEDIATE", talentCategories: [] });
    const refused = await executeAction(nominateOp, sichuan, meta, nominateInput(junior.id, { willing: undefined }));
    expect(refused).toMatchObject({
      ok: false,
      error: expect.stringContaining("不符合推荐条件：须具有副高级及以上职称"),
      fieldErrors: { expertId: [expect.stringContaining("副高级")], willing: ["须经本人自愿（请确认“本人自愿”）"] },
    });
    const e = await expert();
    expect(await executeAction(nominateOp, sichuan, meta, nominateInput(e.id, { healthy: "" })))
      .toMatchObject({ ok: false, fieldErrors: { healthy: ["须身体健康（请确认“身体健康”）"] } });
    expect(await executeAction(nominateOp, sichuan, meta, nominateInput(e.id, { reason: "好" })))
      .toMatchObject({ ok: false, fieldErrors: { reason: ["推荐理由不少于 10 个字"] } });
    const suspended = await expert({ status: "SUSPENDED" });
    expect(await executeAction(nominateOp, sichuan, meta, nominateInput(suspended.id))).toMatchObject({ ok: false, error: expect.stringContaining("未通过审核或已暂停") });
    for (const id of [junior.id, e.id, suspended.id]) {
      expect(await db.libraryNomination.count({ where: { expertId: id } })).toBe(0);
      expect((await expertRow(id)).libraryStatus).toBe("NONE");
    }
    expect(await executeAction(nominateOp, sichuan, meta, nominateInput("nope"))).toEqual({ ok: false, error: "专家不存在或已被删除" });
  });

  it("accepts an intermediate-title expert with a talent category", async () => {
    const sichuan = await province("51");
    const e = await expert({ title: "INTERMEDIATE", talentCategories: ["POSTDOC"] });
    expect(await executeAction(nominateOp, sichuan, meta, nominateInput(e.id))).toMatchObject({ ok: true });
  });

  it("refuses members and experts with a pending nomination", async () => {
    const sichuan = await province("51");
    const { expert: e } = await nominated(sichuan);
    expect(await executeAction(nominateOp, sichuan, meta, nominateInput(e.id))).toMatchObject({ ok: false, error: expect.stringContaining("不能重复推荐") });
    const m = await member();
    expect(await executeAction(nominateOp, sichuan, meta, nominateInput(m.id))).toMatchObject({ ok: false, error: expect.stringContaining("已在重点联系专家库中") });
    expect(await db.libraryNomination.count({ where: { expertId: { in: [e.id, m.id] } } })).toBe(1);
  });

  it("lets exactly one of two simultaneous nominations of the same expert through", async () => {
    const [a, b] = [await province("51"), await province("51")];
    const e = await expert();
    const results = await Promise.all([a, b].map((u) => executeAction(nominateOp, u, meta, nominateInput(e.id))));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.libraryNomination.count({ where: { expertId: e.id } })).toBe(1);
  });
});

describe("library: a province withdraws its pending nomination", () => {
  it("withdraws, returning the expert to NONE; a second withdrawal is refused", async () => {
    const sichuan = await province("51");
    const { expert: e, nominationId } = await nominated(sichuan);
    expect(await executeAction(withdrawNominationOp, sichuan, meta, { nominationId })).toMatchObject({ ok: true });
    expect((await nominationRow(nominationId)).state).toBe("WITHDRAWN");
    expect((await expertRow(e.id)).libraryStatus).toBe("NONE");
    expect((await auditRows({ entityId: nominationId, operation: "library.withdraw" }))[0]).toMatchObject({ outcome: "SUCCESS" });
    expect(await executeAction(withdrawNominationOp, sichuan, meta, { nominationId })).toEqual({ ok: false, error: "该推荐已审定或已撤回，不能再撤回" });
  });

  it("refuses another province and the ministry", async () => {
    const { expert: e, nominationId } = await nominated(await province("51"));
    expect(await executeAction(withdrawNominationOp, await province("33"), meta, { nominationId })).toEqual({ ok: false, error: "无权执行此操作" });
    expect(await executeAction(withdrawNominationOp, await ministry(), meta, { nominationId })).toEqual({ ok: false, error: "无权执行此操作" });
    expect((await nominationRow(nominationId)).state).toBe("NOMINATED");
    expect((await expertRow(e.id)).libraryStatus).toBe("NOMINATED");
  });

  it("returns a re-nominated expert to the earlier outcome (declined, or left)", async () => {
    const sichuan = await province("51");
    const boss = await ministry();
    const { expert: e, nominationId } = await nominated(sichuan);
    await executeAction(decideNominationOp, boss, meta, { nominationId, decision: "DECLINE", reason: "名额已满" });
    const again = await executeAction(nominateOp, sichuan, meta, nominateInput(e.id));
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    await executeAction(withdrawNominationOp, sichuan, meta, { nominationId: again.data.nominationId });
    expect((await expertRow(e.id)).libraryStatus).toBe("DECLINED");

    const left = await expert({ libraryStatus: "LEFT", libraryLeftAt: new Date("2026-01-01"), libraryLeftReason: "工作调动" });
    await db.libraryNomination.create({ data: { expertId: left.id, provinceCode: "51", nominatedById: sichuan.id, reason, state: "ADMITTED", decidedAt: new Date("2025-01-01") } });
    const back = await executeAction(nominateOp, sichuan, meta, nominateInput(left.id));
    if (!back.ok) throw new Error(back.error);
    await executeAction(withdrawNominationOp, sichuan, meta, { nominationId: back.data.nominationId });
    expect((await expertRow(left.id)).libraryStatus).toBe("LEFT");
  });
});

describe("library: the ministry decides", () => {
  it("admits: member since now, confirmed now; province and expert notified; audited", async () => {
    const sichuan = await province("51");
    const colleague = await province("51");
    const boss = await ministry();
    const { expert: e, nominationId } = await nominated(sichuan);
    const before = Date.now();
    expect(await executeAction(decideNominationOp, boss, meta, { nominationId, decision: "ADMIT" })).toMatchObject({ ok: true, data: { libraryStatus: "IN_LIBRARY" } });
    expect(await nominationRow(nominationId)).toMatchObject({ state: "ADMITTED", decidedById: boss.id, decisionReason: "同意入库。", version: 1 });
    const row = await expertRow(e.id);
    expect(row.libraryStatus).toBe("IN_LIBRARY");
    expect(row.libraryJoinedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(row.lastConfirmedAt!.getTime()).toBe(row.libraryJoinedAt!.getTime());
    expect((await auditRows({ entityId: nominationId, operation: "library.admit" }))[0]).toMatchObject({ outcome: "SUCCESS", actorId: boss.id });
    for (const id of [sichuan.id, colleague.id]) expect((await notesOf(id)).map((n) => n.title)).toContain(`${e.name}已进入重点联系专家库`);
    expect((await notesOf(e.user!.id)).map((n) => n.title)).toEqual(["您已进入服务基层重点联系专家库"]);
  });

  it("declines with a reason; without one nothing changes", async () => {
    const sichuan = await province("51");
    const boss = await ministry();
    const { expert: e, nominationId } = await nominated(sichuan);
    expect(await executeAction(decideNominationOp, boss, meta, { nominationId, decision: "DECLINE", reason: "" }))
      .toMatchObject({ ok: false, fieldErrors: { reason: ["不同意入库须填写理由"] } });
    expect((await nominationRow(nominationId)).state).toBe("NOMINATED");
    expect(await executeAction(decideNominationOp, boss, meta, { nominationId, decision: "DECLINE", reason: "本批次该领域名额已满" })).toMatchObject({ ok: true });
    expect(await nominationRow(nominationId)).toMatchObject({ state: "DECLINED", decisionReason: "本批次该领域名额已满" });
    expect((await expertRow(e.id)).libraryStatus).toBe("DECLINED");
    expect((await notesOf(e.user!.id))[0]).toMatchObject({ title: "您的重点联系专家库推荐未获同意", body: "理由：本批次该领域名额已满" });
    expect((await auditRows({ entityId: nominationId, operation: "library.decline" }))).toHaveLength(1);
  });

  it("refuses deciding twice, or deciding a withdrawn nomination", async () => {
    const sichuan = await province("51");
    const boss = await ministry();
    const { nominationId } = await nominated(sichuan);
    await executeAction(decideNominationOp, boss, meta, { nominationId, decision: "ADMIT" });
    expect(await executeAction(decideNominationOp, boss, meta, { nominationId, decision: "DECLINE", reason: "重复审定" }))
      .toEqual({ ok: false, error: "该推荐已被审定或已撤回（可能他人刚刚处理），请刷新后查看" });
    expect((await nominationRow(nominationId)).state).toBe("ADMITTED");
    const second = await nominated(sichuan);
    await executeAction(withdrawNominationOp, sichuan, meta, { nominationId: second.nominationId });
    expect(await executeAction(decideNominationOp, boss, meta, { nominationId: second.nominationId, decision: "ADMIT" })).toMatchObject({ ok: false });
    expect((await expertRow(second.expert.id)).libraryStatus).toBe("NONE");
  });

  it("refuses provinces, units and experts", async () => {
    const sichuan = await province("51");
    const { expert: e, nominationId } = await nominated(sichuan);
    const unit = await unitUser();
    for (const user of [sichuan, unit, e.session]) {
      expect(await executeAction(decideNominationOp, user, meta, { nominationId, decision: "ADMIT" })).toEqual({ ok: false, error: "无权执行此操作" });
    }
    expect((await nominationRow(nominationId)).state).toBe("NOMINATED");
    expect((await auditRows({ actorId: sichuan.id })).filter((a) => a.outcome === "DENIED")).toHaveLength(1);
  });

  it("lets exactly one of two simultaneous decisions win, with the expert matching the winner", async () => {
    const [a, b] = [await ministry(), await ministry()];
    const { expert: e, nominationId } = await nominated(await province("51"));
    const results = await Promise.all([
      executeAction(decideNominationOp, a, meta, { nominationId, decision: "ADMIT" }),
      executeAction(decideNominationOp, b, meta, { nominationId, decision: "DECLINE", reason: "不符合本年度重点方向" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const state = (await nominationRow(nominationId)).state;
    expect((await expertRow(e.id)).libraryStatus).toBe(state === "ADMITTED" ? "IN_LIBRARY" : "DECLINED");
    const audits = await auditRows({ entityId: nominationId });
    expect(audits.filter((x) => x.operation === "library.admit" || x.operation === "library.decline")).toHaveLength(1);
  });
});

describe("library: the annual confirmation and exit", () => {
  it("lets a member confirm their own information, audited; the stale mark goes away", async () => {
    const m = await member({ lastConfirmedAt: new Date("2024-05-01") });
    const self = m.session;
    expect((await libraryCardFor(self))?.stale).toBe(true);
    expect(await executeAction(confirmMembershipOp, self, meta, { expertId: m.id })).toMatchObject({ ok: true });
    expect((await expertRow(m.id)).lastConfirmedAt!.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(await libraryCardFor(self)).toMatchObject({ libraryStatus: "IN_LIBRARY", stale: false });
    expect((await auditRows({ entityId: m.id, operation: "library.confirm" }))[0]).toMatchObject({ outcome: "SUCCESS" });
  });

  it("refuses confirming someone else's membership, or by provinces and the ministry", async () => {
    const m = await member({ lastConfirmedAt: new Date("2024-05-01") });
    const other = await member();
    for (const user of [other.session, await province("51"), await ministry()]) {
      expect(await executeAction(confirmMembershipOp, user, meta, { expertId: m.id })).toEqual({ ok: false, error: "无权执行此操作" });
    }
    expect((await expertRow(m.id)).lastConfirmedAt).toEqual(new Date("2024-05-01"));
  });

  it("refuses confirming when not a member", async () => {
    const e = await expert();
    expect(await executeAction(confirmMembershipOp, e.session, meta, { expertId: e.id }))
      .toEqual({ ok: false, error: "您当前不在重点联系专家库中，无需确认" });
  });

  it("lets a member leave with a reason: LEFT, dated, audited, ministry and province told; not twice", async () => {
    const boss = await ministry();
    const sichuan = await province("51");
    const m = await member();
    const self = m.session;
    expect(await executeAction(leaveLibraryOp, self, meta, { expertId: m.id, reason: "" })).toMatchObject({ ok: false, fieldErrors: { reason: ["请填写退出原因"] } });
    expect((await expertRow(m.id)).libraryStatus).toBe("IN_LIBRARY");
    expect(await executeAction(leaveLibraryOp, self, meta, { expertId: m.id, reason: "工作调动" })).toMatchObject({ ok: true });
    expect(await expertRow(m.id)).toMatchObject({ libraryStatus: "LEFT", libraryLeftReason: "工作调动" });
    expect((await expertRow(m.id)).libraryLeftAt).not.toBeNull();
    expect((await auditRows({ entityId: m.id, operation: "library.exit" }))[0]).toMatchObject({ outcome: "SUCCESS", actorId: self.id });
    for (const id of [boss.id, sichuan.id]) expect((await notesOf(id)).map((n) => n.title)).toContain(`${m.name}已申请退出重点联系专家库`);
    expect(await executeAction(leaveLibraryOp, self, meta, { expertId: m.id, reason: "再次退出" })).toMatchObject({ ok: false, error: expect.stringContaining("不在重点联系专家库中") });
  });

  it("refuses one expert taking another out", async () => {
    const m = await member();
    const other = await member();
    expect(await executeAction(leaveLibraryOp, other.session, meta, { expertId: m.id, reason: "恶意" })).toEqual({ ok: false, error: "无权执行此操作" });
    expect((await expertRow(m.id)).libraryStatus).toBe("IN_LIBRARY");
  });

  it("lets the ministry take a member out with a reason, telling the expert; provinces may not", async () => {
    const m = await member();
    expect(await executeAction(removeMemberOp, await province("51"), meta, { expertId: m.id, reason: "长期未参加活动" })).toEqual({ ok: false, error: "无权执行此操作" });
    expect(await executeAction(removeMemberOp, await ministry(), meta, { expertId: m.id, reason: "长期未参加活动" })).toMatchObject({ ok: true });
    expect(await expertRow(m.id)).toMatchObject({ libraryStatus: "LEFT", libraryLeftReason: "长期未参加活动" });
    expect((await notesOf(m.user!.id)).map((n) => n.title)).toEqual(["您已调出服务基层重点联系专家库"]);
    expect((await auditRows({ entityId: m.id, operation: "library.remove" }))).toHaveLength(1);
  });
});

describe("library lists", () => {
  it("shows a province only its own nominations; the ministry all, filterable by province", async () => {
    const sichuan = await province("51");
    const zhejiang = await province("33");
    const own = await nominated(sichuan);
    const foreign = await nominated(zhejiang, { regionCode: ZHEJIANG_COUNTY });
    const ids = async (user: SessionUser, q: string, extra: Record<string, string> = {}) =>
      (await searchNominations(user, nominationSearchSchema.parse({ q, ...extra }), "ALL")).rows.map((r) => r.id);
    expect(await ids(sichuan, own.expert.name)).toEqual([own.nominationId]);
    expect(await ids(sichuan, foreign.expert.name)).toEqual([]);
    expect(await ids(sichuan, foreign.expert.name, { province: "33" })).toEqual([]);
    const boss = await ministry();
    expect(await ids(boss, foreign.expert.name)).toEqual([foreign.nominationId]);
    expect(await ids(boss, foreign.expert.name, { province: "51" })).toEqual([]);
    const queue = await searchNominations(boss, nominationSearchSchema.parse({ q: own.expert.name }), "NOMINATED");
    expect(queue.rows[0]).toMatchObject({ provinceName: "四川省", nominatedByName: sichuan.displayName, meetsLevel: true });
    const unit = await unitUser();
    expect((await searchNominations(unit, nominationSearchSchema.parse({}), "ALL")).total).toBe(0);
    // The download holds what the list holds, in the same scope: a province's file never has another's nominations.
    const exported = async (user: SessionUser) => (await nominationsForExport(user, nominationSearchSchema.parse({ state: "ALL" }))).map((r) => r.id);
    expect(await exported(sichuan)).toContain(own.nominationId);
    expect(await exported(sichuan)).not.toContain(foreign.nominationId);
    expect(await exported(boss)).toEqual(expect.arrayContaining([own.nominationId, foreign.nominationId]));
    expect(await exported(unit)).toEqual([]);
  });

  it("leaves long-unconfirmed members out by default, marks them when included, and keeps provinces to their own", async () => {
    const fresh = await member({ skills: ["独特技能甲乙丙"] });
    const stale = await member({ skills: ["独特技能甲乙丙"], lastConfirmedAt: new Date("2024-01-01") });
    const foreign = await member({ skills: ["独特技能甲乙丙"], regionCode: ZHEJIANG_COUNTY });
    const boss = await ministry();
    const list = async (user: SessionUser, extra: Record<string, string> = {}) =>
      searchMembers(user, memberSearchSchema.parse({ q: "独特技能甲乙丙", ...extra }));
    const byDefault = await list(boss);
    expect(byDefault.rows.map((r) => r.id).sort()).toEqual([fresh.id, foreign.id].sort());
    expect(byDefault.staleHidden).toBe(1);
    const all = await list(boss, { stale: "1" });
    expect(all.rows.find((r) => r.id === stale.id)).toMatchObject({ stale: true });
    expect(all.rows.find((r) => r.id === fresh.id)).toMatchObject({ stale: false });
    expect((await list(boss, { stale: "1", province: "33" })).rows.map((r) => r.id)).toEqual([foreign.id]);
    expect((await list(await province("51"), { stale: "1" })).rows.map((r) => r.id).sort()).toEqual([fresh.id, stale.id].sort());
    expect((await list(boss, { discipline: "210" })).rows.length).toBe(2); // 21060 sits under 农学 (210)
    expect((await list(boss, { discipline: "110" })).rows).toEqual([]);
  });

  it("offers a province only its own experts who can be nominated", async () => {
    const sichuan = await province("51");
    const skill = `候选技能${Date.now()}`;
    const open = await expert({ skills: [skill] });
    const m = await member({ skills: [skill] });
    const pending = await nominated(sichuan, { skills: [skill] });
    const foreign = await expert({ skills: [skill], regionCode: ZHEJIANG_COUNTY });
    const rows = (await searchCandidates(sichuan, candidateSearchSchema.parse({ q: skill }))).rows;
    expect(rows.map((r) => r.id)).toEqual([open.id]);
    expect([m.id, pending.expert.id, foreign.id].some((id) => rows.some((r) => r.id === id))).toBe(false);
  });

  it("exports members within scope without personal contact or identity data", async () => {
    const skill = `导出技能${Date.now()}`;
    const own = await member({ skills: [skill], phone: "13900001111", email: "private@example.com", idNumber: "510131197501010011" });
    const foreign = await member({ skills: [skill], regionCode: ZHEJIANG_COUNTY });
    const rows = await membersForExport(await province("51"), memberSearchSchema.parse({ q: skill }));
    expect(rows.map((r) => r.id)).toEqual([own.id]);
    const csv = toCsv(MEMBER_EXPORT_COLUMNS, rows);
    expect(csv).toContain(own.name);
    expect(csv).toContain("四川省");
    expect(csv).not.toContain(foreign.name);
    for (const secret of ["13900001111", "private@example.com", "510131197501010011", "1975"]) expect(csv).not.toContain(secret);
    const unit = await unitUser();
    expect(await membersForExport(unit, memberSearchSchema.parse({ q: skill }))).toEqual([]);
  });
});
