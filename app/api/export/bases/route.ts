import { basesForExport } from "@/lib/bases/queries";
import { baseSearchSchema } from "@/lib/bases/schemas";
import { exportRoute } from "@/lib/export/route";
import type { ExportColumn } from "@/lib/export/table";
import { formatDate } from "@/lib/format";
import { BASE_FIELD_LABEL, BASE_LEVEL_LABEL, BASE_STATE_LABEL, RECTIFICATION_STATE_LABEL } from "@/lib/labels";

type Row = Awaited<ReturnType<typeof basesForExport>>[number];

const COLUMNS: ExportColumn<Row>[] = [
  { header: "基地名称", value: (r) => r.name, width: 32 },
  { header: "编号", value: (r) => r.code ?? "", width: 22 },
  { header: "级别", value: (r) => BASE_LEVEL_LABEL[r.level] },
  { header: "服务领域", value: (r) => BASE_FIELD_LABEL[r.field] },
  { header: "地区", value: (r) => r.region.name },
  { header: "依托单位", value: (r) => r.hostOrg.name, width: 28 },
  { header: "服务方向", value: (r) => r.focus, width: 40 },
  { header: "状态", value: (r) => BASE_STATE_LABEL[r.state] },
  { header: "设立日期", value: (r) => formatDate(r.establishedAt) },
  { header: "整改", value: (r) => (r.rectification ? `${RECTIFICATION_STATE_LABEL[r.rectification.state]}，期限 ${formatDate(r.rectification.deadline)}${r.rectification.overdue ? "（已逾期）" : ""}` : "") },
];

/** The bases of the province's or the ministry's list, with the page's filters, within the user's scope. */
export const GET = exportRoute({
  operation: "base.read",
  auditOperation: "base.export",
  schema: baseSearchSchema,
  rows: basesForExport,
  columns: COLUMNS,
  baseName: "专家服务基地",
  describe: (n) => `专家服务基地 ${n} 个`,
});
