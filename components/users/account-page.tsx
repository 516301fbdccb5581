import { DefinitionList } from "@/components/dashboard/definition-list";
import { Badge } from "@/components/ui/badge";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { ExpiryForm, GrantRoleForm, ResetMfaPanel, RevokeRoleButton } from "@/components/users/account-forms";
import type { GrantChoices } from "@/components/users/role-organization-fields";
import { isAdminRole, mayActOnAccount, ROLE_LABEL, type SessionUser } from "@/lib/auth/roles";
import { can, holds } from "@/lib/auth/permissions";
import { chinaDate } from "@/lib/calendar/china-time";
import { formatDate, formatDateTime } from "@/lib/format";
import type { Role } from "@/lib/generated/prisma/enums";
import type { AccountDetail } from "@/lib/users/queries";
import { GRANTABLE_ROLES } from "@/lib/users/schemas";

type Props = { user: SessionUser; account: AccountDetail; listPath: string; choices: GrantChoices };

const STATUS = { ACTIVE: { label: "正常", tone: "success" }, PENDING: { label: "待审核", tone: "warning" }, DISABLED: { label: "已停用", tone: "neutral" } } as const;
const MFA = { ENABLED: "已启用", PENDING: "设置中（尚未完成）", NONE: "未设置" } as const;

/** A temporary account's last day (expiresAt is the moment the next China day begins: lib/users/accounts.ts). */
const lastDay = (expiresAt: Date) => chinaDate(new Date(expiresAt.getTime() - 1));


/** Why a role has no 撤销 button (null when it has one). */
function keptBecause(user: SessionUser, account: AccountDetail, g: AccountDetail["roles"][number]): string | null {
  if (isAdminRole(g.role)) return "三员角色由安全管理员管理";
  if (!(GRANTABLE_ROLES as readonly Role[]).includes(g.role)) return "随专家档案管理";
  if (account.roles.length <= 1) return "唯一角色，不能撤销";
  if (!can(user, "user.create", g.scope)) return "不在本级管理范围";
  return null;
}

/** An account's page, shared by the ministry (全国) and province (本省) consoles: the record and what may be changed. */
export function AccountPage({ user, account, listPath, choices }: Props) {
  const self = account.id === user.id;
  const threeAdmin = account.roles.some((g) => isAdminRole(g.role));
  const manageable = mayActOnAccount(user.roles, account.roles.map((g) => g.role));
  const mayGrant = !self && !threeAdmin && holds(user, "user.create") && choices.roles.length > 0;
  const mayResetMfa = !self && manageable && holds(user, "user.resetPassword");
  const expired = !!account.expiresAt && account.expiresAt <= new Date();
  return (
    <>
      <PageHeader title={`${account.displayName}（${account.username}）`} subtitle={account.organizationName ?? "未关联单位"}
        actions={<LinkButton href={listPath} variant="secondary">返回账号管理</LinkButton>} />
      <div className="space-y-6">
        {self && (
          <p role="note" className="rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200">
            这是您本人的账号：角色、有效期和二次验证只能由其他管理员修改；修改密码和设置二次验证请到“账号设置”。
          </p>
        )}
        <Card title="账号信息">
          <DefinitionList items={[
            { label: "账号", value: <span className="font-mono">{account.username}</span> },
            { label: "姓名", value: account.displayName },
            { label: "所在单位", value: account.organizationName ?? "—" },
            {
              label: "状态",
              value: (
                <span className="flex flex-wrap gap-1">
                  <Badge tone={STATUS[account.status].tone}>{STATUS[account.status].label}</Badge>
                  {account.lockedUntil && <Badge tone="danger">锁定至 {formatDateTime(account.lockedUntil)}</Badge>}
                  {account.mustChangePassword && <Badge tone="warning">一次性密码待修改</Badge>}
                </span>
              ),
            },
            {
              label: "有效期",
              value: account.expiresAt
                ? <Badge tone={expired ? "danger" : "warning"}>临时账号，有效期至 {lastDay(account.expiresAt)}{expired ? "（已到期）" : ""}</Badge>
                : "长期",
            },
            {
              label: "二次验证",
              value: account.mfa === "ENABLED"
                ? `${MFA.ENABLED}（${formatDate(account.mfaEnabledAt)} 起；未使用的恢复码 ${account.recoveryCodesLeft} 个）`
                : MFA[account.mfa],
            },
            { label: "最近登录", value: `${formatDateTime(account.lastLoginAt)}${account.lastLoginAt && account.lastLoginIp ? `（${account.lastLoginIp}）` : ""}` },
            { label: "创建时间", value: formatDateTime(account.createdAt) },
          ]} />
        </Card>
        <Card title="角色">
          <DataTable caption="角色列表" rows={account.roles} rowKey={(g) => g.id} columns={[
            { header: "角色", className: "whitespace-nowrap", cell: (g) => ROLE_LABEL[g.role] },
            { header: "所在单位或省份", cell: (g) => g.place ?? "全国" },
            { header: "分配时间", className: "whitespace-nowrap", cell: (g) => formatDateTime(g.createdAt) },
            !self && {
              header: "操作", headerClassName: "text-right",
              cell: (g) => {
                const why = keptBecause(user, account, g);
                return why
                  ? <span className="block text-right text-xs text-slate-500">{why}</span>
                  : <RevokeRoleButton userId={account.id} grantId={g.id} roleLabel={`${ROLE_LABEL[g.role]}（${g.place ?? "全国"}）`} />;
              },
            },
          ]} empty={{ title: "该账号没有角色" }} />
        </Card>
        {mayGrant && (
          <Card title="分配角色">
            <GrantRoleForm userId={account.id} roles={choices.roles} organizations={choices.organizations} />
          </Card>
        )}
        {threeAdmin && !self && (
          <p className="text-sm text-slate-600">
            该账号担任三员角色，业务管理员不能管理：不能再分配业务角色；三员角色的授予和收回、密码和二次验证的重置由安全管理员在“三员角色”中办理，解锁和停用由系统管理员办理。
          </p>
        )}
        {!self && manageable && (
          <Card title="有效期">
            <ExpiryForm userId={account.id} expiresOn={account.expiresAt ? lastDay(account.expiresAt) : ""} />
          </Card>
        )}
        {mayResetMfa && (
          <Card title="重置二次验证">
            <p className="mb-3 text-sm text-slate-600">本人丢失手机或验证器时使用：清除动态口令密钥和恢复码，结束其全部会话。</p>
            <ResetMfaPanel userId={account.id} username={account.username} enrolled={account.mfa !== "NONE"} />
          </Card>
        )}
      </div>
    </>
  );
}
