import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { requirePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "修改密码" };

export default async function ChangePasswordPage({ searchParams }: { searchParams: Promise<{ reason?: string }> }) {
  await requirePermission("/account/password", "account.changePassword");
  const { reason } = await searchParams;
  return (
    <>
      <PageHeader title="修改密码" subtitle="修改成功后，所有已登录的会话都将失效，需要使用新密码重新登录。" />
      {reason === "must-change" && (
        <p role="status" className="mb-4 rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200">
          您正在使用初始密码、管理员重置的密码或已超过有效期的密码，须先修改密码才能使用平台的其他功能。
        </p>
      )}
      <Card>
        <ChangePasswordForm />
      </Card>
    </>
  );
}
