import type { Metadata } from "next";
import { AnnouncementForm, AnnouncementStep } from "@/components/cases/announcement-forms";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { announcementsForManager } from "@/lib/announcements/queries";
import { announcementSearchSchema } from "@/lib/announcements/schemas";
import { requirePermission } from "@/lib/auth/session";
import { formatDate } from "@/lib/format";
import { ANNOUNCEMENT_STATE_LABEL } from "@/lib/labels";
import { firstValues, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "通知公告" };

export default async function AnnouncementsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission("/ministry/announcements", "announcement.manage");
  const { page } = announcementSearchSchema.parse(await firstValues(searchParams));
  const result = await announcementsForManager(user, page);
  return (
    <div className="space-y-6">
      <PageHeader title="通知公告" subtitle="门户网站首页的通知公告：新建、发布、撤下；置顶的排在前面" />
      <Card title="新建公告"><AnnouncementForm /></Card>
      <section aria-labelledby="ann-list">
        <h2 id="ann-list" className="mb-3 text-lg font-semibold text-slate-900">全部公告（{result.total}）</h2>
        {result.rows.length === 0 ? <EmptyState title="还没有公告" /> : (
          <ul className="space-y-3">
            {result.rows.map((a) => (
              <li key={a.id} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div>
                    <p className="font-medium text-slate-900">{a.pinned && <Badge tone="danger">置顶</Badge>} {a.title}</p>
                    <p className="mt-1 text-sm text-slate-600">
                      <Badge tone={a.state === "PUBLISHED" ? "success" : "neutral"}>{ANNOUNCEMENT_STATE_LABEL[a.state]}</Badge>
                      {a.publishedAt && <span className="ml-2">发布于 {formatDate(a.publishedAt)}</span>}
                    </p>
                  </div>
                  <AnnouncementStep id={a.id} version={a.version} step={a.state === "PUBLISHED" ? "withdraw" : "publish"} title={a.title} />
                </div>
                <details className="mt-2">
                  <summary className="cursor-pointer text-sm text-brand-700">修改</summary>
                  <div className="mt-2"><AnnouncementForm a={a} /></div>
                </details>
              </li>
            ))}
          </ul>
        )}
        <Pagination page={result.page} pageSize={result.pageSize} total={result.total} basePath="/ministry/announcements" />
      </section>
    </div>
  );
}
