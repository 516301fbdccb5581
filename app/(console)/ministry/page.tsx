import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { LinkButton } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { StatGrid, StatTile } from "@/components/ui/stat-tile";
import { StateBreakdown } from "@/components/dashboard/state-breakdown";
import { ZoneTable } from "@/components/dashboard/zone-table";
import { requirePermission } from "@/lib/auth/session";
import { ministryDashboard } from "@/lib/dashboard/ministry-queries";
import { ACTIVITY_STATE_LABEL, BASE_STATE_LABEL, byStateRows, NEED_STATE_LABEL } from "@/lib/labels";

export const metadata: Metadata = { title: "部级工作台" };

export default async function MinistryDashboardPage() {
  const user = await requirePermission("/ministry", "console.ministry");
  const data = await ministryDashboard(user);
  if (!data) return <EmptyState title="暂无全国数据权限" />;
  const needs = byStateRows(NEED_STATE_LABEL, data.needsByState);
  const bases = byStateRows(BASE_STATE_LABEL, data.basesByState);
  const liveBases = (data.basesByState.ESTABLISHED ?? 0) + (data.basesByState.RECTIFYING ?? 0);
  const needTotal = needs.filter((r) => r.state !== "DRAFT").reduce((a, r) => a + r.count, 0);
  return (
    <>
      <PageHeader
        title="部级工作台"
        subtitle="全国专家人才服务基层工作概览"
        actions={<LinkButton href="/ministry/audit" variant="secondary">审计日志</LinkButton>}
      />
      <div className="space-y-6">
        <StatGrid>
          <StatTile label="专家库专家" value={data.experts} unit="人" />
          <StatTile label="重点联系专家库" value={data.library} unit="人" />
          <StatTile label="已提交需求" value={needTotal} unit="项" hint={`已完成 ${data.needsByState.COMPLETED ?? 0} 项`} />
          <StatTile label="已设立专家服务基地" value={liveBases} unit="个" hint={`限期整改中 ${data.basesByState.RECTIFYING ?? 0} 个`} />
          <StatTile label="示范及地方活动" value={data.activities} unit="项" />
          <StatTile label="已发布典型案例" value={data.publishedCases} unit="篇" />
        </StatGrid>
        <Card title="分区域统计（东部 / 中部 / 西部 / 东北）">
          <ZoneTable rows={data.zones} />
        </Card>
        <Card title="需求（按状态）">
          <StateBreakdown rows={needs} />
        </Card>
        <div className="grid gap-6 lg:grid-cols-2">
          <Card title="专家服务基地（按状态）">
            <StateBreakdown rows={bases} />
          </Card>
          <Card title="活动（按状态）">
            <StateBreakdown rows={byStateRows(ACTIVITY_STATE_LABEL, data.activitiesByState)} hideZero />
          </Card>
        </div>
      </div>
    </>
  );
}
