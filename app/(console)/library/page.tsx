import type { Metadata } from "next";
import { LinkButton } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ExportLinks } from "@/components/ui/export-links";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { LibraryTabs, libraryTabs } from "@/components/library/library-tabs";
import { NominationSearchForm } from "@/components/library/nomination-search-form";
import { NominationTable } from "@/components/library/nomination-table";
import { formatNumber } from "@/lib/format";
import { requireLibraryView } from "@/lib/library/access";
import { searchNominations } from "@/lib/library/queries";
import { provinceOptions } from "@/lib/reference/queries";
import { nominationSearchSchema } from "@/lib/library/schemas";
import { firstValues, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "重点联系专家库" };

const PATH = "/library";

// The ministry's decision queue (pending nominations from every province), or a province's own nominations.
export default async function LibraryPage({ searchParams }: { searchParams: SearchParams }) {
  const { user, view } = await requireLibraryView(PATH);
  const search = nominationSearchSchema.parse(await firstValues(searchParams));
  const ministry = view === "ministry";
  const [result, provinces] = await Promise.all([
    searchNominations(user, search, ministry ? "NOMINATED" : "ALL"),
    ministry ? provinceOptions() : Promise.resolve(undefined),
  ]);
  const filters = { q: search.q, province: search.province, state: search.state };
  return (
    <>
      <PageHeader
        title="重点联系专家库"
        subtitle={ministry
          ? "审定各省推荐：入库条件为副高级及以上职称或具有人才类别，本人自愿、身体健康。审定结果通知推荐省份和专家本人。"
          : "推荐本省符合条件的专家进入服务基层重点联系专家库，由部级审定。待审定的推荐可以撤回。"}
        actions={
          <>
            {!ministry && <LinkButton href="/library/nominate">推荐专家入库</LinkButton>}
            <ExportLinks href="/api/export/nominations" params={filters} />
          </>
        }
      />
      <LibraryTabs current={PATH} tabs={libraryTabs(view)} />
      <NominationSearchForm action={PATH} values={filters} provinces={provinces} />
      <p className="mt-4 mb-2 text-sm text-slate-600" role="status">
        {ministry && result.state === "NOMINATED" ? "待审定" : "共"} {formatNumber(result.total)} 条推荐
      </p>
      {result.rows.length === 0 ? (
        <EmptyState title={ministry ? "没有待审定的推荐" : "没有符合条件的推荐记录"}>
          {ministry ? "各省提交推荐后会出现在这里，并以通知提醒。" : "可在“推荐专家入库”中查找本省专家并提交推荐。"}
        </EmptyState>
      ) : (
        <NominationTable rows={result.rows} view={view} />
      )}
      <Pagination page={result.page} pageSize={result.pageSize} total={result.total} basePath={PATH} params={filters} />
    </>
  );
}
