import { exportRoute } from "@/lib/export/route";
import type { ExportColumn } from "@/lib/export/table";
import { formatDate } from "@/lib/format";
import { DELIVERY_MODE_LABEL, NEED_STATE_LABEL, URGENCY_LABEL } from "@/lib/labels";
import { needsForExport } from "@/lib/needs/queries";
import { needSearchSchema, PRIORITY_FLAGS, PRIORITY_LABEL } from "@/lib/needs/schemas";

type Row = Awaited<ReturnType<typeof needsForExport>>[number];

const COLUMNS: ExportColumn<Row>[] = [
  { header: "需求编号", value: (r) => r.code, width: 18 },
  { header: "标题", value: (r) => r.title, width: 36 },
  { header: "填报单位", value: (r) => r.unitName, width: 28 },
  { header: "代填对象", value: (r) => r.onBehalfOf },
  { header: "服务地点", value: (r) => r.place, width: 24 },
  { header: "服务项目", value: (r) => r.menuNames.join("、"), width: 30 },
  { header: "学科领域", value: (r) => r.disciplineNames.join("、"), width: 24 },
  { header: "所属行业", value: (r) => r.industryNames.join("、"), width: 24 },
  { header: "瓶颈问题", value: (r) => r.bottleneck, width: 50 },
  { header: "预期成效", value: (r) => r.expectedOutcome, width: 30 },
  { header: "状态", value: (r) => NEED_STATE_LABEL[r.state] },
  { header: "紧迫程度", value: (r) => URGENCY_LABEL[r.urgency] },
  { header: "专家人数", value: (r) => r.expertsWanted },
  { header: "服务方式", value: (r) => DELIVERY_MODE_LABEL[r.delivery] },
  { header: "优先支持方向", value: (r) => PRIORITY_FLAGS.filter((f) => r[f]).map((f) => PRIORITY_LABEL[f]).join("、"), width: 24 },
  { header: "期望开始", value: (r) => (r.windowStart ? formatDate(r.windowStart) : "") },
  { header: "期望结束", value: (r) => (r.windowEnd ? formatDate(r.windowEnd) : "") },
  { header: "填报日期", value: (r) => formatDate(r.createdAt) },
  { header: "提交日期", value: (r) => (r.submittedAt ? formatDate(r.submittedAt) : "") },
  { header: "审核意见", value: (r) => r.reviewComment, width: 30 },
];

/** The needs list as a spreadsheet: the same filters as /needs, within the reader's scope. */
export const GET = exportRoute({
  operation: "need.read",
  auditOperation: "need.export",
  schema: needSearchSchema,
  rows: needsForExport,
  columns: COLUMNS,
  baseName: "需求清单",
  describe: (n) => `需求 ${n} 项`,
});
