import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { CreateAccountForm } from "@/components/users/create-account-form";
import { requirePermission } from "@/lib/auth/session";
import { grantOptions } from "@/lib/users/queries";

export const metadata: Metadata = { title: "新建账号" };

export default async function NewAccountPage() {
  await requirePermission("/system/users/new", "console.system");
  const user = await requirePermission("/system/users/new", "user.create");
  const { roles, organizations } = await grantOptions(user);
  return (
    <>
      <PageHeader title="新建账号" subtitle="全国范围内新建账号并分配角色；系统生成一次性密码，本人首次登录须修改。" />
      <CreateAccountForm listPath="/system/users" roles={roles} organizations={organizations} />
    </>
  );
}
