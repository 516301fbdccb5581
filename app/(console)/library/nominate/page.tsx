import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { LinkButton } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { FormField, Input } from "@/components/ui/form-field";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { SearchForm } from "@/components/ui/search-form";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { TitleAndCategories } from "@/components/library/expert-summary";
import { LibraryTabs, libraryTabs } from "@/components/library/library-tabs";
import { requirePermission } from "@/lib/auth/session";
import { formatNumber } from "@/lib/format";
import { LIBRARY_STATUS_LABEL } from "@/lib/labels";
import { searchCandidates } from "@/lib/library/queries";
import { candidateSearchSchema } from "@/lib/library/schemas";
import { firstValues, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "推荐专家入库" };

const PATH = "/library/nominate";

/** A province looks for its own experts who are not in the library and have no pending nomination. */
export default async function NominateSearchPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission(PATH, "library.nominate");
  const search = candidateSearchSchema.parse(await firstValues(searchParams));
  const result = await searchCandidates(user, search);
  const filters = { q: search.q };
  return (
    <>
      <PageHeader title="推荐专家入库" subtitle="查找本省尚未入库、没有待审定推荐的专家，查看入库条件后提交推荐。" />
      <LibraryTabs current={PATH} tabs={libraryTabs("province")} />
      <SearchForm action={PATH} label="查找本省专家" className="lg:grid-cols-3">
        <FormField id="q" label="关键词" className="lg:col-span-2" hint="姓名、单位、专业或擅长领域">
          {(a) => <Input {...a} name="q" type="search" defaultValue={search.q} maxLength={60} />}
        </FormField>
      </SearchForm>
      <p className="mt-4 mb-2 text-sm text-slate-600" role="status">共 {formatNumber(result.total)} 位可推荐的专家</p>
      {result.rows.length === 0 ? (
        <EmptyState title="没有符合条件的专家">请调整关键词；已入库或已有待审定推荐的专家不在此列。</EmptyState>
      ) : (
        <Table caption="可推荐的本省专家">
          <THead>
            <tr><Th>姓名</Th><Th>工作单位</Th><Th>职称与人才类别</Th><Th>入库状态</Th><Th>职称条件</Th><Th className="text-right">操作</Th></tr>
          </THead>
          <TBody>
            {result.rows.map((e) => (
              <tr key={e.id}>
                <Td className="whitespace-nowrap font-medium">{e.name}</Td>
                <Td>{e.employer}</Td>
                <Td><TitleAndCategories title={e.title} talentCategories={e.talentCategories} /></Td>
                <Td className="whitespace-nowrap">{LIBRARY_STATUS_LABEL[e.libraryStatus]}</Td>
                <Td>{e.meetsLevel ? <Badge tone="success">符合</Badge> : <Badge tone="danger">不符合</Badge>}</Td>
                <Td className="text-right">
                  <LinkButton href={`${PATH}/${e.id}`} size="sm" variant={e.meetsLevel ? "primary" : "secondary"} aria-label={e.meetsLevel ? `推荐 ${e.name}` : `查看 ${e.name} 的入库条件`}>
                    {e.meetsLevel ? "推荐" : "查看条件"}
                  </LinkButton>
                </Td>
              </tr>
            ))}
          </TBody>
        </Table>
      )}
      <Pagination page={result.page} pageSize={result.pageSize} total={result.total} basePath={PATH} params={filters} />
    </>
  );
}
