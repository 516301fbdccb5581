import type { MatchState } from "@/lib/generated/prisma/enums";
import { MATCH_STATE_LABEL } from "@/lib/labels";
import { defineWorkflow, type StepRule } from "@/lib/workflow/define";

// A match's life (need × expert), as data. Engagements (after the unit confirms the team) live in lib/engagements.
//
//   (new) ─propose→ PROPOSED ─invite→ INVITED ─accept→ ACCEPTED ─confirm→ CONFIRMED (an Engagement begins)
//   (new) ─invite/assign→ INVITED          INVITED ─decline→ DECLINED · ─expire→ EXPIRED · ─withdraw→ WITHDRAWN
//   (new) ─apply→ APPLIED ─approve→ ACCEPTED · ─reject→ REJECTED          ACCEPTED ─release→ WITHDRAWN
//
// A match in INVITED, ACCEPTED or CONFIRMED holds one of the expert's places (ExpertProfile.activeEngagements, see
// capacity.ts) and one of the need's seats (Need.expertsWanted). A CONFIRMED match gives its place back when its
// engagement closes or is cancelled. EXPIRED, WITHDRAWN and REJECTED matches may be invited again; DECLINED may not.

export type MatchStep = "propose" | "invite" | "accept" | "decline" | "expire" | "withdraw" | "apply" | "approve" | "reject" | "confirm" | "release";

const REOPENABLE: readonly (MatchState | null)[] = [null, "EXPIRED", "WITHDRAWN", "REJECTED"];

/** `null` in `from` means "no match row yet" (the step creates it). */
export const MATCH_STEPS: Record<MatchStep, StepRule<MatchState, MatchState | null>> = {
  propose: { label: "列入分配方案", from: [...REOPENABLE, "PROPOSED"], to: "PROPOSED", operation: "match.invite", reasonRequired: false },
  invite: { label: "邀请专家", from: [...REOPENABLE, "PROPOSED"], to: "INVITED", operation: "match.invite", reasonRequired: false },
  accept: { label: "接受邀请", from: ["INVITED"], to: "ACCEPTED", operation: "match.respond", reasonRequired: false },
  decline: { label: "婉拒邀请", from: ["INVITED"], to: "DECLINED", operation: "match.respond", reasonRequired: true },
  expire: { label: "超期未答复", from: ["INVITED"], to: "EXPIRED", operation: "system", reasonRequired: false },
  withdraw: { label: "撤回", from: ["PROPOSED", "INVITED", "ACCEPTED"], to: "WITHDRAWN", operation: "match.invite", reasonRequired: true },
  apply: { label: "申请承接", from: REOPENABLE, to: "APPLIED", operation: "match.apply", reasonRequired: false },
  approve: { label: "同意申请", from: ["APPLIED"], to: "ACCEPTED", operation: "match.invite", reasonRequired: false },
  reject: { label: "不同意申请", from: ["APPLIED"], to: "REJECTED", operation: "match.invite", reasonRequired: true },
  confirm: { label: "确认专家", from: ["ACCEPTED"], to: "CONFIRMED", operation: "engagement.confirm", reasonRequired: false },
  release: { label: "不予确认", from: ["ACCEPTED"], to: "WITHDRAWN", operation: "engagement.confirm", reasonRequired: true },
};

/** States whose match holds one of the expert's places and one of the need's seats. */
export const PLACE_HOLDING: readonly MatchState[] = ["INVITED", "ACCEPTED", "CONFIRMED"];

export const holdsPlace = (state: MatchState | null): boolean => state !== null && PLACE_HOLDING.includes(state);

export const MATCH_WORKFLOW = defineWorkflow({
  entityLabel: "匹配记录",
  stateLabel: MATCH_STATE_LABEL,
  steps: MATCH_STEPS,
  store: { model: "match", versioned: true },
  refusal: (from, label) => `该专家${from ? `当前为“${MATCH_STATE_LABEL[from]}”` : "尚无匹配记录"}，不能${label}`,
  conflict: "该记录已被他人处理，请刷新后重试",
});

export const canStep = MATCH_WORKFLOW.canStep;
/** The state `step` leads to from `from`, or an INVALID_TRANSITION error in Chinese. */
export const nextMatchState = MATCH_WORKFLOW.next;

/** +1 when the step takes a place, −1 when it gives one back, 0 otherwise. */
export function placeDelta(from: MatchState | null, to: MatchState): -1 | 0 | 1 {
  return ((holdsPlace(to) ? 1 : 0) - (holdsPlace(from) ? 1 : 0)) as -1 | 0 | 1;
}
