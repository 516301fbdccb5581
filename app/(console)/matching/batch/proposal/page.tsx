import type { Metadata } from "next";
import { ProposalGroups } from "@/components/batch/proposal-groups";
import { SendProposalForm } from "@/components/batch/send-form";
import { CheckAll } from "@/components/batch/check-all";
import { SEND_FORM_ID } from "@/components/batch/form-ids";
import { LinkButton } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requirePermission } from "@/lib/auth/session";
import { expertsToAdd, proposalPage } from "@/lib/batch/queries";
import { proposalSearchSchema } from "@/lib/batch/schemas";
import { formatNumber } from "@/lib/format";
import { firstValues, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "分配方案" };

export default async function BatchProposalPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission("/matching/batch/proposal", "match.invite");
  const search = proposalSearchSchema.parse(await firstValues(searchParams));
  const [proposal, candidates] = await Promise.all([
    proposalPage(user, search),
    search.addTo ? expertsToAdd(user, search.addTo, search.expertQ) : Promise.resolve([]),
  ]);
  const experts = proposal.groups.reduce((s, g) => s + g.rows.length, 0);
  return (
    <>
      <PageHeader
        title="分配方案"
        subtitle="逐项核对系统生成的方案：可移出专家、手工添加专家，勾选后发出邀请。方案在发出前不占用专家名额。"
        actions={<LinkButton href="/matching/batch" variant="secondary">返回待分配需求</LinkButton>}
      />
      {proposal.groups.length === 0 ? (
        <EmptyState title="暂无分配方案">请到“批量分配”勾选待分配的需求，点击“生成分配方案”。</EmptyState>
      ) : (
        <>
          <div className="mb-4 flex flex-wrap items-center justify-between gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
            <p className="text-sm text-slate-700" role="status">
              方案共 {formatNumber(proposal.total)} 项需求；本页 {formatNumber(proposal.groups.length)} 项需求、{formatNumber(experts)} 位专家
            </p>
            <CheckAll form={SEND_FORM_ID} name="matchIds" label="本页全选" defaultChecked />
            <div className="w-full"><SendProposalForm /></div>
          </div>
          <ProposalGroups groups={proposal.groups} page={proposal.page} addTo={search.addTo} query={search.expertQ} candidates={candidates} />
          <Pagination page={proposal.page} pageSize={proposal.pageSize} total={proposal.total} basePath="/matching/batch/proposal" />
        </>
      )}
    </>
  );
}
