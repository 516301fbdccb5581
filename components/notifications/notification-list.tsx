import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { MarkReadForm } from "@/components/notifications/mark-read-form";
import { formatDateTime } from "@/lib/format";

export type NotificationView = { id: string; title: string; body: string; link: string | null; readAt: Date | null; createdAt: Date };

/** Only same-site paths are followed; anything else is shown as plain text. */
function safeLink(link: string | null): string | null {
  return link && link.startsWith("/") && !link.startsWith("//") ? link : null;
}

export function NotificationList({ items }: { items: NotificationView[] }) {
  return (
    <ul className="divide-y divide-slate-100 overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      {items.map((n) => {
        const unread = !n.readAt;
        const href = safeLink(n.link);
        return (
          <li key={n.id} className={cn("flex flex-wrap items-start justify-between gap-3 px-4 py-3", unread && "bg-brand-50")}>
            <div className="min-w-0 flex-1">
              <p className="flex flex-wrap items-center gap-2">
                {unread && <Badge tone="brand">未读</Badge>}
                {href ? (
                  <Link href={href} className={cn("text-brand-800 hover:underline", unread && "font-semibold")}>{n.title}</Link>
                ) : (
                  <span className={cn(unread ? "font-semibold text-slate-900" : "text-slate-800")}>{n.title}</span>
                )}
              </p>
              {n.body && <p className="mt-1 text-sm text-slate-600">{n.body}</p>}
              <p className="mt-1 text-xs text-slate-600">
                <time dateTime={n.createdAt.toISOString()}>{formatDateTime(n.createdAt)}</time>
              </p>
            </div>
            {unread && <MarkReadForm id={n.id} label="标为已读" ariaLabel={`将“${n.title}”标为已读`} />}
          </li>
        );
      })}
    </ul>
  );
}
