import type { Metadata } from "next";
import { TitleAndCategories } from "@/components/library/expert-summary";
import { LibraryTabs, libraryTabs } from "@/components/library/library-tabs";
import { Badge } from "@/components/ui/badge";
import { LinkButton } from "@/components/ui/button";
import { DataTable, type Column } from "@/components/ui/data-table";
import { ListPage } from "@/components/ui/list-page";
import { keywordField } from "@/components/ui/search-form";
import { requirePermission } from "@/lib/auth/session";
import { formatNumber } from "@/lib/format";
import { LIBRARY_STATUS_LABEL } from "@/lib/labels";
import { searchCandidates } from "@/lib/library/queries";
import { candidateSearchSchema } from "@/lib/library/schemas";
import { firstValues, queryValues, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "推荐专家入库" };

const PATH = "/library/nominate";

type Candidate = Awaited<ReturnType<typeof searchCandidates>>["rows"][number];

const COLUMNS: Column<Candidate>[] = [
  { header: "姓名", className: "whitespace-nowrap font-medium", cell: (e) => e.name },
  { header: "工作单位", cell: (e) => e.employer },
  { header: "职称与人才类别", cell: (e) => <TitleAndCategories title={e.title} talentCategories={e.talentCategories} /> },
  { header: "入库状态", className: "whitespace-nowrap", cell: (e) => LIBRARY_STATUS_LABEL[e.libraryStatus] },
  { header: "职称条件", cell: (e) => (e.meetsLevel ? <Badge tone="success">符合</Badge> : <Badge tone="danger">不符合</Badge>) },
  {
    header: "操作", headerClassName: "text-right", className: "text-right",
    cell: (e) => (
      <LinkButton href={`${PATH}/${e.id}`} size="sm" variant={e.meetsLevel ? "primary" : "secondary"}
        aria-label={e.meetsLevel ? `推荐 ${e.name}` : `查看 ${e.name} 的入库条件`}>
        {e.meetsLevel ? "推荐" : "查看条件"}
      </LinkButton>
    ),
  },
];

/** A province looks for its own experts who are not in the library and have no pending nomination. */
export default async function NominateSearchPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission(PATH, "library.nominate");
  const search = candidateSearchSchema.parse(await firstValues(searchParams));
  const result = await searchCandidates(user, search);
  return (
    <ListPage
      title="推荐专家入库"
      subtitle="查找本省尚未入库、没有待审定推荐的专家，查看入库条件后提交推荐。"
      intro={<LibraryTabs current={PATH} tabs={libraryTabs("province")} />}
      path={PATH}
      values={queryValues(search)}
      search={{ label: "查找本省专家", fields: [keywordField("姓名、单位、专业或擅长领域")], columns: 3 }}
      count={`共 ${formatNumber(result.total)} 位可推荐的专家`}
      empty={result.rows.length === 0 && { title: "没有符合条件的专家", body: "请调整关键词；已入库或已有待审定推荐的专家不在此列。" }}
      page={result}
    >
      <DataTable caption="可推荐的本省专家" columns={COLUMNS} rows={result.rows} rowKey={(e) => e.id} />
    </ListPage>
  );
}
