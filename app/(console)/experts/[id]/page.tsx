import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LinkButton } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { ExpertDetailView } from "@/components/experts/expert-detail-view";
import { loadInScope } from "@/lib/auth/load-in-scope";
import { accessTo, expertDetail, expertInScope, pendingProfileChange } from "@/lib/experts/queries";

export const metadata: Metadata = { title: "专家档案" };

export default async function ExpertDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user, record } = await loadInScope({ path: `/experts/${id}`, ...expertInScope(id, "expert.read") });
  const access = accessTo(user, record);
  const e = await expertDetail(id);
  if (!e) notFound();
  const pendingChange = access.approve || access.own || access.self ? await pendingProfileChange(id) : null;
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
      <ExpertDetailView e={e} access={access} pendingChange={pendingChange} />
    </>
  );
}
