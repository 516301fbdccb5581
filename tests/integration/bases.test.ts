import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ZodType } from "zod";
import { db } from "@/lib/db";
import { executeAction, type ActionDefinition } from "@/lib/actions/pipeline";
import type { SessionUser } from "@/lib/auth/roles";
import type { BaseLevel, BaseState } from "@/lib/generated/prisma/enums";
import { escalateOverdueRectifications } from "@/lib/bases/escalation";
import {
  annualReportOp, applicationEvidenceOps, evaluateOp, rectificationEvidenceOps, issueRectificationOp, nationalDecisionOp, reEvaluateOp, respondRectificationOp, reviewBaseOp,
  saveApplicationOp, submitApplicationOp,
} from "@/lib/bases/operations";
import { annualReportPrefill, publicBases, searchBases } from "@/lib/bases/queries";
import { baseSearchSchema } from "@/lib/bases/schemas";
import { issueRectification } from "@/lib/bases/service";
import { startBoss, stopBoss } from "@/lib/jobs/boss";
import type PgBoss from "pg-boss";
import { createOrganization } from "@/prisma/seed/factories";
import { createTestUsers, provinceAdmin, SICHUAN, type TestUsers, userWith, ZHEJIANG } from "./fixtures";
import { auditRows, meta, REFUSED } from "./helpers";
import { SAMPLES } from "../sample-files";

// Evidence files go to a directory of this test file's own (read lazily by lib/storage on first use).
process.env.STORAGE_DIR = mkdtempSync(path.join(os.tmpdir(), "bases-storage-"));

// Service bases end to end on the database: every role × operation, every transition legal and illegal, bad input,
// two people deciding at once, and the escalation sweep run twice at once (plain and through two pg-boss workers).

let u: TestUsers;
let otherHost: SessionUser;
let hostOrgId: string;

beforeAll(async () => {
  u = await createTestUsers();
  otherHost = await userWith("BASE_HOST");
  hostOrgId = u.base.roles[0].organizationId!;
});

// Any operation of this area, run as `user` (the pipeline parses the input with the operation's own schema).
type AnyOp = ActionDefinition<ZodType, unknown>;
const run = (op: unknown, user: SessionUser, input: Record<string, unknown>) => executeAction(op as AnyOp, user, meta, input);

let seq = 0;
const FACTS = {
  innovation: "拥有省级茶叶工程技术研究中心一个，近三年获省科技进步奖两项。", research: "建有标准化试验茶园 500 亩，检测实验室一处。",
  seniorExperts: 12, platforms: 2, patents: 8,
};
const PLANNED = [{ title: "春茶生产技术培训", month: 3, form: "人才培养" }];

/** A base of the usual host (or `orgId`) in `state`, written directly. */
async function baseIn(state: BaseState, opts: { level?: BaseLevel; orgId?: string } = {}) {
  const orgId = opts.orgId ?? hostOrgId;
  const org = await db.organization.findUniqueOrThrow({ where: { id: orgId }, select: { regionCode: true, region: { select: { provinceCode: true } } } });
  seq += 1;
  return db.serviceBase.create({
    data: {
      hostOrgId: orgId, name: `测试专家服务基地${process.pid}-${seq}-${Date.now()}`, level: opts.level ?? "PROVINCIAL", regionCode: org.regionCode,
      provinceCode: org.region.provinceCode, focus: "茶园绿色防控与加工技术服务", developmentPlan: "三年内组织专家服务活动不少于 30 场次，培养本土技术骨干 100 名以上。",
      rules: "专家服务基地管理办法、专家工作站运行制度", facts: FACTS, plannedActivities: PLANNED, state,
      establishedAt: state === "ESTABLISHED" || state === "RECTIFYING" ? new Date() : null,
    },
  });
}

async function orderFor(baseId: string, state: "ISSUED" | "RESPONDED" = "ISSUED", deadline = new Date(Date.UTC(2030, 0, 1))) {
  return db.rectificationOrder.create({
    data: { baseId, reason: "年度评估不合格", requiredItems: ["补齐服务记录"], deadline, state, issuedById: u.sichuan.id, response: state === "RESPONDED" ? "已逐项整改" : null },
  });
}

const stateOf = async (id: string) => (await db.serviceBase.findUniqueOrThrow({ where: { id }, select: { state: true } })).state;

function applicationForm(overrides: Record<string, unknown> = {}) {
  seq += 1;
  return {
    name: `蒲江县测试产业专家服务基地${process.pid}-${seq}`, level: "NATIONAL", field: "AGRICULTURE", focus: "猕猴桃绿色高效生产技术指导",
    innovation: FACTS.innovation, research: FACTS.research, seniorExperts: "12", platforms: "2", patents: "8",
    developmentPlan: "三年内组织专家服务活动不少于 30 场次，培养本土技术骨干 100 名以上。", rules: "专家服务基地管理办法、专家工作站运行制度",
    activityTitle: ["春季修剪现场指导", "基层农技人员培训"], activityMonth: ["3", "7"], activityForm: ["技术指导", "人才培养"],
    intent: "submit", ...overrides,
  };
}

describe("application → province → ministry → established", () => {
  it("a host saves a draft, is refused submitting it incomplete (in Chinese), completes it and submits; the province is told", async () => {
    const draft = await run(saveApplicationOp, u.base, applicationForm({ intent: "draft", innovation: "", activityTitle: [] }));
    expect(draft).toMatchObject({ ok: true, data: { state: "DRAFT" } });
    const id = (draft as { data: { id: string } }).data.id;

    const incomplete = await run(submitApplicationOp, u.base, { baseId: id });
    expect(incomplete).toMatchObject({ ok: false, fieldErrors: { innovation: ["请说明创新实力（至少 10 个字）"], plannedActivities: ["请至少填写一项年度计划活动"] } });
    expect((incomplete as { error: string }).error).toContain("申请材料不完整");
    expect(await stateOf(id)).toBe("DRAFT");

    const form = applicationForm();
    const saved = await run(saveApplicationOp, u.base, { ...form, baseId: id, version: "0" });
    expect(saved).toMatchObject({ ok: true, data: { id, state: "APPLIED" } });
    const row = await db.serviceBase.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ provinceCode: SICHUAN, hostOrgId, name: form.name, code: null });
    expect(row.plannedActivities).toHaveLength(2);
    const notes = await db.notification.findMany({ where: { userId: u.sichuan.id, title: { contains: form.name } } });
    expect(notes).toHaveLength(1);
    expect((await auditRows({ entityId: id })).map((a) => a.operation)).toEqual(["base.apply", "base.apply", "base.submit"]);
  });

  it("province returns with a reason → host edits and resubmits → province approves (national: to the ministry) → ministry establishes with a number", async () => {
    const created = await run(saveApplicationOp, u.base, applicationForm());
    const id = (created as { data: { id: string } }).data.id;

    expect(await run(reviewBaseOp, u.sichuan, { baseId: id, decision: "return", reason: "" })).toMatchObject({ ok: false, fieldErrors: { reason: ["退回修改时请写明需要修改的内容"] } });
    expect(await stateOf(id)).toBe("APPLIED");
    expect(await run(reviewBaseOp, u.sichuan, { baseId: id, decision: "return", reason: "请补充科研平台证明" })).toMatchObject({ ok: true, data: { state: "RETURNED" } });
    expect(await db.notification.count({ where: { userId: u.base.id, title: { contains: "退回修改" } } })).toBeGreaterThan(0);

    const v = (await db.serviceBase.findUniqueOrThrow({ where: { id } })).version;
    expect(await run(saveApplicationOp, u.base, { ...applicationForm({ platforms: "3" }), baseId: id, version: String(v) })).toMatchObject({ ok: true, data: { state: "APPLIED" } });

    expect(await run(reviewBaseOp, u.sichuan, { baseId: id, decision: "approve", reason: "" })).toMatchObject({ ok: true, data: { state: "PROVINCE_APPROVED", code: null } });
    expect(await db.notification.count({ where: { userId: u.ministry.id, title: { contains: "待审定" } } })).toBeGreaterThan(0);

    const established = await run(nationalDecisionOp, u.ministry, { baseId: id, decision: "approveNational", reason: "" });
    expect(established).toMatchObject({ ok: true, data: { state: "ESTABLISHED" } });
    const row = await db.serviceBase.findUniqueOrThrow({ where: { id } });
    expect(row.code).toMatch(new RegExp(`^ZJJD-GJ-${SICHUAN}-\\d{4}-\\d{3}$`));
    expect(row.establishedAt).not.toBeNull();
    const events = await db.baseEvent.findMany({ where: { baseId: id }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => e.toState)).toEqual(["DRAFT", "APPLIED", "RETURNED", "APPLIED", "PROVINCE_APPROVED", "ESTABLISHED"]);
  });

  it("a provincial base is established by the province itself, with a unique number; the public list shows it", async () => {
    const a = await baseIn("APPLIED");
    const b = await baseIn("APPLIED");
    const ra = await run(reviewBaseOp, u.sichuan, { baseId: a.id, decision: "approve", reason: "" });
    const rb = await run(reviewBaseOp, u.sichuan, { baseId: b.id, decision: "approve", reason: "" });
    expect(ra).toMatchObject({ ok: true, data: { state: "ESTABLISHED" } });
    const codes = [(ra as { data: { code: string } }).data.code, (rb as { data: { code: string } }).data.code];
    expect(codes[0]).toMatch(/^ZJJD-SJ-51-/);
    expect(new Set(codes).size).toBe(2);
    const pub = await publicBases(baseSearchSchema.parse({ q: a.name }));
    expect(pub.rows.map((r) => r.id)).toEqual([a.id]);
    expect((await publicBases(baseSearchSchema.parse({ q: (await baseIn("APPLIED")).name }))).total).toBe(0);
  });

  it("rejections need reasons and end the application", async () => {
    const a = await baseIn("APPLIED");
    expect(await run(reviewBaseOp, u.sichuan, { baseId: a.id, decision: "reject", reason: "创新实力不足" })).toMatchObject({ ok: true, data: { state: "REJECTED" } });
    const n = await baseIn("PROVINCE_APPROVED", { level: "NATIONAL" });
    expect(await run(nationalDecisionOp, u.ministry, { baseId: n.id, decision: "rejectNational", reason: "" })).toMatchObject({ ok: false, fieldErrors: { reason: ["不予设立时请写明原因"] } });
    expect(await run(nationalDecisionOp, u.ministry, { baseId: n.id, decision: "rejectNational", reason: "布局重复" })).toMatchObject({ ok: true, data: { state: "REJECTED" } });
  });
});

describe("illegal steps are refused in Chinese and change nothing", () => {
  it.each([
    ["review an established base", "ESTABLISHED", () => reviewBaseOp, "approve", "基地当前为“已设立”，不能审核通过"],
    ["ministry decision on an application the province has not approved", "APPLIED", () => nationalDecisionOp, "approveNational", "基地当前为“待省级审核”，不能审定设立"],
    ["submit an established base", "ESTABLISHED", () => submitApplicationOp, undefined, "基地当前为“已设立”，不能提交申请"],
  ] as const)("%s", async (_label, state, op, decision, message) => {
    const b = await baseIn(state, { level: "NATIONAL" });
    const user = op() === nationalDecisionOp ? u.ministry : op() === submitApplicationOp ? u.base : u.sichuan;
    const before = await db.serviceBase.findUniqueOrThrow({ where: { id: b.id } });
    const r = await run(op(), user, { baseId: b.id, decision, reason: "" });
    expect(r).toEqual({ ok: false, error: message, fieldErrors: undefined });
    expect(await db.serviceBase.findUniqueOrThrow({ where: { id: b.id } })).toEqual(before);
    expect(await db.baseEvent.count({ where: { baseId: b.id } })).toBe(0);
  });

  it("evaluating a base that is not established is refused", async () => {
    for (const state of ["APPLIED", "RECTIFYING", "REMOVED"] as const) {
      const b = await baseIn(state);
      const r = await run(evaluateOp, u.sichuan, { baseId: b.id, year: "2025", grade: "QUALIFIED", scoreActivities: "20", scoreExperts: "20", scoreTraining: "20", scoreManagement: "20", comment: "" });
      expect(r).toMatchObject({ ok: false, error: "只有已设立的基地才能进行年度评估" });
      expect(await db.baseEvaluation.count({ where: { baseId: b.id } })).toBe(0);
    }
  });

  it("a report from a base that is not established, an answer to a decided order, a pass without an answer: refused", async () => {
    const applied = await baseIn("APPLIED");
    expect(await run(annualReportOp, u.base, { baseId: applied.id, year: "2025", content: "年度开展服务活动十二场次", activitiesCount: "12" })).toMatchObject({ ok: false, error: "只有已设立的基地才能报送年度报告" });
    const b = await baseIn("RECTIFYING");
    const passed = await db.rectificationOrder.create({ data: { baseId: b.id, reason: "x", deadline: new Date(Date.UTC(2030, 0, 1)), state: "PASSED", issuedById: u.sichuan.id } });
    expect(await run(respondRectificationOp, u.base, { orderId: passed.id, response: "已逐项完成整改，附服务记录" })).toMatchObject({ ok: false, error: "整改通知当前为“整改通过”，不能提交整改报告" });
    const issued = await orderFor(b.id);
    expect(await run(reEvaluateOp, u.sichuan, { orderId: issued.id, decision: "pass", reason: "" })).toMatchObject({ ok: false, error: "基地尚未提交整改报告，不能认定整改通过" });
    expect(await stateOf(b.id)).toBe("RECTIFYING");
  });

  it("bad input changes nothing: scores out of range, an order without items, a deadline in the past", async () => {
    const b = await baseIn("ESTABLISHED");
    const bad = await run(evaluateOp, u.sichuan, { baseId: b.id, year: "2025", grade: "EXCELLENT", scoreActivities: "30", scoreExperts: "20", scoreTraining: "20", scoreManagement: "20" });
    expect(bad).toMatchObject({ ok: false, fieldErrors: { scoreActivities: ["“服务活动”为 0—25 分"] } });
    expect(await run(issueRectificationOp, u.sichuan, { baseId: b.id, reason: "管理混乱", items: "" })).toMatchObject({ ok: false, fieldErrors: { items: ["请至少列出一项整改要求"] } });
    expect(await run(issueRectificationOp, u.sichuan, { baseId: b.id, reason: "管理混乱", items: "补齐记录", deadline: "2020-01-01" })).toMatchObject({ ok: false, fieldErrors: { deadline: ["整改期限必须晚于今天"] } });
    expect(await stateOf(b.id)).toBe("ESTABLISHED");
    expect(await db.rectificationOrder.count({ where: { baseId: b.id } })).toBe(0);
    expect(await db.baseEvaluation.count({ where: { baseId: b.id } })).toBe(0);
  });
});

describe("who may do what (role × operation, in and out of scope)", () => {
  let zhejiangHost: SessionUser;
  beforeAll(async () => {
    const org = await createOrganization(db, { type: "BASE_HOST", regionCode: "330106" });
    zhejiangHost = await userWith("BASE_HOST", { organizationId: org.id });
  });

  type Case = { name: string; setup: () => Promise<Record<string, unknown>>; op: unknown; allowed: () => SessionUser[]; refused: () => SessionUser[] };
  const all = () => [u.ministry, u.sichuan, u.zhejiang, u.base, otherHost, u.unit, u.expert, u.enterprise];
  const cases: Case[] = [
    { name: "apply (new)", op: saveApplicationOp, setup: async () => applicationForm({ intent: "draft" }),
      allowed: () => [u.base], refused: () => [u.ministry, u.sichuan, u.unit, u.expert, u.enterprise] },
    { name: "submit own application", op: submitApplicationOp, setup: async () => ({ baseId: (await baseIn("DRAFT")).id }),
      allowed: () => [u.base], refused: () => [otherHost, u.sichuan, u.ministry, u.unit, u.expert, u.enterprise] },
    { name: "province review", op: reviewBaseOp, setup: async () => ({ baseId: (await baseIn("APPLIED")).id, decision: "approve" }),
      allowed: () => [u.sichuan], refused: () => [u.zhejiang, u.ministry, u.base, otherHost, u.unit, u.expert, u.enterprise] },
    { name: "ministry decision", op: nationalDecisionOp, setup: async () => ({ baseId: (await baseIn("PROVINCE_APPROVED", { level: "NATIONAL" })).id, decision: "approveNational" }),
      allowed: () => [u.ministry], refused: () => [u.sichuan, u.zhejiang, u.base, u.unit, u.expert, u.enterprise] },
    { name: "annual report", op: annualReportOp, setup: async () => ({ baseId: (await baseIn("ESTABLISHED")).id, year: "2025", content: "年度开展服务活动十二场次", activitiesCount: "12" }),
      allowed: () => [u.base], refused: () => [otherHost, zhejiangHost, u.sichuan, u.ministry, u.unit, u.expert, u.enterprise] },
    { name: "evaluate", op: evaluateOp, setup: async () => ({ baseId: (await baseIn("ESTABLISHED")).id, year: "2025", grade: "QUALIFIED", scoreActivities: "20", scoreExperts: "20", scoreTraining: "20", scoreManagement: "20" }),
      allowed: () => [u.sichuan, u.ministry], refused: () => [u.zhejiang, u.base, u.unit, u.expert, u.enterprise] },
    { name: "issue rectification", op: issueRectificationOp, setup: async () => ({ baseId: (await baseIn("ESTABLISHED")).id, reason: "管理混乱", items: "补齐服务记录" }),
      allowed: () => [u.sichuan, u.ministry], refused: () => [u.zhejiang, u.base, u.unit, u.expert, u.enterprise] },
    { name: "answer rectification", op: respondRectificationOp, setup: async () => ({ orderId: (await orderFor((await baseIn("RECTIFYING")).id)).id, response: "已逐项完成整改，附服务记录" }),
      allowed: () => [u.base], refused: () => [otherHost, u.sichuan, u.ministry, u.unit, u.expert, u.enterprise] },
    { name: "re-evaluate", op: reEvaluateOp, setup: async () => ({ orderId: (await orderFor((await baseIn("RECTIFYING")).id, "RESPONDED")).id, decision: "pass" }),
      allowed: () => [u.sichuan, u.ministry], refused: () => [u.zhejiang, u.base, u.unit, u.expert, u.enterprise] },
  ];
  for (const c of cases) {
    it(`${c.name}: allowed for its holders in scope, refused (and audited) for the others`, async () => {
      for (const user of c.refused()) {
        const input = await c.setup();
        expect(await run(c.op, user, input), `${user.username} refused`).toEqual(REFUSED);
        expect((await auditRows({ actorId: user.id })).some((a) => a.outcome === "DENIED")).toBe(true);
      }
      for (const user of c.allowed()) {
        const input = await c.setup();
        expect(await run(c.op, user, input), `${user.username} allowed`).toMatchObject({ ok: true });
      }
    });
  }
  it("zhejiang's host cannot see sichuan's bases; province lists only its province; the ministry sees all", async () => {
    const b = await baseIn("ESTABLISHED");
    const search = baseSearchSchema.parse({ q: b.name });
    expect((await searchBases(u.sichuan, search)).total).toBe(1);
    expect((await searchBases(u.zhejiang, search)).total).toBe(0);
    expect((await searchBases(u.ministry, search)).total).toBe(1);
    expect((await searchBases(u.base, search)).total).toBe(1);
    expect((await searchBases(zhejiangHost, search)).total).toBe(0);
    expect((await searchBases(u.unit, search)).total).toBe(0);
    expect(all()).toHaveLength(8);
  });
});

describe("annual report, evaluation, rectification, removal", () => {
  it("report pre-filled from hosted activities → 不合格 → order (12 months) → answer → removal published with its reason", async () => {
    const b = await baseIn("ESTABLISHED");
    const program = await db.program.findFirstOrThrow({ select: { id: true } });
    await db.demonstrationActivity.create({ data: { programId: program.id, applicantOrgId: hostOrgId, hostBaseId: b.id, regionCode: b.regionCode, provinceCode: SICHUAN, title: "猕猴桃春管技术服务", summary: "春季管理", plannedStart: new Date(Date.UTC(2025, 2, 1)), plannedExperts: 6 } });
    const prefill = await annualReportPrefill(b.id, 2025);
    expect(prefill).toMatchObject({ activitiesCount: 1, expertsCount: 6 });
    expect(prefill.content).toContain("猕猴桃春管技术服务");

    expect(await run(annualReportOp, u.base, { baseId: b.id, year: "2025", content: "年度开展服务活动一场次", activitiesCount: "1", expertsCount: "6", peopleTrained: "40", results: "" })).toMatchObject({ ok: true });
    expect(await run(annualReportOp, u.base, { baseId: b.id, year: "2025", content: "年度开展服务活动一场次", activitiesCount: "1" })).toMatchObject({ ok: false, error: "2025年度报告已报送" });
    expect(await db.notification.count({ where: { userId: u.sichuan.id, title: { contains: b.name }, body: "2025年度" } })).toBe(1);

    expect(await run(evaluateOp, u.sichuan, { baseId: b.id, year: "2025", grade: "UNQUALIFIED", scoreActivities: "8", scoreExperts: "10", scoreTraining: "9", scoreManagement: "5", comment: "服务活动不足" })).toMatchObject({ ok: true, data: { total: 32 } });
    const issued = await run(issueRectificationOp, u.sichuan, { baseId: b.id, reason: "2025年度评估不合格", items: "补齐服务记录\n完善管理制度", evaluationYear: "2025" });
    expect(issued).toMatchObject({ ok: true });
    const order = await db.rectificationOrder.findFirstOrThrow({ where: { baseId: b.id } });
    expect(order.requiredItems).toEqual(["补齐服务记录", "完善管理制度"]);
    const { rectificationDeadline } = await import("@/lib/bases/deadline");
    expect(order.deadline).toEqual(rectificationDeadline());
    expect(await stateOf(b.id)).toBe("RECTIFYING");

    expect(await run(respondRectificationOp, u.base, { orderId: order.id, response: "已逐项完成整改，附服务记录" })).toMatchObject({ ok: true });
    expect(await run(reEvaluateOp, u.sichuan, { orderId: order.id, decision: "remove", reason: "" })).toMatchObject({ ok: false, fieldErrors: { reason: ["调整退出时请写明原因（将在公开名单中公布）"] } });
    expect(await run(reEvaluateOp, u.sichuan, { orderId: order.id, decision: "remove", reason: "整改后仍未达到要求" })).toMatchObject({ ok: true, data: { state: "REMOVED" } });
    const pub = await publicBases(baseSearchSchema.parse({ q: b.name }));
    expect(pub.rows[0]).toMatchObject({ state: "REMOVED", removalReason: "整改后仍未达到要求" });
    expect((await db.rectificationOrder.findUniqueOrThrow({ where: { id: order.id } })).state).toBe("FAILED");
    expect(await db.notification.count({ where: { userId: u.base.id, title: { contains: "调整退出" } } })).toBeGreaterThan(0);
  });

  it("a passed re-evaluation brings the base back to 已设立", async () => {
    const b = await baseIn("RECTIFYING");
    const o = await orderFor(b.id, "RESPONDED");
    expect(await run(reEvaluateOp, u.sichuan, { orderId: o.id, decision: "pass", reason: "" })).toMatchObject({ ok: true, data: { state: "ESTABLISHED" } });
    expect((await db.rectificationOrder.findUniqueOrThrow({ where: { id: o.id } })).state).toBe("PASSED");
  });
});

describe("two people at once: exactly one wins", () => {
  it("two province staff approve the same application", async () => {
    const second = await provinceAdmin(SICHUAN);
    const b = await baseIn("APPLIED");
    const results = await Promise.all([
      run(reviewBaseOp, u.sichuan, { baseId: b.id, decision: "approve", reason: "" }),
      run(reviewBaseOp, second, { baseId: b.id, decision: "reject", reason: "不符合条件" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false });
    expect(await db.baseEvent.count({ where: { baseId: b.id } })).toBe(1);
  });

  it("two province staff evaluate the same year", async () => {
    const second = await provinceAdmin(SICHUAN);
    const b = await baseIn("ESTABLISHED");
    const form = { baseId: b.id, year: "2025", grade: "QUALIFIED", scoreActivities: "20", scoreExperts: "20", scoreTraining: "20", scoreManagement: "20" };
    const results = await Promise.all([run(evaluateOp, u.sichuan, form), run(evaluateOp, second, { ...form, grade: "EXCELLENT" })]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.baseEvaluation.count({ where: { baseId: b.id } })).toBe(1);
  });

  it("two province staff issue a rectification order on the same base", async () => {
    const second = await provinceAdmin(SICHUAN);
    const b = await baseIn("ESTABLISHED");
    const results = await Promise.all([
      run(issueRectificationOp, u.sichuan, { baseId: b.id, reason: "管理混乱", items: "补齐服务记录" }),
      run(issueRectificationOp, second, { baseId: b.id, reason: "管理混乱", items: "补齐服务记录" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.rectificationOrder.count({ where: { baseId: b.id } })).toBe(1);
  });
});

describe("escalation of overdue rectifications", () => {
  let bosses: PgBoss[] = [];
  afterAll(async () => {
    await Promise.all(bosses.map(stopBoss));
  });

  /** An order issued at `issuedAt` (12 months by default), on a fresh base of its own host. */
  async function overdueCase(issuedAt: Date) {
    const org = await createOrganization(db, { type: "BASE_HOST", regionCode: "510131" });
    const host = await userWith("BASE_HOST", { organizationId: org.id });
    const b = await baseIn("ESTABLISHED", { orgId: org.id });
    const order = await db.$transaction((tx) => issueRectification(tx, b.id, u.sichuan.id, { reason: "管理混乱", items: ["补齐服务记录"] }, issuedAt));
    return { base: b, host, order };
  }

  async function escalationsOf(c: Awaited<ReturnType<typeof overdueCase>>) {
    return {
      escalatedAt: (await db.rectificationOrder.findUniqueOrThrow({ where: { id: c.order.id } })).escalatedAt,
      events: await db.baseEvent.count({ where: { baseId: c.base.id, action: { contains: "自动上报" } } }),
      hostNotes: await db.notification.count({ where: { userId: c.host.id, title: `整改逾期已上报：${c.base.name}` } }),
      provinceNotes: await db.notification.count({ where: { userId: u.sichuan.id, title: `整改逾期：${c.base.name}` } }),
      ministryNotes: await db.notification.count({ where: { userId: u.ministry.id, title: `整改逾期：${c.base.name}` } }),
      zhejiangNotes: await db.notification.count({ where: { userId: u.zhejiang.id, title: `整改逾期：${c.base.name}` } }),
      audits: (await auditRows({ entityId: c.order.id, operation: "base.escalate" })).length,
    };
  }

  it("the deadline is 12 months after issue (China day); nothing escalates on the deadline day, once after it", async () => {
    const c = await overdueCase(new Date("2026-01-15T02:00:00Z"));
    expect(c.order.deadline.toISOString().slice(0, 10)).toBe("2027-01-15");
    await escalateOverdueRectifications(db, new Date("2027-01-15T15:59:00Z")); // 23:59 on the deadline day in Beijing
    expect((await escalationsOf(c)).escalatedAt).toBeNull();

    const after = new Date("2027-01-15T16:30:00Z");
    await Promise.all([escalateOverdueRectifications(db, after), escalateOverdueRectifications(db, after)]);
    expect(await escalationsOf(c)).toEqual({ escalatedAt: after, events: 1, hostNotes: 1, provinceNotes: 1, ministryNotes: 1, zhejiangNotes: 0, audits: 1 });
    await escalateOverdueRectifications(db, new Date("2027-02-01T00:00:00Z"));
    expect((await escalationsOf(c)).events).toBe(1);
  });

  it("an answered order never escalates", async () => {
    const c = await overdueCase(new Date("2026-01-15T02:00:00Z"));
    await run(respondRectificationOp, c.host, { orderId: c.order.id, response: "已逐项完成整改，附服务记录" });
    await escalateOverdueRectifications(db, new Date("2027-03-01T00:00:00Z"));
    expect((await escalationsOf(c)).escalatedAt).toBeNull();
  });

  it("two pg-boss workers on the queue, two sweep jobs at once: one escalation, one set of notifications", async () => {
    const c = await overdueCase(new Date("2025-06-01T02:00:00Z"));
    const when = new Date("2026-06-05T00:00:00Z");
    const jobs = [{ name: `test-escalation-${process.pid}`, cron: "* * * * *", everySeconds: 60, run: (client: typeof db) => escalateOverdueRectifications(client, when) }];
    const url = process.env.DATABASE_URL!;
    bosses = await Promise.all([startBoss(url, db, jobs, { schedule: false, pollingIntervalSeconds: 0.5 }), startBoss(url, db, jobs, { schedule: false, pollingIntervalSeconds: 0.5 })]);
    const ids = await Promise.all(bosses.map((b) => b.send(jobs[0].name, {})));
    const done = async () => {
      const states = await Promise.all(ids.map((id) => bosses[0].getJobById(jobs[0].name, id!, { includeArchive: true })));
      return states.every((j) => j?.state === "completed");
    };
    for (let i = 0; i < 60 && !(await done()); i++) await new Promise((r) => setTimeout(r, 250));
    expect(await done()).toBe(true);
    expect(await escalationsOf(c)).toMatchObject({ escalatedAt: when, events: 1, hostNotes: 1, provinceNotes: 1, ministryNotes: 1, audits: 1 });
  }, 30_000);
});

describe("lists", () => {
  it("the province list puts bases with an overdue rectification first", async () => {
    const org = await createOrganization(db, { type: "BASE_HOST", regionCode: "510131" });
    const plain = await baseIn("ESTABLISHED", { orgId: org.id });
    const late = await baseIn("RECTIFYING", { orgId: org.id });
    await orderFor(late.id, "ISSUED", new Date(Date.UTC(2020, 0, 1)));
    const r = await searchBases(u.sichuan, baseSearchSchema.parse({ q: org.name, state: "ALL" }));
    expect(r.total).toBe(2);
    expect(r.overdue).toBeGreaterThan(0);
    expect(r.rows[0].rectification?.overdue).toBe(true);
    expect(r.rows.findIndex((x) => x.id === late.id)).toBeLessThan(r.rows.findIndex((x) => x.id === plain.id));
    void ZHEJIANG;
  });
});

describe("evidence files (lib/storage)", () => {
  const pdf = (name = "科研平台证明.pdf") => new File([Buffer.from(SAMPLES.pdf)], name, { type: "application/pdf" });

  it("the host attaches evidence to its draft, not after submitting; another host never; content is checked", async () => {
    const b = await baseIn("DRAFT");
    expect(await run(applicationEvidenceOps.upload, otherHost, { ownerId: b.id, file: pdf() })).toEqual(REFUSED);
    expect(await run(applicationEvidenceOps.upload, u.sichuan, { ownerId: b.id, file: pdf() })).toEqual(REFUSED);
    const ok = await run(applicationEvidenceOps.upload, u.base, { ownerId: b.id, file: pdf() });
    expect(ok).toMatchObject({ ok: true });
    const fake = new File([Buffer.from(SAMPLES.exe)], "证明.pdf", { type: "application/pdf" });
    expect(await run(applicationEvidenceOps.upload, u.base, { ownerId: b.id, file: fake })).toMatchObject({ ok: false });
    expect(await db.attachment.count({ where: { ownerType: "ServiceBase", ownerId: b.id } })).toBe(1);

    await db.serviceBase.update({ where: { id: b.id }, data: { state: "APPLIED" } });
    expect(await run(applicationEvidenceOps.upload, u.base, { ownerId: b.id, file: pdf("补充.pdf") })).toMatchObject({ ok: false, error: "基地当前为“待省级审核”，不能修改申请" });
    const id = (ok as { data: { id: string } }).data.id;
    expect(await run(applicationEvidenceOps.remove, u.base, { attachmentId: id })).toMatchObject({ ok: false });
    expect(await db.attachment.count({ where: { ownerType: "ServiceBase", ownerId: b.id } })).toBe(1);
  });

  it("the host attaches evidence to an order it has not answered yet, and removes it; none once answered", async () => {
    const b = await baseIn("RECTIFYING");
    const o = await orderFor(b.id);
    expect(await run(rectificationEvidenceOps.upload, otherHost, { ownerId: o.id, file: pdf("整改记录.pdf") })).toEqual(REFUSED);
    const ok = await run(rectificationEvidenceOps.upload, u.base, { ownerId: o.id, file: pdf("整改记录.pdf") });
    expect(ok).toMatchObject({ ok: true });
    const extra = await run(rectificationEvidenceOps.upload, u.base, { ownerId: o.id, file: pdf("多余.pdf") });
    expect(await run(rectificationEvidenceOps.remove, u.base, { attachmentId: (extra as { data: { id: string } }).data.id })).toMatchObject({ ok: true });
    expect(await run(respondRectificationOp, u.base, { orderId: o.id, response: "已逐项完成整改，附服务记录" })).toMatchObject({ ok: true });
    expect(await run(rectificationEvidenceOps.upload, u.base, { ownerId: o.id, file: pdf("晚了.pdf") })).toMatchObject({ ok: false, error: "整改报告已提交或整改已结束，不能再增删佐证材料" });
    expect((await db.attachment.findMany({ where: { ownerType: "RectificationOrder", ownerId: o.id } })).map((a) => a.fileName)).toEqual(["整改记录.pdf"]);
  });
});
