"use client";
import { useEffect } from "react";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => console.error(error), [error]);
  return (
    <main className="mx-auto flex min-h-[60vh] max-w-lg flex-col items-center justify-center px-4 text-center">
      <h1 className="text-xl font-semibold">页面暂时无法显示</h1>
      <p className="mt-2 text-slate-600">系统繁忙，请稍后再试。{error.digest && <span className="block text-xs text-slate-400">错误编号：{error.digest}</span>}</p>
      <button type="button" onClick={reset} className="mt-6 rounded-md bg-brand-700 px-4 py-2 text-white hover:bg-brand-800">重试</button>
    </main>
  );
}
