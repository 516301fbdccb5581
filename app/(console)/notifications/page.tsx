import type { Metadata } from "next";
import { z } from "zod";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { MarkReadForm } from "@/components/notifications/mark-read-form";
import { NotificationList } from "@/components/notifications/notification-list";
import { requirePermission } from "@/lib/auth/session";
import { listNotifications, unreadCount } from "@/lib/notifications/queries";

export const metadata: Metadata = { title: "通知" };

const pageSchema = z.coerce.number().int().min(1).max(100000).catch(1);

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<{ page?: string | string[] }> }) {
  const user = await requirePermission("/notifications", "notification.read");
  const raw = (await searchParams).page;
  const page = pageSchema.parse(Array.isArray(raw) ? raw[0] : raw);
  const [list, unread] = await Promise.all([listNotifications(user.id, page), unreadCount(user.id)]);
  return (
    <>
      <PageHeader
        title="通知"
        subtitle={`共 ${list.total} 条，未读 ${unread} 条`}
        actions={unread > 0 ? <MarkReadForm label="全部标为已读" variant="secondary" /> : undefined}
      />
      {list.items.length === 0 ? (
        <EmptyState title={page > 1 ? "本页没有通知" : "暂无通知"}>有新的审核结果、邀请或提醒时会显示在这里。</EmptyState>
      ) : (
        <NotificationList items={list.items} />
      )}
      <Pagination page={list.page} pageSize={list.pageSize} total={list.total} basePath="/notifications" />
    </>
  );
}
