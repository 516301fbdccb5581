import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { ZodType } from "zod";
import { db } from "@/lib/db";
import { executeAction, type ActionDefinition } from "@/lib/actions/pipeline";
import type { SessionUser } from "@/lib/auth/roles";
import type { BidState, ChallengeState, MilestoneState } from "@/lib/generated/prisma/enums";
import {
  acceptanceOp, assignReviewersOp, cancelChallengeOp, checkMilestoneOp, closeBiddingOp, confirmAcceptanceOp, removeChallengeFileOp,
  reportMilestoneOp, saveChallengeOp, scoreBidOp, selectBidOp, submitBidOp, submitChallengeOp, uploadChallengeFileOp,
  verifyChallengeOp, withdrawBidOp, withdrawChallengeOp,
} from "@/lib/challenges/operations";
import {
  challengesForExport, challengeTracking, finishedChallengesForCases, publicChallenge, publicChallenges, searchChallenges,
} from "@/lib/challenges/queries";
import { challengeSearchSchema } from "@/lib/challenges/schemas";
import { suggestTeam } from "@/lib/challenges/team";
import { CHALLENGE_WORKFLOW } from "@/lib/challenges/workflow";
import { createExpert, createOrganization } from "@/prisma/seed/factories";
import { createTestUsers, expertWithUser, provinceAdmin, SICHUAN, type TestUsers, userWith, ZHEJIANG } from "./fixtures";
import { auditRows, meta, REFUSED } from "./helpers";
import { SAMPLES } from "../sample-files";

process.env.STORAGE_DIR = mkdtempSync(path.join(os.tmpdir(), "challenges-storage-"));

// 揭榜挂帅 end to end on the database: every role × operation, every transition legal and illegal, bad input, the
// bid refusals (deadline, pool, availability), recusal of reviewers, two selections at once, and the way to a case.

type AnyOp = ActionDefinition<ZodType, unknown>;
const run = (op: unknown, user: SessionUser, input: Record<string, unknown>) => executeAction(op as AnyOp, user, meta, input);

let u: TestUsers;
let otherEnterprise: SessionUser;
let enterpriseOrgId: string;
let ministry2: SessionUser;
const DAY = 86_400_000;
const inDays = (n: number) => new Date(Date.now() + n * DAY);
const isoDay = (n: number) => inDays(n).toISOString().slice(0, 10);
let seq = 0;

beforeAll(async () => {
  u = await createTestUsers();
  otherEnterprise = await userWith("ENTERPRISE");
  enterpriseOrgId = u.enterprise.roles[0].organizationId!;
  ministry2 = await userWith("MINISTRY_ADMIN");
});

const FORM = () => ({
  title: `测试揭榜题目${process.pid}-${++seq}`,
  problem: "现有工艺能耗高、产品一致性差，企业缺少关键装备和工艺参数，需要专家团队联合攻关解决。",
  indicators: "能耗降低20%以上\n产品合格率达到98%",
  requirements: "在现有生产线上实施",
  rewardYuan: "500000",
  bidDeadline: isoDay(30),
  ipTerms: "新产生的知识产权归企业所有，揭榜方享有署名权。",
  disciplineCodes: ["21060"],
});

/** A challenge of the usual enterprise (or `orgId`) in `state`, written directly. */
async function challengeIn(state: ChallengeState, opts: { national?: boolean; orgId?: string; deadline?: Date; indicators?: string[] } = {}) {
  const orgId = opts.orgId ?? enterpriseOrgId;
  const org = await db.organization.findUniqueOrThrow({ where: { id: orgId }, select: { regionCode: true, region: { select: { provinceCode: true } } } });
  seq += 1;
  const published = ["PUBLISHED", "CLOSED", "AWARDED", "ACCEPTANCE", "COMPLETED", "FAILED"].includes(state);
  return db.challenge.create({
    data: {
      enterpriseId: orgId, regionCode: org.regionCode, provinceCode: org.region.provinceCode, title: `测试题目${process.pid}-${seq}`,
      problem: "现有工艺能耗高、产品一致性差，企业缺少关键装备和工艺参数。", indicators: opts.indicators ?? ["能耗降低20%以上", "合格率达到98%"],
      disciplineCodes: ["21060"], rewardYuan: 300000, bidDeadline: opts.deadline ?? inDays(20), ipTerms: "归企业所有", state,
      national: opts.national ?? false, publishedAt: published ? new Date() : null,
    },
  });
}

/** A fresh expert of the pool with an account, at an employer of its own (recusal compares employers). */
async function poolExpert(over: Parameters<typeof expertWithUser>[0] = {}) {
  seq += 1;
  return expertWithUser({ employer: `测试大学${process.pid}-${seq}`, ...over });
}

const bidInput = (challengeId: string, members: { expertId: string; role: string }[] = []) => ({
  challengeId,
  proposal: "采用分段工艺优化与装备改造相结合的技术路线，先小试后中试，确保各项指标达到要求。",
  plan: "第一阶段完成小试，第二阶段完成中试与验收。",
  memberIds: members.map((m) => m.expertId), memberRoles: members.map((m) => m.role),
  milestoneTitles: ["完成小试", "完成中试"], milestoneDates: [isoDay(60), isoDay(120)],
});

async function bidOf(challengeId: string, state: BidState = "SUBMITTED") {
  const e = await poolExpert();
  const bid = await db.challengeBid.create({ data: { challengeId, expertId: e.id, proposal: "方案", state, plannedMilestones: [{ title: "完成小试", dueOn: isoDay(60) }] } });
  return { bid, expert: e };
}

const stateOf = async (id: string) => (await db.challenge.findUniqueOrThrow({ where: { id }, select: { state: true } })).state;

describe("the workflow table", () => {
  it("allows exactly the listed steps and refuses the rest in Chinese", () => {
    const states = Object.keys(CHALLENGE_WORKFLOW.stateLabel) as ChallengeState[];
    for (const [step, rule] of Object.entries(CHALLENGE_WORKFLOW.steps)) {
      for (const s of states) {
        const legal = (rule.from as readonly (ChallengeState | null)[]).includes(s);
        if (legal) expect(() => CHALLENGE_WORKFLOW.next(step as never, s, Array.isArray(rule.to) ? rule.to[0] : undefined)).not.toThrow();
        else expect(() => CHALLENGE_WORKFLOW.next(step as never, s)).toThrow(/题目|发榜|截止|不能/);
      }
    }
  });
});

describe("an enterprise poses a challenge", () => {
  it("saves a draft, edits it, submits it, withdraws it before publication; another enterprise and other roles are refused", async () => {
    const saved = await run(saveChallengeOp, u.enterprise, FORM());
    expect(saved).toMatchObject({ ok: true, data: { state: "DRAFT" } });
    const id = (saved as { data: { id: string } }).data.id;
    const row = await db.challenge.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ provinceCode: SICHUAN, indicators: ["能耗降低20%以上", "产品合格率达到98%"], rewardYuan: 500000, enterpriseId: enterpriseOrgId });

    for (const who of [otherEnterprise, u.sichuan, u.ministry, u.expert, u.unit, u.base]) {
      expect(await run(saveChallengeOp, who, { ...FORM(), challengeId: id, version: "0" })).toEqual(REFUSED);
      expect(await run(submitChallengeOp, who, { challengeId: id })).toEqual(REFUSED);
    }
    expect(await run(saveChallengeOp, u.enterprise, { ...FORM(), title: "修改后的测试揭榜题目名称", challengeId: id, version: "0" })).toMatchObject({ ok: true });
    // A stale form (version 0 again) changes nothing.
    expect(await run(saveChallengeOp, u.enterprise, { ...FORM(), title: "过期表单的题目名称", challengeId: id, version: "0" })).toMatchObject({ ok: false, error: "该题目已被他人修改，请刷新后重试" });

    expect(await run(submitChallengeOp, u.enterprise, { challengeId: id })).toMatchObject({ ok: true, data: { state: "SUBMITTED" } });
    expect(await run(saveChallengeOp, u.enterprise, { ...FORM(), challengeId: id })).toMatchObject({ ok: false, error: "题目当前为“待政府发榜”，不能修改题目" });
    expect(await run(withdrawChallengeOp, otherEnterprise, { challengeId: id })).toEqual(REFUSED);
    expect(await run(withdrawChallengeOp, u.enterprise, { challengeId: id })).toMatchObject({ ok: true, data: { state: "DRAFT" } });
    expect(await run(cancelChallengeOp, u.enterprise, { challengeId: id })).toMatchObject({ ok: true, data: { state: "CANCELLED" } });
    expect(await run(submitChallengeOp, u.enterprise, { challengeId: id })).toMatchObject({ ok: false, error: "题目当前为“已撤销”，不能提交发榜" });
    const events = await db.challengeEvent.findMany({ where: { challengeId: id }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => e.toState)).toEqual(["DRAFT", "SUBMITTED", "DRAFT", "CANCELLED"]);
    expect((await auditRows({ entityId: id })).filter((r) => r.outcome === "SUCCESS").map((r) => r.operation)).toEqual(
      ["challenge.create", "challenge.create", "challenge.submit", "challenge.withdraw", "challenge.cancel"],
    );
  });

  it("submits straight from the form; bad input changes nothing", async () => {
    const before = await db.challenge.count({ where: { enterpriseId: enterpriseOrgId } });
    for (const bad of [
      { ...FORM(), indicators: "" }, { ...FORM(), title: "短" }, { ...FORM(), rewardYuan: "-5" }, { ...FORM(), rewardYuan: "很多" },
      { ...FORM(), bidDeadline: "2026-02-30x" }, { ...FORM(), ipTerms: "" }, { ...FORM(), problem: "太短" },
    ]) {
      expect(await run(saveChallengeOp, u.enterprise, bad)).toMatchObject({ ok: false, error: "请检查填写内容" });
    }
    expect(await run(saveChallengeOp, u.enterprise, { ...FORM(), bidDeadline: isoDay(-1), intent: "submit" })).toMatchObject({ ok: false, fieldErrors: { bidDeadline: ["揭榜截止日期必须晚于今天"] } });
    expect(await db.challenge.count({ where: { enterpriseId: enterpriseOrgId } })).toBe(before);
    expect(await run(saveChallengeOp, u.enterprise, { ...FORM(), intent: "submit" })).toMatchObject({ ok: true, data: { state: "SUBMITTED" } });
  });

  it("attaches files to a draft only, checked by content; nobody else may", async () => {
    const c = await challengeIn("DRAFT");
    const pdf = (name = "技术资料.pdf") => new File([Buffer.from(SAMPLES.pdf)], name, { type: "application/pdf" });
    expect(await run(uploadChallengeFileOp, otherEnterprise, { challengeId: c.id, file: pdf() })).toEqual(REFUSED);
    expect(await run(uploadChallengeFileOp, u.sichuan, { challengeId: c.id, file: pdf() })).toEqual(REFUSED);
    const ok = await run(uploadChallengeFileOp, u.enterprise, { challengeId: c.id, file: pdf() });
    expect(ok).toMatchObject({ ok: true });
    const fake = new File([Buffer.from(SAMPLES.exe)], "资料.pdf", { type: "application/pdf" });
    expect(await run(uploadChallengeFileOp, u.enterprise, { challengeId: c.id, file: fake })).toMatchObject({ ok: false });
    await db.challenge.update({ where: { id: c.id }, data: { state: "SUBMITTED" } });
    expect(await run(uploadChallengeFileOp, u.enterprise, { challengeId: c.id, file: pdf("补充.pdf") })).toMatchObject({ ok: false, error: "题目当前为“待政府发榜”，不能修改题目" });
    const attachmentId = (ok as { data: { id: string } }).data.id;
    expect(await run(removeChallengeFileOp, u.enterprise, { attachmentId })).toMatchObject({ ok: false });
    await db.challenge.update({ where: { id: c.id }, data: { state: "DRAFT" } });
    expect(await run(removeChallengeFileOp, otherEnterprise, { attachmentId })).toEqual(REFUSED);
    expect(await run(removeChallengeFileOp, u.enterprise, { attachmentId })).toMatchObject({ ok: true });
    expect(await db.attachment.count({ where: { ownerType: "Challenge", ownerId: c.id } })).toBe(0);
  });
});

describe("the government verifies and publishes", () => {
  it("the enterprise's province publishes or returns with a reason; other provinces, the ministry (for a provincial one) and others are refused", async () => {
    const c = await challengeIn("SUBMITTED");
    for (const who of [u.zhejiang, u.enterprise, u.expert, u.unit, u.base]) {
      expect(await run(verifyChallengeOp, who, { challengeId: c.id, decision: "publish" })).toEqual(REFUSED);
    }
    expect(await run(verifyChallengeOp, u.ministry, { challengeId: c.id, decision: "publish" })).toMatchObject({ ok: false, error: "该题目为省级题目，由企业所在省级人社部门发榜和管理" });
    expect(await run(verifyChallengeOp, u.sichuan, { challengeId: c.id, decision: "return", reason: "" })).toMatchObject({ ok: false, fieldErrors: { reason: ["退回修改时请写明需要修改的内容"] } });
    expect(await stateOf(c.id)).toBe("SUBMITTED");
    expect(await run(verifyChallengeOp, u.sichuan, { challengeId: c.id, decision: "return", reason: "请细化技术指标" })).toMatchObject({ ok: true, data: { state: "RETURNED" } });
    expect((await db.challenge.findUniqueOrThrow({ where: { id: c.id } })).returnReason).toBe("请细化技术指标");
    expect(await run(verifyChallengeOp, u.sichuan, { challengeId: c.id, decision: "publish" })).toMatchObject({ ok: false, error: "题目未经企业提交审核，不能发榜" });
    expect(await run(submitChallengeOp, u.enterprise, { challengeId: c.id })).toMatchObject({ ok: true, data: { state: "SUBMITTED" } });
    expect(await run(verifyChallengeOp, u.sichuan, { challengeId: c.id, decision: "publish" })).toMatchObject({ ok: true, data: { state: "PUBLISHED" } });
    expect(await run(verifyChallengeOp, u.sichuan, { challengeId: c.id, decision: "publish" })).toMatchObject({ ok: false });
    expect(await run(withdrawChallengeOp, u.enterprise, { challengeId: c.id })).toMatchObject({ ok: false, error: "只有待政府发榜的题目可以撤回，已发榜的题目不能撤回" });
    const row = await db.challenge.findUniqueOrThrow({ where: { id: c.id } });
    expect(row.publishedById).toBe(u.sichuan.id);
  });

  it("a national challenge is published by the ministry, not by the province", async () => {
    const c = await challengeIn("SUBMITTED", { national: true });
    expect(await run(verifyChallengeOp, u.sichuan, { challengeId: c.id, decision: "publish" })).toEqual(REFUSED);
    expect(await run(verifyChallengeOp, u.ministry, { challengeId: c.id, decision: "publish" })).toMatchObject({ ok: true, data: { state: "PUBLISHED" } });
  });

  it("can't publish without verification: a draft or a past deadline is refused", async () => {
    const draft = await challengeIn("DRAFT");
    expect(await run(verifyChallengeOp, u.sichuan, { challengeId: draft.id, decision: "publish" })).toMatchObject({ ok: false, error: "题目未经企业提交审核，不能发榜" });
    const late = await challengeIn("SUBMITTED", { deadline: inDays(-1) });
    expect(await run(verifyChallengeOp, u.sichuan, { challengeId: late.id, decision: "publish" })).toMatchObject({ ok: false, error: "揭榜截止日期已过，请退回企业修改截止日期后再发榜" });
    expect(await stateOf(draft.id)).toBe("DRAFT");
    expect(await stateOf(late.id)).toBe("SUBMITTED");
  });

  it("two verifiers at once: exactly one wins", async () => {
    const c = await challengeIn("SUBMITTED");
    const other = await provinceAdmin(SICHUAN);
    const results = await Promise.all([
      run(verifyChallengeOp, u.sichuan, { challengeId: c.id, decision: "publish" }),
      run(verifyChallengeOp, other, { challengeId: c.id, decision: "return", reason: "请补充" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.challengeEvent.count({ where: { challengeId: c.id } })).toBe(1);
  });
});

describe("the public board", () => {
  it("shows published challenges only; unpublished ones are invisible whatever the id", async () => {
    const hidden = await Promise.all((["DRAFT", "SUBMITTED", "RETURNED", "CANCELLED"] as const).map((s) => challengeIn(s)));
    const shown = await challengeIn("PUBLISHED");
    for (const c of hidden) expect(await publicChallenge(c.id)).toBeNull();
    expect(await publicChallenge("no-such-id")).toBeNull();
    expect(await publicChallenge(shown.id)).toMatchObject({ id: shown.id, title: shown.title });
    const list = await publicChallenges(challengeSearchSchema.parse({ q: `测试题目${process.pid}` }));
    const ids = list.rows.map((r) => r.id);
    expect(ids).toContain(shown.id);
    for (const c of hidden) expect(ids).not.toContain(c.id);
  });

  it("management lists: the government never sees drafts; the enterprise sees only its own", async () => {
    const draft = await challengeIn("DRAFT");
    const submitted = await challengeIn("SUBMITTED");
    const q = challengeSearchSchema.parse({ q: `测试题目${process.pid}` });
    const prov = (await searchChallenges(u.sichuan, q)).rows.map((r) => r.id);
    expect(prov).toContain(submitted.id);
    expect(prov).not.toContain(draft.id);
    expect((await searchChallenges(u.zhejiang, q)).rows.map((r) => r.id)).not.toContain(submitted.id);
    expect((await searchChallenges(u.enterprise, q)).rows.map((r) => r.id)).toEqual(expect.arrayContaining([draft.id, submitted.id]));
    expect((await searchChallenges(otherEnterprise, q)).total).toBe(0);
    expect((await searchChallenges(u.expert, q)).total).toBe(0);
    // The download: the same filters and scope.
    expect((await challengesForExport(u.sichuan, q)).map((r) => r.id)).not.toContain(draft.id);
    expect((await challengesForExport(u.zhejiang, q)).map((r) => r.id)).not.toContain(submitted.id);
    expect(await challengesForExport(u.expert, q)).toEqual([]);
  });
});

describe("bids (揭榜)", () => {
  it("an approved expert bids with a team of the pool; the suggestion comes from the engine", async () => {
    const c = await challengeIn("PUBLISHED");
    const lead = await poolExpert();
    // A discipline of this run's own: other files' experts share 21060 and could fill the suggestion.
    const ownField = `8${String(process.pid % 10_000).padStart(4, "0")}`;
    const postdoc = await poolExpert({ talentCategories: ["POSTDOC"], title: "INTERMEDIATE", disciplineCodes: [ownField] });
    const mentor = await poolExpert({ title: "SENIOR", disciplineCodes: [ownField] });
    expect(await run(submitBidOp, u.enterprise, bidInput(c.id))).toEqual(REFUSED);
    expect(await run(submitBidOp, u.sichuan, bidInput(c.id))).toEqual(REFUSED);
    const r = await run(submitBidOp, lead.session, bidInput(c.id, [{ expertId: postdoc.id, role: "博士后" }, { expertId: mentor.id, role: "导师" }]));
    expect(r).toMatchObject({ ok: true });
    const bid = await db.challengeBid.findFirstOrThrow({ where: { challengeId: c.id }, include: { members: true } });
    expect(bid.members.map((m) => m.role).sort()).toEqual(["博士后", "导师"]);
    expect(bid.plannedMilestones).toEqual([{ title: "完成小试", dueOn: isoDay(60) }, { title: "完成中试", dueOn: isoDay(120) }]);
    expect(await run(submitBidOp, lead.session, bidInput(c.id))).toMatchObject({ ok: false, error: "您已揭榜该题目，如需修改请先撤回原方案" });

    const suggested = await suggestTeam(db, { disciplineCodes: [ownField], leadExpertId: lead.id, size: 3 });
    expect(suggested.length).toBeGreaterThan(0);
    expect(suggested.map((s) => s.expertId)).not.toContain(lead.id);
    expect(suggested.some((s) => s.role === "博士后")).toBe(true);
    expect(suggested.map((s) => s.expertId)).toEqual(expect.arrayContaining([postdoc.id, mentor.id]));
  });

  it("refuses bids after the deadline, outside the publication, from experts outside the pool, with unavailable or unfit members", async () => {
    const late = await challengeIn("PUBLISHED", { deadline: inDays(-1) });
    const lead = await poolExpert();
    expect(await run(submitBidOp, lead.session, bidInput(late.id))).toMatchObject({ ok: false, error: "揭榜已截止，不能再揭榜" });
    for (const s of ["SUBMITTED", "CLOSED", "DRAFT"] as const) {
      const c = await challengeIn(s);
      expect(await run(submitBidOp, lead.session, bidInput(c.id))).toMatchObject({ ok: false, error: "该题目不在揭榜期内，不能揭榜" });
    }
    const c = await challengeIn("PUBLISHED");
    const pending = await poolExpert({ status: "PENDING" });
    expect(await run(submitBidOp, pending.session, bidInput(c.id))).toMatchObject({ ok: false, error: "您的专家档案尚未通过审核（不在专家库中），暂不能揭榜" });
    const pendingMember = await poolExpert({ status: "PENDING" });
    expect(await run(submitBidOp, lead.session, bidInput(c.id, [{ expertId: pendingMember.id, role: "专家" }]))).toMatchObject({ ok: false, error: `${pendingMember.name}尚未通过审核，不在专家库中，不能加入团队` });
    const full = await poolExpert({ maxConcurrent: 1, activeEngagements: 1 });
    expect(await run(submitBidOp, lead.session, bidInput(c.id, [{ expertId: full.id, role: "专家" }]))).toMatchObject({ ok: false, error: expect.stringContaining("服务项目已满") });
    const away = await poolExpert();
    await db.expertAvailability.create({ data: { expertId: away.id, kind: "BLACKOUT", startsOn: inDays(10), endsOn: inDays(40) } });
    expect(await run(submitBidOp, lead.session, bidInput(c.id, [{ expertId: away.id, role: "专家" }]))).toMatchObject({ ok: false, error: `${away.name}在攻关期间有不可服务日期` });
    const senior = await poolExpert();
    expect(await run(submitBidOp, lead.session, bidInput(c.id, [{ expertId: senior.id, role: "博士后" }]))).toMatchObject({ ok: false, error: `${senior.name}不符合“博士后”的条件` });
    expect(await run(submitBidOp, lead.session, bidInput(c.id, [{ expertId: "nobody", role: "专家" }]))).toMatchObject({ ok: false, error: "团队成员须为专家库中的专家" });
    expect(await run(submitBidOp, lead.session, { ...bidInput(c.id), milestoneTitles: [], milestoneDates: [] })).toMatchObject({ ok: false, error: "请检查填写内容" });
    expect(await run(submitBidOp, lead.session, { ...bidInput(c.id), milestoneDates: [isoDay(-3), isoDay(90)] })).toMatchObject({ ok: false, error: "里程碑完成日期必须晚于今天" });
    expect(await run(submitBidOp, lead.session, bidInput(c.id, [{ expertId: senior.id, role: "专家" }, { expertId: senior.id, role: "导师" }]))).toMatchObject({ ok: false, error: "请检查填写内容" });
    expect(await db.challengeBid.count({ where: { challengeId: { in: [late.id, c.id] } } })).toBe(0);
  });

  it("the lead withdraws while bidding is open; nobody else may", async () => {
    const c = await challengeIn("PUBLISHED");
    const { bid, expert } = await bidOf(c.id);
    expect(await run(withdrawBidOp, u.expert, { bidId: bid.id })).toEqual(REFUSED);
    expect(await run(withdrawBidOp, u.enterprise, { bidId: bid.id })).toEqual(REFUSED);
    expect(await run(withdrawBidOp, expert.session, { bidId: bid.id })).toMatchObject({ ok: true });
    expect(await run(withdrawBidOp, expert.session, { bidId: bid.id })).toMatchObject({ ok: false, error: "揭榜方案当前为“已撤回”，不能撤回揭榜方案" });
  });
});

describe("review with recusal, and selection (挂帅)", () => {
  it("closing bidding is the government's; reviewers from the enterprise or a bidder's employer, and bidders, are recused", async () => {
    const c = await challengeIn("PUBLISHED");
    const { bid, expert: bidder } = await bidOf(c.id);
    const member = await poolExpert();
    await db.challengeBidMember.create({ data: { bidId: bid.id, expertId: member.id, role: "专家" } });
    expect(await run(assignReviewersOp, u.sichuan, { challengeId: c.id, expertIds: [member.id] })).toMatchObject({ ok: false, error: "截止揭榜后才能分配评审专家" });
    for (const who of [u.zhejiang, u.enterprise, u.expert]) expect(await run(closeBiddingOp, who, { challengeId: c.id })).toEqual(REFUSED);
    expect(await run(closeBiddingOp, u.sichuan, { challengeId: c.id })).toMatchObject({ ok: true, data: { state: "CLOSED" } });

    const fromEnterprise = await createExpert(db, { employer: "另一名称", employerOrgId: enterpriseOrgId });
    const sameEmployer = await createExpert(db, { employer: bidder.employer });
    const memberEmployer = await createExpert(db, { employer: member.employer });
    const enterpriseName = (await db.organization.findUniqueOrThrow({ where: { id: enterpriseOrgId } })).name;
    const byName = await createExpert(db, { employer: enterpriseName });
    const fair = await poolExpert();
    const cases: [string, string][] = [
      [fromEnterprise.id, `${fromEnterprise.name}来自出题企业，须回避`],
      [byName.id, `${byName.name}来自出题企业，须回避`],
      [sameEmployer.id, `${sameEmployer.name}与揭榜方同一单位（${bidder.employer}），须回避`],
      [memberEmployer.id, `${memberEmployer.name}与揭榜方同一单位（${member.employer}），须回避`],
      [bidder.id, `${bidder.name}是揭榜团队成员，须回避`],
      [member.id, `${member.name}是揭榜团队成员，须回避`],
    ];
    for (const [id, error] of cases) {
      expect(await run(assignReviewersOp, u.sichuan, { challengeId: c.id, expertIds: [fair.id, id] })).toMatchObject({ ok: false, error });
    }
    expect(await db.challengeReviewer.count({ where: { challengeId: c.id } })).toBe(0);
    for (const who of [u.zhejiang, u.enterprise, fair.session]) expect(await run(assignReviewersOp, who, { challengeId: c.id, expertIds: [fair.id] })).toEqual(REFUSED);
    expect(await run(assignReviewersOp, u.sichuan, { challengeId: c.id, expertIds: [fair.id] })).toMatchObject({ ok: true, data: { added: 1 } });

    // Only the assigned reviewer scores; a bad score changes nothing.
    expect(await run(scoreBidOp, u.expert, { bidId: bid.id, score: "80", comment: "方案可行" })).toEqual(REFUSED);
    expect(await run(scoreBidOp, bidder.session, { bidId: bid.id, score: "99", comment: "方案可行" })).toEqual(REFUSED);
    expect(await run(scoreBidOp, fair.session, { bidId: bid.id, score: "180", comment: "方案可行" })).toMatchObject({ ok: false, error: "请检查填写内容" });
    expect(await run(scoreBidOp, fair.session, { bidId: bid.id, score: "85", comment: "技术路线清晰可行" })).toMatchObject({ ok: true });
    expect(await db.challengeBidScore.findMany({ where: { bidId: bid.id } })).toEqual([expect.objectContaining({ score: 85 })]);
  });

  it("selection needs a closed, reviewed bid; other roles are refused; two selections at once: exactly one wins", async () => {
    const c = await challengeIn("CLOSED");
    const a = await bidOf(c.id);
    const b = await bidOf(c.id);
    const unreviewed = await bidOf(c.id);
    const reviewer = await poolExpert();
    const r = await db.challengeReviewer.create({ data: { challengeId: c.id, expertId: reviewer.id } });
    await db.challengeBidScore.createMany({ data: [a, b].map((x) => ({ bidId: x.bid.id, reviewerId: r.id, score: 80 })) });

    for (const who of [u.zhejiang, u.enterprise, u.expert, reviewer.session, u.unit]) {
      expect(await run(selectBidOp, who, { challengeId: c.id, bidId: a.bid.id })).toEqual(REFUSED);
    }
    expect(await run(selectBidOp, u.ministry, { challengeId: c.id, bidId: a.bid.id })).toMatchObject({ ok: false, error: "该题目为省级题目，由企业所在省级人社部门发榜和管理" });
    expect(await run(selectBidOp, u.sichuan, { challengeId: c.id, bidId: unreviewed.bid.id })).toMatchObject({ ok: false, error: "该揭榜方案尚无评审意见，请先组织评审" });
    const other = await provinceAdmin(SICHUAN);
    const results = await Promise.all([
      run(selectBidOp, u.sichuan, { challengeId: c.id, bidId: a.bid.id }),
      run(selectBidOp, other, { challengeId: c.id, bidId: b.bid.id }),
    ]);
    expect(results.filter((x) => x.ok)).toHaveLength(1);
    expect(results.find((x) => !x.ok)).toMatchObject({ error: "该题目已被他人处理或修改，请刷新后重试" });
    const bids = await db.challengeBid.findMany({ where: { challengeId: c.id } });
    expect(bids.filter((x) => x.state === "SELECTED")).toHaveLength(1);
    expect(bids.filter((x) => x.state === "REJECTED")).toHaveLength(2);
    expect(await stateOf(c.id)).toBe("AWARDED");
    expect(await db.challengeMilestone.count({ where: { challengeId: c.id } })).toBe(1);
    expect(await run(selectBidOp, u.sichuan, { challengeId: c.id, bidId: a.bid.id })).toMatchObject({ ok: false, error: "请先截止揭榜并组织评审，再确定揭榜方" });
  });

  it("selection refused before bidding is closed", async () => {
    const c = await challengeIn("PUBLISHED");
    const a = await bidOf(c.id);
    expect(await run(selectBidOp, u.sichuan, { challengeId: c.id, bidId: a.bid.id })).toMatchObject({ ok: false, error: "请先截止揭榜并组织评审，再确定揭榜方" });
  });
});

describe("milestones and acceptance (验收)", () => {
  async function awarded(indicators = ["能耗降低20%以上", "合格率达到98%"]) {
    const c = await challengeIn("AWARDED", { indicators });
    const { bid, expert } = await bidOf(c.id, "SELECTED");
    const m = await db.challengeMilestone.create({ data: { challengeId: c.id, title: "完成小试", dueOn: inDays(30) } });
    return { c, bid, lead: expert, m };
  }
  const mState = async (id: string): Promise<MilestoneState> => (await db.challengeMilestone.findUniqueOrThrow({ where: { id } })).state;

  it("the selected lead reports, the province checks (pass or send back); others are refused", async () => {
    const { c, lead, m } = await awarded();
    for (const who of [u.expert, u.enterprise, u.sichuan]) expect(await run(reportMilestoneOp, who, { milestoneId: m.id, report: "已完成小试" })).toEqual(REFUSED);
    expect(await run(checkMilestoneOp, u.sichuan, { milestoneId: m.id, decision: "pass" })).toMatchObject({ ok: false, error: "揭榜方尚未报送该里程碑的进展，不能检查通过" });
    expect(await run(reportMilestoneOp, lead.session, { milestoneId: m.id, report: "" })).toMatchObject({ ok: false, error: "请检查填写内容" });
    expect(await run(reportMilestoneOp, lead.session, { milestoneId: m.id, report: "小试完成，能耗降低22%" })).toMatchObject({ ok: true, data: { state: "REPORTED" } });
    for (const who of [u.zhejiang, u.enterprise, lead.session]) expect(await run(checkMilestoneOp, who, { milestoneId: m.id, decision: "pass" })).toEqual(REFUSED);
    expect(await run(checkMilestoneOp, u.sichuan, { milestoneId: m.id, decision: "return", reason: "" })).toMatchObject({ ok: false, fieldErrors: { reason: ["退回补充时请写明原因"] } });
    expect(await run(checkMilestoneOp, u.sichuan, { milestoneId: m.id, decision: "return", reason: "请补充检测报告" })).toMatchObject({ ok: true, data: { state: "PLANNED" } });
    expect(await run(reportMilestoneOp, lead.session, { milestoneId: m.id, report: "补充了第三方检测报告" })).toMatchObject({ ok: true });
    expect(await run(checkMilestoneOp, u.sichuan, { milestoneId: m.id, decision: "pass" })).toMatchObject({ ok: true, data: { state: "PASSED" } });
    expect(await mState(m.id)).toBe("PASSED");
    expect(await run(reportMilestoneOp, lead.session, { milestoneId: m.id, report: "再次报送" })).toMatchObject({ ok: false, error: "里程碑当前为“检查通过”，不能报送进展" });
    expect(await stateOf(c.id)).toBe("AWARDED");
  });

  it("acceptance needs every milestone checked and a judgement per indicator; the enterprise confirms → 验收通过, a case candidate, counted in tracking", async () => {
    const { c, lead, m } = await awarded();
    expect(await run(acceptanceOp, u.sichuan, { challengeId: c.id, met: ["yes", "yes"], note: "各项指标均达到" })).toMatchObject({ ok: false, error: "还有 1 个里程碑未通过中期检查，不能验收" });
    await db.challengeMilestone.update({ where: { id: m.id }, data: { state: "PASSED" } });
    for (const who of [u.zhejiang, u.enterprise, lead.session]) expect(await run(acceptanceOp, who, { challengeId: c.id, met: ["yes", "yes"], note: "各项指标均达到" })).toEqual(REFUSED);
    expect(await run(acceptanceOp, u.sichuan, { challengeId: c.id, met: ["yes"], note: "各项指标均达到" })).toMatchObject({ ok: false, error: "请逐条判断每项技术指标是否达到" });
    expect(await run(acceptanceOp, u.sichuan, { challengeId: c.id, met: ["yes", "yes"], note: "各项指标均达到" })).toMatchObject({ ok: true, data: { passed: true } });
    expect(await stateOf(c.id)).toBe("ACCEPTANCE");

    for (const who of [otherEnterprise, u.sichuan, lead.session]) expect(await run(confirmAcceptanceOp, who, { challengeId: c.id, decision: "confirm" })).toEqual(REFUSED);
    expect(await run(confirmAcceptanceOp, u.enterprise, { challengeId: c.id, decision: "dispute", reason: "" })).toMatchObject({ ok: false, error: "请检查填写内容" });
    expect(await run(confirmAcceptanceOp, u.enterprise, { challengeId: c.id, decision: "dispute", reason: "合格率数据需复测" })).toMatchObject({ ok: true, data: { state: "AWARDED" } });
    expect(await run(acceptanceOp, u.sichuan, { challengeId: c.id, met: ["yes", "yes"], note: "复测后各项指标均达到" })).toMatchObject({ ok: true });
    expect(await run(confirmAcceptanceOp, u.enterprise, { challengeId: c.id, decision: "confirm" })).toMatchObject({ ok: true, data: { state: "COMPLETED" } });
    expect(await run(confirmAcceptanceOp, u.enterprise, { challengeId: c.id, decision: "confirm" })).toMatchObject({ ok: false });

    const cases = await finishedChallengesForCases({ provinceCode: SICHUAN });
    const mine = cases.find((x) => x.id === c.id);
    expect(mine).toMatchObject({ kind: "challenge", link: `/challenges/${c.id}`, team: { lead: { id: lead.id } } });
    expect(mine?.reasons).toContain("验收通过并经企业确认");
    const tracking = await challengeTracking(u.sichuan);
    expect(tracking?.completed).toBeGreaterThanOrEqual(1);
    expect(await challengeTracking(u.expert)).toBeNull();
  });

  it("an unmet indicator fails the acceptance; confirmed it ends 验收未通过 and is no case candidate", async () => {
    const { c, m } = await awarded(["指标一", "指标二", "指标三"]);
    await db.challengeMilestone.update({ where: { id: m.id }, data: { state: "PASSED" } });
    expect(await run(acceptanceOp, u.sichuan, { challengeId: c.id, met: ["yes", "no", "yes"], note: "指标二未达到" })).toMatchObject({ ok: true, data: { passed: false } });
    expect(await run(confirmAcceptanceOp, u.enterprise, { challengeId: c.id, decision: "confirm" })).toMatchObject({ ok: true, data: { state: "FAILED" } });
    const row = await db.challenge.findUniqueOrThrow({ where: { id: c.id } });
    expect(row.indicatorResults).toEqual([{ indicator: "指标一", met: true }, { indicator: "指标二", met: false }, { indicator: "指标三", met: true }]);
    expect((await finishedChallengesForCases()).map((x) => x.id)).not.toContain(c.id);
  });

  it("a national challenge is accepted by the ministry, not by the province", async () => {
    const c = await challengeIn("AWARDED", { national: true, indicators: ["指标一"] });
    expect(await run(acceptanceOp, u.sichuan, { challengeId: c.id, met: ["yes"], note: "指标达到" })).toEqual(REFUSED);
    expect(await run(acceptanceOp, ministry2, { challengeId: c.id, met: ["yes"], note: "指标达到" })).toMatchObject({ ok: true });
  });
});

describe("the permission matrix (role × operation)", () => {
  it("refuses every role that does not hold the operation, before touching anything", async () => {
    const c = await challengeIn("SUBMITTED");
    const matrix: [unknown, Record<string, unknown>, SessionUser[]][] = [
      [saveChallengeOp, FORM(), [u.ministry, u.sichuan, u.unit, u.expert, u.base]],
      [submitChallengeOp, { challengeId: c.id }, [u.ministry, u.sichuan, u.unit, u.expert, u.base]],
      [verifyChallengeOp, { challengeId: c.id, decision: "publish" }, [u.enterprise, u.unit, u.expert, u.base]],
      [closeBiddingOp, { challengeId: c.id }, [u.enterprise, u.unit, u.expert, u.base]],
      [assignReviewersOp, { challengeId: c.id, expertIds: [u.expertId] }, [u.enterprise, u.unit, u.expert, u.base]],
      [selectBidOp, { challengeId: c.id, bidId: "x" }, [u.enterprise, u.unit, u.expert, u.base]],
      [submitBidOp, bidInput(c.id), [u.ministry, u.sichuan, u.enterprise, u.unit, u.base]],
      [scoreBidOp, { bidId: "x", score: "80", comment: "评审意见" }, [u.ministry, u.sichuan, u.enterprise, u.unit, u.base]],
      [reportMilestoneOp, { milestoneId: "x", report: "已完成小试任务" }, [u.ministry, u.sichuan, u.enterprise, u.unit, u.base]],
      [checkMilestoneOp, { milestoneId: "x", decision: "pass" }, [u.enterprise, u.unit, u.expert, u.base]],
      [acceptanceOp, { challengeId: c.id, met: ["yes"], note: "验收意见" }, [u.enterprise, u.unit, u.expert, u.base]],
      [confirmAcceptanceOp, { challengeId: c.id, decision: "confirm" }, [u.ministry, u.sichuan, u.unit, u.expert, u.base]],
    ];
    for (const [op, input, refused] of matrix) {
      for (const who of refused) expect(await run(op, who, input), `${(op as AnyOp).operation} × ${who.roles[0].role}`).toEqual(REFUSED);
    }
    expect(await stateOf(c.id)).toBe("SUBMITTED");
    expect(await run(verifyChallengeOp, u.zhejiang, { challengeId: c.id, decision: "publish" })).toEqual(REFUSED);
    expect(await run(verifyChallengeOp, u.sichuan, { challengeId: c.id, decision: "publish" })).toMatchObject({ ok: true });
  });

  it("an enterprise in another province sits in its own province's queue", async () => {
    const org = await createOrganization(db, { type: "ENTERPRISE", regionCode: "330106" });
    const zjEnterprise = await userWith("ENTERPRISE", { organizationId: org.id });
    const r = await run(saveChallengeOp, zjEnterprise, { ...FORM(), intent: "submit" });
    const id = (r as { data: { id: string } }).data.id;
    expect((await db.challenge.findUniqueOrThrow({ where: { id } })).provinceCode).toBe(ZHEJIANG);
    expect(await run(verifyChallengeOp, u.sichuan, { challengeId: id, decision: "publish" })).toEqual(REFUSED);
    expect(await run(verifyChallengeOp, u.zhejiang, { challengeId: id, decision: "publish" })).toMatchObject({ ok: true });
  });
});
