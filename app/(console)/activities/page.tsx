import type { Metadata } from "next";
import Link from "next/link";
import { toneOf } from "@/components/dashboard/state-tone";
import { Badge } from "@/components/ui/badge";
import { LinkButton } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { ListPage } from "@/components/ui/list-page";
import { keywordField } from "@/components/ui/search-form";
import { activityFilterOptions, searchActivities, type ActivityRow } from "@/lib/activities/queries";
import { activitySearchSchema } from "@/lib/activities/schemas";
import { holds } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { formatDate, formatNumber } from "@/lib/format";
import { ACTIVITY_STATE_LABEL, PROGRAM_CODE_LABEL } from "@/lib/labels";
import { firstValues, queryValues, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "示范活动" };

export default async function ActivitiesPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission("/activities", "activity.read");
  const search = activitySearchSchema.parse(await firstValues(searchParams));
  const [result, options] = await Promise.all([searchActivities(user, search), activityFilterOptions()]);
  const applies = holds(user, "activity.apply");
  const years = [...new Set(options.plans.map((p) => p.year))];
  return (
    <ListPage
      title="示范活动申报"
      subtitle="专家人才服务基层示范活动：申报、推荐、遴选和实施情况（按权限范围显示）"
      actions={<>
        {holds(user, "activity.recommend") && <LinkButton href="/activities/recommend" variant="secondary">推荐工作台</LinkButton>}
        {applies && <LinkButton href="/activities/new">申报示范活动</LinkButton>}
      </>}
      exportHref="/api/export/activities"
      path="/activities"
      values={queryValues(search)}
      search={{
        label: "示范活动查询",
        fields: [
          keywordField("活动名称或申报单位"),
          { kind: "select", name: "plan", label: "年度计划", all: "全部",
            choices: options.plans.map((p) => ({ value: p.id, label: `${p.year} ${PROGRAM_CODE_LABEL[p.program.code]}` })) },
          { kind: "select", name: "year", label: "年度", all: "全部", choices: years.map((y) => ({ value: String(y), label: `${y}年度` })) },
          { kind: "select", name: "program", label: "项目类别", choices: PROGRAM_CODE_LABEL, all: "全部" },
          { kind: "select", name: "state", label: "状态", choices: ACTIVITY_STATE_LABEL, all: "全部" },
          { kind: "select", name: "province", label: "省份", all: "全部", choices: options.provinces.map((p) => ({ value: p.code, label: p.name })) },
        ],
      }}
      count={`共 ${formatNumber(result.total)} 项示范活动`}
      empty={result.rows.length === 0 && { title: "没有符合条件的示范活动", body: applies ? "可以点击“申报示范活动”。" : "请调整查询条件后重试。" }}
      page={result}
    >
      <DataTable<ActivityRow>
        caption="示范活动列表"
        rows={result.rows}
        rowKey={(a) => a.id}
        columns={[
          { header: "活动名称", cell: (a) => (
            <>
              <Link href={`/activities/${a.id}`} className="font-medium text-brand-700 hover:underline">{a.title}</Link>
              <div className="mt-1 text-xs text-slate-600">{a.isDemonstration ? `${a.plan?.year ?? ""}年度 ${PROGRAM_CODE_LABEL[a.program.code]}` : "地方示范活动"}</div>
            </>
          ) },
          { header: "申报单位", cell: (a) => <>{a.applicantOrg.name}{a.channelOrg && <div className="text-xs text-slate-600">经{a.channelOrg.name}推荐</div>}</> },
          { header: "活动地点", cell: (a) => a.place },
          { header: "推荐排序", className: "whitespace-nowrap", cell: (a) => (a.recommendRank ? `第 ${a.recommendRank}` : "—") },
          { header: "状态", className: "whitespace-nowrap", cell: (a) => <Badge tone={toneOf(a.state)}>{ACTIVITY_STATE_LABEL[a.state]}</Badge> },
          { header: "提交日期", className: "whitespace-nowrap", cell: (a) => formatDate(a.submittedAt) },
        ]}
      />
    </ListPage>
  );
}
