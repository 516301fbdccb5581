import type { Operation } from "@/lib/auth/permissions";
import type { NeedState } from "@/lib/generated/prisma/enums";
import { NEED_STATE_LABEL } from "@/lib/labels";
import { defineWorkflow, type StepRule } from "@/lib/workflow/define";

// The intake and review part of a need's life, as data; the service part (OPEN → MATCHED → IN_SERVICE → COMPLETED)
// follows from its engagements (NEED_SERVICE_STEPS, taken by lib/engagements/service.ts). Every step is a
// conditional update on the need's state and version, with an event on the need's timeline.

export type NeedStep = "submit" | "approve" | "return" | "reject" | "withdraw";

export const NEED_STEPS: Record<NeedStep, StepRule<NeedState, NeedState, Operation>> = {
  submit: { label: "提交审核", from: ["DRAFT", "RETURNED"], to: "SUBMITTED", operation: "need.update", reasonRequired: false },
  approve: { label: "审核通过", from: ["SUBMITTED"], to: "OPEN", operation: "need.review", reasonRequired: false },
  return: { label: "退回修改", from: ["SUBMITTED"], to: "RETURNED", operation: "need.review", reasonRequired: true },
  reject: { label: "不予通过", from: ["SUBMITTED"], to: "REJECTED", operation: "need.review", reasonRequired: true },
  withdraw: { label: "撤销需求", from: ["DRAFT", "SUBMITTED", "RETURNED"], to: "CANCELLED", operation: "need.update", reasonRequired: false },
};

/**
 * Steps that follow from the need's engagements: the first confirmed expert (match), the first agreed work plan
 * (serve), every engagement closed or cancelled with at least one closed (complete), every one cancelled (reopen).
 */
export type NeedServiceStep = "match" | "serve" | "complete" | "reopen";

export const NEED_SERVICE_STEPS: Record<NeedServiceStep, StepRule<NeedState, NeedState, Operation>> = {
  match: { label: "确认专家团队", from: ["OPEN"], to: "MATCHED", operation: "engagement.confirm", reasonRequired: false },
  serve: { label: "开始服务", from: ["MATCHED"], to: "IN_SERVICE", operation: "engagement.plan", reasonRequired: false },
  complete: { label: "完成服务", from: ["MATCHED", "IN_SERVICE"], to: "COMPLETED", operation: "engagement.finish", reasonRequired: false },
  reopen: { label: "重新匹配", from: ["MATCHED", "IN_SERVICE"], to: "OPEN", operation: "engagement.cancel", reasonRequired: false },
};

/** States in which the unit may change the need's content and attachments. */
export const EDITABLE_STATES: readonly NeedState[] = ["DRAFT", "RETURNED"];

export const NEED_WORKFLOW = defineWorkflow({
  entityLabel: "需求",
  stateLabel: NEED_STATE_LABEL,
  steps: { ...NEED_STEPS, ...NEED_SERVICE_STEPS },
  acts: {
    edit: { label: "修改", in: EDITABLE_STATES, operation: "need.update" },
    attach: { label: "增删附件", in: EDITABLE_STATES, operation: "need.update" },
  },
  store: {
    model: "need",
    versioned: true,
    history: (tx, c) =>
      tx.needEvent.create({ data: { needId: c.id, fromState: c.from, toState: c.to, actorId: c.actorId, comment: c.comment, createdAt: c.now } }),
  },
  conflict: "该需求已被他人处理或修改，请刷新后重试",
});

export const isEditable = (state: NeedState): boolean => NEED_WORKFLOW.canAct("edit", state);
export const canStep = NEED_WORKFLOW.canStep;
/** The state `step` leads to from `from`, or an INVALID_TRANSITION error in Chinese. */
export const nextState = NEED_WORKFLOW.next;

/** The unit's and the province's steps available from a state (the detail page offers these, by permission). */
export function stepsFrom(from: NeedState): NeedStep[] {
  return NEED_WORKFLOW.stepsFrom(from).filter((s): s is NeedStep => s in NEED_STEPS);
}
