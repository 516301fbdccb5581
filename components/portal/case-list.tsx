import { EmptyState } from "@/components/ui/empty-state";
import { formatDate } from "@/lib/format";

export type CaseView = { id: string; title: string; summary: string; provinceName: string | null; publishedAt: Date | null };

export function CaseList({ cases }: { cases: CaseView[] }) {
  if (cases.length === 0) return <EmptyState title="暂无已发布的典型案例" />;
  return (
    <ul className="grid gap-4 md:grid-cols-2 lg:grid-cols-3">
      {cases.map((c) => (
        <li key={c.id}>
          <article className="h-full rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
            <h3 className="font-semibold text-slate-900">{c.title}</h3>
            <p className="mt-2 line-clamp-4 text-sm leading-6 text-slate-600">{c.summary}</p>
            <p className="mt-3 text-xs text-slate-500">
              {c.provinceName && <span>{c.provinceName} · </span>}
              {c.publishedAt && <time dateTime={c.publishedAt.toISOString()}>{formatDate(c.publishedAt)}</time>}
            </p>
          </article>
        </li>
      ))}
    </ul>
  );
}
