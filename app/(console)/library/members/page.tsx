import type { Metadata } from "next";
import { ExportLinks } from "@/components/ui/export-links";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { LibraryTabs, libraryTabs } from "@/components/library/library-tabs";
import { MemberSearchForm } from "@/components/library/member-search-form";
import { MemberTable } from "@/components/library/member-table";
import { formatNumber } from "@/lib/format";
import { requireLibraryView } from "@/lib/library/access";
import { searchMembers } from "@/lib/library/queries";
import { provinceOptions } from "@/lib/reference/queries";
import { memberSearchSchema } from "@/lib/library/schemas";
import { disciplineOptions } from "@/lib/reference/queries";
import { firstValues, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "入库专家" };

const PATH = "/library/members";

export default async function LibraryMembersPage({ searchParams }: { searchParams: SearchParams }) {
  const { user, view } = await requireLibraryView(PATH);
  const search = memberSearchSchema.parse(await firstValues(searchParams));
  const ministry = view === "ministry";
  const [result, provinces, disciplines] = await Promise.all([
    searchMembers(user, search),
    ministry ? provinceOptions() : Promise.resolve(undefined),
    disciplineOptions(),
  ]);
  const filters = { q: search.q, province: search.province, discipline: search.discipline, stale: search.stale ? "1" : undefined };
  return (
    <>
      <PageHeader
        title={ministry ? "入库专家" : "本省入库专家"}
        subtitle="入库专家每年确认一次个人信息；超过 12 个月未确认的标为“长期未确认”，默认不列出。导出不含联系方式、身份证号等个人信息。"
        actions={
          <>
            <ExportLinks href="/api/export/library" params={filters} />
          </>
        }
      />
      <LibraryTabs current={PATH} tabs={libraryTabs(view)} />
      <MemberSearchForm action={PATH} values={filters} provinces={provinces} disciplines={disciplines} />
      <p className="mt-4 mb-2 text-sm text-slate-600" role="status">
        共 {formatNumber(result.total)} 位入库专家
        {result.staleHidden > 0 && `（另有 ${formatNumber(result.staleHidden)} 位长期未确认，勾选“包括长期未确认”后显示）`}
      </p>
      {result.rows.length === 0 ? (
        <EmptyState title="没有符合条件的入库专家">请调整查询条件。</EmptyState>
      ) : (
        <MemberTable rows={result.rows} canRemove={ministry} />
      )}
      <Pagination page={result.page} pageSize={result.pageSize} total={result.total} basePath={PATH} params={filters} />
    </>
  );
}
