import type { Metadata } from "next";
import { CommendationTable } from "@/components/commendations/commendation-table";
import { buttonClass, LinkButton } from "@/components/ui/button";
import { ListPage } from "@/components/ui/list-page";
import { keywordField } from "@/components/ui/search-form";
import { holds } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { currentYear, searchCommendations } from "@/lib/commendations/queries";
import { commendationSearchSchema } from "@/lib/commendations/schemas";
import { formatNumber } from "@/lib/format";
import { COMMENDATION_STATE_LABEL } from "@/lib/labels";
import { firstValues, queryValues, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "表彰推荐" };

export default async function CommendationsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission("/commendations", "commendation.read");
  const search = commendationSearchSchema.parse(await firstValues(searchParams));
  const result = await searchCommendations(user, search);
  const year = currentYear();
  const years = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [String(year - i), `${year - i} 年`]));
  const deciding = holds(user, "commendation.decide");
  return (
    <ListPage
      title="表彰推荐"
      subtitle={deciding ? "各省和部级依据服务数据推荐的专家：审定批准或不批准；批准并标为优先推荐的专家构成人才项目优先推荐名单" : "依据本省专家经确认的服务数据推荐表彰，报部级审定"}
      path="/commendations"
      exportHref="/api/export/commendations"
      values={queryValues(search)}
      actions={
        <>
          {holds(user, "commendation.nominate") && <LinkButton href="/commendations/candidates" size="sm">从服务数据中推荐</LinkButton>}
          {/* A file download, not a page (the catch-all route makes the lint rule read every address as one). */}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
          <a href="/api/export/commendations?state=APPROVED&priority=1&format=xlsx" className={buttonClass("secondary", "sm")}>导出优先推荐名单</a>
        </>
      }
      search={{
        label: "表彰推荐查询",
        fields: [
          keywordField("专家姓名或单位"),
          { kind: "select", name: "year", label: "年度", choices: years, all: "全部" },
          { kind: "select", name: "state", label: "状态", choices: COMMENDATION_STATE_LABEL, all: "全部" },
          { kind: "check", name: "priority", label: "仅优先推荐" },
        ],
      }}
      count={`共 ${formatNumber(result.total)} 项表彰推荐`}
      empty={result.rows.length === 0 && { title: "没有表彰推荐", body: "可从“从服务数据中推荐”选出服务突出的专家。" }}
      page={result}
    >
      <CommendationTable rows={result.rows} />
    </ListPage>
  );
}
