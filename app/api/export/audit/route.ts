import { auditCodeLabel } from "@/lib/audit/codes";
import { auditForExport, auditSearchSchema } from "@/lib/audit/queries";
import { ROLE_LABEL } from "@/lib/auth/roles";
import { exportRoute } from "@/lib/export/route";
import type { ExportColumn } from "@/lib/export/table";
import { formatDateTime } from "@/lib/format";
import { AUDIT_OUTCOME_LABEL } from "@/lib/labels";

type Row = Awaited<ReturnType<typeof auditForExport>>[number];

const COLUMNS: ExportColumn<Row>[] = [
  { header: "时间", value: (r) => formatDateTime(r.createdAt), width: 20 },
  { header: "操作人", value: (r) => r.actorName },
  { header: "角色", value: (r) => (r.role ? ROLE_LABEL[r.role] : "") },
  { header: "事件", value: (r) => auditCodeLabel(r.operation) ?? r.operation, width: 24 },
  { header: "事件代码", value: (r) => r.operation, width: 20 },
  { header: "结果", value: (r) => AUDIT_OUTCOME_LABEL[r.outcome] },
  { header: "对象", value: (r) => (r.entityType ? `${r.entityType}${r.entityId ? ` · ${r.entityId}` : ""}` : ""), width: 30 },
  { header: "摘要", value: (r) => r.summary, width: 60 },
  { header: "IP 地址", value: (r) => r.ip, width: 16 },
];

/** The audit log as a spreadsheet, with the page's filters (ministry only; the export itself is audited). */
export const GET = exportRoute({
  operation: "audit.read",
  auditOperation: "audit.export",
  schema: auditSearchSchema,
  rows: auditForExport,
  columns: COLUMNS,
  baseName: "审计日志",
  describe: (n) => `审计日志 ${n} 条`,
});
