import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { LinkButton } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { ExpertDetailView } from "@/components/experts/expert-detail-view";
import { auditDenied, requirePermission } from "@/lib/auth/session";
import { accessTo, expertDetail, expertScopeOf } from "@/lib/experts/queries";

export const metadata: Metadata = { title: "专家档案" };

export default async function ExpertDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePermission(`/experts/${id}`, "expert.read");
  const scope = await expertScopeOf(id);
  if (!scope) notFound();
  const access = accessTo(user, scope);
  if (!access.read) {
    await auditDenied(user, "expert.read", { type: "ExpertProfile", id });
    redirect("/forbidden");
  }
  const e = await expertDetail(id);
  if (!e) notFound();
  return (
    <>
      <PageHeader
        title={e.name}
        subtitle={`${e.employer} · ${e.regionName}`}
        actions={
          <>
            {access.edit && <LinkButton href={access.self ? "/expert/profile" : `/experts/${id}/edit`}>编辑档案</LinkButton>}
            <LinkButton href={access.self ? "/expert/profile" : "/experts"} variant="secondary">返回</LinkButton>
          </>
        }
      />
      <ExpertDetailView e={e} access={access} />
    </>
  );
}
