import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { warmScoring } from "@/lib/matches/service";
import { db } from "@/lib/db";
import { executeAction } from "@/lib/actions/pipeline";
import type { SessionUser } from "@/lib/auth/roles";
import { addProposalOp, generateProposalOp, removeProposalOp, sendProposalOp } from "@/lib/batch/operations";
import { expertsToAdd, proposalPage, searchQueue } from "@/lib/batch/queries";
import { queueSearchSchema, proposalSearchSchema } from "@/lib/batch/schemas";
import { refreshMatchTerms } from "@/lib/matching/terms";
import { createExpert, createNeed, uniqueSuffix } from "@/prisma/seed/factories";
import { ministryAdmin, provinceAdmin, unitIn } from "./fixtures";
import { auditRows, meta } from "./helpers";

// A small province queue in 青海 (a western province) of this file's own: a made-up discipline code and a made-up
// Latin word in every text keep other files' experts out of the candidates, so the assertions can be exact.

const suffix = uniqueSuffix();
const TOKEN = `zq${suffix}`;
const DISCIPLINE = `T${suffix}`.slice(0, 10);
const COUNTY = "630102";

let province: SessionUser;
let otherProvince: SessionUser;
let unitUser: SessionUser;
let ministry: SessionUser;
let unitId: string;
const need: Record<"n1" | "n2" | "n3", string> = { n1: "", n2: "", n3: "" };
const ex: Record<string, string> = {};

const expertBase = () => ({
  disciplineCodes: [DISCIPLINE], industryCodes: [] as string[], skills: [TOKEN], bio: `${TOKEN} ${TOKEN}`,
  regionCode: COUNTY, shareAcrossRegions: false, talentCategories: [] as never[], employer: `单位${uniqueSuffix()}`,
});

async function newNeed(expertsWanted: number) {
  return (await createNeed(db, {
    unitId, state: "OPEN", expertsWanted, title: `${TOKEN} 方案`, bottleneck: `${TOKEN} ${TOKEN} 需要 提供 服务`,
    disciplineCodes: [DISCIPLINE], industryCodes: [], delivery: "EITHER",
  })).id;
}

beforeAll(async () => {
  const { org: unit, user } = await unitIn(COUNTY);
  unitId = unit.id;
  unitUser = user;
  province = await provinceAdmin("63");
  otherProvince = await provinceAdmin("51");
  ministry = await ministryAdmin();
  need.n1 = await newNeed(2);
  need.n2 = await newNeed(1);
  need.n3 = await newNeed(2);

  ex.a = (await createExpert(db, { ...expertBase(), name: "甲·满分一席", maxConcurrent: 1, libraryStatus: "IN_LIBRARY", talentCategories: ["ACADEMICIAN"] })).id;
  const shared = `同单位研究院${suffix}`;
  ex.b = (await createExpert(db, { ...expertBase(), name: "乙·同单位", employer: shared, maxConcurrent: 2, talentCategories: ["NATIONAL_TALENT_PROGRAM"] })).id;
  ex.c = (await createExpert(db, { ...expertBase(), name: "丙·同单位", employer: ` ${shared} `, maxConcurrent: 2, talentCategories: ["NATIONAL_TALENT_PROGRAM"] })).id;
  ex.e = (await createExpert(db, { ...expertBase(), name: "丁·东部", regionCode: "330106", shareAcrossRegions: true, maxConcurrent: 3 })).id;
  ex.k = (await createExpert(db, { ...expertBase(), name: "戊·本单位", employerOrgId: unit.id, maxConcurrent: 3, libraryStatus: "IN_LIBRARY" })).id;
  ex.h = (await createExpert(db, { ...expertBase(), name: "己·外省不共享", regionCode: "330106", shareAcrossRegions: false, maxConcurrent: 3 })).id;
  ex.f = (await createExpert(db, { ...expertBase(), name: "庚·满负荷", maxConcurrent: 1, activeEngagements: 1 })).id;
  ex.x = (await createExpert(db, { ...expertBase(), name: "辛·已邀请", maxConcurrent: 2, activeEngagements: 1 })).id;
  await db.match.create({ data: { needId: need.n3, expertId: ex.x, score: 0.5, source: "SYSTEM", state: "INVITED", invitedAt: new Date() } });
  await refreshMatchTerms(db, 5000);
  // This process's scoring model is fitted once over the pool (seconds; minutes on a loaded machine): not what the
  // tests below time out on.
  await warmScoring(db);
}, 300_000);

const mine = () => Object.values(need);
const proposals = async () => db.match.findMany({
  where: { needId: { in: mine() }, state: "PROPOSED", source: "BATCH" }, select: { id: true, needId: true, expertId: true, score: true, explanation: true },
});
const byNeed = (rows: { needId: string; expertId: string }[]) => {
  const out: Record<string, string[]> = { n1: [], n2: [], n3: [] };
  for (const r of rows) out[(Object.keys(need) as (keyof typeof need)[]).find((k) => need[k] === r.needId)!].push(r.expertId);
  return out;
};
const generate = (user: SessionUser, input: Record<string, unknown> = {}) =>
  executeAction(generateProposalOp, user, meta, { scope: "selected", needIds: mine(), ...input });

async function clearProposals() {
  await db.match.deleteMany({ where: { needId: { in: mine() }, state: "PROPOSED" } });
}

describe("generating a proposal", () => {
  beforeEach(clearProposals);

  it("fills each need's free seats with the best feasible experts, within capacity, never the conflicted, hidden or full", async () => {
    const r = await generate(province);
    if (!r.ok) throw new Error(r.error);
    const rows = await proposals();
    const got = byNeed(rows);
    // Headcount: n1 wants 2, n2 wants 1, n3 wants 2 but one seat is held by an invitation.
    expect(got.n1).toHaveLength(2);
    expect(got.n2).toHaveLength(1);
    expect(got.n3).toHaveLength(1);
    expect(r.data.summary).toMatchObject({ needs: 3, needsCovered: 3, seatsTotal: 4, seatsFilled: 4 });
    // Capacity: 甲 has one place.
    expect(rows.filter((x) => x.expertId === ex.a)).toHaveLength(1);
    // 辛 holds one of two places already, and is already invited to n3.
    expect(rows.filter((x) => x.expertId === ex.x).length).toBeLessThanOrEqual(1);
    expect(got.n3).not.toContain(ex.x);
    for (const id of [ex.k, ex.h, ex.f]) expect(rows.map((x) => x.expertId)).not.toContain(id);
    // Scores and explanations come from the engine; the exact total is at least the greedy one.
    expect(rows.every((x) => x.score > 0 && x.explanation.length > 0)).toBe(true);
    expect(r.data.summary.total).toBeGreaterThanOrEqual(r.data.summary.greedyTotal);
    expect(r.data.summary.greedyRatio).toBeLessThanOrEqual(1);
    // Without a quota the eastern expert (weaker on region) is not everywhere.
    expect(Object.values(got).filter((ids) => ids.includes(ex.e)).length).toBeLessThan(3);
    const audit = await auditRows({ actorId: province.id, operation: "match.propose" });
    expect(audit.some((a) => a.entityType === "Province" && a.summary.includes("3 项需求"))).toBe(true);
    expect(audit.some((a) => a.entityId === need.n1 && a.summary.includes("列入 2 位专家"))).toBe(true);
  });

  it("puts an eastern expert on every need when asked", async () => {
    const r = await generate(province, { minEastern: "on" });
    if (!r.ok) throw new Error(r.error);
    const got = byNeed(await proposals());
    for (const ids of Object.values(got)) expect(ids).toContain(ex.e);
    expect(r.data.unmetQuotas).toEqual([]);
  });

  it("keeps at most k experts of one employer on a need (names compared without spaces)", async () => {
    // With 甲 busy, 乙 and 丙 (one employer, written two ways) are n1's two best.
    await db.expertProfile.update({ where: { id: ex.a }, data: { activeEngagements: 1 } });
    try {
      const without = await generate(province, { needIds: [need.n1] });
      if (!without.ok) throw new Error(without.error);
      expect(byNeed(await proposals()).n1.sort()).toEqual([ex.b, ex.c].sort());
      const r = await generate(province, { needIds: [need.n1], maxPerEmployer: "1" });
      if (!r.ok) throw new Error(r.error);
      const n1 = byNeed(await proposals()).n1;
      expect(n1).toHaveLength(2);
      expect(n1.filter((id) => id === ex.b || id === ex.c)).toHaveLength(1);
    } finally {
      await db.expertProfile.update({ where: { id: ex.a }, data: { activeEngagements: 0 } });
    }
  });

  it("counts an expert's proposals on needs outside the batch against their places", async () => {
    // 甲's only place is promised to another need's proposal, so this batch must do without 甲.
    const other = await newNeed(1);
    await db.match.create({ data: { needId: other, expertId: ex.a, score: 0.9, source: "BATCH", state: "PROPOSED" } });
    try {
      const r = await generate(province);
      if (!r.ok) throw new Error(r.error);
      expect((await proposals()).map((x) => x.expertId)).not.toContain(ex.a);
    } finally {
      await db.need.update({ where: { id: other }, data: { state: "CANCELLED" } });
      await db.match.deleteMany({ where: { needId: other } });
    }
  });

  it("regenerating replaces only the previous BATCH proposals of those needs", async () => {
    const first = await generate(province);
    if (!first.ok) throw new Error(first.error);
    const firstRows = await proposals();
    // Other states and sources stay as they are: the invitation on n3, a withdrawn match, a system suggestion.
    const withdrawn = await db.match.create({ data: { needId: need.n2, expertId: ex.k, score: 0.4, source: "PROVINCE", state: "WITHDRAWN" } });
    const suggestion = await db.match.create({ data: { needId: need.n1, expertId: ex.f, score: 0.3, source: "SYSTEM", state: "PROPOSED" } });
    try {
      const r = await generate(province, { maxPerEmployer: "1", minEastern: "1" });
      if (!r.ok) throw new Error(r.error);
      const rows = await proposals();
      expect(byNeed(rows).n1).toHaveLength(2);
      // Pairs chosen again keep their row; pairs dropped are gone.
      for (const old of firstRows) {
        const again = rows.find((x) => x.needId === old.needId && x.expertId === old.expertId);
        if (again) expect(again.id).toBe(old.id);
        else expect(await db.match.findUnique({ where: { id: old.id } })).toBeNull();
      }
      expect(await db.match.findUniqueOrThrow({ where: { id: withdrawn.id } })).toMatchObject({ state: "WITHDRAWN", source: "PROVINCE" });
      expect(await db.match.findUniqueOrThrow({ where: { id: suggestion.id } })).toMatchObject({ state: "PROPOSED", source: "SYSTEM" });
      expect(await db.match.findFirstOrThrow({ where: { needId: need.n3, expertId: ex.x } })).toMatchObject({ state: "INVITED" });
    } finally {
      await db.match.deleteMany({ where: { id: { in: [withdrawn.id, suggestion.id] } } });
    }
  });

  it("two generations at once both finish, and the proposal is one of them, whole", async () => {
    const [a, b] = await Promise.all([generate(province), generate(province, { minEastern: "1" })]);
    expect(a.ok && b.ok).toBe(true);
    const got = byNeed(await proposals());
    expect([got.n1.length, got.n2.length, got.n3.length]).toEqual([2, 1, 1]);
  });

  it("takes every need of the queue that matches the filters", async () => {
    const r = await executeAction(generateProposalOp, province, meta, { scope: "filtered", q: TOKEN });
    if (!r.ok) throw new Error(r.error);
    expect(r.data.summary.needs).toBe(3);
    expect(r.data.leftOut).toBe(0);
    const queue = await searchQueue(province, queueSearchSchema.parse({ q: TOKEN }));
    expect(queue.rows.map((x) => x.id).sort()).toEqual([...mine()].sort());
    expect(queue.rows.find((x) => x.id === need.n3)).toMatchObject({ seats: 1, proposed: 1 });
    const page = await proposalPage(province, proposalSearchSchema.parse({}));
    const group = page.groups.find((g) => g.id === need.n1)!;
    expect(group.rows).toHaveLength(2);
    expect(group.rows.every((x) => x.expertName && x.place)).toBe(true);
  });

  it("reports needs that left the queue and refuses when none is left", async () => {
    const closed = await newNeed(1);
    await db.need.update({ where: { id: closed }, data: { state: "CANCELLED" } });
    const r = await generate(province, { needIds: [...mine(), closed] });
    if (!r.ok) throw new Error(r.error);
    expect(r.data.notReady).toEqual([expect.objectContaining({ reason: "需求当前为“已撤销”" })]);
    const none = await generate(province, { needIds: [closed] });
    expect(none).toMatchObject({ ok: false, error: expect.stringContaining("不在待分配队列中") });
  });

  it("refuses other roles and other provinces, and changes nothing", async () => {
    for (const user of [otherProvince, unitUser, ministry]) {
      expect(await generate(user)).toEqual({ ok: false, error: "无权执行此操作" });
    }
    expect(await proposals()).toEqual([]);
    const denied = await auditRows({ actorId: otherProvince.id, operation: "match.invite" });
    expect(denied.some((a) => a.outcome === "DENIED")).toBe(true);
    // Another province's queue and proposal never show these needs.
    expect((await searchQueue(otherProvince, queueSearchSchema.parse({ q: TOKEN }))).total).toBe(0);
  });

  it("refuses bad input with field errors and changes nothing", async () => {
    const cases: Record<string, unknown>[] = [
      { needIds: [] }, { maxPerEmployer: "0" }, { perNeed: "1000" }, { scope: "everything" },
      { needIds: Array.from({ length: 501 }, (_, i) => `n${i}`) },
    ];
    for (const input of cases) {
      const r = await generate(province, input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(Object.keys(r.fieldErrors ?? {})).not.toHaveLength(0);
    }
    expect((await generate(province, { needIds: ["no-such-need"] }))).toMatchObject({ ok: false, error: "需求不存在或已被删除" });
    expect(await proposals()).toEqual([]);
  });
});

describe("editing the proposal", () => {
  beforeEach(async () => {
    await clearProposals();
    const r = await generate(province);
    if (!r.ok) throw new Error(r.error);
  });

  it("removes one proposed expert (audited) and refuses to remove it twice or to remove an invitation", async () => {
    const [row] = await proposals();
    for (const user of [otherProvince, unitUser, ministry]) {
      expect(await executeAction(removeProposalOp, user, meta, { matchId: row.id })).toEqual({ ok: false, error: "无权执行此操作" });
    }
    expect(await executeAction(removeProposalOp, province, meta, {})).toMatchObject({ ok: false, fieldErrors: { matchId: expect.any(Array) } });
    expect(await executeAction(removeProposalOp, province, meta, { matchId: row.id })).toMatchObject({ ok: true });
    expect(await db.match.findUnique({ where: { id: row.id } })).toBeNull();
    expect((await auditRows({ entityId: row.id, operation: "match.unpropose" }))).toHaveLength(1);
    expect(await executeAction(removeProposalOp, province, meta, { matchId: row.id })).toMatchObject({ ok: false, error: "方案中的专家不存在或已被删除" });
    const invited = await db.match.findFirstOrThrow({ where: { needId: need.n3, expertId: ex.x } });
    expect(await executeAction(removeProposalOp, province, meta, { matchId: invited.id })).toMatchObject({ ok: false, error: expect.stringContaining("已不在分配方案中") });
    expect((await db.match.findUniqueOrThrow({ where: { id: invited.id } })).state).toBe("INVITED");
  });

  it("adds an expert by hand, with the engine's score, within the hard filters, the seats and the province's view", async () => {
    const n2 = byNeed(await proposals()).n2;
    const n2Row = (await proposals()).find((x) => x.needId === need.n2)!;
    // n2's one seat is taken by the proposal: adding another is refused until one is removed.
    const full = await executeAction(addProposalOp, province, meta, { needId: need.n2, expertId: ex.e === n2[0] ? ex.b : ex.e });
    expect(full).toMatchObject({ ok: false, error: expect.stringContaining("名额") });
    await executeAction(removeProposalOp, province, meta, { matchId: n2Row.id });

    const conflicted = await executeAction(addProposalOp, province, meta, { needId: need.n2, expertId: ex.k });
    expect(conflicted).toMatchObject({ ok: false, error: expect.stringContaining("利益冲突") });
    const hidden = await executeAction(addProposalOp, province, meta, { needId: need.n2, expertId: ex.h });
    expect(hidden).toEqual({ ok: false, error: "专家不存在或已被删除" });
    for (const user of [otherProvince, unitUser, ministry]) {
      expect(await executeAction(addProposalOp, user, meta, { needId: need.n2, expertId: ex.e })).toEqual({ ok: false, error: "无权执行此操作" });
    }
    // An expert who declined this need before cannot be proposed again.
    const declined = await db.match.create({ data: { needId: need.n2, expertId: ex.b, score: 0.5, source: "SYSTEM", state: "DECLINED" } });
    try {
      expect(await executeAction(addProposalOp, province, meta, { needId: need.n2, expertId: ex.b })).toMatchObject({ ok: false, error: expect.stringContaining("婉拒") });
      expect((await db.match.findUniqueOrThrow({ where: { id: declined.id } })).state).toBe("DECLINED");
    } finally {
      await db.match.delete({ where: { id: declined.id } });
    }
    // A need that left the queue takes no one.
    const closed = await newNeed(1);
    await db.need.update({ where: { id: closed }, data: { state: "CANCELLED" } });
    expect(await executeAction(addProposalOp, province, meta, { needId: closed, expertId: ex.e })).toMatchObject({ ok: false, error: expect.stringContaining("已撤销") });
    expect(await executeAction(addProposalOp, province, meta, { needId: need.n2 })).toMatchObject({ ok: false, fieldErrors: { expertId: expect.any(Array) } });

    const ok = await executeAction(addProposalOp, province, meta, { needId: need.n2, expertId: ex.e });
    if (!ok.ok) throw new Error(ok.error);
    const row = await db.match.findUniqueOrThrow({ where: { id: ok.data.matchId } });
    expect(row).toMatchObject({ state: "PROPOSED", source: "BATCH", needId: need.n2, expertId: ex.e });
    expect(row.score).toBeGreaterThan(0);
    expect(row.explanation).toContain("东西部协作");
    expect(await auditRows({ entityId: row.id, operation: "match.propose" })).toHaveLength(1);

    // The search for "add by hand" shows visible experts only, each with why it cannot be added.
    const found = await expertsToAdd(province, need.n2, TOKEN);
    const names = found.map((f) => f.name);
    expect(names).not.toContain("己·外省不共享");
    expect(found.find((f) => f.id === ex.k)?.blockedBy).toContain("利益冲突");
    expect(found.find((f) => f.id === ex.e)?.blockedBy).toBe("已在方案中");
    expect(await expertsToAdd(otherProvince, need.n2, TOKEN)).toEqual([]);
  });
});

describe("sending the proposal", () => {
  beforeEach(async () => {
    await db.match.deleteMany({ where: { needId: { in: mine() }, NOT: { expertId: ex.x, needId: need.n3 } } });
    // Places back to what the fixture set (sending takes them).
    await db.expertProfile.updateMany({ where: { id: { in: [ex.a, ex.b, ex.c, ex.e] } }, data: { activeEngagements: 0 } });
    await db.expertProfile.update({ where: { id: ex.x }, data: { activeEngagements: 1 } });
    const r = await generate(province);
    if (!r.ok) throw new Error(r.error);
  });

  it("invites exactly the checked experts, each on its own, and reports refusals in Chinese", async () => {
    const rows = await proposals();
    expect(rows).toHaveLength(4);
    const aRow = rows.find((x) => x.expertId === ex.a)!;
    const unchecked = rows.find((x) => x.expertId !== ex.a)!;
    const checked = rows.filter((x) => x.id !== unchecked.id);
    // Meanwhile 甲's only place is taken elsewhere.
    await db.expertProfile.update({ where: { id: ex.a }, data: { activeEngagements: 1 } });

    const r = await executeAction(sendProposalOp, province, meta, { matchIds: checked.map((x) => x.id) });
    if (!r.ok) throw new Error(r.error);
    expect(r.data.sent).toBe(checked.length - 1);
    expect(r.data.failed).toBe(1);
    const refused = r.data.results.find((x) => !x.ok)!;
    expect(refused).toMatchObject({ matchId: aRow.id, expertName: "甲·满分一席", error: expect.stringMatching(/已满|上限/) });

    for (const x of checked.filter((y) => y.id !== aRow.id)) {
      const m = await db.match.findUniqueOrThrow({ where: { id: x.id } });
      expect(m).toMatchObject({ state: "INVITED", source: "BATCH", invitedById: province.id });
      expect(m.respondBy!.getTime()).toBeGreaterThan(Date.now());
    }
    expect((await db.match.findUniqueOrThrow({ where: { id: aRow.id } })).state).toBe("PROPOSED");
    expect((await db.match.findUniqueOrThrow({ where: { id: unchecked.id } })).state).toBe("PROPOSED");
    expect((await auditRows({ actorId: province.id, operation: "match.invite" })).filter((a) => a.entityType === "Match" && checked.some((c) => c.id === a.entityId))).toHaveLength(checked.length - 1);

    // Sending again: the invited ones are no longer in the proposal.
    const again = await executeAction(sendProposalOp, province, meta, { matchIds: [checked.find((x) => x.id !== aRow.id)!.id] });
    expect(again.ok && again.data.results[0]).toMatchObject({ ok: false, error: expect.stringContaining("已不在分配方案中") });
  });

  it("refuses the whole send when one proposal belongs to another province, and sends nothing", async () => {
    const rows = await proposals();
    expect(await executeAction(sendProposalOp, otherProvince, meta, { matchIds: rows.map((x) => x.id) })).toEqual({ ok: false, error: "无权执行此操作" });
    expect(await executeAction(sendProposalOp, unitUser, meta, { matchIds: rows.map((x) => x.id) })).toEqual({ ok: false, error: "无权执行此操作" });
    expect(await executeAction(sendProposalOp, province, meta, { matchIds: [] })).toMatchObject({ ok: false, fieldErrors: { matchIds: expect.any(Array) } });
    expect(await proposals()).toHaveLength(rows.length);
  });
});
