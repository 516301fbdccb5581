import { EmptyState } from "@/components/ui/empty-state";
import { ExportLinks } from "@/components/ui/export-links";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { UserSearchForm } from "@/components/users/user-search-form";
import { UserTable } from "@/components/users/user-table";
import { formatNumber } from "@/lib/format";
import { ROLE_LABEL } from "@/lib/auth/roles";
import type { searchUsers } from "@/lib/users/queries";
import type { UserSearch } from "@/lib/users/schemas";

type Props = { path: string; scopeLabel: string; search: UserSearch; result: Awaited<ReturnType<typeof searchUsers>> };

/** 账号管理, shared by the ministry (全国) and province (本省) consoles. */
export function UserAdminPage({ path, scopeLabel, search, result }: Props) {
  const filters = { q: search.q, role: search.role, status: search.status };
  const rows = result.rows.map((r) => ({ ...r, roleLabels: r.roles.map((role) => ROLE_LABEL[role]).join("、") || "—" }));
  return (
    <>
      <PageHeader
        title="账号管理"
        subtitle={`${scopeLabel}账号：解除登录锁定、停用或启用账号。所有操作记入审计日志。`}
        actions={<ExportLinks href="/api/export/users" params={filters} />}
      />
      <UserSearchForm action={path} values={filters} />
      <p className="mt-4 mb-2 text-sm text-slate-600" role="status">共 {formatNumber(result.total)} 个账号</p>
      {rows.length === 0 ? <EmptyState title="没有符合条件的账号">请调整查询条件后重试。</EmptyState> : <UserTable rows={rows} />}
      <Pagination page={result.page} pageSize={result.pageSize} total={result.total} basePath={path} params={filters} />
    </>
  );
}
