import type { Metadata } from "next";
import { UserAdminPage } from "@/components/users/user-admin-page";
import { requirePermission } from "@/lib/auth/session";
import { searchUsers } from "@/lib/users/queries";
import { userSearchSchema } from "@/lib/users/schemas";

export const metadata: Metadata = { title: "账号管理" };

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("/province/users", "console.province");
  await requirePermission("/province/users", "user.manage");
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const search = userSearchSchema.parse(raw);
  return <UserAdminPage path="/province/users" scopeLabel="本省" search={search} result={await searchUsers(user, search)} />;
}
