import type { Operation } from "@/lib/auth/permissions";
import type { ActivityState, PlanState } from "@/lib/generated/prisma/enums";
import { ACTIVITY_STATE_LABEL, PLAN_STATE_LABEL } from "@/lib/labels";
import { defineWorkflow, type StepRule } from "@/lib/workflow/define";

// The annual cycle of a demonstration activity as data (section 1 and 7 of the notice):
//   apply (unit, base, department, province) → pre-review by its channel (province, or the State Council department
//   it applied through) → ministry review and selection → run and tracked → completed → evaluated.
// A local activity (地方示范活动, no plan) goes through the same cycle, its province deciding in place of the ministry.

export type ActivityStep =
  | "submit" | "return" | "recommend" | "decline" | "revoke"
  | "select" | "reject" | "approveLocal"
  | "start" | "complete" | "evaluate";

export const ACTIVITY_STEPS: Record<ActivityStep, StepRule<ActivityState, ActivityState, Operation>> = {
  submit: { label: "提交申报", from: ["DRAFT", "RETURNED"], to: "SUBMITTED", operation: "activity.apply", reasonRequired: false },
  return: { label: "退回修改", from: ["SUBMITTED"], to: "RETURNED", operation: "activity.recommend", reasonRequired: true },
  recommend: { label: "推荐", from: ["SUBMITTED"], to: "RECOMMENDED", operation: "activity.recommend", reasonRequired: false },
  decline: { label: "不予推荐", from: ["SUBMITTED"], to: "NOT_RECOMMENDED", operation: "activity.recommend", reasonRequired: true },
  revoke: { label: "撤回推荐", from: ["RECOMMENDED"], to: "SUBMITTED", operation: "activity.recommend", reasonRequired: true },
  select: { label: "入选", from: ["RECOMMENDED"], to: "SELECTED", operation: "activity.select", reasonRequired: true,
    refused: "只有已推荐的申报才能遴选" },
  reject: { label: "不入选", from: ["RECOMMENDED"], to: "NOT_SELECTED", operation: "activity.select", reasonRequired: true,
    refused: "只有已推荐的申报才能遴选" },
  approveLocal: { label: "批准实施（地方活动）", from: ["SUBMITTED"], to: "SELECTED", operation: "activity.recommend", reasonRequired: false },
  start: { label: "开始实施", from: ["SELECTED"], to: "IN_PROGRESS", operation: "activity.report", reasonRequired: false },
  complete: { label: "提交总结、完成活动", from: ["IN_PROGRESS"], to: "COMPLETED", operation: "activity.report", reasonRequired: false },
  evaluate: { label: "评估", from: ["COMPLETED"], to: "EVALUATED", operation: "activity.evaluate", reasonRequired: false },
};

/** States in which the applicant may edit the application and its team. */
export const ACTIVITY_EDITABLE: readonly ActivityState[] = ["DRAFT", "RETURNED"];

export const ACTIVITY_WORKFLOW = defineWorkflow({
  entityLabel: "示范活动",
  stateLabel: ACTIVITY_STATE_LABEL,
  steps: ACTIVITY_STEPS,
  acts: {
    edit: { label: "修改申报", in: ACTIVITY_EDITABLE, operation: "activity.apply" },
    score: { label: "评分", in: ["RECOMMENDED"], operation: "activity.review", refused: "该申报不在评审阶段，不能评分" },
    assignReviewers: { label: "分配评审专家", in: ["RECOMMENDED"], operation: "activity.select" },
    reportProgress: { label: "报送进展", in: ["IN_PROGRESS"], operation: "activity.report" },
    evaluateProvince: { label: "省级评估", in: ["COMPLETED"], operation: "activity.evaluate" },
    feedback: { label: "评价", in: ["IN_PROGRESS", "COMPLETED", "EVALUATED"], operation: "activity.feedback" },
  },
  store: {
    model: "demonstrationActivity",
    versioned: true,
    history: (tx, c) =>
      tx.activityEvent.create({
        data: { activityId: c.id, fromState: c.from, toState: c.to, actorId: c.actorId, comment: c.comment, createdAt: c.now },
      }),
  },
  conflict: "该示范活动已被他人处理或修改，请刷新后重试",
});

export type PlanStep = "open" | "close" | "reopen" | "publish" | "archive";

export const PLAN_WORKFLOW = defineWorkflow({
  entityLabel: "年度计划",
  stateLabel: PLAN_STATE_LABEL,
  steps: {
    open: { label: "开放申报", from: ["DRAFT"], to: "OPEN", operation: "plan.manage", reasonRequired: false },
    close: { label: "截止申报", from: ["OPEN"], to: "CLOSED", operation: "plan.manage", reasonRequired: false },
    reopen: { label: "重新开放申报", from: ["CLOSED"], to: "OPEN", operation: "plan.manage", reasonRequired: true },
    publish: { label: "公布遴选结果", from: ["CLOSED"], to: "PUBLISHED", operation: "activity.select", reasonRequired: false },
    archive: { label: "归档", from: ["PUBLISHED"], to: "ARCHIVED", operation: "plan.manage", reasonRequired: false },
  } satisfies Record<PlanStep, StepRule<PlanState, PlanState, Operation>>,
  acts: {
    edit: { label: "修改计划", in: ["DRAFT", "OPEN", "CLOSED"], operation: "plan.manage" },
  },
  store: { model: "annualPlan", versioned: true },
  conflict: "该年度计划已被他人修改，请刷新后重试",
});

/** After the window opened, a change to the plan is kept as a versioned revision with its reason. */
export const planChangeNeedsRevision = (state: PlanState): boolean => state !== "DRAFT";
