import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { toneOf } from "@/components/dashboard/state-tone";
import { requirePermission } from "@/lib/auth/session";
import { baseDashboard } from "@/lib/dashboard/base-queries";
import { formatDate } from "@/lib/format";
import { BASE_LEVEL_LABEL, BASE_STATE_LABEL, RECTIFICATION_STATE_LABEL } from "@/lib/labels";

export const metadata: Metadata = { title: "基地工作台" };

export default async function BaseDashboardPage() {
  const user = await requirePermission("/base", "console.base");
  const data = await baseDashboard(user);
  return (
    <>
      <PageHeader title="基地工作台" subtitle={data?.hostNames.length ? `依托单位：${data.hostNames.join("、")}` : undefined} />
      <div className="space-y-6">
        <Card title="限期整改通知">
          {!data?.openRectifications.length ? (
            <EmptyState title="没有待办的整改事项" />
          ) : (
            <Table caption="未结束的限期整改通知，按整改期限先后">
              <THead>
                <tr><Th>基地</Th><Th>整改事由</Th><Th>整改期限</Th><Th>状态</Th></tr>
              </THead>
              <TBody>
                {data.openRectifications.map((o) => (
                  <tr key={o.id} className={o.overdue ? "bg-red-50" : undefined}>
                    <Td>{o.baseName}</Td>
                    <Td>{o.reason}</Td>
                    <Td className="whitespace-nowrap">
                      {formatDate(o.deadline)} {o.overdue && <Badge tone="danger">已逾期</Badge>}
                    </Td>
                    <Td><Badge tone={toneOf(o.state)}>{RECTIFICATION_STATE_LABEL[o.state]}</Badge></Td>
                  </tr>
                ))}
              </TBody>
            </Table>
          )}
        </Card>
        <Card title="本单位的专家服务基地">
          {!data?.bases.length ? (
            <EmptyState title="尚无专家服务基地">基地申请功能上线后，可在此申请设立专家服务基地。</EmptyState>
          ) : (
            <Table caption="本单位依托的专家服务基地">
              <THead>
                <tr><Th>基地名称</Th><Th>级别</Th><Th>服务方向</Th><Th>状态</Th><Th>设立日期</Th></tr>
              </THead>
              <TBody>
                {data.bases.map((b) => (
                  <tr key={b.id}>
                    <Td className="font-medium">{b.name}</Td>
                    <Td className="whitespace-nowrap">{BASE_LEVEL_LABEL[b.level]}</Td>
                    <Td>{b.focus}</Td>
                    <Td><Badge tone={toneOf(b.state)}>{BASE_STATE_LABEL[b.state]}</Badge></Td>
                    <Td className="whitespace-nowrap">{formatDate(b.establishedAt)}</Td>
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
