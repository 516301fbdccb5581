import type { Metadata } from "next";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "安全管理员工作台" };

export default async function SecurityConsolePage() {
  await requirePermission("/security", "console.security");
  return (
    <>
      <PageHeader title="安全管理员工作台" subtitle="三员分立：安全管理员授予和收回系统管理员、安全管理员、审计管理员角色，重置三员账号的密码和二次验证，不处理业务数据，也不查询审计日志。" />
      <Card title="三员角色">
        <p className="mb-3 text-sm text-slate-600">查看现任三员，授予或收回角色（一个账号至多担任其一，不能授予自己）。</p>
        <LinkButton href="/security/admins">管理三员角色</LinkButton>
      </Card>
    </>
  );
}
