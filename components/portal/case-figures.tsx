import { figureLines, type CaseFigures } from "@/lib/cases/figures";
import { formatNumber } from "@/lib/format";

/** The case's confirmed figures as a row of tiles (nothing when there are none). */
export function CaseFigureTiles({ figures }: { figures: CaseFigures }) {
  const lines = figureLines(figures);
  if (!lines.length) return null;
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
      {lines.map((l) => (
        <div key={l.label} className="rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200">
          <dt className="text-xs text-slate-600">{l.label}</dt>
          <dd className="mt-1 text-lg font-semibold text-brand-800">{formatNumber(l.value)}<span className="ml-1 text-xs font-normal text-slate-600">{l.unit}</span></dd>
        </div>
      ))}
    </dl>
  );
}
