import type { Metadata } from "next";
import { CreateAdminAccountForm, GrantAdminRoleForm, ResetAdminAccountButtons, RevokeAdminRoleButton } from "@/components/admin-roles/admin-role-forms";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { adminRoleHolders } from "@/lib/admin-roles/queries";
import { ROLE_LABEL } from "@/lib/auth/roles";
import { requirePermission } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "三员角色" };

export default async function AdminRolesPage() {
  const user = await requirePermission("/security/admins", "adminRole.manage");
  const rows = await adminRoleHolders();
  return (
    <>
      <PageHeader title="三员角色" subtitle="系统管理员、安全管理员、审计管理员三者互斥：一个账号至多担任其一；任何人不能给自己授予或收回角色。三员账号的密码和二次验证只在这里重置（业务管理员不能重置）。以上操作均记入审计日志。" />
      <div className="space-y-6">
        <Card title="新建三员账号">
          <p className="mb-3 text-sm text-slate-600">三员使用专用账号，不兼任业务角色。一次性密码只在这里显示一次，本人首次登录时须修改密码并设置二次验证。</p>
          <CreateAdminAccountForm />
        </Card>
        <Card title="授予角色">
          <p className="mb-3 text-sm text-slate-600">只能授予没有业务角色的账号（例如已被收回三员角色的专用账号）。</p>
          <GrantAdminRoleForm />
        </Card>
        <Card title="现任三员">
          <DataTable caption="现任系统管理员、安全管理员和审计管理员" rows={rows} rowKey={(r) => r.id}
            empty={{ title: "尚无三员账号", body: "请在上方新建三员账号。" }}
            columns={[
              { header: "角色", className: "whitespace-nowrap", cell: (r) => <Badge tone="brand">{ROLE_LABEL[r.role]}</Badge> },
              { header: "账号", className: "whitespace-nowrap font-mono text-xs", cell: (r) => r.user.username },
              { header: "姓名", cell: (r) => r.user.displayName },
              { header: "授予时间", className: "whitespace-nowrap tabular-nums", cell: (r) => formatDateTime(r.createdAt) },
              { header: "操作", className: "text-right", cell: (r) => (
                <div className="flex flex-col items-end gap-1">
                  <RevokeAdminRoleButton userId={r.user.id} role={r.role} name={r.user.displayName} isSelf={r.user.id === user.id} />
                  <ResetAdminAccountButtons userId={r.user.id} username={r.user.username} isSelf={r.user.id === user.id} />
                </div>
              ) },
            ]} />
        </Card>
      </div>
    </>
  );
}
