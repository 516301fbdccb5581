import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { ExpertEditor } from "@/components/experts/expert-editor";
import { auditDenied, requirePermission } from "@/lib/auth/session";
import { profileFormOptions } from "@/lib/experts/form-options";
import { accessTo, expertDetail, expertScopeOf } from "@/lib/experts/queries";

export const metadata: Metadata = { title: "编辑专家档案" };

export default async function EditExpertPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePermission(`/experts/${id}/edit`, "expert.update");
  const scope = await expertScopeOf(id);
  if (!scope) notFound();
  const access = accessTo(user, scope);
  if (!access.edit) {
    await auditDenied(user, "expert.update", { type: "ExpertProfile", id });
    redirect("/forbidden");
  }
  if (access.self) redirect("/expert/profile");
  const [e, options] = await Promise.all([expertDetail(id), profileFormOptions()]);
  if (!e) notFound();
  return (
    <>
      <PageHeader title={`编辑专家档案：${e.name}`} subtitle="保存时若档案已被他人修改，将提示刷新后重新编辑。" />
      <ExpertEditor e={e} options={options} canViewPersonal={access.viewPersonal} cancelHref={`/experts/${id}`} />
    </>
  );
}
