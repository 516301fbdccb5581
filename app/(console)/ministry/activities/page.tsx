import type { Metadata } from "next";
import Link from "next/link";
import { toneOf } from "@/components/dashboard/state-tone";
import { Badge } from "@/components/ui/badge";
import { DataTable, type Column } from "@/components/ui/data-table";
import { ListPage } from "@/components/ui/list-page";
import { keywordField } from "@/components/ui/search-form";
import { requirePermission } from "@/lib/auth/session";
import { formatNumber } from "@/lib/format";
import { ACTIVITY_STATE_LABEL, PROGRAM_CODE_LABEL } from "@/lib/labels";
import { reviewPlanOptions, searchReviewAssignments } from "@/lib/activities/review-queries";
import { REVIEW_STATUS_LABEL, reviewAssignmentSearchSchema } from "@/lib/activities/review-schemas";
import { provinceOptions } from "@/lib/reference/queries";
import { firstValues, queryValues, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "示范活动评审" };

type Row = Awaited<ReturnType<typeof searchReviewAssignments>>["rows"][number];

const STATUS_TONE = { NONE: "danger", SHORT: "warning", PENDING: "brand", DONE: "success" } as const;

const COLUMNS: Column<Row>[] = [
  {
    header: "申报",
    cell: (r) => (
      <>
        <Link href={`/activities/${r.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">{r.title}</Link>
        <div className="mt-1 text-xs text-slate-600">{r.planLabel} · {r.applicant}</div>
        {r.base && <div className="mt-1"><Badge tone="brand">基地承办</Badge></div>}
      </>
    ),
  },
  { header: "推荐渠道", cell: (r) => <>{r.channel}{r.recommendRank && <div className="text-xs text-slate-600">推荐排序第 {r.recommendRank} 位</div>}</> },
  { header: "状态", className: "whitespace-nowrap", cell: (r) => <Badge tone={toneOf(r.state)}>{ACTIVITY_STATE_LABEL[r.state]}</Badge> },
  {
    header: "评审", className: "whitespace-nowrap",
    cell: (r) => (
      <>
        <Badge tone={STATUS_TONE[r.status]}>{REVIEW_STATUS_LABEL[r.status]}</Badge>
        <div className="mt-1 text-xs text-slate-600">已评 {r.submitted} / 已分配 {r.assigned}</div>
      </>
    ),
  },
  { header: "评审专家", cell: (r) => (r.reviewers.length ? r.reviewers.join("、") : "—") },
  {
    header: "操作", className: "whitespace-nowrap",
    cell: (r) => (
      <div className="flex flex-col gap-1">
        <Link href={`/ministry/activities/${r.id}`} className="text-brand-700 underline-offset-2 hover:underline" aria-label={`分配评审：${r.title}`}>
          {r.underReview && r.state === "RECOMMENDED" ? "分配评审" : "评审情况"}
        </Link>
        {r.planId && (
          <Link href={`/ministry/plans/${r.planId}/selection`} className="text-brand-700 underline-offset-2 hover:underline" aria-label={`遴选会：${r.title}`}>
            遴选会
          </Link>
        )}
      </div>
    ),
  },
];

export default async function MinistryActivitiesPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePermission("/ministry/activities", "activity.select");
  const search = reviewAssignmentSearchSchema.parse(await firstValues(searchParams));
  const [result, plans, provinces] = await Promise.all([searchReviewAssignments(search), reviewPlanOptions(), provinceOptions()]);
  const openPlans = plans.filter((p) => p.state === "OPEN" || p.state === "CLOSED");
  return (
    <ListPage
      title="示范活动评审"
      subtitle="为省份和国务院有关部门推荐的申报分配评审专家（每项至少两名，同省、团队成员回避），评分完成后在遴选会上作出决定。"
      path="/ministry/activities"
      values={queryValues(search)}
      search={{
        label: "评审查询",
        fields: [
          keywordField("申报名称"),
          { kind: "select", name: "plan", label: "年度计划", choices: plans.map(({ value, label }) => ({ value, label })), all: "全部计划" },
          { kind: "select", name: "program", label: "项目", choices: PROGRAM_CODE_LABEL, all: "全部项目" },
          { kind: "select", name: "province", label: "省份", choices: provinces.map((p) => ({ value: p.code, label: p.name })), all: "全部省份" },
          { kind: "select", name: "state", label: "申报状态", choices: { RECOMMENDED: "待遴选（已推荐）", SELECTED: "已入选", NOT_SELECTED: "未入选", ALL: "全部" } },
          { kind: "select", name: "review", label: "评审进度", choices: REVIEW_STATUS_LABEL, all: "全部" },
        ],
        columns: 3,
      }}
      intro={openPlans.length > 0 && (
        <p className="mb-4 text-sm text-slate-700">
          遴选会：{openPlans.map((p, i) => (
            <span key={p.value}>{i > 0 && "、"}<Link href={`/ministry/plans/${p.value}/selection`} className="text-brand-700 underline underline-offset-2">{p.label}</Link></span>
          ))}
        </p>
      )}
      count={`共 ${formatNumber(result.total)} 项申报`}
      empty={result.rows.length === 0 && { title: "没有符合条件的申报", body: "省份和部门推荐后，申报会出现在这里。请调整查询条件后重试。" }}
      page={result}
    >
      <DataTable caption="示范活动评审列表" columns={COLUMNS} rows={result.rows} rowKey={(r) => r.id} />
    </ListPage>
  );
}
