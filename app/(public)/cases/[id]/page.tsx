import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CaseFigureTiles } from "@/components/portal/case-figures";
import { Badge } from "@/components/ui/badge";
import { publishedCase } from "@/lib/cases/portal-queries";
import { formatDate } from "@/lib/format";
import { BASE_FIELD_LABEL, SERVICE_FORM_LABEL } from "@/lib/labels";

// Prerendered (ISR, lib/security/prerendered.ts): rendered on its first visit, then served from Next's cache, rebuilt
// in the background once 15 s old and never served older than 30 s (next.config.ts expireTime); a write that changes it
// expires it at once on every worker and instance (revalidatePath in lib/actions/pipeline.ts; the revalidated tags are
// shared through PostgreSQL, lib/portal/cache-handler.mjs). None at build time: the build needs no database.
export const revalidate = 15;
export const dynamicParams = true;
export function generateStaticParams(): { id: string }[] {
  return [];
}

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const c = await publishedCase((await params).id);
  return c ? { title: c.title, description: c.summary } : { title: "案例不存在" };
}

// Public: only a published case has a page; a draft, a case in review or a withdrawn one answers 404.
export default async function CasePage({ params }: Props) {
  const c = await publishedCase((await params).id);
  if (!c) notFound();
  return (
    <article className="mx-auto max-w-4xl px-4 py-8">
      <p className="text-sm"><Link href="/cases" className="text-brand-700 underline underline-offset-2">返回典型案例库</Link></p>
      <h1 className="mt-2 text-2xl font-semibold leading-9 text-slate-900">{c.title}</h1>
      <p className="mt-2 flex flex-wrap items-center gap-2 text-sm text-slate-600">
        {c.provinceName && <span>{c.provinceName}{c.regionName && c.regionName !== c.provinceName ? ` · ${c.regionName}` : ""}</span>}
        {c.publishedAt && <span>发布于 <time dateTime={c.publishedAt.toISOString()}>{formatDate(c.publishedAt)}</time></span>}
        {c.field && <Badge tone="brand">{BASE_FIELD_LABEL[c.field]}</Badge>}
        {c.forms.map((f) => <Badge key={f}>{SERVICE_FORM_LABEL[f]}</Badge>)}
        {c.replicable && <Badge tone="success">可复制推广</Badge>}
      </p>
      <p className="mt-4 rounded-lg bg-brand-50 p-4 leading-7 text-slate-800">{c.summary}</p>
      <section aria-labelledby="figures-heading" className="mt-6">
        <h2 id="figures-heading" className="mb-3 text-lg font-semibold text-slate-900">服务成效</h2>
        <CaseFigureTiles figures={c.figures} />
        <p className="mt-2 text-xs text-slate-600">数据来自服务单位已确认的服务记录{c.figuresAt ? `（截至 ${formatDate(c.figuresAt)}）` : ""}。</p>
      </section>
      {/* The body was sanitised on the server (lib/cases/sanitize.ts) when stored and again when read. */}
      <div className="case-story mt-6 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200" dangerouslySetInnerHTML={{ __html: c.body }} />
      {c.demonstration && (
        <p className="mt-6 text-sm text-slate-700">
          来源：示范活动 <Link href={`/demonstrations/${c.demonstration.id}`} className="text-brand-700 underline underline-offset-2">{c.demonstration.title}</Link>
        </p>
      )}
      {c.challenge && (
        <p className="mt-6 text-sm text-slate-700">
          来源：揭榜挂帅 <Link href={`/challenges/${c.challenge.id}`} className="text-brand-700 underline underline-offset-2">{c.challenge.title}</Link>
        </p>
      )}
    </article>
  );
}
