import { ListPage } from "@/components/ui/list-page";
import { LinkButton } from "@/components/ui/button";
import { keywordField, type SearchFields } from "@/components/ui/search-form";
import { UserTable } from "@/components/users/user-table";
import { formatNumber } from "@/lib/format";
import { ROLE_LABEL } from "@/lib/auth/roles";
import { queryValues } from "@/lib/search-params";
import type { searchUsers } from "@/lib/users/queries";
import type { UserSearch } from "@/lib/users/schemas";

type Props = {
  path: string; scopeLabel: string; search: UserSearch; result: Awaited<ReturnType<typeof searchUsers>>;
  /** The user may create accounts and reset passwords (user.create / user.resetPassword). */
  may: { create: boolean; reset: boolean };
  /** Link each account to its page (`${path}/[id]`): the ministry's and provinces' consoles have one. */
  detailPages?: boolean;
};

const FIELDS: SearchFields = [
  keywordField("账号、姓名或单位名称"),
  { kind: "select", name: "role", label: "角色", choices: ROLE_LABEL, all: "全部" },
  {
    kind: "select", name: "status", label: "状态", all: "全部",
    choices: { ACTIVE: "正常", LOCKED: "已锁定", PENDING: "待审核", DISABLED: "已停用" },
  },
];

/** 账号管理, shared by the ministry (全国) and province (本省) consoles. */
export function UserAdminPage({ path, scopeLabel, search, result, may, detailPages }: Props) {
  const rows = result.rows.map((r) => ({ ...r, roleLabels: r.roles.map((role) => ROLE_LABEL[role]).join("、") || "—" }));
  return (
    <ListPage
      title="账号管理"
      subtitle={`${scopeLabel}账号：新建账号、分配或撤销角色、设置有效期、重置密码或二次验证、解除登录锁定、停用或启用账号。所有操作记入审计日志。`}
      actions={may.create && <LinkButton href={`${path}/new`}>新建账号</LinkButton>}
      exportHref="/api/export/users"
      path={path}
      values={queryValues(search)}
      search={{ label: "账号查询", fields: FIELDS }}
      count={`共 ${formatNumber(result.total)} 个账号`}
      empty={rows.length === 0 && { title: "没有符合条件的账号", body: "请调整查询条件后重试。" }}
      page={result}
    >
      <UserTable rows={rows} canReset={may.reset} detailPath={detailPages ? path : undefined} />
    </ListPage>
  );
}
