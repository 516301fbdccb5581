import type { Metadata } from "next";
import { ApplicationForm } from "@/components/activities/application-form";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { applicationFormOptions } from "@/lib/activities/queries";
import { requirePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "申报示范活动" };

export default async function NewActivityPage() {
  const user = await requirePermission("/activities/new", "activity.apply");
  const options = await applicationFormOptions(user);
  if (!options) {
    return (<><PageHeader title="申报示范活动" /><EmptyState title="账号尚未关联申报单位">请联系管理员为账号设置所属单位。</EmptyState></>);
  }
  const first = options.plans.find((p) => !p.closedNote);
  return (
    <>
      <PageHeader title="申报示范活动" subtitle="填写活动方案、关联需求、经费和量化目标；保存后组建计划团队，再提交推荐单位预审。" />
      <ApplicationForm
        applicant={options.applicant}
        plans={options.plans.map((p) => ({ id: p.id, year: p.year, theme: p.theme, programCode: p.program.code, closedNote: p.closedNote }))}
        departments={options.departments}
        regions={options.regions}
        eastern={options.eastern}
        needs={options.needs}
        values={{
          kind: "demonstration", planId: first?.id ?? "", programCode: first?.program.code ?? "EXPERT_SERVICE", channelOrgId: "",
          title: "", summary: "", themeFit: "", regionCode: options.applicant.regionCode ?? "", plannedStart: "", plannedEnd: "", plannedExperts: 3, serviceForms: [],
          budget: [], targets: [], pairedProvinceCode: "", needIds: [],
        }}
      />
    </>
  );
}
