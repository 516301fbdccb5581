import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { StateBreakdown } from "@/components/dashboard/state-breakdown";
import { toneOf } from "@/components/dashboard/state-tone";
import { requirePermission } from "@/lib/auth/session";
import { unitDashboard } from "@/lib/dashboard/unit-queries";
import { formatDate } from "@/lib/format";
import { byStateRows, NEED_STATE_LABEL } from "@/lib/labels";

export const metadata: Metadata = { title: "基层单位工作台" };

export default async function UnitDashboardPage() {
  const user = await requirePermission("/unit", "console.unit");
  const data = await unitDashboard(user);
  if (!data) {
    return (
      <>
        <PageHeader title="基层单位工作台" />
        <EmptyState title="账号尚未关联单位">请联系省级管理员为账号设置所属单位。</EmptyState>
      </>
    );
  }
  return (
    <>
      <PageHeader
        title={`基层单位工作台（${data.unitNames.join("、")}）`}
        subtitle="本单位需求办理情况"
        actions={<><LinkButton href="/needs/new">点餐下单</LinkButton><LinkButton href="/needs" variant="secondary">我的需求</LinkButton></>}
      />
      <div className="space-y-6">
        <Card title="本单位需求（按状态）">
          <StateBreakdown rows={byStateRows(NEED_STATE_LABEL, data.needsByState)} highlight={["RETURNED"]} />
        </Card>
        <Card title="最近的需求">
          {data.recentNeeds.length === 0 ? (
            <EmptyState title="还没有填报需求">点击“点餐下单”，从服务菜单中选择服务项目并填报需求。</EmptyState>
          ) : (
            <Table caption="本单位最近更新的需求">
              <THead>
                <tr><Th>需求编号</Th><Th>标题</Th><Th>状态</Th><Th>更新日期</Th></tr>
              </THead>
              <TBody>
                {data.recentNeeds.map((n) => (
                  <tr key={n.id}>
                    <Td className="whitespace-nowrap font-mono text-xs">{n.code}</Td>
                    <Td><Link href={`/needs/${n.id}`} className="text-brand-700 hover:underline">{n.title}</Link></Td>
                    <Td><Badge tone={toneOf(n.state)}>{NEED_STATE_LABEL[n.state]}</Badge></Td>
                    <Td className="whitespace-nowrap">{formatDate(n.updatedAt)}</Td>
                  </tr>
                ))}
              </TBody>
            </Table>
          )}
        </Card>
      </div>
    </>
  );
}
