import type { Metadata } from "next";
import Link from "next/link";
import { RegisterForm } from "@/components/experts/register-form";
import { disciplineOptions, industryOptions, regionOptions } from "@/lib/reference/queries";

export const metadata: Metadata = { title: "专家注册" };
// Reference data is read per request (never baked into the build, which may run without the production database).
export const dynamic = "force-dynamic";

export default async function RegisterPage() {
  const [disciplines, industries, regions] = await Promise.all([disciplineOptions(), industryOptions(), regionOptions()]);
  return (
    <div className="mx-auto max-w-3xl px-4 py-8">
      <h1 className="text-2xl font-semibold text-slate-900">专家注册</h1>
      <p className="mt-1 text-sm text-slate-600">
        欢迎各类专家人才加入专家库、服务基层。提交后由所在地区的省级人社部门审核，审核通过即可登录。
        已有账号？<Link href="/login" className="text-brand-700 underline">登录</Link>
      </p>
      <div className="mt-6"><RegisterForm disciplines={disciplines} industries={industries} regions={regions} /></div>
    </div>
  );
}
