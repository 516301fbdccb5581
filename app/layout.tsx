import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "专家人才服务基层平台", template: "%s · 专家人才服务基层平台" },
  description: "落实人社厅发〔2025〕2号，组织专家人才服务基层",
};

// Reads nothing of the request: a page is prerendered when it reads nothing either (the portal's home and detail
// pages, lib/security/prerendered.ts — hash-based CSP) and rendered per request otherwise (Next puts the request's
// CSP nonce from proxy.ts on its scripts then).
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh-CN">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">{children}</body>
    </html>
  );
}
