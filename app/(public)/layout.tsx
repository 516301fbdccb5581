import type { ReactNode } from "react";
import Link from "next/link";

export default function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-brand-800">
        跳到主要内容
      </a>
      <header className="bg-brand-800 text-white">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-4">
          <Link prefetch={false} href="/" className="text-lg font-semibold tracking-wide">专家人才服务基层平台</Link>
          <nav aria-label="站点导航" className="flex flex-wrap items-center gap-3">
            <Link prefetch={false} href="/cases" className="text-sm text-white hover:underline">典型案例</Link>
            <Link prefetch={false} href="/bases" className="text-sm text-white hover:underline">专家服务基地</Link>
            <Link prefetch={false} href="/demonstrations" className="text-sm text-white hover:underline">示范活动</Link>
            <Link prefetch={false} href="/challenges" className="text-sm text-white hover:underline">揭榜挂帅</Link>
            <Link prefetch={false} href="/verify" className="text-sm text-white hover:underline">证明核验</Link>
            <Link prefetch={false} href="/register" className="text-sm text-white hover:underline">专家注册</Link>
            <Link prefetch={false} href="/login" className="rounded-md bg-white px-4 py-1.5 text-sm font-medium text-brand-800 hover:bg-brand-50">登录</Link>
          </nav>
        </div>
      </header>
      <main id="main" className="flex-1">{children}</main>
      <footer className="border-t border-slate-200 bg-white">
        <div className="mx-auto max-w-6xl px-4 py-6 text-sm text-slate-500">
          人力资源社会保障部专家服务中心 · 依据人社厅发〔2025〕2号建设
        </div>
      </footer>
    </div>
  );
}
