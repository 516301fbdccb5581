import { Badge } from "@/components/ui/badge";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
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
  isSelf: boolean;
};

const STATUS = { ACTIVE: { label: "正常", tone: "success" }, PENDING: { label: "待审核", tone: "warning" }, DISABLED: { label: "已停用", tone: "neutral" } } as const;

export function UserTable({ rows }: { rows: UserRow[] }) {
  return (
    <Table caption="账号列表">
      <THead>
        <tr><Th>账号</Th><Th>姓名</Th><Th>角色</Th><Th>所在单位</Th><Th>状态</Th><Th>最近登录</Th><Th className="text-right">操作</Th></tr>
      </THead>
      <TBody>
        {rows.map((u) => (
          <tr key={u.id}>
            <Td className="font-mono text-xs">{u.username}</Td>
            <Td>{u.displayName}</Td>
            <Td className="whitespace-nowrap">{u.roleLabels}</Td>
            <Td>{u.organizationName ?? "—"}</Td>
            <Td className="whitespace-nowrap">
              <Badge tone={STATUS[u.status].tone}>{STATUS[u.status].label}</Badge>
              {u.lockedUntil && (
                <span className="ml-1"><Badge tone="danger">锁定至 {formatDateTime(u.lockedUntil)}</Badge></span>
              )}
            </Td>
            <Td className="whitespace-nowrap">{formatDateTime(u.lastLoginAt)}</Td>
            <Td>
              <UserRowActions userId={u.id} username={u.username} status={u.status} locked={!!u.lockedUntil} isSelf={u.isSelf} />
            </Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
