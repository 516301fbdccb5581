import { Badge, type BadgeTone } from "@/components/ui/badge";
import { DataTable, type Column } from "@/components/ui/data-table";
import { formatDateTime } from "@/lib/format";
import { AUDIT_OUTCOME_LABEL } from "@/lib/labels";
import type { AuditOutcome } from "@/lib/generated/prisma/enums";

export type AuditRowView = {
  id: string;
  createdAt: Date;
  actorName: string | null;
  roleLabel: string | null;
  operation: string;
  operationLabel: string | null;
  entity: string | null;
  outcome: AuditOutcome;
  summary: string;
  ip: string | null;
};

const OUTCOME_TONE: Record<AuditOutcome, BadgeTone> = { SUCCESS: "success", DENIED: "danger", FAILURE: "warning" };

const COLUMNS: Column<AuditRowView>[] = [
  {
    header: "时间", className: "whitespace-nowrap tabular-nums",
    cell: (r) => <time dateTime={r.createdAt.toISOString()}>{formatDateTime(r.createdAt)}</time>,
  },
  { header: "操作人", className: "whitespace-nowrap", cell: (r) => r.actorName ?? "—" },
  { header: "角色", className: "whitespace-nowrap", cell: (r) => r.roleLabel ?? "—" },
  {
    header: "操作",
    cell: (r) => (
      <>
        <span className="block">{r.operationLabel ?? r.operation}</span>
        {r.operationLabel && <span className="font-mono text-xs text-slate-500">{r.operation}</span>}
      </>
    ),
  },
  { header: "对象", className: "break-all font-mono text-xs", cell: (r) => r.entity ?? "—" },
  { header: "结果", cell: (r) => <Badge tone={OUTCOME_TONE[r.outcome]}>{AUDIT_OUTCOME_LABEL[r.outcome]}</Badge> },
  { header: "摘要", className: "min-w-48", cell: (r) => r.summary || "—" },
  { header: "IP", className: "whitespace-nowrap font-mono text-xs", cell: (r) => r.ip ?? "—" },
];

export function AuditTable({ rows }: { rows: AuditRowView[] }) {
  return <DataTable caption="审计日志查询结果，按时间倒序" columns={COLUMNS} rows={rows} rowKey={(r) => r.id} />;
}
