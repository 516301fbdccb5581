import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ApplicationForm } from "@/components/activities/application-form";
import { PageHeader } from "@/components/ui/page-header";
import { activityInScope, applicationFormOptions, applicationValues, describeActivity } from "@/lib/activities/queries";
import { loadInScope } from "@/lib/auth/load-in-scope";

export const metadata: Metadata = { title: "修改示范活动申报" };

export default async function EditActivityPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user, record } = await loadInScope({ path: `/activities/${id}/edit`, ...activityInScope(id, "activity.apply") });
  const a = await describeActivity(user, record);
  if (!a.allowed.edit) notFound();
  const options = await applicationFormOptions(user, { id: a.id, provinceCode: a.provinceCode });
  if (!options) notFound();
  return (
    <>
      <PageHeader title="修改示范活动申报" subtitle={a.title} />
      <ApplicationForm
        activity={{ id: a.id, version: a.version }}
        applicant={options.applicant}
        plans={options.plans.map((p) => ({ id: p.id, year: p.year, theme: p.theme, programCode: p.program.code, closedNote: p.closedNote }))}
        departments={options.departments}
        regions={options.regions}
        eastern={options.eastern}
        needs={options.needs}
        values={applicationValues(a)}
      />
    </>
  );
}
