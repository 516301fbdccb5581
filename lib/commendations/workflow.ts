import { COMMENDATION_STATE_LABEL } from "@/lib/labels";
import { defineWorkflow } from "@/lib/workflow/define";

// A commendation (表彰) nomination: a province (or the ministry) nominates an expert for a year from the expert's
// confirmed service; the ministry approves or rejects it with a reason; the nominator may withdraw it while it waits,
// and nominate the same expert again for that year after withdrawing. A rejection is final for the year.
export const COMMENDATION_WORKFLOW = defineWorkflow({
  entityLabel: "表彰推荐",
  stateLabel: COMMENDATION_STATE_LABEL,
  steps: {
    nominate: { label: "推荐表彰", from: [null], to: "PENDING", operation: "commendation.nominate", reasonRequired: false },
    renominate: { label: "重新推荐", from: ["WITHDRAWN"], to: "PENDING", operation: "commendation.nominate", reasonRequired: false,
      refused: "该专家本年度已有表彰推荐，不能重复推荐" },
    approve: { label: "批准", from: ["PENDING"], to: "APPROVED", operation: "commendation.decide", reasonRequired: false },
    reject: { label: "不批准", from: ["PENDING"], to: "REJECTED", operation: "commendation.decide", reasonRequired: true },
    withdraw: { label: "撤回", from: ["PENDING"], to: "WITHDRAWN", operation: "commendation.nominate", reasonRequired: true },
  },
  store: { model: "commendation", versioned: true },
  conflict: "该表彰推荐已被他人处理，请刷新后重试",
});

export type CommendationStep = keyof typeof COMMENDATION_WORKFLOW.steps;
