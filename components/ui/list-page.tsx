import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { ExportLinks } from "@/components/ui/export-links";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { SearchForm, type SearchFields } from "@/components/ui/search-form";
import type { QueryValues } from "@/lib/search-params";

type ResultsProps = {
  /** The list's address (page links keep `values`). */
  path: string;
  values: QueryValues;
  /** The count line, announced as a status ("共 12 项需求"). */
  count: ReactNode;
  /** Shown instead of the rows when there are none. */
  empty?: { title: string; body?: ReactNode } | false;
  page: { page: number; pageSize: number; total: number };
  /** The rows: a table, a list. */
  children: ReactNode;
  /** Spacing of the count line (none inside a spaced section). */
  className?: string;
};

/** A list's results: the count, the rows or the empty state, and the page links. */
export function ListResults({ path, values, count, empty, page, children, className = "mt-4 mb-2" }: ResultsProps) {
  return (
    <>
      <p className={cn(className, "text-sm text-slate-600")} role="status">{count}</p>
      {empty ? <EmptyState title={empty.title}>{empty.body}</EmptyState> : children}
      <Pagination page={page.page} pageSize={page.pageSize} total={page.total} basePath={path} params={values} />
    </>
  );
}

type ListPageProps = ResultsProps & {
  title: string;
  subtitle?: ReactNode;
  /** Header buttons, before the export links. */
  actions?: ReactNode;
  /** The list's download route: 导出 Excel / CSV of what the filters select. */
  exportHref?: string;
  search: { label: string; fields: SearchFields; columns?: 3 | 4 | 6 };
  /** Between the header and the search form (tabs, a notice). */
  intro?: ReactNode;
  /** Between the search form and the count. */
  notice?: ReactNode;
  /** After the page links. */
  footer?: ReactNode;
};

/** A console list page: header (with its downloads), filters, count, rows or empty state, page links. */
export function ListPage({ title, subtitle, actions, exportHref, search, intro, notice, footer, ...results }: ListPageProps) {
  const headerActions = actions || exportHref ? (
    <>
      {actions}
      {exportHref && <ExportLinks href={exportHref} params={results.values} />}
    </>
  ) : undefined;
  return (
    <>
      <PageHeader title={title} subtitle={subtitle} actions={headerActions} />
      {intro}
      <SearchForm action={results.path} label={search.label} fields={search.fields} values={results.values} columns={search.columns} />
      {notice}
      <ListResults {...results} />
      {footer}
    </>
  );
}
