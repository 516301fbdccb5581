import type { Metadata } from "next";
import { connection } from "next/server";

export const metadata: Metadata = { title: "运行状态" };

// Rendered on every request and reading nothing: the cost of the proxy, the framework and the root layout alone. It
// is the baseline `npm run bench:pages` measures every console page against (and a liveness check through rendering).
export default async function PingPage() {
  await connection();
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-10">
      <h1 className="text-xl font-semibold">平台运行中</h1>
      <p className="mt-2 text-sm text-slate-600">服务器时间：{new Date().toISOString()}</p>
    </main>
  );
}
