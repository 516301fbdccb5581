import type { Metadata } from "next";
import Link from "next/link";
import { StartCase } from "@/components/cases/case-forms";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { ListPage } from "@/components/ui/list-page";
import { keywordField } from "@/components/ui/search-form";
import { holds } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { searchCases, shortlistFor } from "@/lib/cases/queries";
import { caseSearchSchema } from "@/lib/cases/schemas";
import { SHORTLIST_RULES } from "@/lib/cases/shortlist";
import { formatDate, formatNumber } from "@/lib/format";
import { CASE_SOURCE_LABEL, CASE_STATE_LABEL } from "@/lib/labels";
import { firstValues, queryValues, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "典型案例" };

type Row = Awaited<ReturnType<typeof searchCases>>["rows"][number];

const COLUMNS: Column<Row>[] = [
  { header: "标题", className: "font-medium", cell: (c) => <Link href={`/editorial/cases/${c.id}`} className="text-brand-700 underline underline-offset-2">{c.title}</Link> },
  { header: "来源", className: "whitespace-nowrap", cell: (c) => (c.sourceKind ? CASE_SOURCE_LABEL[c.sourceKind] : "—") },
  { header: "状态", className: "whitespace-nowrap", cell: (c) => <Badge tone={c.state === "PUBLISHED" ? "success" : c.state === "SUBMITTED" ? "warning" : "neutral"}>{CASE_STATE_LABEL[c.state]}</Badge> },
  { header: "可复制推广", className: "whitespace-nowrap", cell: (c) => (c.replicable ? "是" : "—") },
  { header: "更新时间", className: "whitespace-nowrap", cell: (c) => formatDate(c.updatedAt) },
];

export default async function EditorialCasesPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission("/editorial/cases", "case.read");
  const search = caseSearchSchema.parse(await firstValues(searchParams));
  const writer = holds(user, "case.submit");
  const [result, candidates] = await Promise.all([searchCases(user, search), writer ? shortlistFor(user) : []]);
  const values = queryValues(search);
  return (
    <ListPage
      title="典型案例"
      subtitle="从已结束的服务项目、已完成的示范活动和验收通过的揭榜挂帅中自动筛选候选，撰写案例、送审，审核通过后发布到门户网站"
      path="/editorial/cases"
      values={values}
      search={{ label: "案例查询", fields: [keywordField("标题、摘要或正文"), { kind: "select", name: "state", label: "状态", choices: CASE_STATE_LABEL, all: "全部" }] }}
      intro={writer && (
        <Card className="mb-4">
          <h2 className="text-lg font-semibold text-slate-900">候选案例（自动筛选）</h2>
          <p className="mt-1 text-sm text-slate-600">
            服务项目：已结束，已确认服务记录至少 {SHORTLIST_RULES.engagementMinRecords} 条、{SHORTLIST_RULES.engagementMinHours} 小时，无异议，服务单位评价不低于 {SHORTLIST_RULES.minRating} 分；
            示范活动：已完成，评估未有不合格，评估优秀或评价平均不低于 {SHORTLIST_RULES.activityMinFeedbackMean} 分，量化目标过半完成；
            揭榜挂帅：验收通过并经企业确认，技术指标全部达到。已有案例的来源不再列出。
          </p>
          {candidates.length === 0 ? <div className="mt-3"><EmptyState title="暂无符合条件的候选" /></div> : (
            <ul className="mt-3 divide-y divide-slate-200">
              {candidates.map((c) => (
                <li key={`${c.kind}:${c.id}`} className="flex flex-wrap items-start justify-between gap-3 py-3">
                  <div className="min-w-0">
                    <p className="font-medium text-slate-900"><Badge tone="brand">{CASE_SOURCE_LABEL[c.kind]}</Badge> {c.title}</p>
                    <p className="mt-1 text-sm text-slate-600">{c.regionName} · 结束于 {formatDate(c.finishedAt)}</p>
                    <p className="mt-1 text-sm text-slate-700">入选理由：{c.verdict.reasons.join("；")}</p>
                  </div>
                  <StartCase kind={c.kind} id={c.id} title={c.title} />
                </li>
              ))}
            </ul>
          )}
        </Card>
      )}
      count={`共 ${formatNumber(result.total)} 篇案例`}
      empty={result.rows.length === 0 && { title: "还没有案例", body: "从上方的候选中选择一项开始撰写。" }}
      page={result}
    >
      <DataTable caption="典型案例" columns={COLUMNS} rows={result.rows} rowKey={(c) => c.id} />
    </ListPage>
  );
}
