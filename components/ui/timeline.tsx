import type { ReactNode } from "react";
import { formatDateTime, isoOf } from "@/lib/format";

export type TimelineItem = {
  key: string;
  at: Date;
  /** What happened. */
  label: string;
  /** Who did it. */
  by?: string | null;
  /** Why, or what was said (a reason, a comment). */
  detail?: string | null;
};

/** A record's history, oldest first: what happened, who, when, and why; an ordered list named by `label`. */
export function Timeline({ label, items, empty }: { label: string; items: TimelineItem[]; empty?: ReactNode }) {
  if (!items.length && empty) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <ol className="relative space-y-4 border-l border-slate-200 pl-5" aria-label={label}>
      {items.map((s) => (
        <li key={s.key} className="relative">
          <span className="absolute -left-[26px] top-1.5 h-2.5 w-2.5 rounded-full bg-brand-600" aria-hidden="true" />
          <p className="text-sm">
            <span className="font-medium text-slate-800">{s.label}</span>
            {s.by && <span className="ml-2 text-slate-600">{s.by}</span>}
          </p>
          <p className="text-xs text-slate-600"><time dateTime={isoOf(s.at)}>{formatDateTime(s.at)}</time></p>
          {s.detail && <p className="mt-1 rounded bg-slate-50 px-2 py-1 text-sm text-slate-700 ring-1 ring-slate-200">{s.detail}</p>}
        </li>
      ))}
    </ol>
  );
}
