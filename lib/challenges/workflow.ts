import type { ChallengeState } from "@/lib/generated/prisma/enums";
import { BID_STATE_LABEL, CHALLENGE_STATE_LABEL, MILESTONE_STATE_LABEL } from "@/lib/labels";
import { defineWorkflow } from "@/lib/workflow/define";

// 揭榜挂帅 as data (section 3 of the 2025 notice: 企业出题、政府发榜、人才攻关). The enterprise drafts and submits a
// challenge (and may withdraw it until it is published); the government of its province — the ministry for a national
// one — verifies and publishes it or returns it with a reason. Experts bid while it is published; the government
// closes bidding, has the bids reviewed (with recusal) and selects one (挂帅). The selected team reports milestones,
// each checked mid-term; the government then records the acceptance (验收) against the stated indicators and the
// enterprise confirms it: 验收通过 or 验收未通过. Every step is a conditional update on the state (and version).

export const CHALLENGE_WORKFLOW = defineWorkflow({
  entityLabel: "题目",
  stateLabel: CHALLENGE_STATE_LABEL,
  steps: {
    create: { label: "填写题目", from: [null], to: "DRAFT", operation: "challenge.create", reasonRequired: false },
    submit: { label: "提交发榜", from: ["DRAFT", "RETURNED"], to: "SUBMITTED", operation: "challenge.create", reasonRequired: false },
    withdraw: { label: "撤回", from: ["SUBMITTED"], to: "DRAFT", operation: "challenge.create", reasonRequired: false,
      refused: "只有待政府发榜的题目可以撤回，已发榜的题目不能撤回" },
    cancel: { label: "撤销题目", from: ["DRAFT", "RETURNED"], to: "CANCELLED", operation: "challenge.create", reasonRequired: false },
    publish: { label: "审核发榜", from: ["SUBMITTED"], to: "PUBLISHED", operation: "challenge.publish", reasonRequired: false,
      refused: "题目未经企业提交审核，不能发榜" },
    return: { label: "退回修改", from: ["SUBMITTED"], to: "RETURNED", operation: "challenge.publish", reasonRequired: true },
    close: { label: "截止揭榜", from: ["PUBLISHED"], to: "CLOSED", operation: "challenge.select", reasonRequired: false },
    select: { label: "挂帅（确定揭榜方）", from: ["CLOSED"], to: "AWARDED", operation: "challenge.select", reasonRequired: false,
      refused: "请先截止揭榜并组织评审，再确定揭榜方" },
    accept: { label: "验收", from: ["AWARDED"], to: "ACCEPTANCE", operation: "challenge.accept", reasonRequired: false },
    // The enterprise confirms the verdict: the challenge ends as the verdict said.
    confirm: { label: "确认验收结论", from: ["ACCEPTANCE"], to: ["COMPLETED", "FAILED"], operation: "challenge.confirm", reasonRequired: false },
    dispute: { label: "对验收结论提出异议", from: ["ACCEPTANCE"], to: "AWARDED", operation: "challenge.confirm", reasonRequired: true },
  },
  acts: {
    edit: { label: "修改题目", in: ["DRAFT", "RETURNED"], operation: "challenge.create" },
    bid: { label: "揭榜", in: ["PUBLISHED"], operation: "challenge.bid", refused: "该题目不在揭榜期内，不能揭榜" },
    assignReviewers: { label: "分配评审专家", in: ["CLOSED"], operation: "challenge.select", refused: "截止揭榜后才能分配评审专家" },
    review: { label: "评审揭榜方案", in: ["CLOSED"], operation: "challenge.review", refused: "该题目当前不在评审阶段" },
    report: { label: "报送里程碑进展", in: ["AWARDED"], operation: "challenge.progress", refused: "题目不在攻关阶段，不能报送进展" },
    check: { label: "中期检查", in: ["AWARDED"], operation: "challenge.accept", refused: "题目不在攻关阶段，不能进行中期检查" },
  },
  store: {
    model: "challenge",
    versioned: true,
    history: (tx, c) => tx.challengeEvent.create({
      data: { challengeId: c.id, action: CHALLENGE_STEP_EVENT[c.to] ?? CHALLENGE_STATE_LABEL[c.to], fromState: c.from, toState: c.to, actorId: c.actorId, comment: c.comment, createdAt: c.now },
    }),
  },
  conflict: "该题目已被他人处理或修改，请刷新后重试",
});

export type ChallengeStep = keyof typeof CHALLENGE_WORKFLOW.steps;

/** How the timeline names the arrival in a state. */
const CHALLENGE_STEP_EVENT: Partial<Record<ChallengeState, string>> = {
  DRAFT: "撤回为草稿", SUBMITTED: "提交发榜", RETURNED: "退回修改", PUBLISHED: "审核通过并发榜", CLOSED: "截止揭榜",
  AWARDED: "挂帅（确定揭榜方）", ACCEPTANCE: "出具验收结论", COMPLETED: "企业确认：验收通过", FAILED: "企业确认：验收未通过",
  CANCELLED: "撤销题目",
};

/** A bid: submitted while the challenge is published; withdrawn by its lead; selected or not when the challenge is awarded. */
export const BID_WORKFLOW = defineWorkflow({
  entityLabel: "揭榜方案",
  stateLabel: BID_STATE_LABEL,
  steps: {
    submit: { label: "揭榜", from: [null], to: "SUBMITTED", operation: "challenge.bid", reasonRequired: false },
    withdraw: { label: "撤回揭榜方案", from: ["SUBMITTED", "SHORTLISTED"], to: "WITHDRAWN", operation: "challenge.bid", reasonRequired: false },
    select: { label: "选定", from: ["SUBMITTED", "SHORTLISTED"], to: "SELECTED", operation: "system", reasonRequired: false },
    reject: { label: "未选定", from: ["SUBMITTED", "SHORTLISTED"], to: "REJECTED", operation: "system", reasonRequired: false },
  },
  store: { model: "challengeBid", versioned: false },
  conflict: "该揭榜方案已被处理，请刷新后重试",
});

/** A milestone of the selected team's plan: reported by the team, checked mid-term by the government (or sent back). */
export const MILESTONE_WORKFLOW = defineWorkflow({
  entityLabel: "里程碑",
  stateLabel: MILESTONE_STATE_LABEL,
  steps: {
    report: { label: "报送进展", from: ["PLANNED"], to: "REPORTED", operation: "challenge.progress", reasonRequired: true },
    pass: { label: "检查通过", from: ["REPORTED"], to: "PASSED", operation: "challenge.accept", reasonRequired: false,
      refused: "揭榜方尚未报送该里程碑的进展，不能检查通过" },
    return: { label: "退回补充", from: ["REPORTED"], to: "PLANNED", operation: "challenge.accept", reasonRequired: true },
  },
  store: { model: "challengeMilestone", versioned: false },
  conflict: "该里程碑已被他人处理，请刷新后重试",
});

/** States a challenge is visible in to the public and to experts (it has been published). */
export const PUBLIC_CHALLENGE_STATES: readonly ChallengeState[] = ["PUBLISHED", "CLOSED", "AWARDED", "ACCEPTANCE", "COMPLETED", "FAILED"];
/** Bids still in the running. */
export const OPEN_BID_STATES = ["SUBMITTED", "SHORTLISTED"] as const;
