import type { Metadata } from "next";
import { GenerateForm } from "@/components/batch/generate-form";
import { QueueSearchForm } from "@/components/batch/queue-search-form";
import { QueueTable } from "@/components/batch/queue-table";
import { LinkButton } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requirePermission } from "@/lib/auth/session";
import { batchProvinceOf, proposalTotals, searchQueue } from "@/lib/batch/queries";
import { queueSearchSchema } from "@/lib/batch/schemas";
import { formatNumber } from "@/lib/format";
import { regionOptions } from "@/lib/reference/queries";
import { firstValues, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "批量分配" };

export default async function BatchQueuePage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission("/matching/batch", "match.invite");
  const search = queueSearchSchema.parse(await firstValues(searchParams));
  const province = batchProvinceOf(user);
  const [queue, totals, regions] = await Promise.all([
    searchQueue(user, search), proposalTotals(user), province ? regionOptions(province) : Promise.resolve([]),
  ]);
  const filters = { q: search.q, region: search.region, urgency: search.urgency, form: search.form };
  return (
    <>
      <PageHeader
        title="批量分配"
        subtitle="为本省待匹配的需求一次生成专家分配方案：在名额、专家可承接量和配额条件下使总匹配度最高；方案经调整后再发出邀请。"
        actions={
          <LinkButton href="/matching/batch/proposal" variant="secondary">
            当前方案{totals.experts ? `（${formatNumber(totals.needs)} 项需求 · ${formatNumber(totals.experts)} 位专家）` : ""}
          </LinkButton>
        }
      />
      <QueueSearchForm values={filters} regions={regions} />
      <p className="mt-4 mb-2 text-sm text-slate-600" role="status">
        待分配需求 {formatNumber(queue.total)} 项，剩余名额共 {formatNumber(queue.seatsTotal)} 个
      </p>
      {queue.rows.length === 0 ? (
        <EmptyState title="没有待分配的需求">
          {search.q || search.region || search.urgency || search.form
            ? "没有符合条件的需求，请调整查询条件。"
            : "本省需求审核通过（发布）后进入待分配队列；可先到“需求审核”处理待审核的需求。"}
        </EmptyState>
      ) : (
        <>
          <QueueTable rows={queue.rows} />
          <Pagination page={queue.page} pageSize={queue.pageSize} total={queue.total} basePath="/matching/batch" params={filters} />
          <div className="mt-6">
            <GenerateForm filters={filters} total={queue.total} proposed={totals.experts} />
          </div>
        </>
      )}
    </>
  );
}
