import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { DataTable, type Column } from "@/components/ui/data-table";
import { ListPage } from "@/components/ui/list-page";
import { keywordField } from "@/components/ui/search-form";
import { requirePermission } from "@/lib/auth/session";
import { formatDate, formatNumber } from "@/lib/format";
import { searchMyReviews } from "@/lib/activities/review-queries";
import { myReviewSearchSchema } from "@/lib/activities/review-schemas";
import { firstValues, queryValues, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "评审任务" };

type Row = Awaited<ReturnType<typeof searchMyReviews>>["rows"][number];

const COLUMNS: Column<Row>[] = [
  {
    header: "申报",
    cell: (r) => (
      <>
        <Link href={`/expert/reviews/${r.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">{r.title}</Link>
        <div className="mt-1 text-xs text-slate-600">{r.plan} · {r.province}</div>
      </>
    ),
  },
  { header: "分配日期", className: "whitespace-nowrap", cell: (r) => formatDate(r.assignedAt) },
  {
    header: "状态", className: "whitespace-nowrap",
    cell: (r) => (r.submittedAt ? <><Badge tone="success">已评分</Badge><div className="mt-1 text-xs text-slate-600">{r.total} 分 · {formatDate(r.submittedAt)}</div></>
      : r.open ? <Badge tone="warning">待评分</Badge> : <Badge>评审已结束</Badge>),
  },
];

export default async function ExpertReviewsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission("/expert/reviews", "activity.review");
  const search = myReviewSearchSchema.parse(await firstValues(searchParams));
  const result = await searchMyReviews(user, search);
  return (
    <ListPage
      title="评审任务"
      subtitle="部级管理员分配给您的示范活动申报：请按年度评审细则逐项打分并填写评审意见。与您同省的申报不会分配给您。"
      path="/expert/reviews"
      values={queryValues(search)}
      search={{
        label: "评审任务查询",
        fields: [keywordField("申报名称"), { kind: "select", name: "status", label: "状态", choices: { PENDING: "待评分", SUBMITTED: "已评分", ALL: "全部" } }],
      }}
      count={`共 ${formatNumber(result.total)} 项评审任务`}
      empty={result.rows.length === 0 && { title: search.status === "SUBMITTED" || search.status === "ALL" ? "没有评审任务" : "暂无待评分的任务", body: "分配新的评审任务时，您会收到通知。" }}
      page={result}
    >
      <DataTable caption="评审任务列表" columns={COLUMNS} rows={result.rows} rowKey={(r) => r.id} />
    </ListPage>
  );
}
