import { CERTIFICATE_STATE_LABEL } from "@/lib/labels";
import { defineWorkflow } from "@/lib/workflow/define";

// A certificate is issued valid by its expert and may be revoked, with a reason, by the expert's province (a record
// found wrong after the fact, say). Nothing else changes it: its contents are frozen and signed when issued.
export const CERTIFICATE_WORKFLOW = defineWorkflow({
  entityLabel: "服务证明",
  stateLabel: CERTIFICATE_STATE_LABEL,
  steps: {
    issue: { label: "开具服务证明", from: [null], to: "VALID", operation: "certificate.issue", reasonRequired: false },
    revoke: { label: "撤销", from: ["VALID"], to: "REVOKED", operation: "certificate.revoke", reasonRequired: true,
      refused: "该服务证明已撤销，不能再次撤销" },
  },
  store: { model: "certificate", versioned: true },
  conflict: "该服务证明已被他人处理，请刷新后重试",
});
