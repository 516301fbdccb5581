import type { Operation } from "@/lib/auth/permissions";
import { invalidTransition } from "@/lib/errors";
import type { NeedState } from "@/lib/generated/prisma/enums";
import { NEED_STATE_LABEL } from "@/lib/labels";

// The intake and review part of a need's life, as data; the service part (OPEN → MATCHED → IN_SERVICE → COMPLETED)
// follows from its engagements (NEED_SERVICE_STEPS, taken by lib/engagements/service.ts).

export type NeedStep = "submit" | "approve" | "return" | "reject" | "withdraw";

type StepRule = {
  label: string;
  from: readonly NeedState[];
  to: NeedState;
  /** The permission operation the actor needs over the need. */
  operation: Operation;
  /** A reason must be given (shown to the unit). */
  reasonRequired: boolean;
};

export const NEED_STEPS: Record<NeedStep, StepRule> = {
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

export const NEED_SERVICE_STEPS: Record<NeedServiceStep, StepRule> = {
  match: { label: "确认专家团队", from: ["OPEN"], to: "MATCHED", operation: "engagement.confirm", reasonRequired: false },
  serve: { label: "开始服务", from: ["MATCHED"], to: "IN_SERVICE", operation: "engagement.plan", reasonRequired: false },
  complete: { label: "完成服务", from: ["MATCHED", "IN_SERVICE"], to: "COMPLETED", operation: "engagement.finish", reasonRequired: false },
  reopen: { label: "重新匹配", from: ["MATCHED", "IN_SERVICE"], to: "OPEN", operation: "engagement.cancel", reasonRequired: false },
};

export const stepRule = (step: NeedStep | NeedServiceStep): StepRule =>
  step in NEED_STEPS ? NEED_STEPS[step as NeedStep] : NEED_SERVICE_STEPS[step as NeedServiceStep];

/** States in which the unit may change the need's content and attachments. */
export const EDITABLE_STATES: readonly NeedState[] = ["DRAFT", "RETURNED"];

export function isEditable(state: NeedState): boolean {
  return EDITABLE_STATES.includes(state);
}

export function canStep(step: NeedStep | NeedServiceStep, from: NeedState): boolean {
  return stepRule(step).from.includes(from);
}

/** The state `step` leads to from `from`, or an INVALID_TRANSITION error in Chinese. */
export function nextState(step: NeedStep | NeedServiceStep, from: NeedState): NeedState {
  const rule = stepRule(step);
  if (!rule.from.includes(from)) {
    throw invalidTransition(`需求当前为“${NEED_STATE_LABEL[from]}”，不能${rule.label}`);
  }
  return rule.to;
}

/** Steps available from a state (the detail page offers these, filtered by the user's permissions). */
export function stepsFrom(from: NeedState): NeedStep[] {
  return (Object.keys(NEED_STEPS) as NeedStep[]).filter((s) => canStep(s, from));
}
