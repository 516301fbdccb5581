import type { Metadata } from "next";
import { ExportLinks } from "@/components/ui/export-links";
import { NeedSearchForm } from "@/components/needs/need-search-form";
import { NeedTable } from "@/components/needs/need-table";
import { LinkButton } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { holds, listScope } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { formatNumber } from "@/lib/format";
import { NEED_STATE_LABEL } from "@/lib/labels";
import { menuFilterOptions, searchNeeds } from "@/lib/needs/queries";
import { needSearchSchema, type NeedSearch } from "@/lib/needs/schemas";
import { disciplineOptions, regionOptions } from "@/lib/reference/queries";
import { firstValues, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "需求" };

/** The filters as URL values (for the form, the page links and the export link). */
function filterValues(search: NeedSearch, state: string | undefined): Record<string, string | undefined> {
  return {
    q: search.q, state: state ?? "ALL", region: search.region, discipline: search.discipline, form: search.form,
    menuItem: search.menuItem, from: search.from, to: search.to, sort: search.sort === "newest" ? undefined : search.sort,
    breakBottleneck: search.breakBottleneck ? "1" : undefined, promoteTechnology: search.promoteTechnology ? "1" : undefined,
    raiseFarmerIncome: search.raiseFarmerIncome ? "1" : undefined,
  };
}

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
  const values = filterValues(search, result.state);
  const isUnit = holds(user, "need.create");
  const title = scope?.all ? "需求总览" : holds(user, "need.review") ? "需求审核" : "我的需求";
  const subtitle = scope?.all ? "全国需求，只读查看" : holds(user, "need.review") ? "本省需求：审核基层单位提交的需求" : "本单位填报的需求";
  return (
    <>
      <PageHeader
        title={title}
        subtitle={subtitle}
        actions={
          <>
            {isUnit && <LinkButton href="/needs/new">点餐下单</LinkButton>}
            <ExportLinks href="/api/export/needs" params={values} />
          </>
        }
      />
      <NeedSearchForm
        values={values}
        regions={region.regions}
        regionDepth={region.depth}
        disciplines={disciplines}
        menuItems={menu.map((m) => ({ id: m.id, name: m.name, retired: !!m.retiredAt }))}
      />
      <p className="mt-4 mb-2 text-sm text-slate-600" role="status">
        {result.state ? `${NEED_STATE_LABEL[result.state]}：` : ""}共 {formatNumber(result.total)} 项需求
      </p>
      {result.rows.length === 0 ? (
        <EmptyState title={result.state === "SUBMITTED" && !search.state ? "暂无待审核的需求" : "没有符合条件的需求"}>
          {isUnit ? "可以点击“点餐下单”，从服务菜单中选择项目并填报需求。" : "请调整查询条件后重试。"}
        </EmptyState>
      ) : (
        <NeedTable rows={result.rows} />
      )}
      <Pagination page={result.page} pageSize={result.pageSize} total={result.total} basePath="/needs" params={values} />
    </>
  );
}
