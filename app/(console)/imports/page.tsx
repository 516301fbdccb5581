import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { JobHistory } from "@/components/imports/job-history";
import { UploadForm } from "@/components/imports/upload-form";
import { requirePermission, requireUser } from "@/lib/auth/session";
import { formatNumber } from "@/lib/format";
import { listImportJobs } from "@/lib/import/queries";
import { jobPageSchema } from "@/lib/import/schemas";
import { KIND_LABEL, kindsFor, operationOf } from "@/lib/import/scope";
import { firstValues, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "批量导入" };

const SCOPE_HINT = {
  EXPERTS: "省级只能导入本省专家（所在地区须在本省），部级可导入任意地区。导入的专家状态为“正常”，来源为“批量导入”，不创建登录账号。",
  NEEDS: "省级导入的需求直接进入本省待审核队列；基层单位导入的需求为本单位草稿，核对后再提交。",
} as const;

export default async function ImportsPage({ searchParams }: { searchParams: SearchParams }) {
  const signedIn = await requireUser("/imports");
  const kinds = kindsFor(signedIn);
  // Refused (and audited) unless the user holds an import operation.
  const user = await requirePermission("/imports", operationOf(kinds[0] ?? "EXPERTS"));
  const { page } = jobPageSchema.parse(await firstValues(searchParams));
  const jobs = await listImportJobs(user, page);
  return (
    <>
      <PageHeader title="批量导入" subtitle="下载模板填写后上传 .xlsx 或 .csv 文件，系统逐行校验，确认后再写入。" />
      <div className="grid gap-4 lg:grid-cols-2">
        {kinds.map((kind) => (
          <Card key={kind} title={`${KIND_LABEL[kind]}导入模板`}>
            <p className="text-sm text-slate-600">{SCOPE_HINT[kind]}</p>
            <ul className="mt-3 flex flex-wrap gap-3 text-sm">
              <li><a className="text-brand-700 underline" href={`/api/imports/template?kind=${kind.toLowerCase()}&format=xlsx`}>下载{KIND_LABEL[kind]}模板（.xlsx，含填写说明）</a></li>
              <li><a className="text-brand-700 underline" href={`/api/imports/template?kind=${kind.toLowerCase()}&format=csv`}>下载{KIND_LABEL[kind]}模板（.csv）</a></li>
            </ul>
          </Card>
        ))}
      </div>
      <div className="mt-4">
        <Card title="上传文件">
          <UploadForm kinds={kinds.map((k) => ({ value: k, label: `${KIND_LABEL[k]}` }))} />
        </Card>
      </div>
      <h2 className="mt-8 mb-2 text-lg font-semibold text-slate-800">导入记录</h2>
      <p className="mb-2 text-sm text-slate-600" role="status">共 {formatNumber(jobs.total)} 次导入</p>
      {jobs.rows.length === 0 ? (
        <EmptyState title="还没有导入记录">下载模板、填写后上传即可开始。</EmptyState>
      ) : (
        <JobHistory rows={jobs.rows} />
      )}
      <Pagination page={jobs.page} pageSize={jobs.pageSize} total={jobs.total} basePath="/imports" />
    </>
  );
}
