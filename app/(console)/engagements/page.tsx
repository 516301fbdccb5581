import type { Metadata } from "next";
import { EngagementTable } from "@/components/engagements/engagement-table";
import { ListPage } from "@/components/ui/list-page";
import { codeOptions, yearOptions } from "@/components/ui/options";
import { keywordField, type SearchFields } from "@/components/ui/search-form";
import { listScope } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { searchEngagements } from "@/lib/engagements/queries";
import { chinaDate } from "@/lib/calendar/china-time";
import { ENGAGEMENT_FIRST_YEAR, engagementSearchSchema } from "@/lib/engagements/schemas";
import { formatNumber } from "@/lib/format";
import { ENGAGEMENT_STATE_LABEL, ENGAGEMENT_TYPE_LABEL } from "@/lib/labels";
import { provinceOptions } from "@/lib/reference/queries";
import { firstValues, hasFilters, queryValues, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "服务项目" };

/**
 * The filters; provinces are offered to the ministry (others see one province at most), and to anyone whose link
 * carries one (an expert's dashboard narrowed to a province), so the filter applied is the filter shown.
 */
function searchFields(provinces?: { code: string; name: string }[]): SearchFields {
  return [
    keywordField("需求编号、需求标题、服务单位或专家姓名"),
    { kind: "select", name: "state", label: "状态", choices: ENGAGEMENT_STATE_LABEL, all: "全部" },
    { kind: "select", name: "type", label: "服务类型", choices: ENGAGEMENT_TYPE_LABEL, all: "全部" },
    { kind: "select", name: "year", label: "建立年度", choices: yearOptions(ENGAGEMENT_FIRST_YEAR, Number(chinaDate().slice(0, 4))), all: "全部年度" },
    provinces && { kind: "select", name: "province", label: "省份", choices: codeOptions(provinces), all: "全部" },
  ];
}

export default async function EngagementsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission("/engagements", "engagement.read");
  const search = engagementSearchSchema.parse(await firstValues(searchParams));
  const scope = listScope(user, "engagement.read");
  const national = !!scope?.all;
  const [result, provinces] = await Promise.all([searchEngagements(user, search), national || search.province ? provinceOptions() : undefined]);
  const fields = searchFields(provinces);
  const values = queryValues(search);
  const mine = scope && !scope.all;
  const [title, subtitle, empty] = national
    ? ["服务项目总览", "全国专家服务项目，只读查看", "请调整查询条件后重试。"]
    : mine && scope.provinceCodes.length
      ? ["本省服务项目", "本省需求的专家服务项目：跟踪进度，必要时取消", "本省需求确认专家团队后，服务项目会出现在这里。"]
      : mine && scope.organizationIds.length
        ? ["本单位服务项目", "与专家商定工作方案、确认服务记录、评价服务", "在需求页面确认已接受邀请的专家后，服务项目会出现在这里。"]
        : ["我的服务", "商定工作方案、填写服务记录、评价服务", "服务单位确认您加入专家团队后，服务项目会出现在这里；可以先到“找需求”申请承接。"];
  const filtered = hasFilters(values);
  return (
    <ListPage
      title={title}
      subtitle={subtitle}
      exportHref="/api/export/engagements"
      path="/engagements"
      values={values}
      search={{ label: "服务项目查询", fields }}
      count={`共 ${formatNumber(result.total)} 个服务项目`}
      empty={result.rows.length === 0 && {
        title: filtered ? "没有符合条件的服务项目" : "暂无服务项目",
        body: filtered ? "请调整查询条件后重试。" : empty,
      }}
      page={result}
    >
      <EngagementTable rows={result.rows} />
    </ListPage>
  );
}
