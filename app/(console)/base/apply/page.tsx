import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ApplicationForm } from "@/components/bases/application-form";
import { PageHeader } from "@/components/ui/page-header";
import { inScopeOrNotFound } from "@/lib/auth/load-in-scope";
import { listScope } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { baseInScope, hostName } from "@/lib/bases/queries";
import { BASE_WORKFLOW } from "@/lib/bases/workflow";
import { firstValues, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "申请设立专家服务基地" };

// A new application, or (?base=<id>) the host's draft or returned application to complete.
export default async function ApplyPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission("/base/apply", "base.apply");
  const { base: baseId } = await firstValues(searchParams);
  const scope = listScope(user, "base.apply");
  const orgId = scope && !scope.all ? scope.organizationIds[0] : undefined;
  const name = orgId ? await hostName(orgId) : null;
  if (!name) notFound();
  const base = baseId ? await inScopeOrNotFound(user, { ...baseInScope(baseId), operation: "base.apply" }) : null;
  if (base && !BASE_WORKFLOW.canAct("edit", base.state)) notFound();
  return (
    <>
      <PageHeader title={base ? "修改基地申请" : "申请设立专家服务基地"}
        subtitle="依据《专家服务基地建设管理办法》：基地应具备创新实力、科研基础、发展规划和内部管理制度。" />
      {base?.reviewComment && base.state === "RETURNED" && (
        <p className="mb-6 rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200">
          <span className="font-medium">退回修改意见：</span>{base.reviewComment}
        </p>
      )}
      <ApplicationForm hostName={name}
        values={base ? { ...base.content, baseId: base.id, version: base.version, name: base.name, level: base.level, field: base.field } : undefined} />
    </>
  );
}
