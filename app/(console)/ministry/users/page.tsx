import type { Metadata } from "next";
import { firstValues, type SearchParams } from "@/lib/search-params";
import { UserAdminPage } from "@/components/users/user-admin-page";
import { requirePermission } from "@/lib/auth/session";
import { holds } from "@/lib/auth/permissions";
import { searchUsers } from "@/lib/users/queries";
import { userSearchSchema } from "@/lib/users/schemas";

export const metadata: Metadata = { title: "账号管理" };

export default async function UsersPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission("/ministry/users", "console.ministry");
  await requirePermission("/ministry/users", "user.manage");
  const search = userSearchSchema.parse(await firstValues(searchParams));
  return <UserAdminPage path="/ministry/users" scopeLabel="全国" search={search} result={await searchUsers(user, search)}
    may={{ create: holds(user, "user.create"), reset: holds(user, "user.resetPassword") }} detailPages />;
}
