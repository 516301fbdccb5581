import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable, type Column } from "@/components/ui/data-table";
import { StateBreakdown } from "@/components/dashboard/state-breakdown";
import { toneOf } from "@/components/dashboard/state-tone";
import { requirePermission } from "@/lib/auth/session";
import { unitDashboard } from "@/lib/dashboard/unit-queries";
import { formatDate } from "@/lib/format";
import { byStateRows, NEED_STATE_LABEL } from "@/lib/labels";

export const metadata: Metadata = { title: "基层单位工作台" };

type Recent = NonNullable<Awaited<ReturnType<typeof unitDashboard>>>["recentNeeds"][number];

const RECENT: Column<Recent>[] = [
  { header: "需求编号", className: "whitespace-nowrap font-mono text-xs", cell: (n) => n.code },
  { header: "标题", cell: (n) => <Link href={`/needs/${n.id}`} className="text-brand-700 hover:underline">{n.title}</Link> },
  { header: "状态", cell: (n) => <Badge tone={toneOf(n.state)}>{NEED_STATE_LABEL[n.state]}</Badge> },
  { header: "更新日期", className: "whitespace-nowrap", cell: (n) => formatDate(n.updatedAt) },
];

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
        actions={<><LinkButton href="/needs/new">点餐下单</LinkButton><LinkButton href="/needs" variant="secondary">我的需求</LinkButton><LinkButton href="/tracking" variant="secondary">服务成效统计</LinkButton></>}
      />
      <div className="space-y-6">
        <Card title="本单位需求（按状态）">
          <StateBreakdown rows={byStateRows(NEED_STATE_LABEL, data.needsByState)} highlight={["RETURNED"]} />
        </Card>
        <Card title="最近的需求">
          <DataTable caption="本单位最近更新的需求" columns={RECENT} rows={data.recentNeeds} rowKey={(n) => n.id}
            empty={{ title: "还没有填报需求", body: "点击“点餐下单”，从服务菜单中选择服务项目并填报需求。" }} />
        </Card>
      </div>
    </>
  );
}
