import type { Metadata } from "next";
import { firstValues, type SearchParams } from "@/lib/search-params";
import { AuditSearchForm } from "@/components/audit/audit-search-form";
import { AuditTable } from "@/components/audit/audit-table";
import { ExportLinks } from "@/components/ui/export-links";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { AUDIT_CODE_LABEL, auditCodeLabel } from "@/lib/audit/codes";
import { auditSearchSchema, searchAudit } from "@/lib/audit/queries";
import { ROLE_LABEL } from "@/lib/auth/roles";
import { requirePermission } from "@/lib/auth/session";
import { formatNumber } from "@/lib/format";

export const metadata: Metadata = { title: "审计日志" };

const OPERATION_OPTIONS = Object.entries(AUDIT_CODE_LABEL).map(([code, label]) => ({ code, label }));

export default async function AuditLogPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePermission("/ministry/audit", "audit.read");
  const search = auditSearchSchema.parse(await firstValues(searchParams));
  const result = await searchAudit(search);
  const filters = { q: search.q, operation: search.operation, outcome: search.outcome, from: search.from, to: search.to };
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
    <>
      <PageHeader
        title="审计日志"
        subtitle="记录操作时间、操作人、事件与结果，保存期限不少于六个月。"
        actions={<ExportLinks href="/api/export/audit" params={filters} />}
      />
      <AuditSearchForm action="/ministry/audit" values={filters} operations={OPERATION_OPTIONS} />
      <p className="mt-4 mb-2 text-sm text-slate-600" role="status">共 {formatNumber(result.total)} 条记录</p>
      {rows.length === 0 ? (
        <EmptyState title="没有符合条件的审计记录">请调整查询条件后重试。</EmptyState>
      ) : (
        <AuditTable rows={rows} />
      )}
      <Pagination page={result.page} pageSize={result.pageSize} total={result.total} basePath="/ministry/audit" params={filters} />
    </>
  );
}
