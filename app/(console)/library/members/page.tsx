import type { Metadata } from "next";
import { LibraryTabs, libraryTabs } from "@/components/library/library-tabs";
import { MemberTable } from "@/components/library/member-table";
import { ListPage } from "@/components/ui/list-page";
import { codeOptions, groupedCodeOptions } from "@/components/ui/options";
import { keywordField, type SearchFields } from "@/components/ui/search-form";
import { formatNumber } from "@/lib/format";
import { requireLibraryView } from "@/lib/library/access";
import { searchMembers } from "@/lib/library/queries";
import { memberSearchSchema } from "@/lib/library/schemas";
import { disciplineOptions, provinceOptions, type CodeOption } from "@/lib/reference/queries";
import { firstValues, queryValues, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "入库专家" };

const PATH = "/library/members";

function searchFields(disciplines: CodeOption[], provinces?: { code: string; name: string }[]): SearchFields {
  return [
    keywordField("姓名、单位、专业或擅长领域", { wide: false }),
    provinces && { kind: "select", name: "province", label: "省份", choices: codeOptions(provinces), all: "全部省份" },
    { kind: "select", name: "discipline", label: "学科领域", choices: groupedCodeOptions(disciplines), all: "全部学科" },
    { kind: "check", name: "stale", label: "包括长期未确认（超过 12 个月）的专家" },
  ];
}

export default async function LibraryMembersPage({ searchParams }: { searchParams: SearchParams }) {
  const { user, view } = await requireLibraryView(PATH);
  const search = memberSearchSchema.parse(await firstValues(searchParams));
  const ministry = view === "ministry";
  const [result, provinces, disciplines] = await Promise.all([
    searchMembers(user, search),
    ministry ? provinceOptions() : Promise.resolve(undefined),
    disciplineOptions(),
  ]);
  return (
    <ListPage
      title={ministry ? "入库专家" : "本省入库专家"}
      subtitle="入库专家每年确认一次个人信息；超过 12 个月未确认的标为“长期未确认”，默认不列出。导出不含联系方式、身份证号等个人信息。"
      exportHref="/api/export/library"
      intro={<LibraryTabs current={PATH} tabs={libraryTabs(view)} />}
      path={PATH}
      values={queryValues(search)}
      search={{ label: "入库专家查询", fields: searchFields(disciplines, provinces) }}
      count={
        <>
          共 {formatNumber(result.total)} 位入库专家
          {result.staleHidden > 0 && `（另有 ${formatNumber(result.staleHidden)} 位长期未确认，勾选“包括长期未确认”后显示）`}
        </>
      }
      empty={result.rows.length === 0 && { title: "没有符合条件的入库专家", body: "请调整查询条件。" }}
      page={result}
    >
      <MemberTable rows={result.rows} canRemove={ministry} />
    </ListPage>
  );
}
