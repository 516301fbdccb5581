import type { LibraryStatus, NominationState } from "@/lib/generated/prisma/enums";
import { LIBRARY_STATUS_LABEL, NOMINATION_STATE_LABEL } from "@/lib/labels";
import { NOMINATABLE_STATUSES } from "@/lib/library/criteria";
import { defineWorkflow } from "@/lib/workflow/define";

// The 重点联系专家库 as data: a province's nomination, decided by the ministry, and the expert's libraryStatus that
// moves with it. Every change is a conditional update on the state it starts from, so two people acting at once
// cannot both succeed.

const DECIDED = "该推荐已被审定或已撤回（可能他人刚刚处理），请刷新后查看";

export const NOMINATION_WORKFLOW = defineWorkflow({
  entityLabel: "推荐记录",
  stateLabel: NOMINATION_STATE_LABEL,
  steps: {
    admit: { label: "同意入库", from: ["NOMINATED"], to: "ADMITTED", operation: "library.decide", reasonRequired: false, refused: DECIDED },
    decline: { label: "不同意入库", from: ["NOMINATED"], to: "DECLINED", operation: "library.decide", reasonRequired: true, refused: DECIDED },
    withdraw: {
      label: "撤回推荐", from: ["NOMINATED"], to: "WITHDRAWN", operation: "library.nominate", reasonRequired: false,
      refused: "该推荐已审定或已撤回，不能再撤回",
    },
  },
  store: { model: "libraryNomination", versioned: true },
  conflict: DECIDED,
});

const NOT_MEMBER = "该专家当前不在重点联系专家库中（可能已退出），请刷新后查看";

/**
 * The expert's libraryStatus. Its row's version guards the profile form, which a library decision must not void,
 * so these steps leave it alone.
 */
export const MEMBERSHIP_WORKFLOW = defineWorkflow({
  entityLabel: "该专家",
  stateLabel: LIBRARY_STATUS_LABEL,
  steps: {
    nominate: { label: "推荐入库", from: NOMINATABLE_STATUSES, to: "NOMINATED", operation: "library.nominate", reasonRequired: true },
    admit: { label: "入库", from: ["NOMINATED"], to: "IN_LIBRARY", operation: "library.decide", reasonRequired: false },
    decline: { label: "不同意入库", from: ["NOMINATED"], to: "DECLINED", operation: "library.decide", reasonRequired: true },
    /** Back where the previous decision left them (statusAfterWithdrawal). */
    withdraw: { label: "撤回推荐", from: ["NOMINATED"], to: ["NONE", "DECLINED", "LEFT"], operation: "library.nominate", reasonRequired: false },
    leave: { label: "申请退出", from: ["IN_LIBRARY"], to: "LEFT", operation: "library.confirm", reasonRequired: true, refused: NOT_MEMBER },
    remove: { label: "调出", from: ["IN_LIBRARY"], to: "LEFT", operation: "library.decide", reasonRequired: true, refused: NOT_MEMBER },
  },
  acts: {
    confirm: { label: "年度确认", in: ["IN_LIBRARY"], operation: "library.confirm", refused: "您当前不在重点联系专家库中，无需确认" },
  },
  store: { model: "expertProfile", stateField: "libraryStatus", versioned: false },
  conflict: "该专家的入库状态刚刚发生变化，请刷新后查看",
});

export const NOMINATION_TRANSITIONS: Record<NominationState, readonly NominationState[]> = NOMINATION_WORKFLOW.transitions;

/** The expert's libraryStatus moves: nominate, admit, decline, withdraw (back to what it was), exit. */
export const LIBRARY_TRANSITIONS: Record<LibraryStatus, readonly LibraryStatus[]> = MEMBERSHIP_WORKFLOW.transitions;

export function canMoveNomination(from: NominationState, to: NominationState): boolean {
  return NOMINATION_TRANSITIONS[from].includes(to);
}

/**
 * Where a withdrawn nomination leaves the expert: back where the previous decision left them — admitted earlier
 * (and since left) → LEFT, declined earlier → DECLINED, never decided → NONE.
 */
export function statusAfterWithdrawal(lastDecision: NominationState | null): LibraryStatus {
  if (lastDecision === "ADMITTED") return "LEFT";
  if (lastDecision === "DECLINED") return "DECLINED";
  return "NONE";
}
