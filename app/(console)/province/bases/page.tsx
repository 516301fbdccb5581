import type { Metadata } from "next";
import { BaseTable } from "@/components/bases/base-table";
import { baseSearchFields } from "@/components/bases/base-search-fields";
import { ListPage } from "@/components/ui/list-page";
import { listScope } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { searchBases } from "@/lib/bases/queries";
import { baseSearchSchema } from "@/lib/bases/schemas";
import { formatNumber } from "@/lib/format";
import { BASE_STATE_LABEL } from "@/lib/labels";
import { regionOptions } from "@/lib/reference/queries";
import { firstValues, queryValues, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "专家服务基地管理" };

export default async function ProvinceBasesPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission("/province/bases", "base.review");
  const search = baseSearchSchema.parse(await firstValues(searchParams));
  const scope = listScope(user, "base.read");
  const province = scope && !scope.all && scope.provinceCodes.length === 1 ? scope.provinceCodes[0] : undefined;
  const [result, regions] = await Promise.all([searchBases(user, search), province ? regionOptions(province) : []]);
  const values = { ...queryValues(search), state: search.state ?? "ALL" };
  return (
    <ListPage
      title="专家服务基地管理"
      subtitle="本省专家服务基地：审核申请、年度评估、限期整改与调整退出；整改逾期的排在前面"
      path="/province/bases"
      exportHref="/api/export/bases"
      values={values}
      search={{ label: "基地查询", fields: baseSearchFields({ regions: regions.filter((r) => r.level !== "PROVINCE"), states: BASE_STATE_LABEL }) }}
      count={`共 ${formatNumber(result.total)} 个基地${result.overdue ? `，其中 ${result.overdue} 个整改已逾期` : ""}`}
      empty={result.rows.length === 0 && { title: "没有符合条件的基地", body: "请调整查询条件后重试。" }}
      page={result}
    >
      <BaseTable rows={result.rows} detailPath="/province/bases" />
    </ListPage>
  );
}
