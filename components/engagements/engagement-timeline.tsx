import { formatDateTime, isoOf } from "@/lib/format";

type Step = { key: string; at: Date; label: string; detail?: string | null };

/** The engagement's history, oldest first. */
export function EngagementTimeline({ steps }: { steps: Step[] }) {
  return (
    <ol className="relative space-y-4 border-l border-slate-200 pl-5" aria-label="服务过程">
      {steps.map((s) => (
        <li key={s.key} className="relative">
          <span className="absolute -left-[26px] top-1.5 h-2.5 w-2.5 rounded-full bg-brand-600" aria-hidden="true" />
          <p className="text-sm font-medium text-slate-800">{s.label}</p>
          <p className="text-xs text-slate-600"><time dateTime={isoOf(s.at)}>{formatDateTime(s.at)}</time></p>
          {s.detail && <p className="mt-1 rounded bg-slate-50 px-2 py-1 text-sm text-slate-700 ring-1 ring-slate-200">{s.detail}</p>}
        </li>
      ))}
    </ol>
  );
}
