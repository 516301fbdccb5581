import type { Metadata } from "next";
import { headers } from "next/headers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "专家人才服务基层平台", template: "%s · 专家人才服务基层平台" },
  description: "落实人社厅发〔2025〕2号，组织专家人才服务基层",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: Next puts this response's CSP nonce (proxy.ts) on its scripts only then; a page
  // prerendered at build time would carry scripts without it, which the policy blocks.
  await headers();
  return (
    <html lang="zh-CN">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">{children}</body>
    </html>
  );
}
