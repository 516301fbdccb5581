import { describe, expect, it } from "vitest";
import { describeWorkflowTable, refusal } from "./workflow-table";
import type { BidState, ChallengeState, MilestoneState } from "@/lib/generated/prisma/enums";
import { BID_STATE_LABEL, CHALLENGE_STATE_LABEL, MILESTONE_STATE_LABEL } from "@/lib/labels";
import type { SessionUser } from "@/lib/auth/roles";
import { acceptanceSchema, bidSchema, challengeSchema, verifySchema } from "@/lib/challenges/schemas";
import { governmentRefusal, governmentScope } from "@/lib/challenges/service";
import {
  BID_WORKFLOW, CHALLENGE_WORKFLOW, MILESTONE_WORKFLOW, PUBLIC_CHALLENGE_STATES, type ChallengeStep,
} from "@/lib/challenges/workflow";

const STATES = Object.keys(CHALLENGE_STATE_LABEL) as ChallengeState[];
const STEPS = Object.keys(CHALLENGE_WORKFLOW.steps) as ChallengeStep[];

// The table, written out once more by hand: a change to workflow.ts must be deliberate here too.
const LEGAL: Record<ChallengeStep, Partial<Record<ChallengeState | "null", ChallengeState | ChallengeState[]>>> = {
  create: { null: "DRAFT" },
  submit: { DRAFT: "SUBMITTED", RETURNED: "SUBMITTED" },
  withdraw: { SUBMITTED: "DRAFT" },
  cancel: { DRAFT: "CANCELLED", RETURNED: "CANCELLED" },
  publish: { SUBMITTED: "PUBLISHED" },
  return: { SUBMITTED: "RETURNED" },
  close: { PUBLISHED: "CLOSED" },
  select: { CLOSED: "AWARDED" },
  accept: { AWARDED: "ACCEPTANCE" },
  confirm: { ACCEPTANCE: ["COMPLETED", "FAILED"] },
  dispute: { ACCEPTANCE: "AWARDED" },
};

describeWorkflowTable("challenge workflow table", {
  workflow: CHALLENGE_WORKFLOW, states: STATES, steps: STEPS, legal: LEGAL,
  refused: (step, from) => {
    const rule = CHALLENGE_WORKFLOW.steps[step];
    return rule.refused ?? (from === null ? `尚无题目，不能${rule.label}` : `题目当前为“${CHALLENGE_STATE_LABEL[from]}”，不能${rule.label}`);
  },
});

describe("challenge workflow rules", () => {
  it("can't publish without verification: only a submitted challenge is published", () => {
    for (const s of STATES.filter((x) => x !== "SUBMITTED")) expect(CHALLENGE_WORKFLOW.canStep("publish", s)).toBe(false);
    expect(refusal(() => CHALLENGE_WORKFLOW.next("publish", "DRAFT")).message).toBe("题目未经企业提交审核，不能发榜");
  });

  it("requires a reason exactly for return and dispute", () => {
    expect(STEPS.filter((s) => CHALLENGE_WORKFLOW.steps[s].reasonRequired)).toEqual(["return", "dispute"]);
  });

  it("takes bids only while published; edits drafts and returned ones; reviews while closed; reports and checks while awarded", () => {
    expect(STATES.filter((s) => CHALLENGE_WORKFLOW.canAct("bid", s))).toEqual(["PUBLISHED"]);
    expect(STATES.filter((s) => CHALLENGE_WORKFLOW.canAct("edit", s))).toEqual(["DRAFT", "RETURNED"]);
    expect(STATES.filter((s) => CHALLENGE_WORKFLOW.canAct("review", s))).toEqual(["CLOSED"]);
    expect(STATES.filter((s) => CHALLENGE_WORKFLOW.canAct("report", s))).toEqual(["AWARDED"]);
    expect(refusal(() => CHALLENGE_WORKFLOW.assertAct("bid", "CLOSED")).message).toBe("该题目不在揭榜期内，不能揭榜");
  });

  it("shows the public only what has been published", () => {
    expect([...PUBLIC_CHALLENGE_STATES].sort()).toEqual(["ACCEPTANCE", "AWARDED", "CLOSED", "COMPLETED", "FAILED", "PUBLISHED"]);
  });

  it("offers each side its own buttons: the province of the enterprise, the ministry for national ones, the enterprise its own", () => {
    const province: SessionUser = { id: "p", username: "p", displayName: "p", roles: [{ role: "PROVINCE_ADMIN", provinceCode: "51", organizationId: null }] };
    const ministry: SessionUser = { id: "m", username: "m", displayName: "m", roles: [{ role: "MINISTRY_ADMIN", provinceCode: null, organizationId: null }] };
    const enterprise: SessionUser = { id: "e", username: "e", displayName: "e", roles: [{ role: "ENTERPRISE", provinceCode: null, organizationId: "org" }] };
    const local = { national: false, provinceCode: "51" };
    const national = { national: true, provinceCode: "51" };
    expect(CHALLENGE_WORKFLOW.allowed(province, "SUBMITTED", governmentScope(local))).toMatchObject({ publish: true, return: true, submit: false });
    expect(CHALLENGE_WORKFLOW.allowed(province, "SUBMITTED", governmentScope(national))).toMatchObject({ publish: false });
    expect(CHALLENGE_WORKFLOW.allowed(ministry, "SUBMITTED", governmentScope(national))).toMatchObject({ publish: true });
    expect(governmentRefusal(local, ["national"])).toBe("该题目为省级题目，由企业所在省级人社部门发榜和管理");
    expect(governmentRefusal(national, ["national"])).toBeNull();
    expect(CHALLENGE_WORKFLOW.allowed(enterprise, "DRAFT", { organizationId: "org" })).toMatchObject({ submit: true, edit: true, cancel: true, publish: false });
    expect(CHALLENGE_WORKFLOW.allowed(enterprise, "ACCEPTANCE", { organizationId: "org" })).toMatchObject({ confirm: true, dispute: true });
    expect(CHALLENGE_WORKFLOW.allowed(enterprise, "DRAFT", { organizationId: "other" })).toMatchObject({ submit: false });
  });
});

describe("bid and milestone tables", () => {
  const BIDS = Object.keys(BID_STATE_LABEL) as BidState[];
  it("a bid is withdrawn, selected or not only while in the running", () => {
    for (const step of ["withdraw", "select", "reject"] as const) {
      expect(BIDS.filter((s) => BID_WORKFLOW.canStep(step, s))).toEqual(["SUBMITTED", "SHORTLISTED"]);
    }
    expect(refusal(() => BID_WORKFLOW.next("withdraw", "SELECTED")).message).toBe("揭榜方案当前为“已选定”，不能撤回揭榜方案");
  });
  it("a milestone is reported, then passed or sent back", () => {
    const M = Object.keys(MILESTONE_STATE_LABEL) as MilestoneState[];
    expect(M.filter((s) => MILESTONE_WORKFLOW.canStep("report", s))).toEqual(["PLANNED"]);
    expect(M.filter((s) => MILESTONE_WORKFLOW.canStep("pass", s))).toEqual(["REPORTED"]);
    expect(MILESTONE_WORKFLOW.next("return", "REPORTED")).toBe("PLANNED");
    expect(refusal(() => MILESTONE_WORKFLOW.next("pass", "PLANNED")).message).toBe("揭榜方尚未报送该里程碑的进展，不能检查通过");
  });
});

describe("challenge forms", () => {
  const form = {
    title: "花椒连续化烘干装备研制", problem: "鲜花椒烘干依赖人工翻烤，色泽和开口率不稳定，能耗高，企业缺少装备。",
    indicators: "烘干周期不超过10小时\r\n\r\n 色泽达到一级品标准 ", rewardYuan: "600000", bidDeadline: "2027-01-31", ipTerms: "知识产权归企业所有",
  };
  it("reads indicators one per line, blank lines dropped; an unticked box is not national", () => {
    const v = challengeSchema.parse(form);
    expect(v.indicators).toEqual(["烘干周期不超过10小时", "色泽达到一级品标准"]);
    expect(v.national).toBe(false);
    expect(v.intent).toBe("save");
  });
  it("refuses missing indicators, a bad reward and a bad date", () => {
    for (const bad of [{ indicators: "" }, { rewardYuan: "0" }, { rewardYuan: "1.5" }, { bidDeadline: "明年" }, { ipTerms: "" }]) {
      expect(challengeSchema.safeParse({ ...form, ...bad }).success).toBe(false);
    }
  });
  it("a return needs a reason", () => {
    expect(verifySchema.safeParse({ challengeId: "c", decision: "return", reason: "" }).success).toBe(false);
    expect(verifySchema.safeParse({ challengeId: "c", decision: "publish" }).success).toBe(true);
  });
  it("a bid's rows: blank ones dropped, a member twice refused, at least one milestone", () => {
    const base = { challengeId: "c", proposal: "采用分段工艺优化与装备改造相结合的技术路线，确保指标达到。", plan: "先小试后中试，分两阶段实施。" };
    const ok = bidSchema.parse({ ...base, memberIds: ["a", "", "b"], memberRoles: ["博士后", "专家", "导师"], milestoneTitles: ["完成小试", ""], milestoneDates: ["2027-03-01", ""] });
    expect(ok.members).toEqual([{ expertId: "a", role: "博士后" }, { expertId: "b", role: "导师" }]);
    expect(ok.milestones).toEqual([{ title: "完成小试", dueOn: "2027-03-01" }]);
    expect(bidSchema.safeParse({ ...base, memberIds: ["a", "a"], memberRoles: ["专家", "导师"], milestoneTitles: "完成小试", milestoneDates: "2027-03-01" }).success).toBe(false);
    expect(bidSchema.safeParse({ ...base, memberIds: "a", memberRoles: "校长", milestoneTitles: "完成小试", milestoneDates: "2027-03-01" }).success).toBe(false);
    expect(bidSchema.safeParse({ ...base, milestoneTitles: "", milestoneDates: "" }).success).toBe(false);
  });
  it("the acceptance reads one radio group per indicator", () => {
    expect(acceptanceSchema.parse({ challengeId: "c", "met-0": "yes", "met-1": "no", note: "指标二未达到" }).met).toEqual(["yes", "no"]);
    expect(acceptanceSchema.safeParse({ challengeId: "c", "met-1": "no", note: "指标二未达到" }).success).toBe(false);
  });
});
