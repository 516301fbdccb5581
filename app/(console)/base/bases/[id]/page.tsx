import type { Metadata } from "next";
import { BaseDetailView } from "@/components/bases/base-detail";
import { AnnualReportForm, RespondForm, SubmitApplication } from "@/components/bases/base-forms";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { loadInScope } from "@/lib/auth/load-in-scope";
import { chinaDay } from "@/lib/calendar/china-time";
import { annualReportPrefill, baseInScope } from "@/lib/bases/queries";
import { BASE_WORKFLOW, RECTIFICATION_WORKFLOW } from "@/lib/bases/workflow";
import { can } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "我的专家服务基地" };

export default async function HostBasePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user, record: base } = await loadInScope({ path: `/base/bases/${id}`, ...baseInScope(id) });
  const scope = { provinceCode: base.provinceCode, organizationId: base.hostOrgId };
  const allowed = BASE_WORKFLOW.allowed(user, base.state, scope);
  // The report due is last year's (filed early in the year); once it is in, this year's may be filed at year end.
  const thisYear = chinaDay().getUTCFullYear();
  const reported = new Set(base.reports.map((r) => r.year));
  const reportYear = [thisYear - 1, thisYear].find((y) => !reported.has(y));
  const prefill = allowed.report && reportYear ? await annualReportPrefill(base.id, reportYear) : null;
  const mayAnswer = can(user, "base.report", scope);
  return (
    <>
      <PageHeader title={base.name} subtitle={`${base.hostOrg.name} · ${base.region.name}`} />
      <BaseDetailView
        base={base}
        actions={
          <>
            {(allowed.edit || allowed.submit) && (
              <Card title="申请">
                {base.state === "RETURNED" && base.reviewComment && <p className="mb-3 text-sm text-amber-900">退回修改意见：{base.reviewComment}</p>}
                <div className="flex flex-wrap items-start gap-3">
                  {allowed.edit && <LinkButton href={`/base/apply?base=${base.id}`} variant="secondary">修改申请</LinkButton>}
                  {allowed.submit && <SubmitApplication baseId={base.id} version={base.version} />}
                </div>
              </Card>
            )}
            {prefill && reportYear && <AnnualReportForm baseId={base.id} year={reportYear} prefill={prefill} />}
          </>
        }
        editEvidence={{ application: allowed.edit, rectification: (o) => mayAnswer && RECTIFICATION_WORKFLOW.canStep("respond", o.state) }}
        orderActions={(o) => (mayAnswer && RECTIFICATION_WORKFLOW.canStep("respond", o.state) ? <RespondForm orderId={o.id} /> : null)}
      />
    </>
  );
}
