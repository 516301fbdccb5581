import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { executeAction } from "@/lib/actions/pipeline";
import type { SessionUser } from "@/lib/auth/roles";
import type { EngagementState, NeedState } from "@/lib/generated/prisma/enums";
import {
  agreePlanOp, cancelOp, decideTeamOp, editRecordOp, feedbackOp, finishOp, logRecordOp, reviewRecordOp, savePlanOp,
} from "@/lib/engagements/operations";
import { engagementDetail, engagementsForExport, needTeam, searchEngagements } from "@/lib/engagements/queries";
import { chinaDate } from "@/lib/calendar/china-time";
import { engagementSearchSchema } from "@/lib/engagements/schemas";
import { ENGAGEMENT_STATE_LABEL } from "@/lib/labels";
import { createNeed } from "@/prisma/seed/factories";
import { expertUser, expertWithUser, ministryAdmin as ministry, provinceAdmin as province, unitIn, unitUser } from "./fixtures";
import { auditRows, meta, REFUSED } from "./helpers";

// Fixtures: a need of a fresh unit (in 四川, 51) with an expert (based in 浙江) who has ACCEPTED its invitation —
// the ACCEPTED match holds one of the expert's places (activeEngagements = 1). Each test makes its own.

let menuIds: string[] = [];
beforeAll(async () => {
  menuIds = (await db.serviceMenuItem.findMany({ where: { retiredAt: null }, orderBy: { sortOrder: "asc" }, take: 2, select: { id: true } })).map((m) => m.id);
});

const today = () => chinaDate(new Date());

async function acceptedExpert(needId: string, places = 1, maxConcurrent = 2) {
  const ex = await expertWithUser({ activeEngagements: places, maxConcurrent });
  const match = await db.match.create({
    data: {
      needId, expertId: ex.id, score: 0.8, source: "SYSTEM", state: "ACCEPTED", explanation: "学科吻合",
      invitedAt: new Date(), respondedAt: new Date(), offeredHours: 40,
    },
  });
  return { expertId: ex.id, matchId: match.id, user: ex.session };
}

async function fixture(opts: { expertsWanted?: number; needState?: NeedState } = {}) {
  const { org, user: unit } = await unitIn();
  const need = await createNeed(db, { unitId: org.id, state: opts.needState ?? "OPEN", menuItemIds: menuIds, expertsWanted: opts.expertsWanted ?? 1 });
  const expert = await acceptedExpert(need.id);
  return { orgId: org.id, unit, need, expert, ...expert };
}
type Fixture = Awaited<ReturnType<typeof fixture>>;

const ok = <T>(r: { ok: boolean; error?: string; data?: T }) => {
  if (!r.ok) throw new Error(`expected ok, got: ${r.error} ${JSON.stringify((r as { fieldErrors?: unknown }).fieldErrors)}`);
  return r.data as T;
};

const places = async (expertId: string) => (await db.expertProfile.findUniqueOrThrow({ where: { id: expertId } })).activeEngagements;
const needState = async (id: string) => (await db.need.findUniqueOrThrow({ where: { id } })).state;
const engagement = async (id: string) => db.engagement.findUniqueOrThrow({ where: { id }, include: { records: true, feedback: true } });
const matchState = async (id: string) => (await db.match.findUniqueOrThrow({ where: { id } })).state;

const PLAN = {
  type: "SHORT_TERM", planGoals: "解决猕猴桃溃疡病防控难题，培训技术骨干", planSchedule: "第一周现场调研；第二周集中培训；之后每月跟踪",
  planPlace: "蒲江县示范园", planDeliverables: "防控方案 1 份，培训 30 人", planForms: ["TECH_GUIDANCE", "THEMED_LECTURE"],
};

const record = (overrides: Record<string, unknown> = {}) => ({
  startDate: today(), endDate: today(), hours: "6", form: "TECH_GUIDANCE",
  content: "现场诊断果园溃疡病发病情况，讲解冬季清园与药剂防治要点。", peopleServed: "40", peopleTrained: "25", ...overrides,
});

/** Confirm the expert: the engagement in PLANNING. */
async function confirmed(f: Fixture) {
  const r = ok(await executeAction(decideTeamOp, f.unit, meta, { matchId: f.matchId, decision: "confirm" }));
  return r.engagementId!;
}

/** Confirmed, plan written and agreed by both: ACTIVE. */
async function active(f: Fixture) {
  const id = await confirmed(f);
  const { version } = ok(await executeAction(savePlanOp, f.unit, meta, { engagementId: id, version: 0, ...PLAN }));
  ok(await executeAction(agreePlanOp, f.unit, meta, { engagementId: id, version }));
  ok(await executeAction(agreePlanOp, f.user, meta, { engagementId: id, version }));
  return id;
}

/** ACTIVE with one confirmed record. */
async function withConfirmedRecord(f: Fixture) {
  const id = await active(f);
  const { id: recordId } = ok(await executeAction(logRecordOp, f.user, meta, { engagementId: id, ...record() }));
  ok(await executeAction(reviewRecordOp, f.unit, meta, { recordId, version: 0, decision: "confirm" }));
  return { id, recordId };
}

async function awaitingFeedback(f: Fixture) {
  const { id } = await withConfirmedRecord(f);
  ok(await executeAction(finishOp, f.user, meta, { engagementId: id }));
  return id;
}

// ─── Team ──────────────────────────────────────────────────────────────────────

describe("the unit confirms the team", () => {
  it("confirms an accepted expert: CONFIRMED, an engagement in PLANNING with the menu's forms, place kept, need MATCHED, audited and notified", async () => {
    const f = await fixture();
    const r = ok(await executeAction(decideTeamOp, f.unit, meta, { matchId: f.matchId, decision: "confirm" }));
    expect(r.needState).toBe("MATCHED");
    expect(await matchState(f.matchId)).toBe("CONFIRMED");
    const e = await engagement(r.engagementId!);
    expect(e).toMatchObject({ state: "PLANNING", needId: f.need.id, expertId: f.expertId, version: 0 });
    expect(e.planForms.length).toBeGreaterThan(0);
    expect(await places(f.expertId)).toBe(1);
    expect(await needState(f.need.id)).toBe("MATCHED");
    expect(await db.needEvent.count({ where: { needId: f.need.id, fromState: "OPEN", toState: "MATCHED" } })).toBe(1);
    expect((await auditRows({ entityId: f.matchId, operation: "match.confirm" }))).toHaveLength(1);
    expect(await db.notification.count({ where: { userId: f.user.id, link: `/engagements/${e.id}` } })).toBe(1);
  });

  it("a second confirmation on the same need leaves the need MATCHED with one event", async () => {
    const f = await fixture({ expertsWanted: 2 });
    const second = await acceptedExpert(f.need.id);
    await confirmed(f);
    ok(await executeAction(decideTeamOp, f.unit, meta, { matchId: second.matchId, decision: "confirm" }));
    expect(await needState(f.need.id)).toBe("MATCHED");
    expect(await db.needEvent.count({ where: { needId: f.need.id, toState: "MATCHED" } })).toBe(1);
    expect(await db.engagement.count({ where: { needId: f.need.id } })).toBe(2);
  });

  it("declines with a reason: WITHDRAWN with the reason, the place given back, the need still OPEN", async () => {
    const f = await fixture();
    const bad = await executeAction(decideTeamOp, f.unit, meta, { matchId: f.matchId, decision: "release", reason: " " });
    expect(bad).toMatchObject({ ok: false, fieldErrors: { reason: ["不予确认时请写明原因（将告知专家和省级管理员）"] } });
    expect(await matchState(f.matchId)).toBe("ACCEPTED");
    ok(await executeAction(decideTeamOp, f.unit, meta, { matchId: f.matchId, decision: "release", reason: "专家时间与农时冲突" }));
    const m = await db.match.findUniqueOrThrow({ where: { id: f.matchId } });
    expect(m).toMatchObject({ state: "WITHDRAWN", closeReason: "专家时间与农时冲突", decidedById: f.unit.id });
    expect(await places(f.expertId)).toBe(0);
    expect(await needState(f.need.id)).toBe("OPEN");
    expect(await db.engagement.count({ where: { matchId: f.matchId } })).toBe(0);
  });

  it("refuses another unit, the province, the ministry and the expert: audited, nothing changes", async () => {
    const f = await fixture();
    for (const who of [await unitUser(), await province("51"), await ministry(), f.user]) {
      expect(await executeAction(decideTeamOp, who, meta, { matchId: f.matchId, decision: "confirm" })).toEqual(REFUSED);
    }
    expect(await matchState(f.matchId)).toBe("ACCEPTED");
    expect(await db.engagement.count({ where: { matchId: f.matchId } })).toBe(0);
    expect((await auditRows({ entityId: f.matchId })).filter((a) => a.outcome === "DENIED")).toHaveLength(1); // the other unit (scope)
  });

  it("refuses matches not waiting for the unit (invited, already confirmed, withdrawn) with INVALID_TRANSITION", async () => {
    const f = await fixture();
    await db.match.update({ where: { id: f.matchId }, data: { state: "INVITED" } });
    expect(await executeAction(decideTeamOp, f.unit, meta, { matchId: f.matchId, decision: "confirm" }))
      .toEqual({ ok: false, error: "该专家当前为“待答复”，不能确认专家" });
    await db.match.update({ where: { id: f.matchId }, data: { state: "ACCEPTED" } });
    await confirmed(f);
    expect(await executeAction(decideTeamOp, f.unit, meta, { matchId: f.matchId, decision: "release", reason: "重复操作" }))
      .toEqual({ ok: false, error: "该专家当前为“单位已确认”，不能不予确认" });
    expect(await places(f.expertId)).toBe(1);
  });

  it("refuses team changes on a need no longer being matched", async () => {
    const f = await fixture({ needState: "COMPLETED" });
    expect(await executeAction(decideTeamOp, f.unit, meta, { matchId: f.matchId, decision: "confirm" }))
      .toEqual({ ok: false, error: "需求当前为“已完成”，不能确认专家团队" });
    expect(await matchState(f.matchId)).toBe("ACCEPTED");
  });

  it("refuses a stale version", async () => {
    const f = await fixture();
    expect(await executeAction(decideTeamOp, f.unit, meta, { matchId: f.matchId, version: "7", decision: "confirm" }))
      .toEqual({ ok: false, error: "该记录已被他人处理，请刷新后重试" });
    expect(await matchState(f.matchId)).toBe("ACCEPTED");
  });

  it("two confirmations at once make one engagement; confirm and decline at once end consistent", async () => {
    const f = await fixture();
    const other = await unitUser(f.orgId);
    const results = await Promise.all([
      executeAction(decideTeamOp, f.unit, meta, { matchId: f.matchId, decision: "confirm" }),
      executeAction(decideTeamOp, other, meta, { matchId: f.matchId, decision: "confirm" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.engagement.count({ where: { matchId: f.matchId } })).toBe(1);
    expect(await db.needEvent.count({ where: { needId: f.need.id, toState: "MATCHED" } })).toBe(1);
    expect(await places(f.expertId)).toBe(1);

    const g = await fixture();
    const mixed = await Promise.all([
      executeAction(decideTeamOp, g.unit, meta, { matchId: g.matchId, decision: "confirm" }),
      executeAction(decideTeamOp, g.unit, meta, { matchId: g.matchId, decision: "release", reason: "另有安排" }),
    ]);
    expect(mixed.filter((r) => r.ok)).toHaveLength(1);
    const state = await matchState(g.matchId);
    expect(await db.engagement.count({ where: { matchId: g.matchId } })).toBe(state === "CONFIRMED" ? 1 : 0);
    expect(await places(g.expertId)).toBe(state === "CONFIRMED" ? 1 : 0);
    expect(await needState(g.need.id)).toBe(state === "CONFIRMED" ? "MATCHED" : "OPEN");
  });
});

// ─── Work plan ─────────────────────────────────────────────────────────────────

describe("the work plan", () => {
  it("either side edits (version-checked); an edit clears the other side's agreement", async () => {
    const f = await fixture();
    const id = await confirmed(f);
    const v1 = ok(await executeAction(savePlanOp, f.user, meta, { engagementId: id, version: 0, ...PLAN })).version;
    expect(await executeAction(savePlanOp, f.unit, meta, { engagementId: id, version: 0, ...PLAN, planPlace: "过时页面" }))
      .toEqual({ ok: false, error: "工作方案已被对方修改或已商定，请刷新后查看最新内容" });
    ok(await executeAction(agreePlanOp, f.user, meta, { engagementId: id, version: v1 }));
    expect((await engagement(id)).planAgreedByExpertAt).not.toBeNull();
    const v2 = ok(await executeAction(savePlanOp, f.unit, meta, { engagementId: id, version: v1, ...PLAN, planPlace: "蒲江县甘溪镇" })).version;
    const e = await engagement(id);
    expect(e).toMatchObject({ planPlace: "蒲江县甘溪镇", planAgreedByExpertAt: null, planAgreedByUnitAt: null, version: v2, state: "PLANNING" });
    expect(await db.notification.count({ where: { userId: f.user.id, title: { startsWith: "工作方案已修改" } } })).toBe(1);
  });

  it("agreement by both sides starts the service exactly once; the need goes IN_SERVICE", async () => {
    const f = await fixture();
    const id = await confirmed(f);
    const { version } = ok(await executeAction(savePlanOp, f.unit, meta, { engagementId: id, version: 0, ...PLAN }));
    const first = ok(await executeAction(agreePlanOp, f.unit, meta, { engagementId: id, version }));
    expect(first.started).toBe(false);
    expect(await executeAction(agreePlanOp, f.unit, meta, { engagementId: id, version }))
      .toEqual({ ok: false, error: "您已同意该工作方案，正在等待对方确认" });
    const second = ok(await executeAction(agreePlanOp, f.user, meta, { engagementId: id, version }));
    expect(second).toEqual({ started: true, needState: "IN_SERVICE" });
    expect((await engagement(id)).state).toBe("ACTIVE");
    expect(await needState(f.need.id)).toBe("IN_SERVICE");
    expect(await auditRows({ entityId: id, operation: "engagement.start" })).toHaveLength(1);
    expect(await executeAction(savePlanOp, f.unit, meta, { engagementId: id, version: version + 1, ...PLAN }))
      .toEqual({ ok: false, error: "服务项目当前为“服务中”，不能修改工作方案" });
  });

  it("both sides agreeing at once: ACTIVE once, both agreements kept", async () => {
    for (let i = 0; i < 3; i++) {
      const f = await fixture();
      const id = await confirmed(f);
      const { version } = ok(await executeAction(savePlanOp, f.unit, meta, { engagementId: id, version: 0, ...PLAN }));
      const results = await Promise.all([
        executeAction(agreePlanOp, f.unit, meta, { engagementId: id, version }),
        executeAction(agreePlanOp, f.user, meta, { engagementId: id, version }),
      ]);
      expect(results.every((r) => r.ok)).toBe(true);
      expect(results.filter((r) => r.ok && r.data.started)).toHaveLength(1);
      const e = await engagement(id);
      expect(e.state).toBe("ACTIVE");
      expect(e.planAgreedByUnitAt && e.planAgreedByExpertAt).toBeTruthy();
      expect(await auditRows({ entityId: id, operation: "engagement.start" })).toHaveLength(1);
      expect(await db.needEvent.count({ where: { needId: f.need.id, toState: "IN_SERVICE" } })).toBe(1);
    }
  });

  it("refuses to agree to an incomplete plan or a plan changed since it was read", async () => {
    const f = await fixture();
    const id = await confirmed(f);
    const r = await executeAction(agreePlanOp, f.unit, meta, { engagementId: id, version: 0 });
    expect(r).toEqual({ ok: false, error: "工作方案尚缺服务目标、进度安排、服务地点、预期成果，请补充后再确认" });
    ok(await executeAction(savePlanOp, f.user, meta, { engagementId: id, version: 0, ...PLAN }));
    expect(await executeAction(agreePlanOp, f.unit, meta, { engagementId: id, version: 0 }))
      .toEqual({ ok: false, error: "工作方案已被修改，请查看最新内容后再确认" });
    expect((await engagement(id)).planAgreedByUnitAt).toBeNull();
  });

  it("bad input changes nothing", async () => {
    const f = await fixture();
    const id = await confirmed(f);
    const r = await executeAction(savePlanOp, f.unit, meta, { engagementId: id, version: 0, ...PLAN, planGoals: "", planForms: ["NOPE"], type: "X" });
    expect(r).toMatchObject({ ok: false, error: "请检查填写内容" });
    expect(Object.keys((r as { fieldErrors: object }).fieldErrors).sort()).toEqual(["planForms.0", "planGoals", "type"]);
    expect((await engagement(id)).version).toBe(0);
  });

  it("refuses another unit, another expert, the province and the ministry", async () => {
    const f = await fixture();
    const id = await confirmed(f);
    const stranger = await expertUser();
    for (const who of [await unitUser(), stranger, await province("51"), await ministry()]) {
      expect(await executeAction(savePlanOp, who, meta, { engagementId: id, version: 0, ...PLAN })).toEqual(REFUSED);
      expect(await executeAction(agreePlanOp, who, meta, { engagementId: id, version: 0 })).toEqual(REFUSED);
    }
    expect((await engagement(id)).version).toBe(0);
  });
});

// ─── Service records ───────────────────────────────────────────────────────────

describe("service records", () => {
  it("the expert logs a record in service; the unit confirms it (notified both ways)", async () => {
    const f = await fixture();
    const id = await active(f);
    const { id: recordId } = ok(await executeAction(logRecordOp, f.user, meta, { engagementId: id, ...record({ hours: "6.5" }) }));
    const rec = await db.serviceRecord.findUniqueOrThrow({ where: { id: recordId } });
    expect(rec).toMatchObject({ state: "SUBMITTED", peopleServed: 40, peopleTrained: 25, form: "TECH_GUIDANCE" });
    expect(Number(rec.hours)).toBe(6.5);
    expect(chinaDate(rec.startDate)).toBe(today());
    expect(await db.notification.count({ where: { userId: f.unit.id, title: { startsWith: "服务记录待确认" } } })).toBe(1);
    ok(await executeAction(reviewRecordOp, f.unit, meta, { recordId, version: 0, decision: "confirm" }));
    expect(await db.serviceRecord.findUniqueOrThrow({ where: { id: recordId } })).toMatchObject({ state: "CONFIRMED", confirmedById: f.unit.id, version: 1 });
    expect(await db.notification.count({ where: { userId: f.user.id, title: { startsWith: "服务记录已确认" } } })).toBe(1);
    expect(await executeAction(editRecordOp, f.user, meta, { recordId, version: 1, ...record() }))
      .toEqual({ ok: false, error: "该服务记录已确认，不能修改" });
  });

  it("a disputed record needs a reason; the expert corrects it and it waits again; stale versions are refused", async () => {
    const f = await fixture();
    const id = await active(f);
    const { id: recordId } = ok(await executeAction(logRecordOp, f.user, meta, { engagementId: id, ...record() }));
    expect(await executeAction(reviewRecordOp, f.unit, meta, { recordId, version: 0, decision: "dispute", reason: "" }))
      .toMatchObject({ ok: false, fieldErrors: { reason: ["提出异议时请写明哪里与实际不符"] } });
    ok(await executeAction(reviewRecordOp, f.unit, meta, { recordId, version: 0, decision: "dispute", reason: "培训人数与签到表不符" }));
    expect(await db.serviceRecord.findUniqueOrThrow({ where: { id: recordId } })).toMatchObject({ state: "DISPUTED", disputeReason: "培训人数与签到表不符" });
    expect(await executeAction(reviewRecordOp, f.unit, meta, { recordId, version: 1, decision: "confirm" }))
      .toEqual({ ok: false, error: "该服务记录有异议，不能确认" });
    expect(await executeAction(editRecordOp, f.user, meta, { recordId, version: 0, ...record({ peopleTrained: "20" }) }))
      .toEqual({ ok: false, error: "该服务记录已被处理或修改，请刷新后重试" });
    ok(await executeAction(editRecordOp, f.user, meta, { recordId, version: 1, ...record({ peopleTrained: "20" }) }));
    expect(await db.serviceRecord.findUniqueOrThrow({ where: { id: recordId } })).toMatchObject({ state: "SUBMITTED", peopleTrained: 20, disputeReason: null, version: 2 });
    expect(await executeAction(reviewRecordOp, f.unit, meta, { recordId, version: 1, decision: "confirm" }))
      .toEqual({ ok: false, error: "该服务记录已被专家修改，请查看最新内容后再处理" });
  });

  it("refuses bad records and changes nothing: dates reversed or in the future or before the team, too many hours, more trained than served", async () => {
    const f = await fixture();
    const id = await active(f);
    const tomorrow = chinaDate(new Date(Date.now() + 86_400_000));
    const lastYear = chinaDate(new Date(Date.now() - 365 * 86_400_000));
    const cases: [Record<string, unknown>, string, string][] = [
      [{ endDate: lastYear }, "endDate", "结束日期不能早于开始日期"],
      [{ hours: "25" }, "hours", "1 天内的服务时长不能超过 24 小时"],
      [{ hours: "0" }, "hours", "服务时长必须大于 0"],
      [{ hours: "2.25" }, "hours", "服务时长最多保留 1 位小数"],
      [{ peopleTrained: "41" }, "peopleTrained", "培训人数不能多于服务人数"],
      [{ content: "太短" }, "content", "请写明服务内容（至少 10 个字）"],
      [{ form: "NOPE" }, "form", "请选择服务形式"],
      [{ startDate: "2026-02-30" }, "startDate", "请填写开始日期（年-月-日）"],
      [{ endDate: tomorrow }, "endDate", "不能填写今天以后的服务，请在服务结束后再填写"],
      [{ startDate: lastYear, endDate: lastYear }, "startDate", `服务日期不能早于专家团队确认之日（${today()}）`],
    ];
    for (const [overrides, field, message] of cases) {
      const r = await executeAction(logRecordOp, f.user, meta, { engagementId: id, ...record(overrides) });
      expect(r, JSON.stringify(overrides)).toMatchObject({ ok: false });
      expect((r as { fieldErrors: Record<string, string[]> }).fieldErrors[field], JSON.stringify(overrides)).toContain(message);
    }
    expect(await db.serviceRecord.count({ where: { engagementId: id } })).toBe(0);
  });

  it("refuses records before the plan is agreed and after the service ended", async () => {
    const f = await fixture();
    const id = await confirmed(f);
    expect(await executeAction(logRecordOp, f.user, meta, { engagementId: id, ...record() }))
      .toEqual({ ok: false, error: "服务项目当前为“制定工作方案”，不能填写服务记录" });
    const g = await fixture();
    const done = await awaitingFeedback(g);
    expect(await executeAction(logRecordOp, g.user, meta, { engagementId: done, ...record() }))
      .toEqual({ ok: false, error: "服务项目当前为“待评价”，不能填写服务记录" });
  });

  it("refuses the unit logging, other experts logging, other units and the province confirming", async () => {
    const f = await fixture();
    const id = await active(f);
    const stranger = await expertUser();
    expect(await executeAction(logRecordOp, f.unit, meta, { engagementId: id, ...record() })).toEqual(REFUSED);
    expect(await executeAction(logRecordOp, stranger, meta, { engagementId: id, ...record() })).toEqual(REFUSED);
    const { id: recordId } = ok(await executeAction(logRecordOp, f.user, meta, { engagementId: id, ...record() }));
    for (const who of [await unitUser(), await province("51"), f.user]) {
      expect(await executeAction(reviewRecordOp, who, meta, { recordId, version: 0, decision: "confirm" })).toEqual(REFUSED);
    }
    expect(await executeAction(editRecordOp, stranger, meta, { recordId, version: 0, ...record() })).toEqual(REFUSED);
    expect((await db.serviceRecord.findUniqueOrThrow({ where: { id: recordId } })).state).toBe("SUBMITTED");
  });
});

// ─── Finish and feedback ───────────────────────────────────────────────────────

describe("finishing and feedback", () => {
  it("finishing needs a confirmed record and none waiting", async () => {
    const f = await fixture();
    const id = await active(f);
    expect(await executeAction(finishOp, f.unit, meta, { engagementId: id }))
      .toEqual({ ok: false, error: "至少要有 1 条经单位确认的服务记录，才能结束服务" });
    const { id: r1 } = ok(await executeAction(logRecordOp, f.user, meta, { engagementId: id, ...record() }));
    ok(await executeAction(reviewRecordOp, f.unit, meta, { recordId: r1, version: 0, decision: "confirm" }));
    ok(await executeAction(logRecordOp, f.user, meta, { engagementId: id, ...record() }));
    expect(await executeAction(finishOp, f.user, meta, { engagementId: id }))
      .toEqual({ ok: false, error: "还有 1 条服务记录待单位确认，确认或提出异议后才能结束服务" });
    expect((await engagement(id)).state).toBe("ACTIVE");
  });

  it("refuses finishing by another unit, another expert, the province; and from PLANNING", async () => {
    const f = await fixture();
    const { id } = await withConfirmedRecord(f);
    const stranger = await expertUser();
    for (const who of [await unitUser(), stranger, await province("51"), await ministry()]) {
      expect(await executeAction(finishOp, who, meta, { engagementId: id })).toEqual(REFUSED);
      expect(await executeAction(feedbackOp, who, meta, { engagementId: id, rating: "5", comment: "" })).toEqual(REFUSED);
    }
    const g = await fixture();
    const planning = await confirmed(g);
    expect(await executeAction(finishOp, g.unit, meta, { engagementId: planning }))
      .toEqual({ ok: false, error: "服务项目当前为“制定工作方案”，不能结束服务" });
  });

  it("each side gives feedback once; with both the engagement closes, the place is freed and the need completes", async () => {
    const f = await fixture();
    const id = await active(f);
    expect(await executeAction(feedbackOp, f.unit, meta, { engagementId: id, rating: "5", comment: "" }))
      .toEqual({ ok: false, error: "服务项目当前为“服务中”，不能评价" });
    const { id: recordId } = ok(await executeAction(logRecordOp, f.user, meta, { engagementId: id, ...record() }));
    ok(await executeAction(reviewRecordOp, f.unit, meta, { recordId, version: 0, decision: "confirm" }));
    ok(await executeAction(finishOp, f.unit, meta, { engagementId: id }));
    const e1 = await engagement(id);
    expect(e1.state).toBe("AWAITING_FEEDBACK");
    expect(e1.finishedAt).not.toBeNull();

    expect(await executeAction(feedbackOp, f.unit, meta, { engagementId: id, rating: "2", comment: "一般" }))
      .toMatchObject({ ok: false, fieldErrors: { comment: ["评分为 2 分及以下时，请写明原因（至少 5 个字）"] } });
    expect(await executeAction(feedbackOp, f.unit, meta, { engagementId: id, rating: "6", comment: "" })).toMatchObject({ ok: false });
    expect(ok(await executeAction(feedbackOp, f.unit, meta, { engagementId: id, rating: "5", comment: "专家认真负责" }))).toEqual({ closed: false, needState: "IN_SERVICE" });
    expect(await executeAction(feedbackOp, f.unit, meta, { engagementId: id, rating: "4", comment: "" }))
      .toEqual({ ok: false, error: "服务单位已评价过该服务项目，不能重复评价" });
    expect(await places(f.expertId)).toBe(1);
    expect(ok(await executeAction(feedbackOp, f.user, meta, { engagementId: id, rating: "4", comment: "" }))).toEqual({ closed: true, needState: "COMPLETED" });
    const e2 = await engagement(id);
    expect(e2.state).toBe("CLOSED");
    expect(e2.closedAt).not.toBeNull();
    expect(e2.feedback.map((x) => [x.party, x.rating, x.authorId]).sort()).toEqual([["EXPERT", 4, f.user.id], ["UNIT", 5, f.unit.id]]);
    expect(await places(f.expertId)).toBe(0);
    expect(await needState(f.need.id)).toBe("COMPLETED");
    expect(await db.needEvent.count({ where: { needId: f.need.id, fromState: "IN_SERVICE", toState: "COMPLETED" } })).toBe(1);
  });

  it("both sides at once close once; one side twice at once is refused once", async () => {
    const f = await fixture();
    const id = await awaitingFeedback(f);
    const both = await Promise.all([
      executeAction(feedbackOp, f.unit, meta, { engagementId: id, rating: "5", comment: "" }),
      executeAction(feedbackOp, f.user, meta, { engagementId: id, rating: "5", comment: "" }),
    ]);
    expect(both.every((r) => r.ok)).toBe(true);
    expect(both.filter((r) => r.ok && r.data.closed)).toHaveLength(1);
    expect(await places(f.expertId)).toBe(0);
    expect(await auditRows({ entityId: id, operation: "engagement.close" })).toHaveLength(1);

    const g = await fixture();
    const id2 = await awaitingFeedback(g);
    const other = await unitUser(g.orgId);
    const twice = await Promise.all([
      executeAction(feedbackOp, g.unit, meta, { engagementId: id2, rating: "5", comment: "" }),
      executeAction(feedbackOp, other, meta, { engagementId: id2, rating: "3", comment: "" }),
    ]);
    expect(twice.filter((r) => r.ok)).toHaveLength(1);
    expect(twice.find((r) => !r.ok)).toEqual({ ok: false, error: "服务单位已评价过该服务项目，不能重复评价" });
    expect(await db.feedback.count({ where: { engagementId: id2 } })).toBe(1);
    expect((await engagement(id2)).state).toBe("AWAITING_FEEDBACK");
  });

  it("a need with two engagements completes only when both are over", async () => {
    const f = await fixture({ expertsWanted: 2 });
    const second = await acceptedExpert(f.need.id);
    const id1 = await awaitingFeedback(f);
    const id2 = ok(await executeAction(decideTeamOp, f.unit, meta, { matchId: second.matchId, decision: "confirm" })).engagementId!;
    ok(await executeAction(feedbackOp, f.unit, meta, { engagementId: id1, rating: "5", comment: "" }));
    ok(await executeAction(feedbackOp, f.user, meta, { engagementId: id1, rating: "5", comment: "" }));
    expect(await needState(f.need.id)).toBe("IN_SERVICE");
    const sichuan = await province("51");
    expect(ok(await executeAction(cancelOp, sichuan, meta, { engagementId: id2, reason: "专家因病无法继续服务" }))).toEqual({ state: "CANCELLED", needState: "COMPLETED" });
    expect(await places(second.expertId)).toBe(0);
  });
});

// ─── Cancel ────────────────────────────────────────────────────────────────────

describe("the province cancels", () => {
  it("cancels a planning engagement with a reason: the place is freed and the need goes back to matching", async () => {
    const f = await fixture();
    const id = await confirmed(f);
    const sichuan = await province("51");
    expect(await executeAction(cancelOp, sichuan, meta, { engagementId: id, reason: "" }))
      .toMatchObject({ ok: false, fieldErrors: { reason: ["取消时请写明原因（将告知服务单位和专家）"] } });
    expect(ok(await executeAction(cancelOp, sichuan, meta, { engagementId: id, reason: "单位需求已由其他渠道解决" })))
      .toEqual({ state: "CANCELLED", needState: "OPEN" });
    expect(await engagement(id)).toMatchObject({ state: "CANCELLED", cancelReason: "单位需求已由其他渠道解决" });
    expect(await places(f.expertId)).toBe(0);
    expect(await db.notification.count({ where: { userId: { in: [f.user.id, f.unit.id] }, title: { startsWith: "服务项目已取消" } } })).toBe(2);
    expect(await executeAction(cancelOp, sichuan, meta, { engagementId: id, reason: "再次取消" }))
      .toEqual({ ok: false, error: "服务项目当前为“已取消”，不能取消服务项目" });
    expect(await places(f.expertId)).toBe(0);
  });

  it("cancels an active engagement; refuses other provinces, units, experts and closed engagements", async () => {
    const f = await fixture();
    const id = await active(f);
    for (const who of [await province("33"), f.unit, f.user, await ministry()]) {
      expect(await executeAction(cancelOp, who, meta, { engagementId: id, reason: "越权取消" })).toEqual(REFUSED);
    }
    expect((await engagement(id)).state).toBe("ACTIVE");
    ok(await executeAction(cancelOp, await province("51"), meta, { engagementId: id, reason: "服务无法继续" }));
    expect(await places(f.expertId)).toBe(0);

    const g = await fixture();
    const closedId = await awaitingFeedback(g);
    ok(await executeAction(feedbackOp, g.unit, meta, { engagementId: closedId, rating: "5", comment: "" }));
    ok(await executeAction(feedbackOp, g.user, meta, { engagementId: closedId, rating: "5", comment: "" }));
    expect(await executeAction(cancelOp, await province("51"), meta, { engagementId: closedId, reason: "服务无法继续" }))
      .toEqual({ ok: false, error: "服务项目当前为“已结束”，不能取消服务项目" });
    expect(await places(g.expertId)).toBe(0);
  });
});

// ─── Every act from every state ────────────────────────────────────────────────

describe("acts from every engagement state", () => {
  it("refuses plan, record, finish and feedback acts outside their states with the state's name", async () => {
    const f = await fixture();
    const id = await confirmed(f);
    const states: EngagementState[] = ["PLANNING", "ACTIVE", "AWAITING_FEEDBACK", "CLOSED", "CANCELLED"];
    for (const state of states) {
      await db.engagement.update({ where: { id }, data: { state } });
      const v = (await engagement(id)).version;
      const label = ENGAGEMENT_STATE_LABEL[state];
      const plan = await executeAction(savePlanOp, f.unit, meta, { engagementId: id, version: v, ...PLAN });
      const log = await executeAction(logRecordOp, f.user, meta, { engagementId: id, ...record() });
      const fin = await executeAction(finishOp, f.unit, meta, { engagementId: id });
      expect(plan.ok, `plan in ${state}`).toBe(state === "PLANNING");
      expect(log.ok, `log in ${state}`).toBe(state === "ACTIVE");
      if (state !== "PLANNING") expect(plan).toEqual({ ok: false, error: `服务项目当前为“${label}”，不能修改工作方案` });
      if (state !== "ACTIVE") {
        expect(log).toEqual({ ok: false, error: `服务项目当前为“${label}”，不能填写服务记录` });
        expect(fin).toEqual({ ok: false, error: `服务项目当前为“${label}”，不能结束服务` });
      }
    }
  });
});

// ─── Reading ───────────────────────────────────────────────────────────────────

describe("lists, details and the team panel", () => {
  it("lists by scope: the unit its own, the expert their own, the province its province, the ministry all with a province filter", async () => {
    const f = await fixture();
    const id = await confirmed(f);
    const search = (q: Record<string, string>) => engagementSearchSchema.parse(q);
    const code = f.need.code;
    const ids = async (u: SessionUser, q: Record<string, string> = {}) => (await searchEngagements(u, search({ q: code, ...q }))).rows.map((r) => r.id);
    expect(await ids(f.unit)).toEqual([id]);
    expect(await ids(f.user)).toEqual([id]);
    expect(await ids(await province("51"))).toEqual([id]);
    expect(await ids(await ministry())).toEqual([id]);
    expect(await ids(await ministry(), { province: "33" })).toEqual([]);
    expect(await ids(await unitUser())).toEqual([]);
    expect(await ids(await province("33"))).toEqual([]);
    expect(await ids(await expertUser())).toEqual([]);
    const name = (await db.expertProfile.findUniqueOrThrow({ where: { id: f.expertId } })).name;
    expect((await searchEngagements(f.unit, search({ q: name }))).rows.map((r) => r.id)).toEqual([id]);
    expect(await ids(f.unit, { state: "ACTIVE" })).toEqual([]);
    expect(await ids(f.unit, { state: "PLANNING", type: "SHORT_TERM" })).toEqual([id]);
    expect((await engagementsForExport(f.unit, search({ q: code }))).map((r) => r.id)).toEqual([id]);
    expect(await engagementsForExport(await province("33"), search({ q: code }))).toEqual([]);
  });

  it("the detail offers each side its acts, and nothing to others", async () => {
    const f = await fixture();
    const id = await confirmed(f);
    const forUnit = await engagementDetail(f.unit, id);
    expect(forUnit?.party).toBe("UNIT");
    expect(forUnit?.allowed).toMatchObject({ editPlan: true, agreePlan: true, logRecord: false, cancel: false });
    const forExpert = await engagementDetail(f.user, id);
    expect(forExpert?.party).toBe("EXPERT");
    const forProvince = await engagementDetail(await province("51"), id);
    expect(forProvince?.allowed).toMatchObject({ editPlan: false, agreePlan: false, cancel: true });
    const forMinistry = await engagementDetail(await ministry(), id);
    expect(Object.values(forMinistry!.allowed).every((v) => v === false)).toBe(true);
  });

  it("the team panel lists accepted experts to confirm and confirmed ones with their engagement", async () => {
    const f = await fixture({ expertsWanted: 2 });
    const second = await acceptedExpert(f.need.id);
    const id = await confirmed(f);
    const team = await needTeam(f.unit, f.need.id);
    expect(team?.canDecide).toBe(true);
    expect(team?.waiting.map((m) => m.matchId)).toEqual([second.matchId]);
    expect(team?.confirmed.map((m) => m.engagementId)).toEqual([id]);
    expect((await needTeam(await province("51"), f.need.id))?.canDecide).toBe(false);
    expect(await needTeam(await unitUser(), f.need.id)).toBeNull();
  });
});
