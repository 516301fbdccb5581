import { ANNOUNCEMENT_STATE_LABEL } from "@/lib/labels";
import { defineWorkflow } from "@/lib/workflow/define";

// 通知公告 on the portal: the ministry drafts, publishes, withdraws (and may publish again). Small, but the same
// kit: conditional updates on state and version, so two staff acting at once cannot both succeed.

export const ANNOUNCEMENT_WORKFLOW = defineWorkflow({
  entityLabel: "公告",
  stateLabel: ANNOUNCEMENT_STATE_LABEL,
  steps: {
    create: { label: "新建公告", from: [null], to: "DRAFT", operation: "announcement.manage", reasonRequired: false },
    publish: { label: "发布", from: ["DRAFT", "WITHDRAWN"], to: "PUBLISHED", operation: "announcement.manage", reasonRequired: false },
    withdraw: { label: "撤下", from: ["PUBLISHED"], to: "WITHDRAWN", operation: "announcement.manage", reasonRequired: false },
  },
  acts: {
    edit: { label: "修改公告", in: ["DRAFT", "PUBLISHED", "WITHDRAWN"], operation: "announcement.manage" },
  },
  store: { model: "announcement", versioned: true },
  conflict: "该公告已被他人修改，请刷新后重试",
});
