import Link from "next/link";

export const metadata = { title: "无权访问" };

export default function ForbiddenPage() {
  return (
    <main className="mx-auto flex min-h-screen max-w-lg flex-col items-center justify-center px-4 text-center">
      <p className="text-5xl font-bold text-slate-300">403</p>
      <h1 className="mt-4 text-xl font-semibold">无权访问</h1>
      <p className="mt-2 text-slate-600">您的账号没有访问该页面的权限，本次访问已记录。如有疑问请联系管理员。</p>
      <Link href="/console" className="mt-6 rounded-md bg-brand-700 px-4 py-2 text-white hover:bg-brand-800">返回我的工作台</Link>
    </main>
  );
}
