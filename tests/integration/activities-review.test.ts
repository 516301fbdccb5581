import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { executeAction, type ActionResult } from "@/lib/actions/pipeline";
import type { SessionUser } from "@/lib/auth/roles";
import type { ActivityState, PlanState } from "@/lib/generated/prisma/enums";
import { DEFAULT_RUBRIC } from "@/lib/activities/rubric";
import { assignReviewersOp, removeReviewerOp, scoreOp } from "@/lib/activities/review-operations";
import { decideOp, publishOp } from "@/lib/activities/selection-operations";
import { publishedDemonstration, publishedDemonstrations, selectionInScope } from "@/lib/activities/selection-queries";
import { demonstrationSearchSchema } from "@/lib/activities/selection-schemas";
import { completeOp, linkEngagementOp, progressOp, startOp } from "@/lib/activities/progress-operations";
import { currentPeriod, progressPrefill } from "@/lib/activities/progress-service";
import { activityFeedbackOp, evaluateOp } from "@/lib/activities/evaluation-operations";
import { createOrganization, createUser } from "@/prisma/seed/factories";
import { expertWithUser, ministryAdmin, provinceAdmin, SICHUAN, unitIn, userWith, ZHEJIANG } from "./fixtures";
import { auditRows, meta, REFUSED, sessionUserOf } from "./helpers";

// The ministry's review, selection and publication, then tracking and evaluation of demonstration activities
// (issue 11; sections 1, 6 and 7 of the notice). Plans and activities are inserted directly: no demo data needed.

const SHAANXI = "61";
let yearSeq = 3000 + Math.floor(Math.random() * 5000);
let programId: string;

const ok = <T>(r: ActionResult<T>): T => {
  if (!r.ok) throw new Error(`expected success, got ${r.error} ${JSON.stringify(r.fieldErrors ?? {})}`);
  return r.data;
};
const refusedWith = (r: ActionResult<unknown>, text: string) => {
  expect(r.ok).toBe(false);
  if (!r.ok) expect(`${r.error} ${JSON.stringify(r.fieldErrors ?? {})}`).toContain(text);
};

async function plan(over: { quota?: number; baseBonus?: number; baseReservedPlaces?: number; state?: PlanState; disagreementSpread?: number } = {}) {
  return db.annualPlan.create({
    data: {
      programId, year: yearSeq++, theme: "测试年度主题", quota: over.quota ?? 5, state: over.state ?? "CLOSED",
      baseBonus: over.baseBonus ?? 0, baseReservedPlaces: over.baseReservedPlaces ?? 0, disagreementSpread: over.disagreementSpread ?? 15,
      rubric: [...DEFAULT_RUBRIC],
    },
  });
}

type Act = { id: string; applicantOrgId: string; provinceCode: string };

async function activity(planId: string | null, over: { province?: string; state?: ActivityState; applicantOrgId?: string; hostBaseId?: string; local?: boolean; targets?: unknown } = {}): Promise<Act> {
  const province = over.province ?? SICHUAN;
  const applicantOrgId = over.applicantOrgId ?? (await createOrganization(db, { type: "PROVINCIAL_BUREAU", regionCode: province })).id;
  return db.demonstrationActivity.create({
    data: {
      planId, programId, applicantOrgId, regionCode: province, provinceCode: province, title: `测试示范活动${Math.random().toString(36).slice(2, 8)}`,
      summary: "测试用活动简介", state: over.state ?? "RECOMMENDED", hostBaseId: over.hostBaseId ?? null, isDemonstration: !over.local,
      targets: (over.targets ?? [{ indicator: "培训基层人员", target: 100, unit: "人次" }]) as object,
    },
    select: { id: true, applicantOrgId: true, provinceCode: true },
  });
}

async function base(province = SICHUAN) {
  const host = await createOrganization(db, { type: "BASE_HOST", regionCode: province });
  return db.serviceBase.create({
    data: { hostOrgId: host.id, name: `测试基地${Math.random().toString(36).slice(2, 8)}`, level: "PROVINCIAL", regionCode: province, provinceCode: province, focus: "测试", state: "ESTABLISHED" },
  });
}

/** An expert reviewer from `province` (浙江 by default, never the activities' 四川). */
const reviewer = async (province = ZHEJIANG) => (await expertWithUser({ provinceCode: province, regionCode: province === ZHEJIANG ? "330106" : province })).session;

const FULL = Object.fromEntries(DEFAULT_RUBRIC.map((c) => [c.key, c.weight]));
const scoreFields = (scores: Record<string, number>) => Object.fromEntries(Object.entries(scores).map(([k, v]) => [`score.${k}`, String(v)]));
const scaled = (f: number) => Object.fromEntries(DEFAULT_RUBRIC.map((c) => [c.key, Math.round(c.weight * f)]));

async function reviewIdOf(activityId: string, reviewerId: string) {
  return (await db.activityReview.findUniqueOrThrow({ where: { activityId_reviewerId: { activityId, reviewerId } } })).id;
}

/** Assign two reviewers and have both score (fraction of the full marks each). */
async function reviewed(a: Act, ministry: SessionUser, fractions: [number, number] = [0.9, 0.8]) {
  const [r1, r2] = [await reviewer(), await reviewer()];
  ok(await executeAction(assignReviewersOp, ministry, meta, { activityId: a.id, reviewerIds: [r1.id, r2.id] }));
  for (const [r, f] of [[r1, fractions[0]], [r2, fractions[1]]] as const) {
    ok(await executeAction(scoreOp, r, meta, { reviewId: await reviewIdOf(a.id, r.id), version: 0, comment: "方案扎实，需求真实，建议入选。", ...scoreFields(scaled(f)) }));
  }
  return [r1, r2];
}

const stateOf = async (id: string) => (await db.demonstrationActivity.findUniqueOrThrow({ where: { id } })).state;
const versionOf = async (id: string) => (await db.demonstrationActivity.findUniqueOrThrow({ where: { id } })).version;

let ministry: SessionUser;
let sichuan: SessionUser;
let zhejiang: SessionUser;

beforeAll(async () => {
  programId = (await db.program.findUniqueOrThrow({ where: { code: "EXPERT_SERVICE" } })).id;
  [ministry, sichuan, zhejiang] = [await ministryAdmin(), await provinceAdmin(SICHUAN), await provinceAdmin(ZHEJIANG)];
});

describe("review assignment", () => {
  it("assigns two reviewers from other provinces, notifies them and audits; only the ministry may", async () => {
    const p = await plan();
    const a = await activity(p.id);
    const [r1, r2] = [await reviewer(), await reviewer(SHAANXI)];
    for (const who of [sichuan, await userWith("UNIT_USER"), r1, await userWith("BASE_HOST"), await userWith("DEPARTMENT_ADMIN")]) {
      expect(await executeAction(assignReviewersOp, who, meta, { activityId: a.id, reviewerIds: [r1.id, r2.id] })).toEqual(REFUSED);
    }
    expect(ok(await executeAction(assignReviewersOp, ministry, meta, { activityId: a.id, reviewerIds: [r1.id, r2.id] }))).toEqual({ assigned: 2, total: 2 });
    expect(await db.activityReview.count({ where: { activityId: a.id, assignedById: ministry.id } })).toBe(2);
    expect(await db.notification.count({ where: { userId: { in: [r1.id, r2.id] }, link: "/expert/reviews" } })).toBe(2);
    expect((await auditRows({ entityId: a.id, operation: "activity.assignReviewers" })).length).toBe(1);
  });

  it("refuses fewer than two reviewers in all", async () => {
    const a = await activity((await plan()).id);
    refusedWith(await executeAction(assignReviewersOp, ministry, meta, { activityId: a.id, reviewerIds: [(await reviewer()).id] }), "至少分配 2 名评审专家");
    expect(await db.activityReview.count({ where: { activityId: a.id } })).toBe(0);
  });

  it("recusal: refuses a reviewer of the applicant's province (profile or organisation) or on its team, saving nothing", async () => {
    const a = await activity((await plan()).id);
    const ok1 = await reviewer();
    const sameProvince = await reviewer(SICHUAN);
    refusedWith(await executeAction(assignReviewersOp, ministry, meta, { activityId: a.id, reviewerIds: [ok1.id, sameProvince.id] }), "同属一个省份，按回避规定不能评审");
    // A 浙江 profile whose account sits in a 四川 organisation is just as much from the applicant's province.
    const sichuanOrg = await createOrganization(db, { type: "EMPLOYER", regionCode: "510131" });
    const viaOrg = await expertWithUser({ user: { organizationId: sichuanOrg.id } } as never);
    await db.user.update({ where: { id: viaOrg.session.id }, data: { organizationId: sichuanOrg.id } });
    refusedWith(await executeAction(assignReviewersOp, ministry, meta, { activityId: a.id, reviewerIds: [ok1.id, viaOrg.session.id] }), "同属一个省份");
    const member = await expertWithUser();
    await db.activityTeamMember.create({ data: { activityId: a.id, expertId: member.id } });
    refusedWith(await executeAction(assignReviewersOp, ministry, meta, { activityId: a.id, reviewerIds: [ok1.id, member.session.id] }), "团队成员");
    const notExpert = await userWith("UNIT_USER");
    refusedWith(await executeAction(assignReviewersOp, ministry, meta, { activityId: a.id, reviewerIds: [ok1.id, notExpert.id] }), "只能选择在库的专家");
    expect(await db.activityReview.count({ where: { activityId: a.id } })).toBe(0);
  });

  it("refuses assigning outside review (not recommended, plan published) and removes only unscored assignments", async () => {
    const p = await plan();
    const draft = await activity(p.id, { state: "SUBMITTED" });
    const [r1, r2] = [await reviewer(), await reviewer()];
    refusedWith(await executeAction(assignReviewersOp, ministry, meta, { activityId: draft.id, reviewerIds: [r1.id, r2.id] }), "不能分配评审专家");
    const a = await activity(p.id);
    ok(await executeAction(assignReviewersOp, ministry, meta, { activityId: a.id, reviewerIds: [r1.id, r2.id] }));
    ok(await executeAction(scoreOp, r1, meta, { reviewId: await reviewIdOf(a.id, r1.id), version: 0, comment: "评审意见：方案可行。", ...scoreFields(FULL) }));
    refusedWith(await executeAction(removeReviewerOp, ministry, meta, { reviewId: await reviewIdOf(a.id, r1.id) }), "已提交评分，不能撤销");
    expect(await executeAction(removeReviewerOp, sichuan, meta, { reviewId: await reviewIdOf(a.id, r2.id) })).toEqual(REFUSED);
    ok(await executeAction(removeReviewerOp, ministry, meta, { reviewId: await reviewIdOf(a.id, r2.id) }));
    expect(await db.activityReview.count({ where: { activityId: a.id } })).toBe(1);
    const published = await plan({ state: "PUBLISHED" });
    const late = await activity(published.id);
    refusedWith(await executeAction(assignReviewersOp, ministry, meta, { activityId: late.id, reviewerIds: [r1.id, r2.id] }), "遴选结果已公布");
  });
});

describe("scoring", () => {
  it("only the assigned reviewer scores, once, against the rubric; bad input changes nothing", async () => {
    const a = await activity((await plan()).id);
    const [r1, r2] = [await reviewer(), await reviewer()];
    ok(await executeAction(assignReviewersOp, ministry, meta, { activityId: a.id, reviewerIds: [r1.id, r2.id] }));
    const reviewId = await reviewIdOf(a.id, r1.id);
    const base = { reviewId, version: 0, comment: "方案扎实，建议入选年度示范活动。" };
    for (const who of [r2, await reviewer(), ministry, sichuan, await userWith("UNIT_USER")]) {
      expect(await executeAction(scoreOp, who, meta, { ...base, ...scoreFields(FULL) })).toEqual(REFUSED);
    }
    refusedWith(await executeAction(scoreOp, r1, meta, { ...base, ...scoreFields({ ...FULL, themeFit: 21 }) }), "“主题契合”的得分须在 0 到 20 之间");
    const missing: Record<string, number> = { ...FULL };
    delete missing.eastWest;
    refusedWith(await executeAction(scoreOp, r1, meta, { ...base, ...scoreFields(missing) }), "请为“东西部协作”打分");
    refusedWith(await executeAction(scoreOp, r1, meta, { ...base, ...scoreFields({ ...FULL, bribe: 3 }) }), "不在本年度评审细则中");
    refusedWith(await executeAction(scoreOp, r1, meta, { ...base, ...scoreFields({ ...FULL, feasibility: -1 }) }), "得分须在 0 到 15 之间");
    refusedWith(await executeAction(scoreOp, r1, meta, { ...base, comment: "短", ...scoreFields(FULL) }), "请填写评审意见");
    let row = await db.activityReview.findUniqueOrThrow({ where: { id: reviewId } });
    expect([row.submittedAt, row.scores, row.total, row.version]).toEqual([null, null, null, 0]);

    expect(ok(await executeAction(scoreOp, r1, meta, { ...base, ...scoreFields(scaled(0.5)) })).total).toBe(51);
    row = await db.activityReview.findUniqueOrThrow({ where: { id: reviewId } });
    expect(row.submittedAt).not.toBeNull();
    expect(row.version).toBe(1);
    refusedWith(await executeAction(scoreOp, r1, meta, { ...base, version: 1, ...scoreFields(FULL) }), "已提交评分");
    expect((await db.activityReview.findUniqueOrThrow({ where: { id: reviewId } })).total).toBe(51);
    expect((await auditRows({ actorId: r1.id, operation: "activity.score" })).length).toBe(1);
  });

  it("never lets a reviewer score their own province's application, even if their profile moved after assignment", async () => {
    const a = await activity((await plan()).id);
    const [r1, r2] = [await expertWithUser(), await reviewer()];
    ok(await executeAction(assignReviewersOp, ministry, meta, { activityId: a.id, reviewerIds: [r1.session.id, r2.id] }));
    await db.expertProfile.update({ where: { id: r1.id }, data: { provinceCode: SICHUAN, regionCode: "510131" } });
    refusedWith(await executeAction(scoreOp, r1.session, meta, { reviewId: await reviewIdOf(a.id, r1.session.id), version: 0, comment: "评审意见：方案可行。", ...scoreFields(FULL) }), "回避");
    expect((await db.activityReview.findUniqueOrThrow({ where: { id: await reviewIdOf(a.id, r1.session.id) } })).submittedAt).toBeNull();
  });

  it("refuses scoring once the application is decided or the plan published", async () => {
    const p = await plan();
    const a = await activity(p.id);
    const [r1, r2] = [await reviewer(), await reviewer()];
    ok(await executeAction(assignReviewersOp, ministry, meta, { activityId: a.id, reviewerIds: [r1.id, r2.id] }));
    await db.annualPlan.update({ where: { id: p.id }, data: { state: "PUBLISHED" } });
    refusedWith(await executeAction(scoreOp, r1, meta, { reviewId: await reviewIdOf(a.id, r1.id), version: 0, comment: "评审意见：方案可行。", ...scoreFields(FULL) }), "遴选结果已公布");
    await db.annualPlan.update({ where: { id: p.id }, data: { state: "CLOSED" } });
    await db.demonstrationActivity.update({ where: { id: a.id }, data: { state: "NOT_SELECTED" } });
    refusedWith(await executeAction(scoreOp, r1, meta, { reviewId: await reviewIdOf(a.id, r1.id), version: 0, comment: "评审意见：方案可行。", ...scoreFields(FULL) }), "不在评审阶段");
  });

  it("two reviewers scoring at once both count; the same reviewer submitting twice at once counts once", async () => {
    const a = await activity((await plan()).id);
    const [r1, r2] = [await reviewer(), await reviewer()];
    ok(await executeAction(assignReviewersOp, ministry, meta, { activityId: a.id, reviewerIds: [r1.id, r2.id] }));
    const [id1, id2] = [await reviewIdOf(a.id, r1.id), await reviewIdOf(a.id, r2.id)];
    const body = { version: 0, comment: "评审意见：方案可行。" };
    const both = await Promise.all([
      executeAction(scoreOp, r1, meta, { reviewId: id1, ...body, ...scoreFields(scaled(0.9)) }),
      executeAction(scoreOp, r2, meta, { reviewId: id2, ...body, ...scoreFields(scaled(0.6)) }),
    ]);
    expect(both.map((r) => r.ok)).toEqual([true, true]);
    expect((await db.activityReview.findMany({ where: { activityId: a.id }, orderBy: { total: "desc" } })).map((r) => r.total)).toEqual([91, 60]);
    // Exactly one of them saw the last score come in and told the ministry.
    expect(await db.notification.count({ where: { userId: ministry.id, title: "示范活动评审已完成", link: { endsWith: "/selection" }, body: { contains: (await db.demonstrationActivity.findUniqueOrThrow({ where: { id: a.id } })).title } } })).toBe(1);

    const b = await activity((await plan()).id);
    ok(await executeAction(assignReviewersOp, ministry, meta, { activityId: b.id, reviewerIds: [r1.id, r2.id] }));
    const id = await reviewIdOf(b.id, r1.id);
    const twice = await Promise.all([
      executeAction(scoreOp, r1, meta, { reviewId: id, ...body, ...scoreFields(scaled(0.9)) }),
      executeAction(scoreOp, r1, meta, { reviewId: id, ...body, ...scoreFields(scaled(0.3)) }),
    ]);
    expect(twice.filter((r) => r.ok)).toHaveLength(1);
    const row = await db.activityReview.findUniqueOrThrow({ where: { id } });
    expect(row.version).toBe(1);
    expect([91, 31]).toContain(row.total);
  });
});

describe("selection board and publication", () => {
  it("aggregates mean, spread and the disagreement flag, ranks with the base bonus", async () => {
    const p = await plan({ baseBonus: 5, disagreementSpread: 15 });
    const plain = await activity(p.id);
    const hosted = await activity(p.id, { hostBaseId: (await base()).id });
    await reviewed(plain, ministry, [0.9, 0.5]);
    await reviewed(hosted, ministry, [0.8, 0.8]);
    const board = (await selectionInScope(p.id).load())!;
    const [first, second] = board.rows;
    expect(first.id).toBe(hosted.id);
    expect([first.mean, first.bonus, first.ranking, first.disagreement]).toEqual([80, 5, 85, false]);
    expect(second.id).toBe(plain.id);
    expect([second.mean, second.spread, second.disagreement, second.submitted, second.assigned]).toEqual([71, 40, true, 2, 2]);
    expect(board.places).toMatchObject({ used: 0, left: 5 });
    expect(board.channels).toEqual([expect.objectContaining({ key: SICHUAN, kind: "省份", recommended: 2, selected: 0, quota: 3 })]);
  });

  it("requires a reason for every decision, two submitted reviews to select, and refuses other roles", async () => {
    const p = await plan();
    const a = await activity(p.id);
    refusedWith(await executeAction(decideOp, ministry, meta, { activityId: a.id, decision: "select", reason: "" }), "请填写遴选理由");
    refusedWith(await executeAction(decideOp, ministry, meta, { activityId: a.id, decision: "reject", reason: " " }), "请填写遴选理由");
    refusedWith(await executeAction(decideOp, ministry, meta, { activityId: a.id, decision: "select", reason: "主题契合，同意入选" }), "至少 2 份后才能入选");
    await reviewed(a, ministry);
    for (const who of [sichuan, await reviewer(), await userWith("UNIT_USER"), await userWith("DEPARTMENT_ADMIN")]) {
      expect(await executeAction(decideOp, who, meta, { activityId: a.id, decision: "select", reason: "主题契合，同意入选" })).toEqual(REFUSED);
    }
    expect(await stateOf(a.id)).toBe("RECOMMENDED");
    expect(ok(await executeAction(decideOp, ministry, meta, { activityId: a.id, decision: "select", reason: "主题契合，同意入选" }))).toEqual({ state: "SELECTED" });
    const row = await db.demonstrationActivity.findUniqueOrThrow({ where: { id: a.id }, include: { events: true } });
    expect(row.selectionComment).toBe("主题契合，同意入选");
    expect(row.selectedAt).not.toBeNull();
    expect(row.events.map((e) => [e.fromState, e.toState, e.comment])).toEqual([["RECOMMENDED", "SELECTED", "主题契合，同意入选"]]);
    refusedWith(await executeAction(decideOp, ministry, meta, { activityId: a.id, decision: "reject", reason: "重复决定" }), "只有已推荐的申报才能遴选");
    const unrecommended = await activity(p.id, { state: "SUBMITTED" });
    refusedWith(await executeAction(decideOp, ministry, meta, { activityId: unrecommended.id, decision: "select", reason: "同意入选测试" }), "只有已推荐的申报才能遴选");
  });

  it("refuses selecting beyond the plan's quota, and keeps reserved places for base-hosted activities", async () => {
    const p = await plan({ quota: 2, baseReservedPlaces: 1 });
    const [a, b] = [await activity(p.id), await activity(p.id)];
    const hosted = await activity(p.id, { hostBaseId: (await base()).id });
    for (const x of [a, b, hosted]) await reviewed(x, ministry);
    ok(await executeAction(decideOp, ministry, meta, { activityId: a.id, decision: "select", reason: "主题契合，同意入选" }));
    refusedWith(await executeAction(decideOp, ministry, meta, { activityId: b.id, decision: "select", reason: "主题契合，同意入选" }), "预留给专家服务基地");
    ok(await executeAction(decideOp, ministry, meta, { activityId: hosted.id, decision: "select", reason: "基地承办，优先入选" }));
    refusedWith(await executeAction(decideOp, ministry, meta, { activityId: b.id, decision: "select", reason: "主题契合，同意入选" }), "名额已全部使用");
    expect(await stateOf(b.id)).toBe("RECOMMENDED");
    ok(await executeAction(decideOp, ministry, meta, { activityId: b.id, decision: "reject", reason: "名额已满，未入选" }));
    expect(await stateOf(b.id)).toBe("NOT_SELECTED");
  });

  it("two ministry staff selecting the last place at once: exactly one wins", async () => {
    const p = await plan({ quota: 1 });
    const [a, b] = [await activity(p.id), await activity(p.id)];
    for (const x of [a, b]) await reviewed(x, ministry);
    const other = await ministryAdmin();
    const results = await Promise.all([
      executeAction(decideOp, ministry, meta, { activityId: a.id, decision: "select", reason: "同意入选（甲）" }),
      executeAction(decideOp, other, meta, { activityId: b.id, decision: "select", reason: "同意入选（乙）" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const loser = results.find((r) => !r.ok);
    expect(loser && !loser.ok && loser.error).toContain("名额已全部使用");
    expect(await db.demonstrationActivity.count({ where: { planId: p.id, state: "SELECTED" } })).toBe(1);
  });

  it("publishes only when every recommended application is decided; the public sees only published selections", async () => {
    const p = await plan();
    const [a, b] = [await activity(p.id), await activity(p.id)];
    for (const x of [a, b]) await reviewed(x, ministry);
    ok(await executeAction(decideOp, ministry, meta, { activityId: a.id, decision: "select", reason: "主题契合，同意入选" }));
    const version = (await db.annualPlan.findUniqueOrThrow({ where: { id: p.id } })).version;
    refusedWith(await executeAction(publishOp, ministry, meta, { planId: p.id, version }), "尚有 1 项已推荐的申报未作出遴选决定");
    expect(await publishedDemonstration(a.id)).toBeNull();
    const search = demonstrationSearchSchema.parse({ year: undefined });
    expect((await publishedDemonstrations(search)).rows.map((r) => r.id)).not.toContain(a.id);
    ok(await executeAction(decideOp, ministry, meta, { activityId: b.id, decision: "reject", reason: "内容重复，未入选" }));
    expect(await executeAction(publishOp, sichuan, meta, { planId: p.id, version })).toEqual(REFUSED);
    expect(ok(await executeAction(publishOp, ministry, meta, { planId: p.id, version }))).toEqual({ state: "PUBLISHED" });
    const stored = await db.annualPlan.findUniqueOrThrow({ where: { id: p.id } });
    expect(stored.publishedAt).not.toBeNull();
    expect(await publishedDemonstration(a.id)).toMatchObject({ id: a.id });
    expect(await publishedDemonstration(b.id)).toBeNull();
    const listed = await publishedDemonstrations(demonstrationSearchSchema.parse({ year: String(stored.year) }));
    expect(listed.rows.map((r) => r.id)).toEqual([a.id]);
    refusedWith(await executeAction(publishOp, ministry, meta, { planId: p.id, version: stored.version }), "不能公布遴选结果");
    expect(await db.notification.count({ where: { link: `/activities/${a.id}`, title: "示范活动入选年度名单" } })).toBeGreaterThan(0);
    expect((await auditRows({ entityId: p.id, operation: "plan.publish" })).length).toBe(1);
    // Whatever the address: an open plan's selected activity stays invisible.
    const open = await plan({ state: "OPEN" });
    const hidden = await activity(open.id, { state: "SELECTED" });
    expect(await publishedDemonstration(hidden.id)).toBeNull();
  });
});

describe("tracking: start, engagements, progress, completion", () => {
  async function running() {
    const unit = await unitIn();
    const p = await plan({ state: "PUBLISHED" });
    const a = await activity(p.id, { state: "SELECTED", applicantOrgId: unit.org.id });
    return { unit, a };
  }

  it("starts from SELECTED by the applicant or its province only", async () => {
    const { unit, a } = await running();
    for (const who of [zhejiang, ministry, await reviewer(), (await unitIn()).user]) {
      expect(await executeAction(startOp, who, meta, { activityId: a.id, version: 0 })).toEqual(REFUSED);
    }
    expect(ok(await executeAction(startOp, unit.user, meta, { activityId: a.id, version: 0 }))).toEqual({ state: "IN_PROGRESS" });
    refusedWith(await executeAction(startOp, sichuan, meta, { activityId: a.id, version: 1 }), "不能开始实施");
    const other = await running();
    expect(ok(await executeAction(startOp, sichuan, meta, { activityId: other.a.id, version: 0 }))).toEqual({ state: "IN_PROGRESS" });
  });

  it("reports progress at most once a month, never for a future month; two at once for one month: one wins", async () => {
    const { unit, a } = await running();
    const body = { activityId: a.id, content: "本月组织专家开展现场指导两次。", expertsCount: "2", serviceHours: "16", serviceDays: "2", peopleServed: "40", peopleTrained: "10", forms: "TECH_GUIDANCE" };
    refusedWith(await executeAction(progressOp, unit.user, meta, { ...body, period: currentPeriod() }), "不能报送进展");
    ok(await executeAction(startOp, unit.user, meta, { activityId: a.id, version: 0 }));
    const now = currentPeriod();
    const [y, m] = now.split("-").map(Number);
    const future = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
    refusedWith(await executeAction(progressOp, unit.user, meta, { ...body, period: future }), "不能报送未来月份");
    refusedWith(await executeAction(progressOp, unit.user, meta, { ...body, period: `${now}-05` }), "报送月份格式应为 YYYY-MM");
    for (const who of [zhejiang, ministry, await reviewer()]) expect(await executeAction(progressOp, who, meta, { ...body, period: now })).toEqual(REFUSED);
    const twice = await Promise.all([
      executeAction(progressOp, unit.user, meta, { ...body, period: now }),
      executeAction(progressOp, sichuan, meta, { ...body, period: now }),
    ]);
    expect(twice.filter((r) => r.ok)).toHaveLength(1);
    refusedWith(await executeAction(progressOp, sichuan, meta, { ...body, period: now }), "每月至多报送一次");
    expect(await db.activityProgressReport.count({ where: { activityId: a.id } })).toBe(1);
    expect((await auditRows({ entityId: a.id, operation: "activity.progress" })).length).toBe(1);
  });

  it("pre-fills a month from the confirmed service records of the linked engagements only", async () => {
    const { unit, a } = await running();
    ok(await executeAction(startOp, unit.user, meta, { activityId: a.id, version: 0 }));
    const need = await db.need.create({
      data: { code: `XQ-A${Math.random().toString(36).slice(2, 8)}`, unitId: unit.org.id, title: "测试需求", bottleneck: "测试", regionCode: "510131", provinceCode: SICHUAN, state: "IN_SERVICE" },
    });
    const engage = async () => {
      const ex = await expertWithUser();
      const match = await db.match.create({ data: { needId: need.id, expertId: ex.id, score: 1, source: "SYSTEM", state: "CONFIRMED" } });
      return db.engagement.create({ data: { matchId: match.id, needId: need.id, expertId: ex.id, state: "ACTIVE" } });
    };
    const [e1, e2, outside] = [await engage(), await engage(), await engage()];
    const other = await unitIn();
    expect(await executeAction(linkEngagementOp, other.user, meta, { activityId: a.id, engagementId: e1.id })).toEqual(REFUSED);
    ok(await executeAction(linkEngagementOp, unit.user, meta, { activityId: a.id, engagementId: e1.id }));
    ok(await executeAction(linkEngagementOp, sichuan, meta, { activityId: a.id, engagementId: e2.id }));
    refusedWith(await executeAction(linkEngagementOp, unit.user, meta, { activityId: a.id, engagementId: e2.id }), "已关联本活动");
    const period = "2026-03";
    const rec = (engagementId: string, start: string, end: string, hours: number, state: "CONFIRMED" | "SUBMITTED", form: "TECH_GUIDANCE" | "THEMED_LECTURE" = "TECH_GUIDANCE") =>
      db.serviceRecord.create({ data: { engagementId, startDate: new Date(`${start}T00:00:00Z`), endDate: new Date(`${end}T00:00:00Z`), hours, form, content: "现场指导", peopleServed: 10, peopleTrained: 5, state } });
    await rec(e1.id, "2026-03-02", "2026-03-03", 12, "CONFIRMED");
    await rec(e2.id, "2026-03-20", "2026-03-20", 6.5, "CONFIRMED", "THEMED_LECTURE");
    await rec(e1.id, "2026-03-10", "2026-03-10", 8, "SUBMITTED"); // not confirmed: not counted
    await rec(e1.id, "2026-04-01", "2026-04-01", 8, "CONFIRMED"); // another month
    await rec(outside.id, "2026-03-05", "2026-03-05", 8, "CONFIRMED"); // not linked
    expect(await progressPrefill(db, a.id, period)).toEqual({
      records: 2, expertsCount: 2, serviceHours: 19, serviceDays: 3, peopleServed: 20, peopleTrained: 10,
      forms: expect.arrayContaining(["TECH_GUIDANCE", "THEMED_LECTURE"]),
    });
  });

  it("completes with the final report and an actual result for every target", async () => {
    const { unit, a } = await running();
    ok(await executeAction(startOp, unit.user, meta, { activityId: a.id, version: 0 }));
    const body = { activityId: a.id, version: 1, finalReport: "活动按计划完成，组织专家 8 名开展服务，培训基层人员 120 人次。" };
    refusedWith(await executeAction(completeOp, unit.user, meta, body), "请填写“培训基层人员”的实际完成情况");
    expect(await executeAction(completeOp, zhejiang, meta, { ...body, "actual.0": "120" })).toEqual(REFUSED);
    expect(ok(await executeAction(completeOp, unit.user, meta, { ...body, "actual.0": "120" }))).toEqual({ state: "COMPLETED" });
    const row = await db.demonstrationActivity.findUniqueOrThrow({ where: { id: a.id } });
    expect(row.targets).toEqual([{ indicator: "培训基层人员", target: 100, unit: "人次", actual: 120 }]);
    expect(row.completedAt).not.toBeNull();
    refusedWith(await executeAction(completeOp, unit.user, meta, { ...body, version: row.version, "actual.0": "1" }), "不能提交总结");
  });
});

describe("evaluation and feedback", () => {
  async function completed(local = false) {
    const unit = await unitIn();
    const p = local ? null : (await plan({ state: "PUBLISHED" })).id;
    const a = await activity(p, { state: "COMPLETED", applicantOrgId: unit.org.id, local });
    return { unit, a };
  }
  const evalBody = (a: Act, level: "PROVINCE" | "MINISTRY", version: number) => ({ activityId: a.id, version, level, grade: "EXCELLENT", score: "92", comment: "目标全部完成，服务成效显著，群众满意。" });

  it("province first (stays COMPLETED), then the ministry closes it (EVALUATED); each once, each by its own level", async () => {
    const { a } = await completed();
    refusedWith(await executeAction(evaluateOp, ministry, meta, evalBody(a, "MINISTRY", 0)), "须先完成省级评估");
    refusedWith(await executeAction(evaluateOp, ministry, meta, evalBody(a, "PROVINCE", 0)), "省级评估由活动所在省份");
    refusedWith(await executeAction(evaluateOp, sichuan, meta, evalBody(a, "MINISTRY", 0)), "部级评估由部级管理员作出");
    for (const who of [zhejiang, await userWith("UNIT_USER"), await reviewer()]) expect(await executeAction(evaluateOp, who, meta, evalBody(a, "PROVINCE", 0))).toEqual(REFUSED);
    refusedWith(await executeAction(evaluateOp, sichuan, meta, { ...evalBody(a, "PROVINCE", 0), score: "101" }), "0 到 100");
    expect(await db.activityEvaluation.count({ where: { activityId: a.id } })).toBe(0);
    expect(ok(await executeAction(evaluateOp, sichuan, meta, evalBody(a, "PROVINCE", 0)))).toEqual({ state: "COMPLETED" });
    refusedWith(await executeAction(evaluateOp, sichuan, meta, evalBody(a, "PROVINCE", 1)), "省级评估已作出");
    expect(ok(await executeAction(evaluateOp, ministry, meta, evalBody(a, "MINISTRY", 1)))).toEqual({ state: "EVALUATED" });
    refusedWith(await executeAction(evaluateOp, ministry, meta, evalBody(a, "MINISTRY", 2)), "不能评估");
    expect((await db.activityEvaluation.findMany({ where: { activityId: a.id } })).map((e) => e.level).sort()).toEqual(["MINISTRY", "PROVINCE"]);
    expect((await auditRows({ entityId: a.id, operation: "activity.evaluateMinistry" })).length).toBe(1);
  });

  it("refuses evaluating an activity not completed; a local activity is closed by its province's evaluation", async () => {
    const unit = await unitIn();
    const running = await activity((await plan({ state: "PUBLISHED" })).id, { state: "IN_PROGRESS", applicantOrgId: unit.org.id });
    refusedWith(await executeAction(evaluateOp, sichuan, meta, evalBody(running, "PROVINCE", 0)), "不能省级评估");
    refusedWith(await executeAction(evaluateOp, ministry, meta, evalBody(running, "MINISTRY", 0)), "不能评估");
    const { a } = await completed(true);
    refusedWith(await executeAction(evaluateOp, ministry, meta, evalBody(a, "MINISTRY", 0)), "地方示范活动由省级评估");
    expect(ok(await executeAction(evaluateOp, sichuan, meta, evalBody(a, "PROVINCE", 0)))).toEqual({ state: "EVALUATED" });
    expect(await stateOf(a.id)).toBe("EVALUATED");
    expect(await versionOf(a.id)).toBe(1);
  });

  it("takes one rating from each team expert and served unit; nobody else", async () => {
    const { unit, a } = await completed();
    const member = await expertWithUser();
    await db.activityTeamMember.create({ data: { activityId: a.id, expertId: member.id } });
    const body = { activityId: a.id, rating: "5", comment: "组织有序，成效明显。" };
    for (const who of [await reviewer(), (await unitIn()).user, sichuan, ministry]) expect(await executeAction(activityFeedbackOp, who, meta, body)).toEqual(REFUSED);
    refusedWith(await executeAction(activityFeedbackOp, member.session, meta, { ...body, rating: "6" }), "评分须为 1 到 5");
    refusedWith(await executeAction(activityFeedbackOp, member.session, meta, { ...body, rating: "1", comment: "" }), "评分较低时请写明原因");
    ok(await executeAction(activityFeedbackOp, member.session, meta, body));
    ok(await executeAction(activityFeedbackOp, unit.user, meta, { ...body, rating: "4" }));
    refusedWith(await executeAction(activityFeedbackOp, unit.user, meta, body), "您已评价过该活动");
    expect((await db.activityFeedback.findMany({ where: { activityId: a.id }, orderBy: { rating: "asc" } })).map((f) => [f.role, f.rating])).toEqual([["UNIT_USER", 4], ["EXPERT", 5]]);
    const draft = await activity((await plan()).id, { state: "RECOMMENDED", applicantOrgId: unit.org.id });
    refusedWith(await executeAction(activityFeedbackOp, unit.user, meta, { ...body, activityId: draft.id }), "不能评价");
  });
});

describe("who holds which activity operation", () => {
  it("matches the permission table for select, review, report, evaluate and feedback", async () => {
    const dept = await createUser(db, { role: "DEPARTMENT_ADMIN", organizationId: (await createOrganization(db, { type: "DEPARTMENT", regionCode: "11" })).id });
    const deptUser = await sessionUserOf(dept.id);
    const { holds } = await import("@/lib/auth/permissions");
    const roles: [string, SessionUser][] = [
      ["ministry", ministry], ["province", sichuan], ["unit", (await unitIn()).user], ["expert", await reviewer()],
      ["base", await userWith("BASE_HOST")], ["enterprise", await userWith("ENTERPRISE")], ["department", deptUser],
    ];
    const table = Object.fromEntries(roles.map(([k, u]) => [k, (["activity.select", "activity.review", "activity.report", "activity.evaluate", "activity.feedback"] as const).filter((op) => holds(u, op))]));
    expect(table).toEqual({
      ministry: ["activity.select", "activity.evaluate"],
      province: ["activity.report", "activity.evaluate"],
      unit: ["activity.report", "activity.feedback"],
      expert: ["activity.review", "activity.feedback"],
      base: ["activity.report"],
      enterprise: [],
      department: ["activity.report"],
    });
  });
});
