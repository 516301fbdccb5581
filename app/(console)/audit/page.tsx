import type { Metadata } from "next";
import type { SearchParams } from "@/lib/search-params";
import { requirePermission } from "@/lib/auth/session";
import { AuditLogView } from "./audit-log-view";

export const metadata: Metadata = { title: "审计管理员工作台" };

// The audit administrator's console is the audit log itself: it reads and exports, and does nothing else.
export default async function AuditConsolePage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission("/audit", "console.audit");
  await requirePermission("/audit", "audit.read");
  return <AuditLogView user={user} path="/audit" searchParams={searchParams} />;
}
