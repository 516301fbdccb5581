import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { publishedAnnouncement } from "@/lib/announcements/queries";
import { formatDate } from "@/lib/format";

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
  const a = await publishedAnnouncement((await params).id);
  return { title: a?.title ?? "公告不存在" };
}

// Public: a draft or withdrawn announcement answers 404.
export default async function AnnouncementPage({ params }: Props) {
  const a = await publishedAnnouncement((await params).id);
  if (!a) notFound();
  return (
    <article className="mx-auto max-w-3xl px-4 py-8">
      <p className="text-sm"><Link href="/" className="text-brand-700 underline underline-offset-2">返回首页</Link></p>
      <h1 className="mt-2 text-2xl font-semibold text-slate-900">{a.title}</h1>
      {a.publishedAt && <p className="mt-1 text-sm text-slate-600">发布于 <time dateTime={a.publishedAt.toISOString()}>{formatDate(a.publishedAt)}</time></p>}
      <div className="mt-6 space-y-4 rounded-lg bg-white p-6 leading-8 text-slate-800 shadow-sm ring-1 ring-slate-200">
        {a.body.split(/\n+/).filter(Boolean).map((p, i) => <p key={i}>{p}</p>)}
      </div>
    </article>
  );
}
