import { formatNumber } from "@/lib/format";

/** A labelled progress bar (role progressbar, so assistive technology announces the value). */
export function ProgressBar({ label, value, max }: { label: string; value: number; max: number }) {
  const pct = max > 0 ? Math.min(100, Math.round((value / max) * 100)) : 0;
  return (
    <div>
      <div className="mb-1 flex justify-between text-sm text-slate-700">
        <span>{label}</span>
        <span className="tabular-nums">{formatNumber(value)} / {formatNumber(max)}（{pct}%）</span>
      </div>
      <div role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={max} aria-valuenow={value}
        className="h-3 w-full overflow-hidden rounded-full bg-slate-200">
        <div className="h-full rounded-full bg-brand-700 transition-[width] duration-300" style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}
