import type { Metadata } from "next";
import Link from "next/link";
import { toneOf } from "@/components/dashboard/state-tone";
import { Badge } from "@/components/ui/badge";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { departmentOverview } from "@/lib/activities/queries";
import { requirePermission } from "@/lib/auth/session";
import { ACTIVITY_STATE_LABEL, PLAN_STATE_LABEL, PROGRAM_CODE_LABEL } from "@/lib/labels";

export const metadata: Metadata = { title: "部门工作台" };

export default async function DepartmentPage() {
  const user = await requirePermission("/department", "console.department");
  const data = await departmentOverview(user);
  if (!data) return (<><PageHeader title="部门工作台" /><EmptyState title="账号未关联国务院有关部门" /></>);
  return (
    <>
      <PageHeader title={`部门工作台：${data.org.name}`} subtitle="国务院有关部门：在本部门名额内预审、排序和推荐示范活动，也可直接申报。"
        actions={<><LinkButton href="/activities/recommend">示范活动推荐</LinkButton><LinkButton href="/activities/new" variant="secondary">申报示范活动</LinkButton></>} />
      <div className="space-y-6">
        <Card title="各年度计划名额使用">
          <DataTable caption="名额使用" rows={data.quotaUse} rowKey={(q) => q.plan.id} empty={{ title: "当前没有年度计划" }}
            columns={[
              { header: "年度计划", cell: (q) => `${q.plan.year}年度 ${PROGRAM_CODE_LABEL[q.plan.program.code]}：${q.plan.theme}` },
              { header: "状态", className: "whitespace-nowrap", cell: (q) => <Badge tone={toneOf(q.plan.state)}>{PLAN_STATE_LABEL[q.plan.state]}</Badge> },
              { header: "名额", className: "whitespace-nowrap", cell: (q) => `${q.quota} 项` },
              { header: "已推荐", className: "whitespace-nowrap", cell: (q) => `${q.used} 项` },
              { header: "待预审", className: "whitespace-nowrap", cell: (q) => (q.waiting ? <Link href={`/activities/recommend?plan=${q.plan.id}`} className="text-brand-700 hover:underline">{q.waiting} 项</Link> : "0 项") },
              { header: "推荐截止", className: "whitespace-nowrap", cell: (q) => q.deadlineOn ?? "—" },
            ]} />
        </Card>
        <Card title="本部门的示范活动" action={<Link href="/activities" className="text-sm text-brand-700 hover:underline">全部</Link>}>
          <DataTable caption="本部门的示范活动" rows={data.recent} rowKey={(a) => a.id} empty={{ title: "暂无申报" }}
            columns={[
              { header: "活动", cell: (a) => <Link href={`/activities/${a.id}`} className="text-brand-700 hover:underline">{a.title}</Link> },
              { header: "申报单位", cell: (a) => a.applicantOrg.name },
              { header: "年度", className: "whitespace-nowrap", cell: (a) => (a.plan ? `${a.plan.year}` : "—") },
              { header: "状态", className: "whitespace-nowrap", cell: (a) => <Badge tone={toneOf(a.state)}>{ACTIVITY_STATE_LABEL[a.state]}</Badge> },
            ]} />
        </Card>
      </div>
    </>
  );
}
