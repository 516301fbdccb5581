import { exportRoute } from "@/lib/export/route";
import type { ExportColumn } from "@/lib/export/table";
import { DELIVERY_MODE_LABEL, SERVICE_FORM_LABEL } from "@/lib/labels";
import { menuForExport } from "@/lib/menu/queries";
import { menuSearchSchema } from "@/lib/menu/schemas";

type Row = Awaited<ReturnType<typeof menuForExport>>[number];

const COLUMNS: ExportColumn<Row>[] = [
  { header: "服务形式", value: (r) => SERVICE_FORM_LABEL[r.form] },
  { header: "服务项目", value: (r) => r.name, width: 28 },
  { header: "说明", value: (r) => r.description, width: 60 },
  { header: "一般周期（天）", value: (r) => r.typicalDurationDays },
  { header: "服务方式", value: (r) => DELIVERY_MODE_LABEL[r.delivery] },
  { header: "状态", value: (r) => (r.retiredAt ? "已停用" : "在用") },
  { header: "选用需求数", value: (r) => r.needCount },
];

/** The service menu as maintained by the ministry (retired items too, per the page's filters). */
export const GET = exportRoute({
  operation: "menu.manage",
  auditOperation: "menu.export",
  schema: menuSearchSchema,
  rows: menuForExport,
  columns: COLUMNS,
  baseName: "服务菜单",
  describe: (n) => `服务菜单 ${n} 项`,
});
