import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { EmptyState } from "@/components/ui/empty-state";
import { DELIVERY_MODE_LABEL, SERVICE_FORM_LABEL } from "@/lib/labels";
import { activeMenuByForm } from "@/lib/menu/queries";

export const metadata: Metadata = { title: "服务菜单" };

// Public, no sign-in: the items units can order now (retired items are not shown).
export default async function ServicesPage() {
  await connection();
  const groups = await activeMenuByForm();
  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-2xl font-semibold text-slate-900">服务菜单</h1>
      <p className="mt-2 max-w-3xl text-sm text-slate-600">
        基层单位可按照服务菜单“点餐”提出需求，平台为需求精准匹配专家。需求填报请
        <Link href="/login" className="text-brand-700 underline">登录</Link>后进行。
      </p>
      {groups.length === 0 ? (
        <div className="mt-6"><EmptyState title="暂无可选的服务项目" /></div>
      ) : (
        <div className="mt-6 space-y-8">
          {groups.map((g) => (
            <section key={g.form} aria-labelledby={`form-${g.form}`}>
              <h2 id={`form-${g.form}`} className="mb-3 text-lg font-semibold text-slate-900">{SERVICE_FORM_LABEL[g.form]}</h2>
              <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
                {g.items.map((item) => (
                  <li key={item.id} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
                    <h3 className="font-medium text-slate-900">{item.name}</h3>
                    <p className="mt-1 text-sm text-slate-600">{item.description}</p>
                    <p className="mt-2 text-xs text-slate-500">
                      典型时长 {item.typicalDurationDays} 天 · {DELIVERY_MODE_LABEL[item.delivery]}
                    </p>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
