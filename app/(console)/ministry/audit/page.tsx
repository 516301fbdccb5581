import type { Metadata } from "next";
import type { SearchParams } from "@/lib/search-params";
import { requirePermission } from "@/lib/auth/session";
import { AuditLogView } from "../../audit/audit-log-view";

export const metadata: Metadata = { title: "审计日志" };

export default async function AuditLogPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission("/ministry/audit", "audit.read");
  return <AuditLogView user={user} path="/ministry/audit" searchParams={searchParams} />;
}
