import type { EngagementState, FeedbackParty, ServiceRecordState } from "@/lib/generated/prisma/enums";
import { ENGAGEMENT_STATE_LABEL, SERVICE_RECORD_STATE_LABEL } from "@/lib/labels";
import { defineWorkflow, type ActRule, type StepRule } from "@/lib/workflow/define";

// An engagement's life after the unit confirms the team (the match steps confirm/release are in
// lib/matches/workflow.ts), as data.
//
//   (confirm) → PLANNING ─start (both sides agreed the work plan)→ ACTIVE ─finish→ AWAITING_FEEDBACK
//                      ─close (both sides gave feedback)→ CLOSED          PLANNING/ACTIVE ─cancel (province)→ CANCELLED
//
// Within a state, acts change the engagement's content but not its state (editing and agreeing the plan, service
// records, feedback). Each act belongs to one side (UNIT = the need's unit, EXPERT = the expert, PROVINCE) and needs
// one permission operation over the engagement's scope (engagementScope and partyOf in lib/engagements/scope.ts).

export type Party = FeedbackParty | "PROVINCE";

export type EngagementStep = "start" | "finish" | "close" | "cancel";

/** "system" steps follow from an act (the second agreement, the second feedback). */
export const ENGAGEMENT_STEPS: Record<EngagementStep, StepRule<EngagementState>> = {
  start: { label: "开始服务", from: ["PLANNING"], to: "ACTIVE", operation: "system", reasonRequired: false },
  finish: { label: "结束服务", from: ["ACTIVE"], to: "AWAITING_FEEDBACK", operation: "engagement.finish", reasonRequired: false },
  close: { label: "完成评价", from: ["AWAITING_FEEDBACK"], to: "CLOSED", operation: "system", reasonRequired: false },
  cancel: { label: "取消服务项目", from: ["PLANNING", "ACTIVE"], to: "CANCELLED", operation: "engagement.cancel", reasonRequired: true },
};

export type EngagementAct =
  | "editPlan" | "agreePlan" | "logRecord" | "editRecord" | "confirmRecord" | "disputeRecord" | "finish" | "feedback" | "cancel";

/** Who may do what within a state; finish and cancel say which side may take those steps. */
export const ENGAGEMENT_ACTS: Record<EngagementAct, ActRule<EngagementState, Party> & { parties: readonly Party[] }> = {
  editPlan: { label: "修改工作方案", in: ["PLANNING"], operation: "engagement.plan", parties: ["UNIT", "EXPERT"] },
  agreePlan: { label: "同意工作方案", in: ["PLANNING"], operation: "engagement.plan", parties: ["UNIT", "EXPERT"] },
  logRecord: { label: "填写服务记录", in: ["ACTIVE"], operation: "engagement.log", parties: ["EXPERT"] },
  editRecord: { label: "修改服务记录", in: ["ACTIVE"], operation: "engagement.log", parties: ["EXPERT"] },
  confirmRecord: { label: "确认服务记录", in: ["ACTIVE"], operation: "engagement.confirm", parties: ["UNIT"] },
  disputeRecord: { label: "对服务记录提出异议", in: ["ACTIVE"], operation: "engagement.confirm", parties: ["UNIT"] },
  finish: { label: "结束服务", in: ENGAGEMENT_STEPS.finish.from, operation: "engagement.finish", parties: ["UNIT", "EXPERT"] },
  feedback: { label: "评价", in: ["AWAITING_FEEDBACK"], operation: "engagement.finish", parties: ["UNIT", "EXPERT"] },
  cancel: { label: "取消服务项目", in: ENGAGEMENT_STEPS.cancel.from, operation: "engagement.cancel", parties: ["PROVINCE"] },
};

export const ENGAGEMENT_WORKFLOW = defineWorkflow({
  entityLabel: "服务项目",
  stateLabel: ENGAGEMENT_STATE_LABEL,
  steps: ENGAGEMENT_STEPS,
  acts: ENGAGEMENT_ACTS,
  store: { model: "engagement", versioned: true },
  conflict: "该服务项目已被处理，请刷新后重试",
});

/** States in which the engagement still holds the expert's place (and keeps its need from completing). */
export const LIVE_STATES: readonly EngagementState[] = ["PLANNING", "ACTIVE", "AWAITING_FEEDBACK"];
export const isLive = (state: EngagementState): boolean => LIVE_STATES.includes(state);

export const canStep = ENGAGEMENT_WORKFLOW.canStep;
/** The state `step` leads to from `from`, or an INVALID_TRANSITION error in Chinese. */
export const nextEngagementState = ENGAGEMENT_WORKFLOW.next;
/** Whether the act is possible in the state, and — when a side is given — by that side (null: no side). */
export const canAct = ENGAGEMENT_WORKFLOW.canAct;
/** Refuse an act the engagement's state does not allow, in Chinese. */
export const assertAct = ENGAGEMENT_WORKFLOW.assertAct;

// ─── Service records ──────────────────────────────────────────────────────────

export type RecordStep = "confirm" | "dispute" | "edit";

export const RECORD_STEPS: Record<RecordStep, StepRule<ServiceRecordState>> = {
  confirm: { label: "确认", from: ["SUBMITTED"], to: "CONFIRMED", operation: "engagement.confirm", reasonRequired: false },
  dispute: { label: "提出异议", from: ["SUBMITTED"], to: "DISPUTED", operation: "engagement.confirm", reasonRequired: true },
  edit: { label: "修改", from: ["SUBMITTED", "DISPUTED"], to: "SUBMITTED", operation: "engagement.log", reasonRequired: false },
};

export const RECORD_WORKFLOW = defineWorkflow({
  entityLabel: "服务记录",
  stateLabel: SERVICE_RECORD_STATE_LABEL,
  steps: RECORD_STEPS,
  store: { model: "serviceRecord", versioned: true },
  refusal: (from, label) => `该服务记录${from ? SERVICE_RECORD_STATE_LABEL[from] : "不存在"}，不能${label}`,
  conflict: "该服务记录已被处理或修改，请刷新后重试",
});

export const canRecordStep = RECORD_WORKFLOW.canStep;
export const nextRecordState = RECORD_WORKFLOW.next;

// ─── Conditions on the data ───────────────────────────────────────────────────

type PlanFields = {
  planGoals: string | null; planSchedule: string | null; planPlace: string | null; planDeliverables: string | null;
  planForms: readonly string[];
};

/** What the work plan still lacks before it can be agreed (labels in Chinese; empty when complete). */
export function missingPlanParts(plan: PlanFields): string[] {
  const missing: string[] = [];
  if (!plan.planGoals?.trim()) missing.push("服务目标");
  if (!plan.planSchedule?.trim()) missing.push("进度安排");
  if (!plan.planForms.length) missing.push("服务形式");
  if (!plan.planPlace?.trim()) missing.push("服务地点");
  if (!plan.planDeliverables?.trim()) missing.push("预期成果");
  return missing;
}

/** Why the engagement cannot be finished yet, or null: one confirmed record at least, none waiting for the unit. */
export function finishBlocker(counts: Partial<Record<ServiceRecordState, number>>): string | null {
  if ((counts.SUBMITTED ?? 0) > 0) return `还有 ${counts.SUBMITTED} 条服务记录待单位确认，确认或提出异议后才能结束服务`;
  if ((counts.CONFIRMED ?? 0) === 0) return "至少要有 1 条经单位确认的服务记录，才能结束服务";
  return null;
}

/** The side whose agreement a plan edit by `party` clears (the other side's). */
export function otherSide(party: FeedbackParty): FeedbackParty {
  return party === "UNIT" ? "EXPERT" : "UNIT";
}
