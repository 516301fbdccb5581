import type { Metadata } from "next";
import { needSearchFields } from "@/components/needs/need-search-fields";
import { NeedTable } from "@/components/needs/need-table";
import { LinkButton } from "@/components/ui/button";
import { ListPage } from "@/components/ui/list-page";
import { holds, listScope } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { formatNumber } from "@/lib/format";
import { NEED_STATE_LABEL } from "@/lib/labels";
import { menuFilterOptions, searchNeeds } from "@/lib/needs/queries";
import { needSearchSchema } from "@/lib/needs/schemas";
import { disciplineOptions, regionOptions } from "@/lib/reference/queries";
import { firstValues, queryValues, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "需求" };

async function regionFilter(scope: ReturnType<typeof listScope>) {
  if (!scope) return { regions: [], depth: "COUNTY" as const };
  if (scope.all) return { regions: (await regionOptions()).filter((r) => r.level !== "COUNTY"), depth: "CITY" as const };
  if (scope.provinceCodes.length === 1) return { regions: await regionOptions(scope.provinceCodes[0]), depth: "COUNTY" as const };
  return { regions: [], depth: "COUNTY" as const };
}

export default async function NeedsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission("/needs", "need.read");
  const search = needSearchSchema.parse(await firstValues(searchParams));
  const scope = listScope(user, "need.read");
  const [result, disciplines, menu, region] = await Promise.all([
    searchNeeds(user, search), disciplineOptions(), menuFilterOptions(), regionFilter(scope),
  ]);
  const fields = needSearchFields({
    regions: region.regions, regionDepth: region.depth, disciplines,
    menuItems: menu.map((m) => ({ id: m.id, name: m.name, retired: !!m.retiredAt })),
  });
  // The state shown is the one searched (a reviewer's default is 待审核); the default sort stays out of the URL.
  const values = { ...queryValues(search), state: result.state ?? "ALL", sort: search.sort === "newest" ? undefined : search.sort };
  const isUnit = holds(user, "need.create");
  const reviewer = holds(user, "need.review");
  return (
    <ListPage
      title={scope?.all ? "需求总览" : reviewer ? "需求审核" : "我的需求"}
      subtitle={scope?.all ? "全国需求，只读查看" : reviewer ? "本省需求：审核基层单位提交的需求" : "本单位填报的需求"}
      actions={isUnit && <LinkButton href="/needs/new">点餐下单</LinkButton>}
      exportHref="/api/export/needs"
      path="/needs"
      values={values}
      search={{ label: "需求查询", fields }}
      count={`${result.state ? `${NEED_STATE_LABEL[result.state]}：` : ""}共 ${formatNumber(result.total)} 项需求`}
      empty={result.rows.length === 0 && {
        title: result.state === "SUBMITTED" && !search.state ? "暂无待审核的需求" : "没有符合条件的需求",
        body: isUnit ? "可以点击“点餐下单”，从服务菜单中选择项目并填报需求。" : "请调整查询条件后重试。",
      }}
      page={result}
    >
      <NeedTable rows={result.rows} />
    </ListPage>
  );
}
