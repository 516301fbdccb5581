import type { BaseState, RectificationState } from "@/lib/generated/prisma/enums";
import { BASE_STATE_LABEL, RECTIFICATION_STATE_LABEL } from "@/lib/labels";
import { defineWorkflow } from "@/lib/workflow/define";

// A service base's life as data (sections 6 and 7 of the 2025 notice): the host applies (草稿 → 待省级审核, back and forth
// with 退回修改), the province approves (a provincial base is then established; a national one waits for the
// ministry), an established base reports yearly and is evaluated; a poor one gets a rectification order
// (限期整改) and, on re-evaluation, passes back to 已设立 or is removed (调整退出). Every step is a conditional update
// on the state and version, with a row on the base's timeline.

export const BASE_WORKFLOW = defineWorkflow({
  entityLabel: "基地",
  stateLabel: BASE_STATE_LABEL,
  steps: {
    create: { label: "填写申请", from: [null], to: "DRAFT", operation: "base.apply", reasonRequired: false },
    submit: { label: "提交申请", from: ["DRAFT", "RETURNED"], to: "APPLIED", operation: "base.apply", reasonRequired: false },
    // A provincial base is established by the province; a national one goes on to the ministry.
    approve: { label: "审核通过", from: ["APPLIED"], to: ["ESTABLISHED", "PROVINCE_APPROVED"], operation: "base.review", reasonRequired: false },
    return: { label: "退回修改", from: ["APPLIED"], to: "RETURNED", operation: "base.review", reasonRequired: true },
    reject: { label: "不予通过", from: ["APPLIED"], to: "REJECTED", operation: "base.review", reasonRequired: true },
    approveNational: { label: "审定设立", from: ["PROVINCE_APPROVED"], to: "ESTABLISHED", operation: "base.approveNational", reasonRequired: false },
    rejectNational: { label: "不予设立", from: ["PROVINCE_APPROVED"], to: "REJECTED", operation: "base.approveNational", reasonRequired: true },
    rectify: { label: "下达限期整改", from: ["ESTABLISHED"], to: "RECTIFYING", operation: "base.rectify", reasonRequired: true },
    pass: { label: "整改通过", from: ["RECTIFYING"], to: "ESTABLISHED", operation: "base.rectify", reasonRequired: false },
    remove: { label: "调整退出", from: ["RECTIFYING"], to: "REMOVED", operation: "base.rectify", reasonRequired: true },
  },
  acts: {
    edit: { label: "修改申请", in: ["DRAFT", "RETURNED"], operation: "base.apply" },
    report: { label: "报送年度报告", in: ["ESTABLISHED", "RECTIFYING"], operation: "base.report",
      refused: "只有已设立的基地才能报送年度报告" },
    evaluate: { label: "年度评估", in: ["ESTABLISHED"], operation: "base.evaluate",
      refused: "只有已设立的基地才能进行年度评估" },
  },
  store: {
    model: "serviceBase",
    versioned: true,
    history: (tx, c) => tx.baseEvent.create({
      data: { baseId: c.id, action: BASE_STEP_EVENT[c.to] ?? BASE_STATE_LABEL[c.to], fromState: c.from, toState: c.to, actorId: c.actorId, comment: c.comment, createdAt: c.now },
    }),
  },
  conflict: "该基地已被他人处理或修改，请刷新后重试",
});

/** How the timeline names the arrival in a state. */
const BASE_STEP_EVENT: Partial<Record<BaseState, string>> = {
  APPLIED: "提交申请", RETURNED: "退回修改", REJECTED: "不予通过", PROVINCE_APPROVED: "省级审核通过，报部级审定",
  ESTABLISHED: "设立（或整改通过）", RECTIFYING: "下达限期整改", REMOVED: "调整退出",
};

export type BaseStep = keyof typeof BASE_WORKFLOW.steps;

/** A rectification order: issued with a deadline, answered by the base, decided by the province. */
export const RECTIFICATION_WORKFLOW = defineWorkflow({
  entityLabel: "整改通知",
  stateLabel: RECTIFICATION_STATE_LABEL,
  steps: {
    issue: { label: "下达整改通知", from: [null], to: "ISSUED", operation: "base.rectify", reasonRequired: true },
    respond: { label: "提交整改报告", from: ["ISSUED"], to: "RESPONDED", operation: "base.report", reasonRequired: true },
    pass: { label: "整改通过", from: ["RESPONDED"], to: "PASSED", operation: "base.rectify", reasonRequired: false,
      refused: "基地尚未提交整改报告，不能认定整改通过" },
    // No answer by the deadline (escalated) is a failure too.
    fail: { label: "整改未通过", from: ["ISSUED", "RESPONDED"], to: "FAILED", operation: "base.rectify", reasonRequired: true },
  },
  store: { model: "rectificationOrder", versioned: false },
  conflict: "该整改通知已被他人处理，请刷新后重试",
});

export type RectificationStep = keyof typeof RECTIFICATION_WORKFLOW.steps;
export const OPEN_RECTIFICATION: readonly RectificationState[] = ["ISSUED", "RESPONDED"];
/** Bases shown on the public list. */
export const PUBLIC_BASE_STATES: readonly BaseState[] = ["ESTABLISHED", "RECTIFYING", "REMOVED"];
