import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { ErrorTable } from "@/components/imports/error-table";
import { JobActions } from "@/components/imports/job-actions";
import { IMPORT_STATE } from "@/components/imports/labels";
import { loadInScope } from "@/lib/auth/load-in-scope";
import { formatDateTime, formatNumber } from "@/lib/format";
import { importJobDetail, importJobInScope } from "@/lib/import/queries";
import { jobPageSchema } from "@/lib/import/schemas";
import { KIND_LABEL } from "@/lib/import/scope";
import { firstValues, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "导入详情" };

type Props = { params: Promise<{ id: string }>; searchParams: SearchParams };

export default async function ImportJobPage({ params, searchParams }: Props) {
  const { id } = await params;
  const path = `/imports/${id}`;
  await loadInScope({ path, ...importJobInScope(id) });
  const { page } = jobPageSchema.parse(await firstValues(searchParams));
  const job = (await importJobDetail(id, page))!;
  const kindLabel = KIND_LABEL[job.kind];
  const state = IMPORT_STATE[job.state];
  const resultHref = job.kind === "EXPERTS" ? "/experts" : "/needs";
  return (
    <>
      <PageHeader
        title={`${kindLabel}导入：${job.fileName}`}
        subtitle={<>上传人 {job.createdBy} · {formatDateTime(job.createdAt)} · <Link href="/imports" className="text-brand-700 underline">返回导入记录</Link></>}
      />
      <Card title="校验结果" action={<Badge tone={state.tone}>{state.label}</Badge>}>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          <div><dt className="text-sm text-slate-500">数据行</dt><dd className="text-xl font-semibold tabular-nums">{formatNumber(job.totalRows)}</dd></div>
          <div><dt className="text-sm text-slate-500">可导入</dt><dd className="text-xl font-semibold tabular-nums text-emerald-700">{formatNumber(job.validRows)}</dd></div>
          <div><dt className="text-sm text-slate-500">有误的行</dt><dd className="text-xl font-semibold tabular-nums text-red-700">{formatNumber(job.errorRows)}</dd></div>
          <div><dt className="text-sm text-slate-500">已导入</dt><dd className="text-xl font-semibold tabular-nums">{formatNumber(job.committedRows)}</dd></div>
        </dl>
        <div className="mt-4">
          <JobActions
            key={job.state}
            jobId={job.id}
            kind={job.kind}
            kindLabel={kindLabel}
            errorRows={job.errorRows}
            initial={{ state: job.state, processedRows: job.processedRows, validRows: job.validRows, committedRows: job.committedRows, failureReason: job.failureReason }}
          />
        </div>
        {job.state === "COMMITTED" && (
          <div className="mt-4 flex flex-wrap items-center gap-3" role="status">
            <p className="text-sm text-emerald-800">已成功导入 {formatNumber(job.committedRows)} 条{kindLabel}（{formatDateTime(job.finishedAt)}）。</p>
            <LinkButton href={resultHref} variant="secondary" size="sm">查看{job.kind === "EXPERTS" ? "专家" : "需求"}</LinkButton>
          </div>
        )}
        {job.state === "CANCELLED" && <p className="mt-4 text-sm text-slate-700" role="status">已放弃本次导入，未写入任何数据。</p>}
        {job.state === "FAILED" && <p className="mt-4 text-sm text-red-700" role="alert">{job.failureReason ?? "导入失败，未写入任何数据。"}</p>}
      </Card>

      <div className="mt-6 mb-2 flex flex-wrap items-end justify-between gap-2">
        <h2 className="text-lg font-semibold text-slate-800">错误明细</h2>
        {job.errorCount > 0 && (
          <a href={`/api/imports/${job.id}/errors`} className="text-sm text-brand-700 underline">下载错误明细（.csv）</a>
        )}
      </div>
      {job.headerErrors > 0 && <p className="mb-2 text-sm text-amber-800">第 1 行（表头）有 {job.headerErrors} 个问题，请对照模板检查列名。</p>}
      {job.errorCount === 0 ? (
        <EmptyState title="没有发现错误">所有行均已通过校验。</EmptyState>
      ) : (
        <>
          <p className="mb-2 text-sm text-slate-600">共 {formatNumber(job.errorCount)} 个错误，涉及 {formatNumber(job.errorRows)} 行。</p>
          <ErrorTable rows={job.errors} />
          <Pagination page={job.errorPage} pageSize={job.errorPageSize} total={job.errorCount} basePath={path} />
        </>
      )}
    </>
  );
}
