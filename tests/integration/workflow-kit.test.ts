import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { executeAction } from "@/lib/actions/pipeline";
import { cancelOp, finishOp } from "@/lib/engagements/operations";
import { AppError } from "@/lib/errors";
import { decideNominationOp, leaveLibraryOp, nominateOp, removeMemberOp, withdrawNominationOp } from "@/lib/library/operations";
import { MATCH_WORKFLOW } from "@/lib/matches/workflow";
import { NEED_WORKFLOW } from "@/lib/needs/workflow";
import { createExpert, createNeed, createOrganization, createUser } from "@/prisma/seed/factories";
import { auditRows, meta, sessionUserOf } from "./helpers";

// The workflow kit on real rows: one conditional update per step, so of two people acting at once exactly one wins,
// and the history row is written only by the winner. The library's service now moves states by its tables.

const province = async (code = "51") => sessionUserOf((await createUser(db, { role: "PROVINCE_ADMIN", provinceCode: code })).id);
const ministry = async () => sessionUserOf((await createUser(db, { role: "MINISTRY_ADMIN" })).id);

async function submittedNeed() {
  const org = await createOrganization(db, { type: "COOPERATIVE", regionCode: "510131" });
  return createNeed(db, { unitId: org.id, state: "SUBMITTED" });
}

const needRow = (id: string) => db.need.findUniqueOrThrow({ where: { id }, include: { events: true } });

function errorOf(r: PromiseSettledResult<unknown>): AppError {
  if (r.status !== "rejected") throw new Error("expected a refusal");
  return r.reason as AppError;
}

describe("apply: the conditional update on real rows", () => {
  it("lets exactly one of two simultaneous steps from the same state win; only the winner's event is written", async () => {
    const need = await submittedNeed();
    const reviewer = await province();
    const results = await Promise.allSettled([
      db.$transaction((tx) => NEED_WORKFLOW.apply(tx, { id: need.id, step: "approve", from: "SUBMITTED", version: 0, actorId: reviewer.id })),
      db.$transaction((tx) => NEED_WORKFLOW.apply(tx, { id: need.id, step: "return", from: "SUBMITTED", version: 0, actorId: reviewer.id, comment: "请补充" })),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    expect(won).toHaveLength(1);
    const loser = errorOf(results.find((r) => r.status === "rejected")!);
    expect([loser.code, loser.message]).toEqual(["CONFLICT", "该需求已被他人处理或修改，请刷新后重试"]);
    const row = await needRow(need.id);
    expect(row.state).toBe((won[0] as PromiseFulfilledResult<{ to: string }>).value.to);
    expect(row.version).toBe(1);
    expect(row.events.map((e) => [e.fromState, e.toState])).toEqual([["SUBMITTED", row.state]]);
  });

  it("lets exactly one of two identical steps win on a row without a version given (state alone decides)", async () => {
    const need = await createNeed(db, { unitId: (await createOrganization(db)).id, state: "OPEN" });
    const expert = await createExpert(db);
    const match = await db.match.create({ data: { needId: need.id, expertId: expert.id, score: 0.5, source: "SYSTEM", state: "INVITED" } });
    const results = await Promise.allSettled([1, 2].map(() =>
      db.$transaction((tx) => MATCH_WORKFLOW.apply(tx, { id: match.id, step: "expire", from: "INVITED" }))));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(errorOf(results.find((r) => r.status === "rejected")!).message).toBe("该记录已被他人处理，请刷新后重试");
    expect(await db.match.findUniqueOrThrow({ where: { id: match.id } })).toMatchObject({ state: "EXPIRED", version: 1 });
  });

  it("refuses a stale version and an illegal move, writing nothing", async () => {
    const need = await submittedNeed();
    const stale = await Promise.allSettled([db.$transaction((tx) => NEED_WORKFLOW.apply(tx, { id: need.id, step: "approve", from: "SUBMITTED", version: 7 }))]);
    expect(errorOf(stale[0]).code).toBe("CONFLICT");
    const illegal = await Promise.allSettled([db.$transaction((tx) => NEED_WORKFLOW.apply(tx, { id: need.id, step: "serve", from: "SUBMITTED" }))]);
    expect([errorOf(illegal[0]).code, errorOf(illegal[0]).message]).toEqual(["INVALID_TRANSITION", "需求当前为“待审核”，不能开始服务"]);
    const row = await needRow(need.id);
    expect([row.state, row.version, row.events.length]).toEqual(["SUBMITTED", 0, 0]);
  });
});

describe("engagements: finishing and cancelling at once", () => {
  it("lets exactly one of the unit's finish and the province's cancel through; the place follows the winner", async () => {
    const org = await createOrganization(db, { type: "COOPERATIVE", regionCode: "510131" });
    const unit = await sessionUserOf((await createUser(db, { role: "UNIT_USER", organizationId: org.id })).id);
    const sichuan = await province();
    const need = await createNeed(db, { unitId: org.id, state: "IN_SERVICE" });
    const expert = await createExpert(db, { user: true, activeEngagements: 1 });
    const match = await db.match.create({ data: { needId: need.id, expertId: expert.id, score: 0.8, source: "SYSTEM", state: "CONFIRMED" } });
    const e = await db.engagement.create({ data: { matchId: match.id, needId: need.id, expertId: expert.id, state: "ACTIVE", version: 3 } });
    await db.serviceRecord.create({
      data: { engagementId: e.id, startDate: new Date(), endDate: new Date(), hours: 4, form: "TECH_GUIDANCE", content: "现场指导", state: "CONFIRMED" },
    });
    const [finish, cancel] = await Promise.all([
      executeAction(finishOp, unit, meta, { engagementId: e.id, version: 3 }),
      executeAction(cancelOp, sichuan, meta, { engagementId: e.id, version: 3, reason: "单位情况变化，无法继续" }),
    ]);
    expect([finish.ok, cancel.ok].filter(Boolean)).toHaveLength(1);
    const after = await db.engagement.findUniqueOrThrow({ where: { id: e.id } });
    expect(after.state).toBe(finish.ok ? "AWAITING_FEEDBACK" : "CANCELLED");
    expect(after.version).toBe(4);
    expect((await db.expertProfile.findUniqueOrThrow({ where: { id: expert.id } })).activeEngagements).toBe(finish.ok ? 1 : 0);
  });
});

describe("library: the service moves states by its tables", () => {
  const reason = "长期在基层开展技术服务，专业能力突出，群众认可。";
  const nominee = () => createExpert(db, { user: true, regionCode: "510131", title: "ASSOCIATE_SENIOR", talentCategories: [] });
  async function nominated(by: Awaited<ReturnType<typeof province>>) {
    const e = await nominee();
    const r = await executeAction(nominateOp, by, meta, { expertId: e.id, reason, willing: "on", healthy: "on" });
    if (!r.ok) throw new Error(r.error);
    return { expert: e, nominationId: r.data.nominationId };
  }
  const libraryStatus = async (id: string) => (await db.expertProfile.findUniqueOrThrow({ where: { id } })).libraryStatus;
  const nominationState = async (id: string) => (await db.libraryNomination.findUniqueOrThrow({ where: { id } })).state;

  it("refuses to decide a nomination whose expert is no longer nominated, leaving both unchanged", async () => {
    const { expert, nominationId } = await nominated(await province());
    await db.expertProfile.update({ where: { id: expert.id }, data: { libraryStatus: "IN_LIBRARY" } });
    expect(await executeAction(decideNominationOp, await ministry(), meta, { nominationId, decision: "ADMIT" }))
      .toEqual({ ok: false, error: "该专家当前为“已入库”，不能入库" });
    expect(await nominationState(nominationId)).toBe("NOMINATED");
  });

  it("refuses to withdraw a nomination whose expert is no longer nominated, instead of leaving them inconsistent", async () => {
    const sichuan = await province();
    const { expert, nominationId } = await nominated(sichuan);
    await db.expertProfile.update({ where: { id: expert.id }, data: { libraryStatus: "LEFT" } });
    expect(await executeAction(withdrawNominationOp, sichuan, meta, { nominationId }))
      .toEqual({ ok: false, error: "该专家当前为“已退出”，不能撤回推荐" });
    expect(await nominationState(nominationId)).toBe("NOMINATED");
    expect(await libraryStatus(expert.id)).toBe("LEFT");
  });

  it("refuses to take out an expert who is not a member, by the table's refusal", async () => {
    const e = await createExpert(db, { user: true, regionCode: "510131", libraryStatus: "DECLINED" });
    expect(await executeAction(removeMemberOp, await ministry(), meta, { expertId: e.id, reason: "长期未参加活动" }))
      .toEqual({ ok: false, error: "该专家当前不在重点联系专家库中（可能已退出），请刷新后查看" });
    expect(await libraryStatus(e.id)).toBe("DECLINED");
  });

  it("lets exactly one of a province's withdrawal and the ministry's admission win, the expert following the winner", async () => {
    const sichuan = await province();
    const { expert, nominationId } = await nominated(sichuan);
    const [withdraw, admit] = await Promise.all([
      executeAction(withdrawNominationOp, sichuan, meta, { nominationId }),
      executeAction(decideNominationOp, await ministry(), meta, { nominationId, decision: "ADMIT" }),
    ]);
    expect([withdraw.ok, admit.ok].filter(Boolean)).toHaveLength(1);
    expect(await nominationState(nominationId)).toBe(withdraw.ok ? "WITHDRAWN" : "ADMITTED");
    expect(await libraryStatus(expert.id)).toBe(withdraw.ok ? "NONE" : "IN_LIBRARY");
  });

  it("lets exactly one of the member's own exit and the ministry's removal win, audited once", async () => {
    const member = await createExpert(db, { user: true, regionCode: "510131", libraryStatus: "IN_LIBRARY", lastConfirmedAt: new Date() });
    const self = await sessionUserOf(member.user!.id);
    const [leave, remove] = await Promise.all([
      executeAction(leaveLibraryOp, self, meta, { expertId: member.id, reason: "工作调动" }),
      executeAction(removeMemberOp, await ministry(), meta, { expertId: member.id, reason: "长期未参加活动" }),
    ]);
    expect([leave.ok, remove.ok].filter(Boolean)).toHaveLength(1);
    const row = await db.expertProfile.findUniqueOrThrow({ where: { id: member.id } });
    expect([row.libraryStatus, row.libraryLeftReason]).toEqual(["LEFT", leave.ok ? "工作调动" : "长期未参加活动"]);
    const audits = (await auditRows({ entityId: member.id })).filter((a) => a.outcome === "SUCCESS");
    expect(audits.map((a) => a.operation)).toEqual([leave.ok ? "library.exit" : "library.remove"]);
  });
});
