import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate, formatNumber } from "@/lib/format";
import { BASE_FIELD_LABEL } from "@/lib/labels";
import type { BaseField } from "@/lib/generated/prisma/enums";

export type CaseView = {
  id: string; title: string; summary: string; provinceName: string | null; publishedAt: Date | null;
  field?: BaseField | null; replicable?: boolean; figures?: { hours: number; peopleServed: number };
};

/** Published cases as cards, each titled with a link to its page. */
export function CaseList({ cases, headingLevel = 3 }: { cases: CaseView[]; headingLevel?: 2 | 3 }) {
  if (cases.length === 0) return <EmptyState title="暂无已发布的典型案例" />;
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    <ul className="grid gap-4 md:grid-cols-2 lg:grid-cols-3">
      {cases.map((c) => (
        <li key={c.id}>
          <article className="h-full rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
            <H className="font-semibold text-slate-900">
              <Link prefetch={false} href={`/cases/${c.id}`} className="hover:text-brand-700 hover:underline">{c.title}</Link>
            </H>
            {(c.field || c.replicable) && (
              <p className="mt-2 flex flex-wrap gap-1">
                {c.field && <Badge tone="brand">{BASE_FIELD_LABEL[c.field]}</Badge>}
                {c.replicable && <Badge tone="success">可复制推广</Badge>}
              </p>
            )}
            <p className="mt-2 line-clamp-4 text-sm leading-6 text-slate-600">{c.summary}</p>
            {c.figures && c.figures.hours > 0 && (
              <p className="mt-2 text-sm text-slate-700">服务 {formatNumber(c.figures.hours)} 小时 · 服务群众 {formatNumber(c.figures.peopleServed)} 人次</p>
            )}
            <p className="mt-3 text-xs text-slate-600">
              {c.provinceName && <span>{c.provinceName} · </span>}
              {c.publishedAt && <time dateTime={c.publishedAt.toISOString()}>{formatDate(c.publishedAt)}</time>}
            </p>
          </article>
        </li>
      ))}
    </ul>
  );
}
