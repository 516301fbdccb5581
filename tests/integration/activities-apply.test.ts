import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { executeAction } from "@/lib/actions/pipeline";
import type { SessionUser } from "@/lib/auth/roles";
import { chinaDate } from "@/lib/calendar/china-time";
import type { ProgramCode } from "@/lib/generated/prisma/enums";
import { setActivityClock } from "@/lib/activities/clock";
import {
  addTeamMemberOp, approveLocalOp, channelDecisionOp, createApplicationOp, createPlanOp, moveRankOp, proposeTeamOp,
  removeTeamMemberOp, revokeRecommendationOp, stepPlanOp, submitApplicationOp, submitRankingOp, updateApplicationOp, updatePlanOp,
} from "@/lib/activities/operations";
import { departmentOverview, describeActivity, recommendQueue, searchActivities } from "@/lib/activities/queries";
import { DEFAULT_RUBRIC } from "@/lib/activities/rubric";
import { activitySearchSchema } from "@/lib/activities/schemas";
import { ACTIVITY_STEPS } from "@/lib/activities/workflow";
import { refreshMatchTerms } from "@/lib/matching/terms";
import { createExpert, createNeed, uniqueSuffix } from "@/prisma/seed/factories";
import { expertUser, ministryAdmin, provinceAdmin, SICHUAN, unitIn, userWith, ZHEJIANG } from "./fixtures";
import { auditRows, meta, REFUSED } from "./helpers";

// Annual plans, applications, teams and the channel's pre-review (province or State Council department), with a
// clock the tests set: every window and deadline is relative to NOW.

const DAY = 86_400_000;
const NOW = new Date("2031-06-15T04:00:00Z");
const day = (offset: number) => chinaDate(new Date(NOW.getTime() + offset * DAY));
let clock = NOW;
const at = (d: Date) => { clock = d; };

let yearSeq = 2040 + (Number.parseInt(uniqueSuffix().replace(/\D/g, "").slice(-2) || "0", 10) % 40);
const nextYear = () => yearSeq++;

type Cast = {
  ministry: SessionUser; sichuan: SessionUser; sichuan2: SessionUser; zhejiang: SessionUser;
  unit: SessionUser; unitOrgId: string; otherUnit: SessionUser; otherUnitOrgId: string; zjUnit: SessionUser;
  base: SessionUser; expert: SessionUser; enterprise: SessionUser;
  dept: SessionUser; deptOrgId: string; otherDept: SessionUser;
};
let c: Cast;
let expertIds: string[] = [];

beforeAll(async () => {
  setActivityClock(() => clock);
  const own = await unitIn("510131");
  const other = await unitIn("510131");
  const zj = await unitIn("330106");
  const dept = await userWith("DEPARTMENT_ADMIN");
  c = {
    ministry: await ministryAdmin(), sichuan: await provinceAdmin(SICHUAN), sichuan2: await provinceAdmin(SICHUAN), zhejiang: await provinceAdmin(ZHEJIANG),
    unit: own.user, unitOrgId: own.org.id, otherUnit: other.user, otherUnitOrgId: other.org.id, zjUnit: zj.user,
    base: await userWith("BASE_HOST"), expert: await expertUser(), enterprise: await userWith("ENTERPRISE"),
    dept, deptOrgId: dept.roles[0].organizationId!, otherDept: await userWith("DEPARTMENT_ADMIN"),
  };
  expertIds = await Promise.all([0, 1, 2, 3].map(async () => (await createExpert(db, { maxConcurrent: 3, activeEngagements: 0 })).id));
}, 120_000);

afterAll(() => setActivityClock(null));
beforeEach(() => at(NOW));

async function newPlan(overrides: { program?: ProgramCode; provinceQuota?: number; quotas?: { provinceCode?: string; departmentOrgId?: string; quota: number }[] } = {}) {
  const program = await db.program.findUniqueOrThrow({ where: { code: overrides.program ?? "EXPERT_SERVICE" } });
  return db.annualPlan.create({
    data: {
      programId: program.id, year: nextYear(), theme: `测试主题${uniqueSuffix()}`, quota: 10, provinceQuota: overrides.provinceQuota ?? 3,
      applicationOpensAt: new Date(NOW.getTime() - 10 * DAY), applicationClosesAt: new Date(NOW.getTime() + 10 * DAY),
      recommendDeadline: new Date(NOW.getTime() + 20 * DAY), rubric: DEFAULT_RUBRIC as never, state: "OPEN",
      quotas: { create: (overrides.quotas ?? []).map((q) => ({ provinceCode: q.provinceCode ?? null, departmentOrgId: q.departmentOrgId ?? null, quota: q.quota })) },
    },
  });
}

function application(planId: string, overrides: Record<string, unknown> = {}) {
  return {
    planId, programCode: "EXPERT_SERVICE", title: `专家服务猕猴桃产业示范活动${uniqueSuffix()}`,
    summary: "组织果树和植保专家围绕溃疡病绿色防控、老园改造和采后处理开展点餐式服务，带动产区提质增效。",
    themeFit: "紧扣服务乡村全面振兴主题，突破产业发展瓶颈。", regionCode: "510131",
    plannedStart: day(30), plannedEnd: day(120), plannedExperts: "3", serviceForms: ["TECH_GUIDANCE", "DEMONSTRATION_TEACHING"],
    budgetItem: ["专家差旅", "培训资料"], budgetAmount: ["30000", "5000"],
    targetIndicator: ["培训技术骨干"], targetValue: ["100"], targetUnit: ["人"], needIds: [], intent: "draft",
    ...overrides,
  };
}

async function draft(user: SessionUser, planId: string, overrides: Record<string, unknown> = {}) {
  const r = await executeAction(createApplicationOp, user, meta, application(planId, overrides));
  if (!r.ok) throw new Error(`draft failed: ${r.error} ${JSON.stringify(r.fieldErrors)}`);
  return r.data.id;
}

async function withTeam(user: SessionUser, activityId: string, roles: [string, string][] = [[expertIds[0], "专家"]]) {
  for (const [expertId, role] of roles) {
    const r = await executeAction(addTeamMemberOp, user, meta, { activityId, expertId, role });
    if (!r.ok) throw new Error(`team failed: ${r.error}`);
  }
}

async function submitted(user: SessionUser, planId: string, overrides: Record<string, unknown> = {}) {
  const id = await draft(user, planId, overrides);
  await withTeam(user, id);
  const r = await executeAction(submitApplicationOp, user, meta, { activityId: id });
  if (!r.ok) throw new Error(`submit failed: ${r.error}`);
  return id;
}

const stateOf = async (id: string) => (await db.demonstrationActivity.findUniqueOrThrow({ where: { id } })).state;
const recommend = (user: SessionUser, activityId: string) => executeAction(channelDecisionOp, user, meta, { activityId, decision: "recommend", reason: "" });

// ─── Annual plans ──────────────────────────────────────────────────────────────

const planForm = (overrides: Record<string, unknown> = {}) => ({
  programCode: "OVERSEAS_TALENT", year: String(nextYear()), theme: "海外赤子助力乡村全面振兴", description: "年度说明",
  quota: "20", provinceQuota: "2", applicationOpensAt: day(-5), applicationClosesAt: day(30), recommendDeadline: day(45),
  channelQuotas: `51=1\n33=4`, rubric: JSON.stringify(DEFAULT_RUBRIC), baseBonus: "3", baseReservedPlaces: "2", disagreementSpread: "15",
  ...overrides,
});

describe("annual plans", () => {
  it("only the ministry creates a plan, with its channel quotas and rubric", async () => {
    for (const u of [c.sichuan, c.unit, c.dept, c.expert, c.enterprise, c.base]) {
      expect(await executeAction(createPlanOp, u, meta, planForm())).toEqual(REFUSED);
    }
    const form = planForm();
    const r = await executeAction(createPlanOp, c.ministry, meta, form);
    expect(r.ok).toBe(true);
    const plan = await db.annualPlan.findUniqueOrThrow({ where: { id: r.ok ? r.data.id : "" }, include: { quotas: true } });
    expect(plan).toMatchObject({ state: "DRAFT", quota: 20, provinceQuota: 2, baseBonus: 3, baseReservedPlaces: 2 });
    expect(plan.quotas.map((q) => [q.provinceCode, q.quota]).sort()).toEqual([["33", 4], ["51", 1]]);
    expect(await auditRows({ actorId: c.ministry.id, entityId: plan.id, operation: "plan.create" })).toHaveLength(1);
    // The same program and year twice: refused in Chinese.
    const twice = await executeAction(createPlanOp, c.ministry, meta, { ...form });
    expect(twice).toMatchObject({ ok: false, error: expect.stringContaining("计划已存在") });
  });

  it("refuses a rubric whose weights do not sum to 100, bad dates and unknown channels, saving nothing", async () => {
    const theme = `不该保存的计划${uniqueSuffix()}`;
    const badRubric = DEFAULT_RUBRIC.map((x, i) => (i === 0 ? { ...x, weight: 10 } : x));
    const cases = [
      planForm({ theme, rubric: JSON.stringify(badRubric) }),
      planForm({ theme, applicationClosesAt: day(-10) }),
      planForm({ theme, recommendDeadline: day(10) }),
      planForm({ theme, channelQuotas: "99=3" }),
      planForm({ theme, channelQuotas: "dept:nosuchdept=3" }),
      planForm({ theme, channelQuotas: "51=x" }),
    ];
    for (const f of cases) {
      const r = await executeAction(createPlanOp, c.ministry, meta, f);
      expect(r.ok).toBe(false);
    }
    const r = await executeAction(createPlanOp, c.ministry, meta, planForm({ rubric: JSON.stringify(badRubric) }));
    expect(r).toMatchObject({ ok: false, fieldErrors: { rubric: [expect.stringContaining("权重之和须为 100")] } });
    expect(await db.annualPlan.count({ where: { theme } })).toBe(0);
  });

  it("steps through open, close, reopen (with a reason) and refuses illegal steps", async () => {
    const r = await executeAction(createPlanOp, c.ministry, meta, planForm());
    const planId = r.ok ? r.data.id : "";
    const step = (step: string, reason = "") => executeAction(stepPlanOp, c.ministry, meta, { planId, step, reason });
    expect(await step("close")).toMatchObject({ ok: false, error: expect.stringContaining("不能截止申报") });
    expect(await step("archive")).toMatchObject({ ok: false });
    expect(await executeAction(stepPlanOp, c.sichuan, meta, { planId, step: "open", reason: "" })).toEqual(REFUSED);
    expect(await step("open")).toMatchObject({ ok: true, data: { state: "OPEN" } });
    expect(await step("close")).toMatchObject({ ok: true, data: { state: "CLOSED" } });
    expect(await step("reopen")).toMatchObject({ ok: false, fieldErrors: { reason: ["请填写原因"] } });
    expect(await step("reopen", "部分省份申请延期")).toMatchObject({ ok: true, data: { state: "OPEN" } });
    const revs = await db.planRevision.findMany({ where: { planId } });
    expect(revs).toHaveLength(1);
    expect(revs[0]).toMatchObject({ reason: "部分省份申请延期", changes: { state: { from: "CLOSED", to: "OPEN" } } });
  });

  it("a change after the window opened needs a reason and is kept as a revision; two editors at once, one wins", async () => {
    const form = planForm();
    const created = await executeAction(createPlanOp, c.ministry, meta, form);
    const planId = created.ok ? created.data.id : "";
    // In DRAFT: saved without a revision.
    const v0 = await executeAction(updatePlanOp, c.ministry, meta, { ...form, planId, version: "0", reason: "", quota: "22" });
    expect(v0).toMatchObject({ ok: true, data: { version: 1, revised: false } });
    expect(await db.planRevision.count({ where: { planId } })).toBe(0);
    await executeAction(stepPlanOp, c.ministry, meta, { planId, step: "open", reason: "" });
    const plan = await db.annualPlan.findUniqueOrThrow({ where: { id: planId } });

    const noReason = await executeAction(updatePlanOp, c.ministry, meta, { ...form, planId, version: String(plan.version), reason: "", quota: "25" });
    expect(noReason).toMatchObject({ ok: false, fieldErrors: { reason: [expect.stringContaining("须写明原因")] } });
    expect((await db.annualPlan.findUniqueOrThrow({ where: { id: planId } })).quota).toBe(22);

    const other = await ministryAdmin();
    const [a, b] = await Promise.all([
      executeAction(updatePlanOp, c.ministry, meta, { ...form, planId, version: String(plan.version), reason: "增加名额", quota: "25", channelQuotas: "51=2\n33=4" }),
      executeAction(updatePlanOp, other, meta, { ...form, planId, version: String(plan.version), reason: "减少名额", quota: "18" }),
    ]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    const loser = a.ok ? b : a;
    expect(loser).toMatchObject({ ok: false, error: expect.stringContaining("已被他人修改") });
    const revs = await db.planRevision.findMany({ where: { planId } });
    expect(revs).toHaveLength(1);
    expect(revs[0].version).toBe(plan.version + 1);
    const after = await db.annualPlan.findUniqueOrThrow({ where: { id: planId }, include: { quotas: true } });
    expect(after.version).toBe(plan.version + 1);
    if (a.ok) {
      expect(revs[0]).toMatchObject({ reason: "增加名额", changes: { quota: { from: 22, to: 25 }, channelQuotas: { from: "33=4，51=1", to: "33=4，51=2" } } });
      expect(after.quotas.find((q) => q.provinceCode === "51")?.quota).toBe(2);
    } else {
      expect(revs[0]).toMatchObject({ reason: "减少名额", changes: { quota: { from: 22, to: 18 } } });
    }
    // The program and year stay once open.
    const move = await executeAction(updatePlanOp, c.ministry, meta, { ...form, planId, version: String(after.version), reason: "改年度", year: String(nextYear()) });
    expect(move).toMatchObject({ ok: false, error: expect.stringContaining("不能再改变项目类别或年度") });
  });
});

// ─── Applications ──────────────────────────────────────────────────────────────

describe("applications", () => {
  it("a unit drafts, builds its team and submits; its channel is told; the timeline records each step", async () => {
    const plan = await newPlan();
    const id = await draft(c.unit, plan.id);
    expect(await stateOf(id)).toBe("DRAFT");
    const early = await executeAction(submitApplicationOp, c.unit, meta, { activityId: id });
    expect(early).toMatchObject({ ok: false, error: expect.stringContaining("计划团队") });
    expect(await stateOf(id)).toBe("DRAFT");
    await withTeam(c.unit, id);
    const before = await db.notification.count({ where: { userId: c.sichuan.id } });
    expect(await executeAction(submitApplicationOp, c.unit, meta, { activityId: id })).toMatchObject({ ok: true, data: { state: "SUBMITTED" } });
    expect(await db.notification.count({ where: { userId: c.sichuan.id } })).toBe(before + 1);
    const events = await db.activityEvent.findMany({ where: { activityId: id }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => e.toState)).toEqual(["DRAFT", "SUBMITTED"]);
    expect(await auditRows({ entityId: id, operation: "activity.submit" })).toHaveLength(1);
  });

  it("who may apply and act on an application: applicant only; others refused", async () => {
    const plan = await newPlan();
    for (const u of [c.expert, c.enterprise, c.ministry]) {
      expect(await executeAction(createApplicationOp, u, meta, application(plan.id))).toEqual(REFUSED);
    }
    const id = await draft(c.unit, plan.id);
    for (const u of [c.otherUnit, c.sichuan, c.zhejiang, c.dept, c.base, c.expert]) {
      expect(await executeAction(submitApplicationOp, u, meta, { activityId: id })).toEqual(REFUSED);
      expect(await executeAction(updateApplicationOp, u, meta, { ...application(plan.id), activityId: id, version: "0" })).toEqual(REFUSED);
      expect(await executeAction(addTeamMemberOp, u, meta, { activityId: id, expertId: expertIds[1], role: "专家" })).toEqual(REFUSED);
    }
    // A base host applies as its base; a province on its own behalf; a department through itself.
    const baseId = await draft(c.base, plan.id);
    expect((await db.demonstrationActivity.findUniqueOrThrow({ where: { id: baseId } })).applicantOrgId).toBe(c.base.roles[0].organizationId);
    const provId = await draft(c.sichuan, plan.id);
    const prov = await db.demonstrationActivity.findUniqueOrThrow({ where: { id: provId } });
    expect(prov).toMatchObject({ provinceCode: "51", channelOrgId: null });
    const deptId = await draft(c.dept, plan.id, { regionCode: "330106" });
    expect(await db.demonstrationActivity.findUniqueOrThrow({ where: { id: deptId } })).toMatchObject({ channelOrgId: c.deptOrgId, provinceCode: "33", applicantOrgId: c.deptOrgId });
    // Reads: the list is scoped.
    const search = activitySearchSchema.parse({ plan: plan.id });
    expect((await searchActivities(c.unit, search)).rows.map((r) => r.id)).toEqual([id]);
    expect((await searchActivities(c.otherUnit, search)).total).toBe(0);
    expect((await searchActivities(c.zhejiang, search)).rows.map((r) => r.id)).toEqual([deptId]);
    expect((await searchActivities(c.otherDept, search)).total).toBe(0);
    expect((await searchActivities(c.ministry, search)).total).toBe(4);
    expect((await searchActivities(c.enterprise, search)).total).toBe(0);
  });

  it("refuses a wrong place, program, channel, pairing or need, and missing facts — saving nothing", async () => {
    const plan = await newPlan();
    const foreignNeed = await createNeed(db, { unitId: c.otherUnitOrgId, state: "OPEN" });
    const mine = { applicantOrgId: c.unitOrgId, planId: plan.id };
    const cases: [Record<string, unknown>, string][] = [
      [{ regionCode: "330106" }, "活动地点须在本省范围内"],
      [{ regionCode: "5101" }, "区县"],
      [{ programCode: "POSTDOC_SERVICE" }, "须与年度计划一致"],
      [{ channelOrgId: c.otherUnitOrgId }, "不是国务院有关部门"],
      [{ pairedProvinceCode: "62" }, "须为东部省份"],
      [{ needIds: [foreignNeed.id] }, "不在可关联范围内"],
      [{ planId: undefined }, "请选择申报的年度计划"],
      [{ kind: "local" }, "只有省级人社部门"],
      [{ title: "短" }, "至少 6 个字"],
      [{ plannedStart: day(60), plannedEnd: day(40) }, "结束日期不能早于开始日期"],
      [{ intent: "submit" }, "计划团队"],
      [{ intent: "submit", summary: "太短" }, "活动方案"],
    ];
    for (const [overrides, message] of cases) {
      const r = await executeAction(createApplicationOp, c.unit, meta, application(plan.id, overrides));
      expect(r.ok, message).toBe(false);
      expect(JSON.stringify(r), message).toContain(message);
    }
    expect(await db.demonstrationActivity.count({ where: mine })).toBe(0);
    expect((await db.need.findUniqueOrThrow({ where: { id: foreignNeed.id } })).activityId).toBeNull();
    // Pairing: an eastern province with a central/western place is fine; a place in the east is not.
    expect((await executeAction(createApplicationOp, c.unit, meta, application(plan.id, { pairedProvinceCode: "33" }))).ok).toBe(true);
    const east = await executeAction(createApplicationOp, c.zjUnit, meta, application(plan.id, { regionCode: "330106", pairedProvinceCode: "31" }));
    expect(east).toMatchObject({ ok: false, error: expect.stringContaining("不在中西部") });
  });

  it("links needs of the applicant and unlinks them on edit; edit is version-checked and only while DRAFT/RETURNED", async () => {
    const plan = await newPlan();
    const n1 = await createNeed(db, { unitId: c.unitOrgId, state: "OPEN" });
    const n2 = await createNeed(db, { unitId: c.unitOrgId, state: "MATCHED" });
    const closed = await createNeed(db, { unitId: c.unitOrgId, state: "COMPLETED" });
    const id = await draft(c.unit, plan.id, { needIds: [n1.id, n2.id] });
    expect((await db.need.findMany({ where: { activityId: id } })).map((n) => n.id).sort()).toEqual([n1.id, n2.id].sort());
    const bad = await executeAction(updateApplicationOp, c.unit, meta, { ...application(plan.id, { needIds: [closed.id] }), activityId: id, version: "0" });
    expect(bad).toMatchObject({ ok: false });
    const edit = (version: string, title: string) =>
      executeAction(updateApplicationOp, c.unit, meta, { ...application(plan.id, { needIds: [n1.id], title }), activityId: id, version });
    const [a, b] = await Promise.all([edit("0", "并发修改的标题甲一二三"), edit("0", "并发修改的标题乙一二三")]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    expect((await db.need.findMany({ where: { activityId: id } })).map((n) => n.id)).toEqual([n1.id]);
    await withTeam(c.unit, id);
    await executeAction(submitApplicationOp, c.unit, meta, { activityId: id });
    const late = await edit("1", "提交后不能再修改标题");
    expect(late).toMatchObject({ ok: false, error: expect.stringContaining("不能修改申报") });
  });

  it("submission only inside the plan's window (the tests' clock), and never twice under the same title", async () => {
    const plan = await newPlan();
    const id = await draft(c.unit, plan.id);
    await withTeam(c.unit, id);
    at(new Date(NOW.getTime() - 11 * DAY));
    expect(await executeAction(submitApplicationOp, c.unit, meta, { activityId: id })).toMatchObject({ ok: false, error: expect.stringContaining("申报尚未开始") });
    at(new Date(NOW.getTime() + 10 * DAY));
    expect(await executeAction(submitApplicationOp, c.unit, meta, { activityId: id })).toMatchObject({ ok: false, error: expect.stringContaining("截止") });
    expect(await stateOf(id)).toBe("DRAFT");
    at(new Date(NOW.getTime() + 10 * DAY - 60_000));
    expect(await executeAction(submitApplicationOp, c.unit, meta, { activityId: id })).toMatchObject({ ok: true });
    at(NOW);
    const title = (await db.demonstrationActivity.findUniqueOrThrow({ where: { id } })).title;
    const twin = await draft(c.unit, plan.id, { title });
    await withTeam(c.unit, twin);
    expect(await executeAction(submitApplicationOp, c.unit, meta, { activityId: twin })).toMatchObject({ ok: false, error: expect.stringContaining("不能重复申报") });
    // A plan not OPEN takes nothing.
    await db.annualPlan.update({ where: { id: plan.id }, data: { state: "CLOSED" } });
    const other = await draft(c.unit, plan.id);
    await withTeam(c.unit, other);
    expect(await executeAction(submitApplicationOp, c.unit, meta, { activityId: other })).toMatchObject({ ok: false, error: expect.stringContaining("不接受申报") });
  });

  it("博士后科技服务团: the mix rule (专家 + 导师 + 博士后) refuses submission until met", async () => {
    const plan = await newPlan({ program: "POSTDOC_SERVICE" });
    const postdoc = await createExpert(db, { talentCategories: ["POSTDOC"], title: "INTERMEDIATE", maxConcurrent: 2 });
    const mentor = await createExpert(db, { title: "SENIOR", maxConcurrent: 2 });
    const id = await draft(c.unit, plan.id, { programCode: "POSTDOC_SERVICE" });
    await withTeam(c.unit, id, [[expertIds[2], "专家"]]);
    const r = await executeAction(submitApplicationOp, c.unit, meta, { activityId: id });
    expect(r).toMatchObject({ ok: false, error: expect.stringContaining("1 名导师、1 名博士后") });
    // A role the expert does not fit is refused.
    expect(await executeAction(addTeamMemberOp, c.unit, meta, { activityId: id, expertId: mentor.id, role: "博士后" }))
      .toMatchObject({ ok: false, error: expect.stringContaining("不符合") });
    await withTeam(c.unit, id, [[mentor.id, "导师"], [postdoc.id, "博士后"]]);
    expect(await executeAction(submitApplicationOp, c.unit, meta, { activityId: id })).toMatchObject({ ok: true, data: { state: "SUBMITTED" } });
  });

  it("team members: an expert at capacity or unavailable in the dates is refused; members can be removed while editable", async () => {
    const plan = await newPlan();
    const full = await createExpert(db, { maxConcurrent: 1, activeEngagements: 1 });
    const away = await createExpert(db, { maxConcurrent: 2 });
    await db.expertAvailability.create({ data: { expertId: away.id, kind: "BLACKOUT", startsOn: new Date(`${day(40)}T00:00:00Z`), endsOn: new Date(`${day(50)}T00:00:00Z`) } });
    const id = await draft(c.unit, plan.id);
    expect(await executeAction(addTeamMemberOp, c.unit, meta, { activityId: id, expertId: full.id, role: "专家" })).toMatchObject({ ok: false, error: expect.stringContaining("已满") });
    expect(await executeAction(addTeamMemberOp, c.unit, meta, { activityId: id, expertId: away.id, role: "专家" })).toMatchObject({ ok: false, error: expect.stringContaining("不可服务") });
    await withTeam(c.unit, id);
    expect(await executeAction(addTeamMemberOp, c.unit, meta, { activityId: id, expertId: expertIds[0], role: "专家" })).toMatchObject({ ok: false, error: expect.stringContaining("已在团队中") });
    const member = await db.activityTeamMember.findFirstOrThrow({ where: { activityId: id } });
    expect(await executeAction(removeTeamMemberOp, c.otherUnit, meta, { activityId: id, memberId: member.id })).toEqual(REFUSED);
    expect(await executeAction(removeTeamMemberOp, c.unit, meta, { activityId: id, memberId: member.id })).toMatchObject({ ok: true });
    expect(await db.activityTeamMember.count({ where: { activityId: id } })).toBe(0);
  });
});

// ─── Team proposal by the matching engine ──────────────────────────────────────

describe("team proposal", () => {
  const suffix = uniqueSuffix();
  const TOKEN = `hq${suffix}`;
  const DISCIPLINE = `A${suffix}`.slice(0, 10);
  const COUNTY = "630102"; // 青海

  it("proposes the whole team for the linked needs under each expert's capacity, keeping the mix rule", async () => {
    const { org, user } = await unitIn(COUNTY);
    const base = () => ({
      disciplineCodes: [DISCIPLINE], industryCodes: [] as string[], skills: [TOKEN], bio: `${TOKEN} ${TOKEN}`, regionCode: "330106",
      shareAcrossRegions: true, employer: `研究院${uniqueSuffix()}`,
    });
    const full = await createExpert(db, { ...base(), name: "满负荷专家", maxConcurrent: 2, activeEngagements: 2, title: "SENIOR" });
    const free = await Promise.all([
      createExpert(db, { ...base(), name: "甲专家", maxConcurrent: 2, title: "ASSOCIATE_SENIOR" }),
      createExpert(db, { ...base(), name: "乙导师", maxConcurrent: 2, title: "SENIOR" }),
      createExpert(db, { ...base(), name: "丙博士后", maxConcurrent: 1, title: "INTERMEDIATE", talentCategories: ["POSTDOC"] }),
      createExpert(db, { ...base(), name: "丁专家", maxConcurrent: 3, title: "INTERMEDIATE" }),
    ]);
    const need = await createNeed(db, {
      unitId: org.id, state: "OPEN", expertsWanted: 3, title: `${TOKEN} 技术服务`, bottleneck: `${TOKEN} ${TOKEN} 需要 服务`,
      disciplineCodes: [DISCIPLINE], industryCodes: [], delivery: "EITHER",
    });
    await refreshMatchTerms(db, 5000);
    const plan = await newPlan({ program: "POSTDOC_SERVICE" });
    const id = await draft(user, plan.id, { programCode: "POSTDOC_SERVICE", regionCode: COUNTY, needIds: [need.id] });
    expect(await executeAction(proposeTeamOp, c.unit, meta, { activityId: id, size: "3" })).toEqual(REFUSED);
    const r = await executeAction(proposeTeamOp, user, meta, { activityId: id, size: "3" });
    expect(r.ok, JSON.stringify(r)).toBe(true);
    const team = await db.activityTeamMember.findMany({ where: { activityId: id } });
    expect(team).toHaveLength(3);
    expect(team.map((m) => m.expertId)).not.toContain(full.id);
    expect(team.every((m) => free.some((e) => e.id === m.expertId))).toBe(true);
    expect(team.map((m) => m.role).sort()).toEqual(["专家", "博士后", "导师"].sort());
    expect(team.find((m) => m.role === "博士后")?.expertId).toBe(free[2].id);
    expect(r.ok && r.data.mix).toBeNull();
    // Without linked needs the engine has nothing to match against.
    const bare = await draft(user, plan.id, { programCode: "POSTDOC_SERVICE", regionCode: COUNTY });
    expect(await executeAction(proposeTeamOp, user, meta, { activityId: bare, size: "3" })).toMatchObject({ ok: false, error: expect.stringContaining("请先") });
  }, 120_000);
});

// ─── The channel's pre-review ──────────────────────────────────────────────────

describe("pre-review by the province or the department", () => {
  it("the province returns, declines and recommends its own applications; other channels are refused", async () => {
    const plan = await newPlan();
    const id = await submitted(c.unit, plan.id);
    for (const u of [c.zhejiang, c.dept, c.unit, c.expert, c.ministry, c.enterprise, c.base]) {
      expect(await recommend(u, id)).toEqual(REFUSED);
    }
    const ret = await executeAction(channelDecisionOp, c.sichuan, meta, { activityId: id, decision: "return", reason: "" });
    expect(ret).toMatchObject({ ok: false, fieldErrors: { reason: [expect.stringContaining("退回修改时")] } });
    const notes = await db.notification.count({ where: { userId: c.unit.id } });
    expect(await executeAction(channelDecisionOp, c.sichuan, meta, { activityId: id, decision: "return", reason: "请补充量化目标" }))
      .toMatchObject({ ok: true, data: { state: "RETURNED" } });
    expect(await db.notification.count({ where: { userId: c.unit.id } })).toBe(notes + 1);
    expect((await db.demonstrationActivity.findUniqueOrThrow({ where: { id } })).returnReason).toBe("请补充量化目标");
    // Illegal: recommending a returned application.
    expect(await recommend(c.sichuan, id)).toMatchObject({ ok: false, error: expect.stringContaining("不能推荐") });
    expect(await executeAction(submitApplicationOp, c.unit, meta, { activityId: id })).toMatchObject({ ok: true, data: { state: "SUBMITTED" } });
    expect(await recommend(c.sichuan, id)).toMatchObject({ ok: true, data: { state: "RECOMMENDED" } });
    expect((await db.demonstrationActivity.findUniqueOrThrow({ where: { id } })).recommendRank).toBe(1);
    // Illegal: declining or returning a recommended one; revoking needs a reason.
    expect(await executeAction(channelDecisionOp, c.sichuan, meta, { activityId: id, decision: "decline", reason: "重复" })).toMatchObject({ ok: false });
    expect(await executeAction(revokeRecommendationOp, c.sichuan, meta, { activityId: id, reason: "" })).toMatchObject({ ok: false });
    const other = await submitted(c.otherUnit, plan.id);
    expect(await executeAction(channelDecisionOp, c.sichuan, meta, { activityId: other, decision: "decline", reason: "与年度主题结合不紧密" }))
      .toMatchObject({ ok: true, data: { state: "NOT_RECOMMENDED" } });
    expect(await executeAction(revokeRecommendationOp, c.sichuan, meta, { activityId: other, reason: "撤回" })).toMatchObject({ ok: false, error: expect.stringContaining("不能撤回推荐") });
    // A draft cannot be pre-reviewed.
    const d = await draft(c.unit, plan.id);
    expect(await recommend(c.sichuan, d)).toMatchObject({ ok: false, error: expect.stringContaining("草稿") });
    const detail = await describeActivity(c.sichuan, (await db.demonstrationActivity.findUniqueOrThrow({
      where: { id },
      include: { plan: true, program: true, applicantOrg: true, channelOrg: true, hostBase: true, team: { include: { expert: true } }, needs: true, events: true, reviews: true },
    })) as never);
    expect(detail.allowed).toMatchObject({ revoke: true, recommend: false, edit: false });
    expect(detail.timeline.map((t) => t.label)).toEqual(["创建申报", "草稿 → 待推荐", "待推荐 → 退回修改", "退回修改 → 待推荐", "待推荐 → 已推荐"]);
  });

  it("a unit may apply through a State Council department: only that department recommends it", async () => {
    const plan = await newPlan({ quotas: [{ departmentOrgId: c.deptOrgId, quota: 1 }] });
    const id = await submitted(c.unit, plan.id, { channelOrgId: c.deptOrgId });
    expect(await recommend(c.sichuan, id)).toEqual(REFUSED);
    expect(await recommend(c.otherDept, id)).toEqual(REFUSED);
    expect(await recommend(c.dept, id)).toMatchObject({ ok: true, data: { state: "RECOMMENDED" } });
    const second = await submitted(c.dept, plan.id, { regionCode: "620102" });
    expect(await recommend(c.dept, second)).toMatchObject({ ok: false, error: expect.stringContaining("推荐名额已满") });
    const queue = await recommendQueue(c.dept, plan.id);
    expect(queue?.plans[0]).toMatchObject({ quota: 1, used: 1 });
    expect(queue?.plans[0].queue.map((x) => x.id)).toEqual([second]);
    expect(queue?.plans[0].ranked.map((x) => x.id)).toEqual([id]);
    // The department's console counts the same, per plan (its own quota, recommended, waiting), and lists both.
    const overview = await departmentOverview(c.dept);
    expect(overview?.quotaUse.find((q) => q.plan.id === plan.id)).toMatchObject({ quota: 1, used: 1, waiting: 1 });
    expect(overview?.recent.map((a) => a.id)).toEqual(expect.arrayContaining([id, second]));
    const withoutQuota = await newPlan({ provinceQuota: 4 });
    expect((await departmentOverview(c.dept))?.quotaUse.find((q) => q.plan.id === withoutQuota.id)).toMatchObject({ quota: 4, used: 0, waiting: 0 });
    expect((await departmentOverview(c.otherDept))?.quotaUse.find((q) => q.plan.id === plan.id)).toMatchObject({ used: 0, waiting: 0 });
  });

  it("over quota is refused; revoking before the deadline frees the place; nothing changes after the deadline", async () => {
    const plan = await newPlan({ provinceQuota: 5, quotas: [{ provinceCode: SICHUAN, quota: 1 }] });
    const a = await submitted(c.unit, plan.id);
    const b = await submitted(c.otherUnit, plan.id);
    expect(await recommend(c.sichuan, a)).toMatchObject({ ok: true });
    const over = await recommend(c.sichuan, b);
    expect(over).toMatchObject({ ok: false, error: expect.stringContaining("推荐名额已满：本渠道在该年度计划的推荐名额为 1 项，已推荐 1 项") });
    expect(await stateOf(b)).toBe("SUBMITTED");
    at(new Date(NOW.getTime() + 20 * DAY));
    expect(await executeAction(revokeRecommendationOp, c.sichuan, meta, { activityId: a, reason: "改推另一项" })).toMatchObject({ ok: false, error: expect.stringContaining("推荐已于") });
    expect(await recommend(c.sichuan, b)).toMatchObject({ ok: false, error: expect.stringContaining("推荐已于") });
    expect(await executeAction(submitRankingOp, c.sichuan, meta, { planId: plan.id })).toMatchObject({ ok: false, error: expect.stringContaining("推荐已于") });
    at(NOW);
    expect(await executeAction(revokeRecommendationOp, c.sichuan, meta, { activityId: a, reason: "改推另一项" })).toMatchObject({ ok: true, data: { state: "SUBMITTED" } });
    expect(await recommend(c.sichuan, b)).toMatchObject({ ok: true, data: { state: "RECOMMENDED" } });
    expect((await db.demonstrationActivity.findUniqueOrThrow({ where: { id: a } })).recommendRank).toBeNull();
    // A closed plan still takes recommendations until the deadline; a published one does not.
    await db.annualPlan.update({ where: { id: plan.id }, data: { state: "PUBLISHED" } });
    expect(await executeAction(revokeRecommendationOp, c.sichuan, meta, { activityId: b, reason: "撤回" })).toMatchObject({ ok: false, error: expect.stringContaining("已进入遴选") });
  });

  it("two provincial staff recommending the last place at once: exactly one wins", async () => {
    const plan = await newPlan({ quotas: [{ provinceCode: SICHUAN, quota: 2 }] });
    const first = await submitted(c.unit, plan.id);
    await recommend(c.sichuan, first);
    const [x, y] = [await submitted(c.unit, plan.id), await submitted(c.otherUnit, plan.id)];
    const results = await Promise.all([recommend(c.sichuan, x), recommend(c.sichuan2, y)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ error: expect.stringContaining("推荐名额已满") });
    expect(await db.demonstrationActivity.count({ where: { planId: plan.id, state: "RECOMMENDED" } })).toBe(2);
    const ranks = (await db.demonstrationActivity.findMany({ where: { planId: plan.id, state: "RECOMMENDED" } })).map((r) => r.recommendRank).sort();
    expect(ranks).toEqual([1, 2]);
    // The same application by two staff at once: one recommends, the other is told it changed.
    const z = await submitted(c.unit, plan.id);
    await db.planChannelQuota.updateMany({ where: { planId: plan.id }, data: { quota: 5 } });
    const both = await Promise.all([recommend(c.sichuan, z), recommend(c.sichuan2, z)]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
  });

  it("ranks the recommendations, and submits the ranked list to the ministry within the quota", async () => {
    const plan = await newPlan({ quotas: [{ provinceCode: SICHUAN, quota: 3 }] });
    const ids = [await submitted(c.unit, plan.id), await submitted(c.otherUnit, plan.id), await submitted(c.sichuan, plan.id)];
    for (const id of ids) expect(await recommend(c.sichuan, id)).toMatchObject({ ok: true });
    const ranks = async () => (await db.demonstrationActivity.findMany({ where: { planId: plan.id, state: "RECOMMENDED" }, orderBy: { recommendRank: "asc" } })).map((r) => r.id);
    expect(await ranks()).toEqual(ids);
    expect(await executeAction(moveRankOp, c.sichuan, meta, { activityId: ids[2], direction: "up" })).toMatchObject({ ok: true, data: { rank: 2 } });
    expect(await ranks()).toEqual([ids[0], ids[2], ids[1]]);
    expect(await executeAction(moveRankOp, c.sichuan, meta, { activityId: ids[0], direction: "up" })).toMatchObject({ ok: false, error: "已排在第一位" });
    expect(await executeAction(moveRankOp, c.zhejiang, meta, { activityId: ids[0], direction: "down" })).toEqual(REFUSED);
    // Revoking renumbers.
    await executeAction(revokeRecommendationOp, c.sichuan, meta, { activityId: ids[0], reason: "材料需完善" });
    const after = await db.demonstrationActivity.findMany({ where: { planId: plan.id, state: "RECOMMENDED" }, orderBy: { recommendRank: "asc" } });
    expect(after.map((r) => [r.id, r.recommendRank])).toEqual([[ids[2], 1], [ids[1], 2]]);

    const ministryNotes = await db.notification.count({ where: { userId: c.ministry.id } });
    expect(await executeAction(submitRankingOp, c.zhejiang, meta, { planId: plan.id })).toMatchObject({ ok: false, error: expect.stringContaining("推荐名单为空") });
    expect(await executeAction(submitRankingOp, c.unit, meta, { planId: plan.id })).toEqual(REFUSED);
    expect(await executeAction(submitRankingOp, c.sichuan, meta, { planId: plan.id })).toMatchObject({ ok: true, data: { count: 2 } });
    expect(await db.notification.count({ where: { userId: c.ministry.id } })).toBe(ministryNotes + 1);
    // The ministry lowers the quota below what was recommended: the list is refused until a recommendation is revoked.
    await db.planChannelQuota.updateMany({ where: { planId: plan.id, provinceCode: SICHUAN }, data: { quota: 1 } });
    expect(await executeAction(submitRankingOp, c.sichuan, meta, { planId: plan.id })).toMatchObject({ ok: false, error: expect.stringContaining("超过本渠道名额") });
    const q = await recommendQueue(c.sichuan, plan.id);
    expect(q?.plans[0].submitted).not.toBeNull();
  });

  it("a province's local activity (地方示范活动) is approved by the province, never recommended", async () => {
    const id = await draft(c.sichuan, "", { kind: "local", planId: undefined });
    expect(await db.demonstrationActivity.findUniqueOrThrow({ where: { id } })).toMatchObject({ isDemonstration: false, planId: null });
    await withTeam(c.sichuan, id);
    expect(await executeAction(submitApplicationOp, c.sichuan, meta, { activityId: id })).toMatchObject({ ok: true });
    expect(await recommend(c.sichuan, id)).toMatchObject({ ok: false, error: expect.stringContaining("直接批准") });
    expect(await executeAction(approveLocalOp, c.zhejiang, meta, { activityId: id })).toEqual(REFUSED);
    expect(await executeAction(approveLocalOp, c.sichuan, meta, { activityId: id })).toMatchObject({ ok: true, data: { state: "SELECTED" } });
    const plan = await newPlan();
    const demo = await submitted(c.unit, plan.id);
    expect(await executeAction(approveLocalOp, c.sichuan, meta, { activityId: demo })).toMatchObject({ ok: false, error: expect.stringContaining("只有地方示范活动") });
  });

  it("every step of the table is exercised above; the steps this helper does not own stay out of its actions", () => {
    const mine = ["submit", "return", "recommend", "decline", "revoke", "approveLocal"];
    expect(mine.every((s) => s in ACTIVITY_STEPS)).toBe(true);
  });
});
