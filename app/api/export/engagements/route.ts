import { engagementsForExport } from "@/lib/engagements/queries";
import { engagementSearchSchema } from "@/lib/engagements/schemas";
import { exportRoute } from "@/lib/export/route";
import type { ExportColumn } from "@/lib/export/table";
import { formatDate } from "@/lib/format";
import { ENGAGEMENT_STATE_LABEL, ENGAGEMENT_TYPE_LABEL, SERVICE_FORM_LABEL } from "@/lib/labels";

type Row = Awaited<ReturnType<typeof engagementsForExport>>[number];

const rating = (r: Row, party: "UNIT" | "EXPERT") => r.feedback.find((f) => f.party === party)?.rating ?? "";

const COLUMNS: ExportColumn<Row>[] = [
  { header: "需求编号", value: (r) => r.need.code, width: 18 },
  { header: "需求标题", value: (r) => r.need.title, width: 36 },
  { header: "服务单位", value: (r) => r.unitName, width: 28 },
  { header: "服务地点", value: (r) => r.place, width: 24 },
  { header: "专家", value: (r) => r.expert.name },
  { header: "专家所在单位", value: (r) => r.expert.employer, width: 28 },
  { header: "服务类型", value: (r) => ENGAGEMENT_TYPE_LABEL[r.type] },
  { header: "状态", value: (r) => ENGAGEMENT_STATE_LABEL[r.state] },
  { header: "服务目标", value: (r) => r.planGoals, width: 40 },
  { header: "服务形式", value: (r) => r.planForms.map((f) => SERVICE_FORM_LABEL[f]).join("、"), width: 24 },
  { header: "方案商定", value: (r) => (r.planAgreedByUnitAt && r.planAgreedByExpertAt ? "双方已同意" : r.planAgreedByUnitAt || r.planAgreedByExpertAt ? "一方已同意" : "未商定") },
  { header: "已确认服务时长（小时）", value: (r) => r.totals.hours },
  { header: "服务人数", value: (r) => r.totals.served },
  { header: "培训人数", value: (r) => r.totals.trained },
  { header: "待确认记录", value: (r) => r.totals.counts.SUBMITTED ?? 0 },
  { header: "单位评分", value: (r) => rating(r, "UNIT") },
  { header: "专家评分", value: (r) => rating(r, "EXPERT") },
  { header: "确认日期", value: (r) => formatDate(r.createdAt) },
  { header: "结束日期", value: (r) => (r.finishedAt ? formatDate(r.finishedAt) : "") },
  { header: "关闭日期", value: (r) => (r.closedAt ? formatDate(r.closedAt) : "") },
  { header: "取消原因", value: (r) => r.cancelReason, width: 30 },
];

/** The engagements list as a spreadsheet: the same filters as /engagements, within the reader's scope. */
export const GET = exportRoute({
  operation: "engagement.read",
  auditOperation: "engagement.export",
  schema: engagementSearchSchema,
  rows: engagementsForExport,
  columns: COLUMNS,
  baseName: "服务项目清单",
  describe: (n) => `服务项目 ${n} 个`,
});
