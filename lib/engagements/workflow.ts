import type { Operation } from "@/lib/auth/permissions";
import { invalidTransition } from "@/lib/errors";
import type { EngagementState, FeedbackParty, ServiceRecordState } from "@/lib/generated/prisma/enums";
import { ENGAGEMENT_STATE_LABEL, SERVICE_RECORD_STATE_LABEL } from "@/lib/labels";

// An engagement's life after the unit confirms the team (the match steps confirm/release are in lib/matches), as data.
//
//   (confirm) → PLANNING ─start (both sides agreed the work plan)→ ACTIVE ─finish→ AWAITING_FEEDBACK
//                      ─close (both sides gave feedback)→ CLOSED          PLANNING/ACTIVE ─cancel (province)→ CANCELLED
//
// Within a state, acts change the engagement's content but not its state (editing and agreeing the plan, service
// records, feedback). Each act belongs to one side (UNIT = the need's unit, EXPERT = the expert, PROVINCE) and needs
// one permission operation over the engagement's scope (lib/matches/scope.ts).

export type Party = FeedbackParty | "PROVINCE";

export type EngagementStep = "start" | "finish" | "close" | "cancel";

type StepRule = {
  label: string;
  from: readonly EngagementState[];
  to: EngagementState;
  /** "system" steps follow from an act (the second agreement, the second feedback). */
  operation: Operation | "system";
  reasonRequired: boolean;
};

export const ENGAGEMENT_STEPS: Record<EngagementStep, StepRule> = {
  start: { label: "开始服务", from: ["PLANNING"], to: "ACTIVE", operation: "system", reasonRequired: false },
  finish: { label: "结束服务", from: ["ACTIVE"], to: "AWAITING_FEEDBACK", operation: "engagement.finish", reasonRequired: false },
  close: { label: "完成评价", from: ["AWAITING_FEEDBACK"], to: "CLOSED", operation: "system", reasonRequired: false },
  cancel: { label: "取消服务项目", from: ["PLANNING", "ACTIVE"], to: "CANCELLED", operation: "engagement.cancel", reasonRequired: true },
};

export type EngagementAct =
  | "editPlan" | "agreePlan" | "logRecord" | "editRecord" | "confirmRecord" | "disputeRecord" | "finish" | "feedback" | "cancel";

type ActRule = {
  label: string;
  /** States in which the act is possible. */
  in: readonly EngagementState[];
  operation: Operation;
  /** Who may do it. */
  parties: readonly Party[];
};

export const ENGAGEMENT_ACTS: Record<EngagementAct, ActRule> = {
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

/** States in which the engagement still holds the expert's place (and keeps its need from completing). */
export const LIVE_STATES: readonly EngagementState[] = ["PLANNING", "ACTIVE", "AWAITING_FEEDBACK"];
export const isLive = (state: EngagementState): boolean => LIVE_STATES.includes(state);

export function canStep(step: EngagementStep, from: EngagementState): boolean {
  return ENGAGEMENT_STEPS[step].from.includes(from);
}

/** The state `step` leads to from `from`, or an INVALID_TRANSITION error in Chinese. */
export function nextEngagementState(step: EngagementStep, from: EngagementState): EngagementState {
  const rule = ENGAGEMENT_STEPS[step];
  if (!rule.from.includes(from)) throw invalidTransition(`服务项目当前为“${ENGAGEMENT_STATE_LABEL[from]}”，不能${rule.label}`);
  return rule.to;
}

export function canAct(act: EngagementAct, state: EngagementState, party?: Party | null): boolean {
  const rule = ENGAGEMENT_ACTS[act];
  return rule.in.includes(state) && (party === undefined || (party !== null && rule.parties.includes(party)));
}

/** Refuse an act the engagement's state does not allow, in Chinese. */
export function assertAct(act: EngagementAct, state: EngagementState): void {
  const rule = ENGAGEMENT_ACTS[act];
  if (!rule.in.includes(state)) throw invalidTransition(`服务项目当前为“${ENGAGEMENT_STATE_LABEL[state]}”，不能${rule.label}`);
}

// ─── Service records ──────────────────────────────────────────────────────────

export type RecordStep = "confirm" | "dispute" | "edit";

type RecordRule = { label: string; from: readonly ServiceRecordState[]; to: ServiceRecordState; reasonRequired: boolean };

export const RECORD_STEPS: Record<RecordStep, RecordRule> = {
  confirm: { label: "确认", from: ["SUBMITTED"], to: "CONFIRMED", reasonRequired: false },
  dispute: { label: "提出异议", from: ["SUBMITTED"], to: "DISPUTED", reasonRequired: true },
  edit: { label: "修改", from: ["SUBMITTED", "DISPUTED"], to: "SUBMITTED", reasonRequired: false },
};

export function canRecordStep(step: RecordStep, from: ServiceRecordState): boolean {
  return RECORD_STEPS[step].from.includes(from);
}

export function nextRecordState(step: RecordStep, from: ServiceRecordState): ServiceRecordState {
  const rule = RECORD_STEPS[step];
  if (!rule.from.includes(from)) throw invalidTransition(`该服务记录${SERVICE_RECORD_STATE_LABEL[from]}，不能${rule.label}`);
  return rule.to;
}

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
