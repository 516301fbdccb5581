import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { ExpertEditor } from "@/components/experts/expert-editor";
import { loadInScope } from "@/lib/auth/load-in-scope";
import { profileFormOptions } from "@/lib/experts/form-options";
import { accessTo, expertDetail, expertInScope } from "@/lib/experts/queries";

export const metadata: Metadata = { title: "编辑专家档案" };

export default async function EditExpertPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user, record } = await loadInScope({ path: `/experts/${id}/edit`, ...expertInScope(id, "expert.update") });
  const access = accessTo(user, record);
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
