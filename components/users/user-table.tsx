import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { DataTable, type Column } from "@/components/ui/data-table";
import { UserRowActions } from "@/components/users/user-row-actions";
import { formatDateTime } from "@/lib/format";

export type UserRow = {
  id: string;
  username: string;
  displayName: string;
  roleLabels: string;
  organizationName: string | null;
  status: "ACTIVE" | "PENDING" | "DISABLED";
  lockedUntil: Date | null;
  lastLoginAt: Date | null;
  expiresAt: Date | null;
  isSelf: boolean;
  /** false: a 三员 account shown to a business administrator, who may not act on it. */
  manageable: boolean;
};

const STATUS = { ACTIVE: { label: "正常", tone: "success" }, PENDING: { label: "待审核", tone: "warning" }, DISABLED: { label: "已停用", tone: "neutral" } } as const;

const columns = (canReset: boolean, detailPath?: string): Column<UserRow>[] => [
  { header: "账号", className: "font-mono text-xs", cell: (u) => u.username },
  {
    header: "姓名",
    cell: (u) => detailPath
      ? <Link href={`${detailPath}/${u.id}`} className="text-brand-700 underline" aria-label={`${u.displayName}（${u.username}）的账号详情`}>{u.displayName}</Link>
      : u.displayName,
  },
  { header: "角色", className: "whitespace-nowrap", cell: (u) => u.roleLabels },
  { header: "所在单位", cell: (u) => u.organizationName ?? "—" },
  {
    header: "状态", className: "whitespace-nowrap",
    cell: (u) => (
      <>
        <Badge tone={STATUS[u.status].tone}>{STATUS[u.status].label}</Badge>
        {u.lockedUntil && <span className="ml-1"><Badge tone="danger">锁定至 {formatDateTime(u.lockedUntil)}</Badge></span>}
        {u.expiresAt && (
          <span className="ml-1">
            <Badge tone={u.expiresAt <= new Date() ? "danger" : "warning"}>临时账号，有效期至 {formatDateTime(u.expiresAt)}</Badge>
          </span>
        )}
      </>
    ),
  },
  { header: "最近登录", className: "whitespace-nowrap", cell: (u) => formatDateTime(u.lastLoginAt) },
  {
    header: "操作", headerClassName: "text-right",
    cell: (u) => u.manageable
      ? <UserRowActions userId={u.id} username={u.username} status={u.status} locked={!!u.lockedUntil} isSelf={u.isSelf} canReset={canReset} />
      : <span className="block text-right text-xs text-slate-500">三员账号，由安全管理员、系统管理员管理</span>,
  },
];

/** `detailPath`: where an account's page lives (`/ministry/users` → `/ministry/users/[id]`); none, no link. */
export function UserTable({ rows, canReset, detailPath }: { rows: UserRow[]; canReset: boolean; detailPath?: string }) {
  return <DataTable caption="账号列表" columns={columns(canReset, detailPath)} rows={rows} rowKey={(u) => u.id} />;
}
