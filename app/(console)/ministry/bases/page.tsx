import type { Metadata } from "next";
import { BaseTable } from "@/components/bases/base-table";
import { baseSearchFields } from "@/components/bases/base-search-fields";
import { ListPage } from "@/components/ui/list-page";
import { requirePermission } from "@/lib/auth/session";
import { searchBases } from "@/lib/bases/queries";
import { baseSearchSchema } from "@/lib/bases/schemas";
import { formatNumber } from "@/lib/format";
import { BASE_STATE_LABEL } from "@/lib/labels";
import { provinceOptions } from "@/lib/reference/queries";
import { firstValues, queryValues, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "专家服务基地" };

// The ministry's queue first (national bases the provinces approved); 「全部」 shows every base nationally.
export default async function MinistryBasesPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission("/ministry/bases", "base.approveNational");
  const search = baseSearchSchema.parse(await firstValues(searchParams));
  const [result, provinces] = await Promise.all([searchBases(user, search, "PROVINCE_APPROVED"), provinceOptions()]);
  const queue = !search.state;
  const values = { ...queryValues(search), state: search.state ?? "PROVINCE_APPROVED" };
  return (
    <ListPage
      title="专家服务基地"
      subtitle="全国专家服务基地；默认显示省级审核通过、待部级审定的国家级基地"
      path="/ministry/bases"
      exportHref="/api/export/bases"
      values={values}
      search={{ label: "基地查询", fields: baseSearchFields({ provinces, states: BASE_STATE_LABEL }) }}
      count={`${queue ? "待部级审定：" : ""}共 ${formatNumber(result.total)} 个基地${result.overdue ? `，其中 ${result.overdue} 个整改已逾期` : ""}`}
      empty={result.rows.length === 0 && { title: queue ? "暂无待审定的国家级基地" : "没有符合条件的基地", body: "可在“状态”中选择“全部”查看全国基地。" }}
      page={result}
    >
      <BaseTable rows={result.rows} detailPath="/ministry/bases" />
    </ListPage>
  );
}
