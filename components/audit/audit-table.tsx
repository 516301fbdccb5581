import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
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

export function AuditTable({ rows }: { rows: AuditRowView[] }) {
  return (
    <Table caption="审计日志查询结果，按时间倒序">
      <THead>
        <tr>
          <Th>时间</Th><Th>操作人</Th><Th>角色</Th><Th>操作</Th><Th>对象</Th><Th>结果</Th><Th>摘要</Th><Th>IP</Th>
        </tr>
      </THead>
      <TBody>
        {rows.map((r) => (
          <tr key={r.id}>
            <Td className="whitespace-nowrap tabular-nums">
              <time dateTime={r.createdAt.toISOString()}>{formatDateTime(r.createdAt)}</time>
            </Td>
            <Td className="whitespace-nowrap">{r.actorName ?? "—"}</Td>
            <Td className="whitespace-nowrap">{r.roleLabel ?? "—"}</Td>
            <Td>
              <span className="block">{r.operationLabel ?? r.operation}</span>
              {r.operationLabel && <span className="font-mono text-xs text-slate-500">{r.operation}</span>}
            </Td>
            <Td className="break-all font-mono text-xs">{r.entity ?? "—"}</Td>
            <Td><Badge tone={OUTCOME_TONE[r.outcome]}>{AUDIT_OUTCOME_LABEL[r.outcome]}</Badge></Td>
            <Td className="min-w-48">{r.summary || "—"}</Td>
            <Td className="whitespace-nowrap font-mono text-xs">{r.ip ?? "—"}</Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
