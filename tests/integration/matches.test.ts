import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { executeAction } from "@/lib/actions/pipeline";
import type { SessionUser } from "@/lib/auth/roles";
import {
  applyNeedOp, assignExpertOp, decideApplicationOp, inviteExpertOp, respondMatchOp, withdrawMatchOp,
} from "@/lib/matches/operations";
import { cancelOp, decideTeamOp } from "@/lib/engagements/operations";
import { stepMatch, warmScoring } from "@/lib/matches/service";
import { sweepInvitations } from "@/lib/matches/sweep";
import { createNeed, createOrganization } from "@/prisma/seed/factories";
import { createTestUsers, expertWithUser } from "./fixtures";
import { auditRows, meta } from "./helpers";

// Invitations, responses, applications and expiry through the action pipeline, on real PostgreSQL.
// Places (ExpertProfile.activeEngagements) and seats (Need.expertsWanted) are checked after every step.

const DAY = 86_400_000;
let menuItemId: string;
let unitOrgId: string;
let provinceSc: SessionUser; // 四川 (51): the needs' province
let provinceZj: SessionUser; // 浙江 (33)
let ministry: SessionUser;
let unitUser: SessionUser;

beforeAll(async () => {
  menuItemId = (await db.serviceMenuItem.findFirstOrThrow({ where: { retiredAt: null }, select: { id: true } })).id;
  const users = await createTestUsers();
  ({ sichuan: provinceSc, zhejiang: provinceZj, ministry, unit: unitUser } = users);
  unitOrgId = users.unitOrg.id;
  await warmScoring(db); // fitted once per process (slow on a loaded machine), outside the tests' own time
}, 300_000);

const openNeed = async (overrides: { expertsWanted?: number; state?: "OPEN" | "SUBMITTED" | "MATCHED"; orgId?: string } = {}) =>
  (await createNeed(db, {
    unitId: overrides.orgId ?? unitOrgId, state: overrides.state ?? "OPEN", expertsWanted: overrides.expertsWanted ?? 2,
    title: "猕猴桃溃疡病绿色防控", bottleneck: "猕猴桃溃疡病高发，缺少绿色防控技术", menuItemIds: [menuItemId],
  })).id;

type ExpertOpts = { regionCode?: string; shareAcrossRegions?: boolean; maxConcurrent?: number; employerOrgId?: string };
async function expert(opts: ExpertOpts = {}) {
  const e = await expertWithUser({
    regionCode: opts.regionCode ?? "510104", shareAcrossRegions: opts.shareAcrossRegions ?? true,
    maxConcurrent: opts.maxConcurrent ?? 3, employerOrgId: opts.employerOrgId, skills: ["猕猴桃溃疡病防治"],
  });
  return { id: e.id, user: e.session };
}

const places = async (expertId: string) =>
  (await db.expertProfile.findUniqueOrThrow({ where: { id: expertId }, select: { activeEngagements: true } })).activeEngagements;
const matchOf = (needId: string, expertId: string) => db.match.findUnique({ where: { needId_expertId: { needId, expertId } } });

async function invited(needId: string, expertId: string, by = provinceSc) {
  const r = await executeAction(inviteExpertOp, by, meta, { needId, expertId });
  if (!r.ok) throw new Error(`invite failed: ${r.error}`);
  return (await matchOf(needId, expertId))!;
}

describe("inviting an expert", () => {
  it("lets the need's province invite: a place and a seat are taken, a deadline is set, the expert is told", async () => {
    const needId = await openNeed();
    const e = await expert();
    const before = Date.now();
    const r = await executeAction(inviteExpertOp, provinceSc, meta, { needId, expertId: e.id });
    expect(r.ok).toBe(true);
    const m = (await matchOf(needId, e.id))!;
    expect(m).toMatchObject({ state: "INVITED", source: "SYSTEM", invitedById: provinceSc.id });
    expect(m.explanation).not.toBe("");
    expect(m.score).toBeGreaterThan(0);
    // Five working days (tests/unit/working-days.test.ts pins the rule): invited early on a Sunday (China time) it is
    // due at the end of Friday, just under six days later; a weekday or a holiday only adds time. At most nine days.
    expect(m.respondBy!.getTime() - before).toBeGreaterThan(5 * DAY);
    expect(m.respondBy!.getTime() - before).toBeLessThan(9 * DAY);
    expect(await places(e.id)).toBe(1);
    const notes = await db.notification.findMany({ where: { userId: e.user.id } });
    expect(notes.map((n) => n.title).join()).toContain("新的服务邀请");
    expect((await auditRows({ entityId: m.id, operation: "match.invite" })).length).toBe(1);
  });

  it("refuses every other role and another province, changing nothing", async () => {
    const needId = await openNeed();
    const e = await expert();
    for (const user of [provinceZj, ministry, unitUser, e.user]) {
      const r = await executeAction(inviteExpertOp, user, meta, { needId, expertId: e.id });
      expect(r).toEqual({ ok: false, error: "无权执行此操作" });
    }
    expect(await matchOf(needId, e.id)).toBeNull();
    expect(await places(e.id)).toBe(0);
    expect((await auditRows({ actorId: provinceZj.id, operation: "match.invite" })).some((a) => a.outcome === "DENIED")).toBe(true);
  });

  it("refuses an expert of another province who does not share across regions", async () => {
    const needId = await openNeed();
    const hidden = await expert({ regionCode: "330106", shareAcrossRegions: false });
    const r = await executeAction(inviteExpertOp, provinceSc, meta, { needId, expertId: hidden.id });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toContain("未开放跨区域共享");
    expect(await matchOf(needId, hidden.id)).toBeNull();
  });

  it("refuses a hard-filtered expert (employed by the requesting unit) with the reason", async () => {
    const needId = await openNeed();
    const own = await expert({ employerOrgId: unitOrgId });
    const r = await executeAction(inviteExpertOp, provinceSc, meta, { needId, expertId: own.id });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toContain("不能匹配该专家");
    expect(await places(own.id)).toBe(0);
  });

  it("refuses needs that are not open, and more invitations than the need has seats", async () => {
    const submitted = await openNeed({ state: "SUBMITTED" });
    const e = await expert();
    const r1 = await executeAction(inviteExpertOp, provinceSc, meta, { needId: submitted, expertId: e.id });
    expect(!r1.ok && r1.error).toContain("不能邀请专家");

    const needId = await openNeed({ expertsWanted: 1 });
    await invited(needId, e.id);
    const other = await expert();
    const r2 = await executeAction(inviteExpertOp, provinceSc, meta, { needId, expertId: other.id });
    expect(!r2.ok && r2.error).toContain("名额已满");
    expect(await places(other.id)).toBe(0);
  });

  it("requires a reason to assign by hand, and keeps it", async () => {
    const needId = await openNeed();
    const e = await expert();
    const bad = await executeAction(assignExpertOp, provinceSc, meta, { needId, expertId: e.id, reason: " " });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.fieldErrors?.reason).toBeTruthy();
    expect(await matchOf(needId, e.id)).toBeNull();
    const ok = await executeAction(assignExpertOp, provinceSc, meta, { needId, expertId: e.id, reason: "熟悉当地猕猴桃产业，曾多次来县服务" });
    expect(ok.ok).toBe(true);
    expect(await matchOf(needId, e.id)).toMatchObject({ source: "PROVINCE", state: "INVITED", assignReason: "熟悉当地猕猴桃产业，曾多次来县服务" });
    expect((await auditRows({ actorId: provinceSc.id, operation: "match.assign" })).length).toBeGreaterThanOrEqual(1);
  });
});

describe("answering an invitation", () => {
  it("lets only the invited expert accept, with the hours offered; the place stays taken", async () => {
    const needId = await openNeed();
    const e = await expert();
    const stranger = await expert();
    const m = await invited(needId, e.id);
    const refused = await executeAction(respondMatchOp, stranger.user, meta, { matchId: m.id, version: m.version, decision: "accept" });
    expect(refused).toEqual({ ok: false, error: "无权执行此操作" });
    const r = await executeAction(respondMatchOp, e.user, meta, { matchId: m.id, version: m.version, decision: "accept", offeredHours: "40" });
    expect(r.ok).toBe(true);
    expect(await matchOf(needId, e.id)).toMatchObject({ state: "ACCEPTED", offeredHours: 40 });
    expect(await places(e.id)).toBe(1);
    const again = await executeAction(respondMatchOp, e.user, meta, { matchId: m.id, version: m.version + 1, decision: "decline", reason: "改变主意" });
    expect(!again.ok && again.error).toContain("不能婉拒邀请");
  });

  it("refuses a stale form (version) and changes nothing", async () => {
    const needId = await openNeed();
    const e = await expert();
    const m = await invited(needId, e.id);
    const r = await executeAction(respondMatchOp, e.user, meta, { matchId: m.id, version: m.version + 5, decision: "accept" });
    expect(!r.ok && r.error).toContain("刷新");
    expect((await matchOf(needId, e.id))!.state).toBe("INVITED");
  });

  it("requires a reason to decline; declining frees the place and the expert cannot be invited again", async () => {
    const needId = await openNeed();
    const e = await expert();
    const m = await invited(needId, e.id);
    const bad = await executeAction(respondMatchOp, e.user, meta, { matchId: m.id, version: m.version, decision: "decline", reason: "" });
    expect(!bad.ok && bad.fieldErrors?.reason).toBeTruthy();
    const r = await executeAction(respondMatchOp, e.user, meta, { matchId: m.id, version: m.version, decision: "decline", reason: "时间冲突" });
    expect(r.ok).toBe(true);
    expect(await matchOf(needId, e.id)).toMatchObject({ state: "DECLINED", declineReason: "时间冲突" });
    expect(await places(e.id)).toBe(0);
    const again = await executeAction(inviteExpertOp, provinceSc, meta, { needId, expertId: e.id });
    expect(again.ok).toBe(false);
  });

  it("lets the province withdraw (with a reason), which frees the place; the expert may then be invited again", async () => {
    const needId = await openNeed();
    const e = await expert();
    const m = await invited(needId, e.id);
    const byOther = await executeAction(withdrawMatchOp, provinceZj, meta, { matchId: m.id, version: m.version, reason: "重新安排" });
    expect(byOther).toEqual({ ok: false, error: "无权执行此操作" });
    const r = await executeAction(withdrawMatchOp, provinceSc, meta, { matchId: m.id, version: m.version, reason: "需求调整" });
    expect(r.ok).toBe(true);
    expect(await matchOf(needId, e.id)).toMatchObject({ state: "WITHDRAWN", closeReason: "需求调整" });
    expect(await places(e.id)).toBe(0);
    const again = await invited(needId, e.id);
    expect(again).toMatchObject({ state: "INVITED", closeReason: null });
    expect(await places(e.id)).toBe(1);
  });
});

describe("applying to an open need", () => {
  it("lets an expert apply (no place taken) and the need's province approve (the place is taken)", async () => {
    const needId = await openNeed();
    const e = await expert();
    const r = await executeAction(applyNeedOp, e.user, meta, { needId, note: "长期从事猕猴桃病害防治研究" });
    expect(r.ok).toBe(true);
    const m = (await matchOf(needId, e.id))!;
    expect(m).toMatchObject({ state: "APPLIED", source: "EXPERT_APPLIED", applyNote: "长期从事猕猴桃病害防治研究" });
    expect(await places(e.id)).toBe(0);
    for (const user of [provinceZj, unitUser, e.user]) {
      const refused = await executeAction(decideApplicationOp, user, meta, { matchId: m.id, version: m.version, decision: "approve" });
      expect(refused).toEqual({ ok: false, error: "无权执行此操作" });
    }
    const ok = await executeAction(decideApplicationOp, provinceSc, meta, { matchId: m.id, version: m.version, decision: "approve" });
    expect(ok.ok).toBe(true);
    expect((await matchOf(needId, e.id))!.state).toBe("ACCEPTED");
    expect(await places(e.id)).toBe(1);
  });

  it("requires a reason to reject; refuses applications by non-experts, short notes and needs not open", async () => {
    const needId = await openNeed();
    const e = await expert();
    expect((await executeAction(applyNeedOp, e.user, meta, { needId, note: "好" })).ok).toBe(false);
    expect(await executeAction(applyNeedOp, unitUser, meta, { needId, note: "我们也想申请这个需求" })).toEqual({ ok: false, error: "无权执行此操作" });
    const closed = await openNeed({ state: "SUBMITTED" });
    const r = await executeAction(applyNeedOp, e.user, meta, { needId: closed, note: "长期从事猕猴桃病害防治研究" });
    expect(!r.ok && r.error).toContain("不再接受申请");

    await executeAction(applyNeedOp, e.user, meta, { needId, note: "长期从事猕猴桃病害防治研究" });
    const m = (await matchOf(needId, e.id))!;
    const bad = await executeAction(decideApplicationOp, provinceSc, meta, { matchId: m.id, version: m.version, decision: "reject", reason: "" });
    expect(!bad.ok && bad.fieldErrors?.reason).toBeTruthy();
    const ok = await executeAction(decideApplicationOp, provinceSc, meta, { matchId: m.id, version: m.version, decision: "reject", reason: "已有合适专家" });
    expect(ok.ok).toBe(true);
    expect(await matchOf(needId, e.id)).toMatchObject({ state: "REJECTED", closeReason: "已有合适专家" });
  });
});

describe("invitation deadlines", () => {
  it("reminds once on the deadline's day, then expires the invitation and frees the place", async () => {
    const needId = await openNeed();
    const e = await expert();
    const m = await invited(needId, e.id);
    const dueDay = new Date(m.respondBy!.getTime() - 3_600_000);

    expect((await sweepInvitations(db, dueDay, { expertId: e.id })).reminded).toBe(1);
    expect((await sweepInvitations(db, dueDay, { expertId: e.id })).reminded).toBe(0);
    expect((await matchOf(needId, e.id))!.remindedAt).not.toBeNull();
    const reminders = await db.notification.findMany({ where: { userId: e.user.id, title: { startsWith: "邀请即将到期" } } });
    expect(reminders.length).toBe(1);

    const after = new Date(m.respondBy!.getTime() + 1000);
    await expect(db.$transaction((tx) => stepMatch(tx, { matchId: m.id, step: "accept", actorId: e.user.id, now: after })))
      .rejects.toThrow("超过答复期限");
    expect((await sweepInvitations(db, after, { expertId: e.id })).expired).toBe(1);
    expect((await sweepInvitations(db, after, { expertId: e.id })).expired).toBe(0);
    expect((await matchOf(needId, e.id))!.state).toBe("EXPIRED");
    expect(await places(e.id)).toBe(0);
    expect((await auditRows({ entityId: m.id, operation: "match.expire" })).length).toBe(1);
    const told = await db.notification.findMany({ where: { userId: provinceSc.id, title: { startsWith: "邀请超期未答复" } } });
    expect(told.length).toBeGreaterThanOrEqual(1);
  });
});

describe("the need follows its matches", () => {
  const accepted = async (needId: string, e: { id: string; user: SessionUser }) => {
    const m = await invited(needId, e.id);
    const r = await executeAction(respondMatchOp, e.user, meta, { matchId: m.id, version: m.version, decision: "accept" });
    if (!r.ok) throw new Error(r.error);
    return (await matchOf(needId, e.id))!;
  };

  it("a confirmed expert whose engagement was cancelled gives the need's seat back", async () => {
    const needId = await openNeed({ expertsWanted: 1 });
    const e = await expert();
    const m = await accepted(needId, e);
    expect((await executeAction(decideTeamOp, unitUser, meta, { matchId: m.id, decision: "confirm", reason: "" })).ok).toBe(true);
    const other = await expert();
    const full = await executeAction(inviteExpertOp, provinceSc, meta, { needId, expertId: other.id });
    expect(!full.ok && full.error).toContain("名额已满");
    const engagement = await db.engagement.findUniqueOrThrow({ where: { matchId: m.id } });
    const cancelled = await executeAction(cancelOp, provinceSc, meta, { engagementId: engagement.id, reason: "专家因病无法继续服务" });
    expect(cancelled.ok).toBe(true);
    expect(await places(e.id)).toBe(0);
    expect((await executeAction(inviteExpertOp, provinceSc, meta, { needId, expertId: other.id })).ok).toBe(true);
  });

  it("when the last pending invitation is declined after the team's service closed, the need completes", async () => {
    const needId = await openNeed({ expertsWanted: 2 });
    const first = await expert();
    const m = await accepted(needId, first);
    await executeAction(decideTeamOp, unitUser, meta, { matchId: m.id, decision: "confirm", reason: "" });
    // Close the first engagement directly (its own lifecycle is tested in engagements.test.ts).
    await db.engagement.updateMany({ where: { matchId: m.id }, data: { state: "CLOSED", closedAt: new Date() } });
    const second = await expert();
    const pending = await invited(needId, second.id);
    expect((await db.need.findUniqueOrThrow({ where: { id: needId } })).state).toBe("MATCHED");
    const r = await executeAction(respondMatchOp, second.user, meta, { matchId: pending.id, version: pending.version, decision: "decline", reason: "时间冲突" });
    expect(r.ok).toBe(true);
    expect((await db.need.findUniqueOrThrow({ where: { id: needId } })).state).toBe("COMPLETED");
  });
});

describe("parallel requests (PostgreSQL decides)", () => {
  it("two provinces inviting the same expert to five needs at once: exactly their free places succeed", async () => {
    const zjOrg = (await createOrganization(db, { regionCode: "330106" })).id;
    const shared = await expert({ regionCode: "330106", shareAcrossRegions: true, maxConcurrent: 2 });
    const needs = [await openNeed(), await openNeed(), await openNeed(), await openNeed({ orgId: zjOrg }), await openNeed({ orgId: zjOrg })];
    const results = await Promise.all(needs.map((needId, i) =>
      executeAction(inviteExpertOp, i < 3 ? provinceSc : provinceZj, meta, { needId, expertId: shared.id })));
    expect(results.filter((r) => r.ok).length).toBe(2);
    // A refusal is the place guard's (已满), a stale version (刷新), or — when the others had committed before this
    // invitation scored the expert — the at-capacity hard filter (上限); all three say the places are gone.
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && /已满|刷新|上限/.test(r.error))).toBe(true);
    expect(await places(shared.id)).toBe(2);
    expect(await db.match.count({ where: { expertId: shared.id, state: "INVITED" } })).toBe(2);
  });

  it("one seat, four experts invited at once: exactly one succeeds", async () => {
    const needId = await openNeed({ expertsWanted: 1 });
    const experts = await Promise.all([expert(), expert(), expert(), expert()]);
    const results = await Promise.all(experts.map((e) => executeAction(inviteExpertOp, provinceSc, meta, { needId, expertId: e.id })));
    expect(results.filter((r) => r.ok).length).toBe(1);
    expect(await db.match.count({ where: { needId, state: "INVITED" } })).toBe(1);
    const taken = await Promise.all(experts.map((e) => places(e.id)));
    expect(taken.reduce((a, b) => a + b, 0)).toBe(1);
  });

  it("approving three applications of an expert with one free place: exactly one succeeds", async () => {
    const e = await expert({ maxConcurrent: 1 });
    const needs = [await openNeed(), await openNeed(), await openNeed()];
    const matches = [];
    for (const needId of needs) {
      const r = await executeAction(applyNeedOp, e.user, meta, { needId, note: "长期从事猕猴桃病害防治研究" });
      expect(r.ok).toBe(true);
      matches.push((await matchOf(needId, e.id))!);
    }
    const results = await Promise.all(matches.map((m) =>
      executeAction(decideApplicationOp, provinceSc, meta, { matchId: m.id, version: m.version, decision: "approve" })));
    expect(results.filter((r) => r.ok).length).toBe(1);
    expect(await places(e.id)).toBe(1);
    expect(await db.match.count({ where: { expertId: e.id, state: "ACCEPTED" } })).toBe(1);
  });

  it("the expert accepting while the province withdraws: one wins, the place count stays right", async () => {
    const needId = await openNeed();
    const e = await expert();
    const m = await invited(needId, e.id);
    const [accept, withdraw] = await Promise.all([
      executeAction(respondMatchOp, e.user, meta, { matchId: m.id, version: m.version, decision: "accept" }),
      executeAction(withdrawMatchOp, provinceSc, meta, { matchId: m.id, version: m.version, reason: "重新安排" }),
    ]);
    expect([accept.ok, withdraw.ok].filter(Boolean).length).toBe(1);
    const final = (await matchOf(needId, e.id))!;
    expect(await places(e.id)).toBe(final.state === "ACCEPTED" ? 1 : 0);
  });
});
