import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PlanForm } from "@/components/activities/plan-form";
import { PageHeader } from "@/components/ui/page-header";
import { planDetail, planFormValues } from "@/lib/activities/queries";
import { requirePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "修改年度计划" };

export default async function EditPlanPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePermission(`/ministry/plans/${id}/edit`, "plan.manage");
  const plan = await planDetail(id);
  if (!plan) notFound();
  const needsReason = plan.state !== "DRAFT";
  return (
    <>
      <PageHeader title={`修改年度计划：${plan.year}年度`}
        subtitle={needsReason ? "计划已开放申报：修改须写明原因，并以新版本记入修改记录。" : "草稿计划，修改直接保存。"} />
      {["PUBLISHED", "ARCHIVED"].includes(plan.state)
        ? <p className="text-sm text-slate-700">遴选结果已公布或已归档的计划不能再修改。</p>
        : <PlanForm values={planFormValues(plan)} plan={{ id: plan.id, version: plan.version, needsReason }} departments={plan.departments} />}
    </>
  );
}
