import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { toneOf } from "@/components/dashboard/state-tone";
import { ChallengeFacts } from "@/components/challenges/challenge-facts";
import { publicChallenge } from "@/lib/challenges/queries";
import { formatDate } from "@/lib/format";
import { CHALLENGE_STATE_LABEL } from "@/lib/labels";

export const metadata: Metadata = { title: "揭榜挂帅题目" };

// Prerendered (ISR, lib/security/prerendered.ts): rendered on its first visit, then served from Next's cache, rebuilt
// in the background once 15 s old and never served older than 30 s (next.config.ts expireTime); a write that changes it
// expires it at once on every worker and instance (revalidatePath in lib/actions/pipeline.ts; the revalidated tags are
// shared through PostgreSQL, lib/portal/cache-handler.mjs). None at build time: the build needs no database.
export const revalidate = 15;
export const dynamicParams = true;
export function generateStaticParams(): { id: string }[] {
  return [];
}

// Public: a published challenge; a draft, a submitted or returned one, a cancelled one — or no such id — is a 404.
export default async function PublicChallengePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const c = await publicChallenge(id);
  if (!c) notFound();
  // As of the render (at most 30 s old): bidding itself is refused after the deadline whatever a cached page shows.
  const open = c.state === "PUBLISHED" && !!c.bidDeadline && c.bidDeadline > new Date();
  return (
    <div className="mx-auto max-w-4xl space-y-6 px-4 py-8">
      <p className="text-sm"><Link href="/challenges" className="text-brand-700 underline">← 揭榜挂帅</Link></p>
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">{c.title}</h1>
        <p className="mt-2 text-sm text-slate-600">
          <Badge tone={toneOf(c.state)}>{CHALLENGE_STATE_LABEL[c.state]}</Badge>
          <span className="ml-2">已收到揭榜方案 {c.bidCount} 份</span>
        </p>
      </div>
      <ChallengeFacts c={c} />
      {open && (
        <Card title="如何揭榜">
          <p className="text-sm text-slate-700">
            专家库中的专家可在 {formatDate(c.bidDeadline)} 前登录平台揭榜，提交方案、团队（专家、导师、博士后等）和里程碑计划。
            {c.fileCount > 0 && `题目附有 ${c.fileCount} 个技术资料，登录后可下载。`}
          </p>
          <p className="mt-3"><Link href={`/login?callbackUrl=${encodeURIComponent(`/expert/challenges/${c.id}`)}`} className="text-brand-700 underline">登录揭榜</Link></p>
        </Card>
      )}
      {c.selected && (
        <Card title="揭榜方">
          <p className="text-sm text-slate-700">{c.selected.expert.name}团队（{c.selected.expert.employer}）于 {formatDate(c.awardedAt)} 挂帅。</p>
          {c.finishedAt && <p className="mt-1 text-sm text-slate-700">{formatDate(c.finishedAt)} 完成验收：{c.acceptancePassed ? "通过" : "未通过"}。</p>}
        </Card>
      )}
    </div>
  );
}
