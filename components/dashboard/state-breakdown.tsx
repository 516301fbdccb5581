import { cn } from "@/components/ui/cn";
import { formatNumber } from "@/lib/format";

export type BreakdownRow = { state: string; label: string; count: number };

type StateBreakdownProps = {
  rows: BreakdownRow[];
  /** States to draw attention to (e.g. 待审核 for a reviewer). */
  highlight?: string[];
  /** Hide states with no records (keeps long workflows readable). */
  hideZero?: boolean;
};

/** Counts per workflow state, in workflow order. */
export function StateBreakdown({ rows, highlight = [], hideZero }: StateBreakdownProps) {
  const shown = hideZero ? rows.filter((r) => r.count > 0 || highlight.includes(r.state)) : rows;
  const total = rows.reduce((a, r) => a + r.count, 0);
  return (
    <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-5">
      {shown.map((r) => {
        const hot = highlight.includes(r.state);
        return (
          <div key={r.state} className={cn("rounded-md px-3 py-2 ring-1", hot ? "bg-amber-50 ring-amber-300" : "bg-slate-50 ring-slate-200")}>
            <dt className={cn("text-xs", hot ? "font-medium text-amber-800" : "text-slate-500")}>{r.label}</dt>
            <dd className={cn("text-lg font-semibold tabular-nums", hot ? "text-amber-700" : "text-slate-900")}>{formatNumber(r.count)}</dd>
          </div>
        );
      })}
      <div className="rounded-md px-3 py-2 ring-1 ring-slate-200">
        <dt className="text-xs text-slate-500">合计</dt>
        <dd className="text-lg font-semibold tabular-nums">{formatNumber(total)}</dd>
      </div>
    </dl>
  );
}
