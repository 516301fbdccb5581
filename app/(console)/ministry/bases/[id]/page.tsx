import type { Metadata } from "next";
import { ManageBase } from "@/components/bases/manage-base";
import { loadInScope } from "@/lib/auth/load-in-scope";
import { baseInScope } from "@/lib/bases/queries";

export const metadata: Metadata = { title: "专家服务基地" };

export default async function MinistryBasePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user, record } = await loadInScope({ path: `/ministry/bases/${id}`, ...baseInScope(id) });
  return <ManageBase user={user} base={record} />;
}
