import type { CaseState } from "@/lib/generated/prisma/enums";
import { CASE_STATE_LABEL } from "@/lib/labels";
import { defineWorkflow } from "@/lib/workflow/define";

// A typical case's life as data (section 8 of the 2025 notice): a province (its own) or the ministry (any) writes it
// from a shortlisted source and sends it for review; the ministry publishes it, returns it with a reason, or
// declines it; a published case can be withdrawn with a reason (it leaves the portal at once) and then reworked.
// Every step is a conditional update on the state and version, with a row on the case's timeline.

export const CASE_WORKFLOW = defineWorkflow({
  entityLabel: "案例",
  stateLabel: CASE_STATE_LABEL,
  steps: {
    create: { label: "撰写案例", from: [null], to: "DRAFT", operation: "case.submit", reasonRequired: false },
    submit: { label: "送审", from: ["DRAFT", "RETURNED"], to: "SUBMITTED", operation: "case.submit", reasonRequired: false },
    publish: { label: "审核通过并发布", from: ["SUBMITTED"], to: "PUBLISHED", operation: "case.publish", reasonRequired: false },
    return: { label: "退回修改", from: ["SUBMITTED"], to: "RETURNED", operation: "case.publish", reasonRequired: true },
    reject: { label: "不予采用", from: ["SUBMITTED"], to: "REJECTED", operation: "case.publish", reasonRequired: true },
    withdraw: { label: "撤回", from: ["PUBLISHED"], to: "WITHDRAWN", operation: "case.publish", reasonRequired: true,
      refused: "只有已发布的案例才能撤回" },
    reopen: { label: "重新编辑", from: ["WITHDRAWN"], to: "DRAFT", operation: "case.submit", reasonRequired: false },
  },
  acts: {
    edit: { label: "修改案例", in: ["DRAFT", "RETURNED"], operation: "case.submit" },
  },
  store: {
    model: "typicalCase",
    versioned: true,
    history: (tx, c) => tx.caseEvent.create({
      data: { caseId: c.id, action: CASE_STEP_EVENT[c.to], fromState: c.from, toState: c.to, actorId: c.actorId, comment: c.comment, createdAt: c.now },
    }),
  },
  conflict: "该案例已被他人处理或修改，请刷新后重试",
});

/** How the timeline names the arrival in a state. */
const CASE_STEP_EVENT: Record<CaseState, string> = {
  DRAFT: "重新编辑", SUBMITTED: "送审", PUBLISHED: "审核通过并发布", RETURNED: "退回修改", REJECTED: "不予采用", WITHDRAWN: "撤回",
};

export type CaseStep = keyof typeof CASE_WORKFLOW.steps;

/** A source with a case in one of these states has its case: it leaves the shortlist. */
export const LIVE_CASE_STATES: readonly CaseState[] = ["DRAFT", "SUBMITTED", "RETURNED", "PUBLISHED"];
