import type { Metadata } from "next";
import { GenerateForm } from "@/components/batch/generate-form";
import { QueueTable } from "@/components/batch/queue-table";
import { LinkButton } from "@/components/ui/button";
import { ListPage } from "@/components/ui/list-page";
import { keywordField, type SearchFields } from "@/components/ui/search-form";
import type { RegionChoice } from "@/components/pickers/region-select";
import { requirePermission } from "@/lib/auth/session";
import { batchProvinceOf, proposalTotals, searchQueue } from "@/lib/batch/queries";
import { queueSearchSchema } from "@/lib/batch/schemas";
import { formatNumber } from "@/lib/format";
import { SERVICE_FORM_LABEL, URGENCY_LABEL } from "@/lib/labels";
import { regionOptions } from "@/lib/reference/queries";
import { firstValues, hasFilters, queryValues, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "批量分配" };

const PATH = "/matching/batch";

function searchFields(regions: RegionChoice[]): SearchFields {
  return [
    keywordField("编号、标题、瓶颈问题、单位、学科或行业名称", { wide: false }),
    { kind: "region", name: "region", label: "地区", regions, depth: "COUNTY", wide: true },
    { kind: "select", name: "urgency", label: "紧迫程度", choices: URGENCY_LABEL, all: "全部" },
    { kind: "select", name: "form", label: "服务形式", choices: SERVICE_FORM_LABEL, all: "全部" },
  ];
}

export default async function BatchQueuePage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission(PATH, "match.invite");
  const search = queueSearchSchema.parse(await firstValues(searchParams));
  const province = batchProvinceOf(user);
  const [queue, totals, regions] = await Promise.all([
    searchQueue(user, search), proposalTotals(user), province ? regionOptions(province) : Promise.resolve([]),
  ]);
  const filters = queryValues(search);
  return (
    <ListPage
      title="批量分配"
      subtitle="为本省待匹配的需求一次生成专家分配方案：在名额、专家可承接量和配额条件下使总匹配度最高；方案经调整后再发出邀请。"
      actions={
        <LinkButton href={`${PATH}/proposal`} variant="secondary">
          当前方案{totals.experts ? `（${formatNumber(totals.needs)} 项需求 · ${formatNumber(totals.experts)} 位专家）` : ""}
        </LinkButton>
      }
      path={PATH}
      values={filters}
      search={{ label: "待分配需求查询", fields: searchFields(regions) }}
      count={`待分配需求 ${formatNumber(queue.total)} 项，剩余名额共 ${formatNumber(queue.seatsTotal)} 个`}
      empty={queue.rows.length === 0 && {
        title: "没有待分配的需求",
        body: hasFilters(filters)
          ? "没有符合条件的需求，请调整查询条件。"
          : "本省需求审核通过（发布）后进入待分配队列；可先到“需求审核”处理待审核的需求。",
      }}
      page={queue}
      footer={queue.rows.length > 0 && (
        <div className="mt-6">
          <GenerateForm filters={filters} total={queue.total} proposed={totals.experts} />
        </div>
      )}
    >
      <QueueTable rows={queue.rows} />
    </ListPage>
  );
}
