import Link from "next/link";

/** The 404 page's content: in its own <main> at the root, inside the portal layout's <main> under (public). */
export function NotFoundNotice({ standalone }: { standalone: boolean }) {
  const Wrapper = standalone ? "main" : "div";
  return (
    <Wrapper className="mx-auto flex min-h-[60vh] max-w-lg flex-col items-center justify-center px-4 text-center">
      <p className="text-5xl font-bold text-slate-300">404</p>
      <h1 className="mt-4 text-xl font-semibold">页面不存在</h1>
      <p className="mt-2 text-slate-600">您访问的页面不存在或已被移除。</p>
      <Link href="/" className="mt-6 rounded-md bg-brand-700 px-4 py-2 text-white hover:bg-brand-800">返回首页</Link>
    </Wrapper>
  );
}
