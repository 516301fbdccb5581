import type { Metadata } from "next";
import { AccountPage } from "@/components/users/account-page";
import { loadInScope } from "@/lib/auth/load-in-scope";
import { requirePermission } from "@/lib/auth/session";
import { accountInScope, grantOptions } from "@/lib/users/queries";

export const metadata: Metadata = { title: "账号详情" };

export default async function ProvinceAccountPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePermission(`/province/users/${id}`, "console.province");
  const { user, record } = await loadInScope({ path: `/province/users/${id}`, ...accountInScope(id) });
  return <AccountPage user={user} account={record} listPath="/province/users" choices={await grantOptions(user)} />;
}
