import type { Metadata } from "next";
import { LibraryTabs, libraryTabs } from "@/components/library/library-tabs";
import { NominationTable } from "@/components/library/nomination-table";
import { LinkButton } from "@/components/ui/button";
import { ListPage } from "@/components/ui/list-page";
import { codeOptions } from "@/components/ui/options";
import { keywordField, type SearchFields } from "@/components/ui/search-form";
import { formatNumber } from "@/lib/format";
import { NOMINATION_STATE_LABEL } from "@/lib/labels";
import { requireLibraryView } from "@/lib/library/access";
import { searchNominations } from "@/lib/library/queries";
import { nominationSearchSchema } from "@/lib/library/schemas";
import { provinceOptions } from "@/lib/reference/queries";
import { firstValues, queryValues, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "重点联系专家库" };

const PATH = "/library";

/** The filters; the ministry chooses the province (a province sees its own) and starts on the pending queue. */
function searchFields(provinces?: { code: string; name: string }[]): SearchFields {
  return [
    keywordField("专家姓名、单位或专业", { wide: !provinces }),
    provinces && { kind: "select", name: "province", label: "推荐省份", choices: codeOptions(provinces), all: "全部省份" },
    {
      kind: "select", name: "state", label: "状态", all: provinces ? "待审定（默认）" : "全部（默认）",
      choices: provinces ? { ...NOMINATION_STATE_LABEL, ALL: "全部" } : NOMINATION_STATE_LABEL,
    },
  ];
}

// The ministry's decision queue (pending nominations from every province), or a province's own nominations.
export default async function LibraryPage({ searchParams }: { searchParams: SearchParams }) {
  const { user, view } = await requireLibraryView(PATH);
  const search = nominationSearchSchema.parse(await firstValues(searchParams));
  const ministry = view === "ministry";
  const [result, provinces] = await Promise.all([
    searchNominations(user, search, ministry ? "NOMINATED" : "ALL"),
    ministry ? provinceOptions() : Promise.resolve(undefined),
  ]);
  return (
    <ListPage
      title="重点联系专家库"
      subtitle={ministry
        ? "审定各省推荐：入库条件为副高级及以上职称或具有人才类别，本人自愿、身体健康。审定结果通知推荐省份和专家本人。"
        : "推荐本省符合条件的专家进入服务基层重点联系专家库，由部级审定。待审定的推荐可以撤回。"}
      actions={!ministry && <LinkButton href="/library/nominate">推荐专家入库</LinkButton>}
      exportHref="/api/export/nominations"
      intro={<LibraryTabs current={PATH} tabs={libraryTabs(view)} />}
      path={PATH}
      values={queryValues(search)}
      search={{ label: "推荐记录查询", fields: searchFields(provinces) }}
      count={`${ministry && result.state === "NOMINATED" ? "待审定" : "共"} ${formatNumber(result.total)} 条推荐`}
      empty={result.rows.length === 0 && {
        title: ministry ? "没有待审定的推荐" : "没有符合条件的推荐记录",
        body: ministry ? "各省提交推荐后会出现在这里，并以通知提醒。" : "可在“推荐专家入库”中查找本省专家并提交推荐。",
      }}
      page={result}
    >
      <NominationTable rows={result.rows} view={view} />
    </ListPage>
  );
}
