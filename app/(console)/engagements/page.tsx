import type { Metadata } from "next";
import { EngagementSearchForm } from "@/components/engagements/engagement-search-form";
import { EngagementTable } from "@/components/engagements/engagement-table";
import { EmptyState } from "@/components/ui/empty-state";
import { ExportLinks } from "@/components/ui/export-links";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { listScope } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { searchEngagements } from "@/lib/engagements/queries";
import { engagementSearchSchema, type EngagementSearch } from "@/lib/engagements/schemas";
import { formatNumber } from "@/lib/format";
import { provinceOptions } from "@/lib/reference/queries";
import { firstValues, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "服务项目" };

function filterValues(search: EngagementSearch): Record<string, string | undefined> {
  return { q: search.q, state: search.state, type: search.type, province: search.province };
}

export default async function EngagementsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission("/engagements", "engagement.read");
  const search = engagementSearchSchema.parse(await firstValues(searchParams));
  const scope = listScope(user, "engagement.read");
  const national = !!scope?.all;
  const [result, provinces] = await Promise.all([searchEngagements(user, search), national ? provinceOptions() : undefined]);
  const values = filterValues(search);
  const mine = scope && !scope.all;
  const [title, subtitle, empty] = national
    ? ["服务项目总览", "全国专家服务项目，只读查看", "请调整查询条件后重试。"]
    : mine && scope.provinceCodes.length
      ? ["本省服务项目", "本省需求的专家服务项目：跟踪进度，必要时取消", "本省需求确认专家团队后，服务项目会出现在这里。"]
      : mine && scope.organizationIds.length
        ? ["本单位服务项目", "与专家商定工作方案、确认服务记录、评价服务", "在需求页面确认已接受邀请的专家后，服务项目会出现在这里。"]
        : ["我的服务", "商定工作方案、填写服务记录、评价服务", "服务单位确认您加入专家团队后，服务项目会出现在这里；可以先到“找需求”申请承接。"];
  const filtered = !!(search.q || search.state || search.type || search.province);
  return (
    <>
      <PageHeader title={title} subtitle={subtitle} actions={<ExportLinks href="/api/export/engagements" params={values} />} />
      <EngagementSearchForm values={values} provinces={provinces} />
      <p className="mt-4 mb-2 text-sm text-slate-600" role="status">共 {formatNumber(result.total)} 个服务项目</p>
      {result.rows.length === 0 ? (
        <EmptyState title={filtered ? "没有符合条件的服务项目" : "暂无服务项目"}>{filtered ? "请调整查询条件后重试。" : empty}</EmptyState>
      ) : (
        <EngagementTable rows={result.rows} />
      )}
      <Pagination page={result.page} pageSize={result.pageSize} total={result.total} basePath="/engagements" params={values} />
    </>
  );
}
