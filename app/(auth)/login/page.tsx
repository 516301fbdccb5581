import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/session";
import { homeFor } from "@/lib/auth/roles";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { LoginForm } from "@/components/auth/login-form";

export const metadata: Metadata = { title: "登录" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const user = await getSessionUser();
  if (user) redirect(safeRedirectPath(params.callbackUrl) ?? homeFor(user));
  const notice =
    params.reason === "expired" ? "登录已超时，请重新登录" : params.reason === "password-changed" ? "密码已修改，请使用新密码登录" : null;
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-b from-brand-50 to-slate-100 px-4">
      <div className="w-full max-w-sm rounded-xl bg-white p-8 shadow-md ring-1 ring-slate-200">
        <h1 className="text-center text-xl font-semibold text-brand-800">专家人才服务基层平台</h1>
        <p className="mt-1 text-center text-sm text-slate-500">统一身份登录</p>
        {notice && (
          <p role="status" className="mt-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800 ring-1 ring-amber-200">
            {notice}
          </p>
        )}
        <LoginForm callbackUrl={safeRedirectPath(params.callbackUrl)} />
        <p className="mt-6 text-center text-sm text-slate-500">
          <Link href="/register" className="text-brand-700 hover:underline">专家注册</Link>
          <span aria-hidden="true" className="mx-2">·</span>
          <Link href="/" className="text-brand-700 hover:underline">返回首页</Link>
        </p>
      </div>
    </main>
  );
}
