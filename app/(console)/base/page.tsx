import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable, type Column } from "@/components/ui/data-table";
import { toneOf } from "@/components/dashboard/state-tone";
import { holds } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { hostDesk } from "@/lib/bases/queries";
import { baseDashboard } from "@/lib/dashboard/base-queries";
import { formatDate } from "@/lib/format";
import { BASE_LEVEL_LABEL, BASE_STATE_LABEL, RECTIFICATION_STATE_LABEL } from "@/lib/labels";

export const metadata: Metadata = { title: "基地工作台" };

type Desk = Awaited<ReturnType<typeof hostDesk>>["bases"][number];

/** What the host should do next on a base, in one short phrase. */
function todo(b: Desk): string {
  if (b.state === "DRAFT") return "完善申请材料并提交";
  if (b.state === "RETURNED") return "按退回意见修改后重新提交";
  if (b.state === "APPLIED") return "等待省级审核";
  if (b.state === "PROVINCE_APPROVED") return "等待部级审定";
  if (b.rectifications.some((o) => o.state === "ISSUED")) return "提交整改报告";
  if (b.state === "RECTIFYING") return "等待省级复评";
  if (b.state === "ESTABLISHED") return "按年度报送工作报告";
  return "—";
}

const BASES: Column<Desk>[] = [
  { header: "基地名称", className: "font-medium", cell: (b) => <Link href={`/base/bases/${b.id}`} className="text-brand-700 underline">{b.name}</Link> },
  { header: "编号", className: "whitespace-nowrap", cell: (b) => b.code ?? "—" },
  { header: "级别", className: "whitespace-nowrap", cell: (b) => BASE_LEVEL_LABEL[b.level] },
  { header: "状态", className: "whitespace-nowrap", cell: (b) => <Badge tone={toneOf(b.state)}>{BASE_STATE_LABEL[b.state]}</Badge> },
  {
    header: "整改", className: "whitespace-nowrap",
    cell: (b) => b.rectifications.length ? b.rectifications.map((o) => (
      <span key={o.id}>{RECTIFICATION_STATE_LABEL[o.state]}，期限 {formatDate(o.deadline)} {o.overdue && <Badge tone="danger">已逾期</Badge>}</span>
    )) : "—",
  },
  { header: "年度报告", cell: (b) => b.reports.length ? b.reports.map((r) => `${r.year}年`).join("、") : "—" },
  { header: "待办", cell: todo },
];

export default async function BaseDeskPage() {
  const user = await requirePermission("/base", "console.base");
  const [desk, dashboard] = await Promise.all([hostDesk(user), baseDashboard(user)]);
  return (
    <>
      <PageHeader title="基地工作台" subtitle={dashboard?.hostNames.length ? `依托单位：${dashboard.hostNames.join("、")}` : undefined}
        actions={<>
          {holds(user, "base.apply") && <LinkButton href="/base/apply">申请设立基地</LinkButton>}
          <LinkButton href="/tracking" variant="secondary">基地服务成效</LinkButton>
        </>} />
      <Card title="本单位的专家服务基地">
        <DataTable caption="本单位依托的专家服务基地及待办事项" columns={BASES} rows={desk.bases} rowKey={(b) => b.id}
          rowClassName={(b) => (b.rectifications.some((o) => o.overdue) ? "bg-red-50" : undefined)}
          empty={{ title: "尚无专家服务基地", body: "可点击“申请设立基地”，填写设立条件和年度计划后提交省级审核。" }} />
      </Card>
    </>
  );
}
