import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { StatGrid, StatTile } from "@/components/ui/stat-tile";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { StateBreakdown } from "@/components/dashboard/state-breakdown";
import { requirePermission } from "@/lib/auth/session";
import { provinceDashboard } from "@/lib/dashboard/province-queries";
import { formatDate } from "@/lib/format";
import { ACTIVITY_STATE_LABEL, BASE_STATE_LABEL, byStateRows, NEED_STATE_LABEL } from "@/lib/labels";

export const metadata: Metadata = { title: "省级工作台" };

export default async function ProvinceDashboardPage() {
  const user = await requirePermission("/province", "console.province");
  const data = await provinceDashboard(user);
  if (!data) {
    return (
      <>
        <PageHeader title="省级工作台" />
        <EmptyState title="账号尚未关联省份">请联系部级管理员为账号设置所属省份。</EmptyState>
      </>
    );
  }
  const pending = data.needsByState.SUBMITTED ?? 0;
  const liveBases = (data.basesByState.ESTABLISHED ?? 0) + (data.basesByState.RECTIFYING ?? 0);
  const activities = Object.entries(data.activitiesByState).reduce((a, [s, n]) => a + (s === "DRAFT" ? 0 : (n ?? 0)), 0);
  return (
    <>
      <PageHeader title={`省级工作台（${data.provinceNames.join("、") || "本省"}）`} subtitle="本省需求审核、专家、基地与活动概览" />
      <div className="space-y-6">
        <StatGrid>
          <StatTile label="待审核需求" value={pending} unit="项" highlight={pending > 0} href="/needs" />
          <StatTile label="本省专家" value={data.experts} unit="人" hint={`其中重点联系专家 ${data.library} 人`} />
          <StatTile label="待审核专家注册" value={data.expertsPending} unit="人" highlight={data.expertsPending > 0} />
          <StatTile label="已设立专家服务基地" value={liveBases} unit="个" hint={`限期整改中 ${data.basesByState.RECTIFYING ?? 0} 个`} />
          <StatTile label="示范及地方活动" value={activities} unit="项" />
        </StatGrid>
        <Card title="本省需求（按状态）">
          <StateBreakdown rows={byStateRows(NEED_STATE_LABEL, data.needsByState)} highlight={["SUBMITTED"]} />
        </Card>
        <Card title="最早提交的待审核需求">
          {data.pendingNeeds.length === 0 ? (
            <EmptyState title="暂无待审核需求" />
          ) : (
            <Table caption="待审核需求，按提交时间先后">
              <THead>
                <tr><Th>需求编号</Th><Th>标题</Th><Th>填报单位</Th><Th>提交日期</Th></tr>
              </THead>
              <TBody>
                {data.pendingNeeds.map((n) => (
                  <tr key={n.id}>
                    <Td className="whitespace-nowrap font-mono text-xs">{n.code}</Td>
                    <Td><Link href={`/needs/${n.id}`} className="text-brand-700 hover:underline">{n.title}</Link></Td>
                    <Td>{n.unitName}</Td>
                    <Td className="whitespace-nowrap">{formatDate(n.submittedAt)}</Td>
                  </tr>
                ))}
              </TBody>
            </Table>
          )}
        </Card>
        <div className="grid gap-6 lg:grid-cols-2">
          <Card title="本省专家服务基地（按状态）">
            <StateBreakdown rows={byStateRows(BASE_STATE_LABEL, data.basesByState)} highlight={["APPLIED"]} hideZero />
          </Card>
          <Card title="本省活动（按状态）">
            <StateBreakdown rows={byStateRows(ACTIVITY_STATE_LABEL, data.activitiesByState)} highlight={["SUBMITTED"]} hideZero />
          </Card>
        </div>
      </div>
    </>
  );
}
