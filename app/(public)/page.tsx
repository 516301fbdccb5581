import type { Metadata } from "next";
import Link from "next/link";
import { StatGrid, StatTile } from "@/components/ui/stat-tile";
import { CaseList } from "@/components/portal/case-list";
import { PlanList } from "@/components/portal/plan-list";
import { PortalIntro } from "@/components/portal/intro";
import { EmptyState } from "@/components/ui/empty-state";
import { publishedAnnouncements } from "@/lib/announcements/queries";
import { latestPublishedCases } from "@/lib/cases/portal-queries";
import { formatDate } from "@/lib/format";
import { cachedAnnualThemes, cachedPortalFigures } from "@/lib/portal/queries";

export const metadata: Metadata = { title: { absolute: "专家人才服务基层平台" } };

function Section({ id, title, more, children }: { id: string; title: string; more?: { href: string; label: string }; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="mx-auto max-w-6xl px-4 py-8">
      <div className="mb-4 flex items-baseline justify-between gap-4">
        <h2 id={id} className="text-xl font-semibold text-slate-900">{title}</h2>
        {more && <Link prefetch={false} href={more.href} className="text-sm font-medium text-brand-700 underline underline-offset-2">{more.label}</Link>}
      </div>
      {children}
    </section>
  );
}

const PORTAL_LINKS = [
  { href: "/demonstrations", title: "示范活动", text: "历年遴选入选的专家人才服务基层示范活动名单。" },
  { href: "/bases", title: "专家服务基地", text: "国家级、省级专家服务基地名单，按级别、领域、地区查询。" },
  { href: "/challenges", title: "揭榜挂帅", text: "企业出题、政府发榜、人才攻关：已发布的榜单。" },
  { href: "/cases", title: "典型案例", text: "各地专家服务基层的典型做法和成效。" },
  { href: "/verify", title: "服务证明查验", text: "核验专家服务证明的真伪。" },
  { href: "/services", title: "服务菜单", text: "技术指导、科技推广、联合攻关等“点餐式”服务项目。" },
];

// Prerendered (ISR, lib/security/prerendered.ts): served from Next's cache, rebuilt in the background once 15 s old and
// never served older than 30 s (next.config.ts expireTime); a write that changes it expires it at once on every worker
// and instance (revalidatePath in lib/actions/pipeline.ts, shared through PostgreSQL: lib/portal/cache-handler.mjs).
// Its reads go through the portal's data cache (lib/portal/cache.ts).
export const revalidate = 15;

type HomeData = [Awaited<ReturnType<typeof cachedPortalFigures>>, Awaited<ReturnType<typeof cachedAnnualThemes>>, Awaited<ReturnType<typeof latestPublishedCases>>, Awaited<ReturnType<typeof publishedAnnouncements>>];
const EMPTY: HomeData = [{ experts: 0, needsServing: 0, needsCompleted: 0, bases: 0, cases: 0 }, [], [], []];

async function homeData(): Promise<HomeData> {
  try {
    return await Promise.all([cachedPortalFigures(), cachedAnnualThemes(), latestPublishedCases(6), publishedAnnouncements(5)]);
  } catch (err) {
    // The build needs no database: without one, the page built then is empty. No cached page is served once 30 s old
    // (next.config.ts expireTime), so only a server started within 30 s of such a build could show it, until then.
    if (process.env.NEXT_PHASE === "phase-production-build") return EMPTY;
    throw err;
  }
}

// Public, no sign-in: aggregates and published material only.
export default async function PortalPage() {
  const [figures, themes, cases, announcements] = await homeData();
  return (
    <>
      <PortalIntro />
      <Section id="announcements-heading" title="通知公告">
        {announcements.length === 0 ? <EmptyState title="暂无通知公告" /> : (
          <ul className="divide-y divide-slate-200 rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
            {announcements.map((a) => (
              <li key={a.id} className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-3">
                <Link prefetch={false} href={`/announcements/${a.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                  {a.pinned && <span className="mr-2 rounded bg-red-50 px-1.5 py-0.5 text-xs text-red-700">置顶</span>}{a.title}
                </Link>
                {a.publishedAt && <time className="text-sm text-slate-600" dateTime={a.publishedAt.toISOString()}>{formatDate(a.publishedAt)}</time>}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section id="plans-heading" title="年度主题">
        <PlanList plans={themes} />
      </Section>
      <Section id="portal-links-heading" title="公开信息">
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {PORTAL_LINKS.map((l) => (
            <li key={l.href}>
              <Link prefetch={false} href={l.href} className="block h-full rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 hover:ring-brand-600">
                <span className="font-semibold text-brand-800">{l.title}</span>
                <span className="mt-1 block text-sm leading-6 text-slate-600">{l.text}</span>
              </Link>
            </li>
          ))}
        </ul>
      </Section>
      <Section id="figures-heading" title="平台数据">
        <StatGrid>
          <StatTile label="专家库专家" value={figures.experts} unit="人" />
          <StatTile label="正在服务的需求" value={figures.needsServing} unit="项" />
          <StatTile label="已完成服务的需求" value={figures.needsCompleted} unit="项" />
          <StatTile label="已设立专家服务基地" value={figures.bases} unit="个" />
          <StatTile label="已发布典型案例" value={figures.cases} unit="篇" />
        </StatGrid>
      </Section>
      <Section id="cases-heading" title="典型案例" more={{ href: "/cases", label: "进入案例库" }}>
        <CaseList cases={cases} />
      </Section>
    </>
  );
}
