import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { formatNumber } from "@/lib/format";

type StatTileProps = {
  label: string;
  value: number;
  unit?: string;
  hint?: string;
  /** Draw attention (e.g. items waiting for the user). */
  highlight?: boolean;
  href?: string;
};

export function StatTile({ label, value, unit, hint, highlight, href }: StatTileProps) {
  const body = (
    <>
      <dt className={cn("text-sm", highlight ? "font-medium text-amber-800" : "text-slate-500")}>{label}</dt>
      <dd className="mt-1 flex items-baseline gap-1">
        <span className={cn("text-2xl font-semibold tabular-nums", highlight ? "text-amber-700" : "text-slate-900")}>
          {formatNumber(value)}
        </span>
        {unit && <span className="text-sm text-slate-500">{unit}</span>}
      </dd>
      {hint && <dd className="mt-1 text-xs text-slate-500">{hint}</dd>}
    </>
  );
  const frame = cn(
    "block rounded-lg p-4 shadow-sm ring-1",
    highlight ? "bg-amber-50 ring-amber-300" : "bg-white ring-slate-200",
  );
  return href ? (
    <div className={cn(frame, "hover:ring-brand-600")}>
      <Link href={href} className="block"><dl>{body}</dl></Link>
    </div>
  ) : (
    <dl className={frame}>{body}</dl>
  );
}

/** A responsive grid of stat tiles. */
export function StatGrid({ children }: { children: React.ReactNode }) {
  return <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-4">{children}</div>;
}
