import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { requirePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "修改密码" };

export default async function ChangePasswordPage() {
  await requirePermission("/account/password", "account.changePassword");
  return (
    <>
      <PageHeader title="修改密码" subtitle="修改成功后，所有已登录的会话都将失效，需要使用新密码重新登录。" />
      <Card>
        <ChangePasswordForm />
      </Card>
    </>
  );
}
