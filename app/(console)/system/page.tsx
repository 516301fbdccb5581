import type { Metadata } from "next";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "系统管理员工作台" };

export default async function SystemConsolePage() {
  await requirePermission("/system", "console.system");
  return (
    <>
      <PageHeader title="系统管理员工作台" subtitle="三员分立：系统管理员维护账号（解锁、停用、启用），不授予角色，也不查询审计日志。" />
      <Card title="账号管理">
        <p className="mb-3 text-sm text-slate-600">全国账号的登录锁定与启停。</p>
        <LinkButton href="/system/users">进入账号管理</LinkButton>
      </Card>
    </>
  );
}
