import type { Metadata } from "next";
import Link from "next/link";
import { toneOf } from "@/components/dashboard/state-tone";
import { Badge } from "@/components/ui/badge";
import { LinkButton } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { ListPage } from "@/components/ui/list-page";
import { keywordField } from "@/components/ui/search-form";
import { searchPlans, type PlanRow } from "@/lib/activities/queries";
import { planSearchSchema } from "@/lib/activities/schemas";
import { requirePermission } from "@/lib/auth/session";
import { formatDate, formatNumber } from "@/lib/format";
import { PLAN_STATE_LABEL, PROGRAM_CODE_LABEL } from "@/lib/labels";
import { firstValues, queryValues, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "年度计划" };

export default async function PlansPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePermission("/ministry/plans", "plan.manage");
  const search = planSearchSchema.parse(await firstValues(searchParams));
  const result = await searchPlans(search);
  return (
    <ListPage
      title="年度计划"
      subtitle="示范活动的年度主题、申报窗口、各省和部门推荐名额、评审细则"
      actions={<LinkButton href="/ministry/plans/new">新建年度计划</LinkButton>}
      path="/ministry/plans"
      values={queryValues(search)}
      search={{
        label: "年度计划查询",
        fields: [
          keywordField("主题或年度"),
          { kind: "select", name: "program", label: "项目类别", choices: PROGRAM_CODE_LABEL, all: "全部" },
          { kind: "select", name: "state", label: "状态", choices: PLAN_STATE_LABEL, all: "全部" },
        ],
      }}
      count={`共 ${formatNumber(result.total)} 个年度计划`}
      empty={result.rows.length === 0 && { title: "没有符合条件的年度计划", body: "可以点击“新建年度计划”。" }}
      page={result}
    >
      <DataTable<PlanRow>
        caption="年度计划列表"
        rows={result.rows}
        rowKey={(p) => p.id}
        columns={[
          { header: "年度", className: "whitespace-nowrap", cell: (p) => p.year },
          { header: "项目类别", cell: (p) => PROGRAM_CODE_LABEL[p.program.code] },
          { header: "年度主题", cell: (p) => <Link href={`/ministry/plans/${p.id}`} className="font-medium text-brand-700 hover:underline">{p.theme}</Link> },
          { header: "遴选名额", className: "whitespace-nowrap", cell: (p) => `${p.quota} 项` },
          { header: "申报窗口", className: "whitespace-nowrap", cell: (p) => `${formatDate(p.applicationOpensAt)} 起` },
          { header: "申报数", className: "whitespace-nowrap", cell: (p) => p._count.activities },
          { header: "状态", className: "whitespace-nowrap", cell: (p) => <Badge tone={toneOf(p.state)}>{PLAN_STATE_LABEL[p.state]}</Badge> },
        ]}
      />
    </ListPage>
  );
}
