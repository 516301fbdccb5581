import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable, type Column } from "@/components/ui/data-table";
import { toneOf } from "@/components/dashboard/state-tone";
import { requirePermission } from "@/lib/auth/session";
import { baseDashboard } from "@/lib/dashboard/base-queries";
import { formatDate } from "@/lib/format";
import { BASE_LEVEL_LABEL, BASE_STATE_LABEL, RECTIFICATION_STATE_LABEL } from "@/lib/labels";

export const metadata: Metadata = { title: "基地工作台" };

type Dashboard = NonNullable<Awaited<ReturnType<typeof baseDashboard>>>;

const RECTIFICATIONS: Column<Dashboard["openRectifications"][number]>[] = [
  { header: "基地", cell: (o) => o.baseName },
  { header: "整改事由", cell: (o) => o.reason },
  {
    header: "整改期限", className: "whitespace-nowrap",
    cell: (o) => <>{formatDate(o.deadline)} {o.overdue && <Badge tone="danger">已逾期</Badge>}</>,
  },
  { header: "状态", cell: (o) => <Badge tone={toneOf(o.state)}>{RECTIFICATION_STATE_LABEL[o.state]}</Badge> },
];

const BASES: Column<Dashboard["bases"][number]>[] = [
  { header: "基地名称", className: "font-medium", cell: (b) => b.name },
  { header: "级别", className: "whitespace-nowrap", cell: (b) => BASE_LEVEL_LABEL[b.level] },
  { header: "服务方向", cell: (b) => b.focus },
  { header: "状态", cell: (b) => <Badge tone={toneOf(b.state)}>{BASE_STATE_LABEL[b.state]}</Badge> },
  { header: "设立日期", className: "whitespace-nowrap", cell: (b) => formatDate(b.establishedAt) },
];

export default async function BaseDashboardPage() {
  const user = await requirePermission("/base", "console.base");
  const data = await baseDashboard(user);
  return (
    <>
      <PageHeader title="基地工作台" subtitle={data?.hostNames.length ? `依托单位：${data.hostNames.join("、")}` : undefined} />
      <div className="space-y-6">
        <Card title="限期整改通知">
          <DataTable caption="未结束的限期整改通知，按整改期限先后" columns={RECTIFICATIONS} rows={data?.openRectifications ?? []}
            rowKey={(o) => o.id} rowClassName={(o) => (o.overdue ? "bg-red-50" : undefined)} empty={{ title: "没有待办的整改事项" }} />
        </Card>
        <Card title="本单位的专家服务基地">
          <DataTable caption="本单位依托的专家服务基地" columns={BASES} rows={data?.bases ?? []} rowKey={(b) => b.id}
            empty={{ title: "尚无专家服务基地", body: "基地申请功能上线后，可在此申请设立专家服务基地。" }} />
        </Card>
      </div>
    </>
  );
}
