import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DefinitionList } from "@/components/dashboard/definition-list";
import { formatDate } from "@/lib/format";
import { ACTIVITY_STATE_LABEL, SERVICE_FORM_LABEL } from "@/lib/labels";
import { publishedDemonstration } from "@/lib/activities/selection-queries";

export const metadata: Metadata = { title: "示范活动" };

// Prerendered (ISR, lib/security/prerendered.ts): rendered on its first visit, then served from Next's cache, rebuilt
// in the background once 15 s old and never served older than 30 s (next.config.ts expireTime); a write that changes it
// expires it at once on every worker and instance (revalidatePath in lib/actions/pipeline.ts; the revalidated tags are
// shared through PostgreSQL, lib/portal/cache-handler.mjs). None at build time: the build needs no database.
export const revalidate = 15;
export const dynamicParams = true;
export function generateStaticParams(): { id: string }[] {
  return [];
}

// Public: an activity whose plan's selection is not published answers 404, whatever the address.
export default async function DemonstrationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const a = await publishedDemonstration(id);
  if (!a) notFound();
  return (
    <div className="mx-auto max-w-4xl px-4 py-8">
      <p className="text-sm"><Link href="/demonstrations" className="text-brand-700 underline underline-offset-2">返回入选名单</Link></p>
      <h1 className="mt-2 text-2xl font-semibold text-slate-900">{a.title}</h1>
      <p className="mt-1 text-sm text-slate-600">{a.plan?.year}年 {a.program.name} · 年度主题：{a.plan?.theme}</p>
      <div className="mt-6 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
        <DefinitionList items={[
          { label: "组织单位", value: a.applicantOrg.name },
          { label: "所在省份", value: a.province },
          { label: "东中西部协作", value: a.pairedProvince ?? "—" },
          { label: "承办基地", value: a.hostBase?.name ?? "—" },
          { label: "实施时间", value: a.plannedStart ? `${formatDate(a.plannedStart)} 至 ${formatDate(a.plannedEnd)}` : "—" },
          { label: "当前状态", value: ACTIVITY_STATE_LABEL[a.state] },
          { label: "服务形式", value: a.serviceForms.map((f) => SERVICE_FORM_LABEL[f]).join("、") || "—" },
          { label: "公布日期", value: formatDate(a.plan?.publishedAt ?? null) },
        ]} />
        <h2 className="mt-5 text-base font-semibold text-slate-900">活动简介</h2>
        <p className="mt-1 whitespace-pre-line text-sm text-slate-700">{a.summary}</p>
      </div>
    </div>
  );
}
