import { firstValues, queryValues, type SearchParams } from "@/lib/search-params";
import { AuditTable } from "@/components/audit/audit-table";
import { ListPage } from "@/components/ui/list-page";
import { labelOptions } from "@/components/ui/options";
import { keywordField, type SearchFields } from "@/components/ui/search-form";
import { AUDIT_CODE_LABEL, auditCodeLabel } from "@/lib/audit/codes";
import { auditSearchSchema, readAuditLog } from "@/lib/audit/queries";
import { ROLE_LABEL, type SessionUser } from "@/lib/auth/roles";
import { formatNumber } from "@/lib/format";
import { AUDIT_OUTCOME_LABEL } from "@/lib/labels";

const FIELDS: SearchFields = [
  keywordField("操作人、摘要、对象编号或 IP", { maxLength: 100 }),
  {
    // Audit codes with labels, offered as suggestions (prefixes such as "need." also work).
    kind: "text", name: "operation", label: "操作", hint: "可输入前缀，如 need.", maxLength: 60, suggestions: labelOptions(AUDIT_CODE_LABEL),
  },
  { kind: "select", name: "outcome", label: "结果", choices: AUDIT_OUTCOME_LABEL, all: "全部" },
  { kind: "date", name: "from", label: "起始日期" },
  { kind: "date", name: "to", label: "结束日期" },
];

/** The audit log list, shared by the audit administrator's console and the ministry's page; each read is audited. */
export async function AuditLogView({ user, path, searchParams }: { user: SessionUser; path: string; searchParams: SearchParams }) {
  const search = auditSearchSchema.parse(await firstValues(searchParams));
  const result = await readAuditLog(user, search, path);
  const rows = result.rows.map((r) => ({
    id: r.id,
    createdAt: r.createdAt,
    actorName: r.actorName,
    roleLabel: r.role ? ROLE_LABEL[r.role] : null,
    operation: r.operation,
    operationLabel: auditCodeLabel(r.operation),
    entity: r.entityType ? `${r.entityType}${r.entityId ? ` · ${r.entityId}` : ""}` : null,
    outcome: r.outcome,
    summary: r.summary,
    ip: r.ip,
  }));
  return (
    <ListPage
      title="审计日志"
      subtitle="记录操作时间、操作人、事件与结果，保存期限不少于六个月；每条记录以 SM3 哈希链防篡改，查询本身也记入审计日志。"
      exportHref="/api/export/audit"
      path={path}
      values={queryValues(search)}
      search={{ label: "审计日志查询", fields: FIELDS, columns: 6 }}
      count={`共 ${formatNumber(result.total)} 条记录`}
      empty={rows.length === 0 && { title: "没有符合条件的审计记录", body: "请调整查询条件后重试。" }}
      page={result}
    >
      <AuditTable rows={rows} />
    </ListPage>
  );
}
