import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { listHref, type QueryValues } from "@/lib/search-params";

type PaginationProps = {
  page: number;
  pageSize: number;
  total: number;
  /** Path of the listing, e.g. "/ministry/audit". */
  basePath: string;
  /** The current query (without `page`); kept on every page link. */
  params?: QueryValues;
};

/** Pages shown: first, last, and two either side of the current one. */
function windowOf(page: number, last: number): (number | "gap")[] {
  const out: (number | "gap")[] = [];
  for (let p = 1; p <= last; p++) {
    if (p === 1 || p === last || Math.abs(p - page) <= 2) out.push(p);
    else if (out[out.length - 1] !== "gap") out.push("gap");
  }
  return out;
}

const linkCls = "min-w-9 rounded-md px-3 py-1.5 text-center text-sm ring-1 ring-inset";
const idle = "ring-slate-300 hover:bg-slate-50";
const current = "bg-brand-700 font-medium text-white ring-brand-700";

export function Pagination({ page, pageSize, total, basePath, params = {} }: PaginationProps) {
  const last = Math.max(1, Math.ceil(total / pageSize));
  if (last <= 1) return null;
  return (
    <nav aria-label="分页" className="mt-4 flex flex-wrap items-center gap-1">
      {page > 1 && <Link href={listHref(basePath, params, page - 1)} className={cn(linkCls, idle)} rel="prev">上一页</Link>}
      {windowOf(page, last).map((p, i) =>
        p === "gap" ? (
          <span key={`gap-${i}`} className="px-2 text-slate-400" aria-hidden="true">…</span>
        ) : (
          <Link key={p} href={listHref(basePath, params, p)} aria-current={p === page ? "page" : undefined}
            aria-label={`第 ${p} 页`}
            className={cn(linkCls, p === page ? current : idle)}>
            {p}
          </Link>
        ),
      )}
      {page < last && <Link href={listHref(basePath, params, page + 1)} className={cn(linkCls, idle)} rel="next">下一页</Link>}
      <span className="ml-2 text-sm text-slate-500">第 {page} / {last} 页</span>
    </nav>
  );
}
