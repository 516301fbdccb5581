import type { Metadata } from "next";
import { PlanForm } from "@/components/activities/plan-form";
import { PageHeader } from "@/components/ui/page-header";
import { planFormDefaults } from "@/lib/activities/queries";
import { requirePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "新建年度计划" };

export default async function NewPlanPage() {
  await requirePermission("/ministry/plans/new", "plan.manage");
  const { values, departments } = await planFormDefaults();
  return (
    <>
      <PageHeader title="新建年度计划" subtitle="计划保存为草稿；开放申报后，任何修改都须写明原因并记入修改记录。" />
      <PlanForm values={values} departments={departments} />
    </>
  );
}
