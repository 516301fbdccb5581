import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { executeAction } from "@/lib/actions/pipeline";
import type { SessionUser } from "@/lib/auth/roles";
import { decideOp, nominateOp, withdrawOp } from "@/lib/commendations/operations";
import { commendationsForExport, searchCandidates, searchCommendations } from "@/lib/commendations/queries";
import { candidateSearchSchema, commendationSearchSchema } from "@/lib/commendations/schemas";
import { createExpert, createNeed } from "@/prisma/seed/factories";
import { createTestUsers, unitIn, userWith, type TestUsers, SICHUAN, ZHEJIANG } from "./fixtures";
import { auditRows, meta, REFUSED } from "./helpers";

// Commendation (表彰) on the database: nominated from confirmed service figures by the expert's province or the
// ministry, decided by the ministry, withdrawn by the nominator; every role × operation, every transition legal and
// illegal, bad input, two deciders at once; the priority-recommendation list.

let u: TestUsers;
let secondMinistry: SessionUser;
const YEAR = 2026;

beforeAll(async () => {
  u = await createTestUsers();
  secondMinistry = await userWith("MINISTRY_ADMIN");
});

/** A fresh expert of `provinceCode` with `hours` of confirmed service in YEAR (and a waiting record that never counts). */
async function servedExpert(provinceCode = ZHEJIANG, hours = 12) {
  const expert = await createExpert(db, provinceCode === ZHEJIANG ? {} : { regionCode: "510131" });
  const { org } = await unitIn();
  const need = await createNeed(db, { unitId: org.id, state: "IN_SERVICE" });
  const match = await db.match.create({ data: { needId: need.id, expertId: expert.id, score: 0.8, source: "PROVINCE", state: "CONFIRMED" } });
  const engagement = await db.engagement.create({ data: { matchId: match.id, needId: need.id, expertId: expert.id, state: "ACTIVE" } });
  const record = (day: string, h: number, state: "CONFIRMED" | "SUBMITTED") => ({
    // At most 24 hours a day (the ServiceRecord CHECK): longer service spans as many days as it needs.
    engagementId: engagement.id, startDate: new Date(`${day}T00:00:00Z`), endDate: new Date(Date.parse(`${day}T00:00:00Z`) + (Math.ceil(h / 24) - 1) * 86_400_000), hours: h,
    form: "TECH_GUIDANCE" as const, content: "现场指导", peopleServed: 30, peopleTrained: 10, state,
  });
  if (hours > 0) await db.serviceRecord.create({ data: record(`${YEAR}-05-06`, hours, "CONFIRMED") });
  await db.serviceRecord.create({ data: record(`${YEAR}-06-06`, 8, "SUBMITTED") });
  return { expert, engagement };
}

const REASON = "长期扎根基层开展技术指导，服务成效显著，群众评价好。";
const nominate = (user: SessionUser, expertId: string, extra: Record<string, unknown> = {}) =>
  executeAction(nominateOp, user, meta, { expertId, year: YEAR, reason: REASON, ...extra });
const decide = (user: SessionUser, commendationId: string, decision: string, reason = "", version = 0) =>
  executeAction(decideOp, user, meta, { commendationId, version, decision, reason });
const withdraw = (user: SessionUser, commendationId: string, version = 0, reason = "推荐材料需要补充完善") =>
  executeAction(withdrawOp, user, meta, { commendationId, version, reason });

function idOf(r: Awaited<ReturnType<typeof nominate>>): string {
  if (!r.ok) throw new Error(`expected success, got ${r.error}`);
  return r.data.id;
}

describe("nominating", () => {
  it("is for the expert's province and the ministry; every other role is refused", async () => {
    const { expert } = await servedExpert();
    for (const user of [u.sichuan, u.unit, u.expert, u.base, u.enterprise]) expect(await nominate(user, expert.id)).toEqual(REFUSED);
    expect(await db.commendation.count({ where: { expertId: expert.id } })).toBe(0);
    const id = idOf(await nominate(u.zhejiang, expert.id, { priority: "1" }));
    const row = await db.commendation.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ state: "PENDING", provinceCode: ZHEJIANG, priority: true, year: YEAR, nominatedById: u.zhejiang.id });
    expect(row.figures).toMatchObject({ hours: 12, days: 1, records: 1, units: 1, peopleServed: 30 });

    const other = await servedExpert(SICHUAN);
    expect(await nominate(u.zhejiang, other.expert.id)).toEqual(REFUSED);
    expect(idOf(await nominate(u.ministry, other.expert.id))).toBeTruthy();
    expect((await auditRows({ entityId: id, operation: "commendation.nominate" })).map((a) => a.outcome)).toEqual(["SUCCESS"]);
  });

  it("rests on confirmed service: refused without any that year, with the reason; the figures are frozen", async () => {
    const { expert } = await servedExpert(ZHEJIANG, 0);
    const r = await nominate(u.zhejiang, expert.id);
    expect(!r.ok && r.error).toBe(`${expert.name} ${YEAR} 年没有经服务单位确认的服务记录，不能推荐表彰`);
    expect(await db.commendation.count({ where: { expertId: expert.id } })).toBe(0);

    const served = await servedExpert(ZHEJIANG, 6);
    const id = idOf(await nominate(u.zhejiang, served.expert.id));
    await db.serviceRecord.create({
      data: { engagementId: served.engagement.id, startDate: new Date(`${YEAR}-07-01`), endDate: new Date(`${YEAR}-07-03`), hours: 50, form: "TECH_GUIDANCE", content: "补录", state: "CONFIRMED" },
    });
    expect((await db.commendation.findUniqueOrThrow({ where: { id } })).figures).toMatchObject({ hours: 6 });
  });

  it("refuses bad input and a second nomination for the year; a withdrawn one may be nominated again", async () => {
    const { expert } = await servedExpert();
    expect(await nominate(u.zhejiang, expert.id, { reason: "好" })).toMatchObject({ ok: false, fieldErrors: { reason: expect.any(Array) } });
    expect(await nominate(u.zhejiang, expert.id, { year: "明年" })).toMatchObject({ ok: false, fieldErrors: { year: expect.any(Array) } });
    expect(await db.commendation.count({ where: { expertId: expert.id } })).toBe(0);
    const id = idOf(await nominate(u.zhejiang, expert.id));
    const twice = await nominate(u.ministry, expert.id);
    expect(!twice.ok && twice.error).toBe("该专家本年度已有表彰推荐，不能重复推荐");
    expect((await withdraw(u.zhejiang, id)).ok).toBe(true);
    expect(idOf(await nominate(u.zhejiang, expert.id, { priority: "1" }))).toBe(id);
    expect(await db.commendation.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: "PENDING", priority: true, version: 2, decisionComment: null });
  });

  it("of two nominations at once, exactly one is made", async () => {
    const { expert } = await servedExpert();
    const results = await Promise.all([nominate(u.zhejiang, expert.id), nominate(u.ministry, expert.id)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.commendation.count({ where: { expertId: expert.id } })).toBe(1);
  });
});

describe("deciding and withdrawing", () => {
  it("only the ministry decides; rejecting needs a reason; a decision is final", async () => {
    const { expert } = await servedExpert();
    const id = idOf(await nominate(u.zhejiang, expert.id));
    for (const user of [u.zhejiang, u.sichuan, u.unit, u.expert, u.base, u.enterprise]) expect(await decide(user, id, "approve")).toEqual(REFUSED);
    expect(await decide(u.ministry, id, "reject")).toMatchObject({ ok: false, fieldErrors: { reason: ["请填写原因"] } });
    expect(await decide(u.ministry, id, "maybe")).toMatchObject({ ok: false, fieldErrors: { decision: expect.any(Array) } });
    expect((await db.commendation.findUniqueOrThrow({ where: { id } })).state).toBe("PENDING");
    expect(await decide(u.ministry, id, "approve", "服务成效突出")).toMatchObject({ ok: true, data: { state: "APPROVED" } });
    const again = await decide(u.ministry, id, "reject", "重复审定", 1);
    expect(!again.ok && again.error).toBe("表彰推荐当前为“已批准”，不能不批准");
    expect(await withdraw(u.zhejiang, id, 1)).toMatchObject({ ok: false, error: "表彰推荐当前为“已批准”，不能撤回" });
    expect(await db.notification.count({ where: { userId: u.zhejiang.id, link: `/commendations/${id}` } })).toBe(1);
    expect((await auditRows({ entityId: id, operation: "commendation.approve" })).map((a) => a.outcome)).toEqual(["SUCCESS"]);
  });

  it("a rejected nomination stays rejected for the year", async () => {
    const { expert } = await servedExpert();
    const id = idOf(await nominate(u.zhejiang, expert.id));
    expect(await decide(u.ministry, id, "reject", "服务时长未达到表彰条件")).toMatchObject({ ok: true, data: { state: "REJECTED" } });
    const r = await nominate(u.zhejiang, expert.id);
    expect(!r.ok && r.error).toBe("该专家本年度已有表彰推荐，不能重复推荐");
  });

  it("withdrawing is the nominating side's (the expert's province or the ministry), with a reason", async () => {
    const { expert } = await servedExpert();
    const id = idOf(await nominate(u.zhejiang, expert.id));
    for (const user of [u.sichuan, u.unit, u.expert, u.base, u.enterprise]) expect(await withdraw(user, id)).toEqual(REFUSED);
    expect(await withdraw(u.zhejiang, id, 0, "撤")).toMatchObject({ ok: false, fieldErrors: { reason: expect.any(Array) } });
    expect(await withdraw(u.zhejiang, id)).toMatchObject({ ok: true, data: { state: "WITHDRAWN" } });
    expect(await decide(u.ministry, id, "approve", "", 1)).toMatchObject({ ok: false, error: "表彰推荐当前为“已撤回”，不能批准" });
  });

  it("of two ministry staff deciding at once, exactly one wins", async () => {
    const { expert } = await servedExpert();
    const id = idOf(await nominate(u.zhejiang, expert.id));
    const results = await Promise.all([decide(u.ministry, id, "approve"), decide(secondMinistry, id, "reject", "不符合条件")]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    // The other lost the conditional update, or (starting a moment later) already read the winner's decision: either
    // way it is refused, saying why.
    expect(results.find((r) => !r.ok)).toMatchObject({
      error: expect.stringMatching(/^(该表彰推荐已被他人处理，请刷新后重试|表彰推荐当前为“已批准”，不能不批准|表彰推荐当前为“[^”]+”，不能批准)$/),
    });
    const winner = results.find((r) => r.ok);
    expect(winner).toMatchObject({ data: { state: (await db.commendation.findUniqueOrThrow({ where: { id } })).state } });
  });
});

describe("reading and the priority-recommendation list", () => {
  it("lists by scope, candidates from the scope's confirmed service, and exports the approved priority nominations", async () => {
    const { expert } = await servedExpert(ZHEJIANG, 99.5);
    const id = idOf(await nominate(u.zhejiang, expert.id, { priority: "1" }));
    const search = commendationSearchSchema.parse({ q: expert.name, year: String(YEAR) });
    const ids = async (user: SessionUser) => (await searchCommendations(user, search)).rows.map((r) => r.id);
    expect(await ids(u.zhejiang)).toContain(id);
    expect(await ids(u.ministry)).toContain(id);
    expect(await ids(u.sichuan)).toEqual([]);
    expect(await ids(u.expert)).toEqual([]);

    const priorityList = commendationSearchSchema.parse({ state: "APPROVED", priority: "1", q: expert.name });
    expect(await commendationsForExport(u.ministry, priorityList)).toEqual([]);
    expect((await decide(u.ministry, id, "approve")).ok).toBe(true);
    const listed = await commendationsForExport(u.ministry, priorityList);
    expect(listed.map((r) => [r.expertName, r.priority, r.figures.hours])).toEqual([[expert.name, true, 99.5]]);
    expect(await commendationsForExport(u.sichuan, priorityList)).toEqual([]);

    const candidates = async (user: SessionUser) =>
      (await searchCandidates(user, candidateSearchSchema.parse({ year: String(YEAR), q: expert.name }))).rows;
    expect(await candidates(u.zhejiang)).toEqual([expect.objectContaining({ expertId: expert.id, hours: 99.5, records: 1, units: 1, nomination: "APPROVED" })]);
    expect(await candidates(u.sichuan)).toEqual([]);
    expect((await candidates(u.ministry)).map((c) => c.expertId)).toEqual([expert.id]);
    expect(await candidates(u.unit)).toEqual([]);
  });
});
