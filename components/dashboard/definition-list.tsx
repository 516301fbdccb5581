import type { ReactNode } from "react";

/** Label–value pairs in two columns on wide screens. */
export function DefinitionList({ items }: { items: { label: string; value: ReactNode }[] }) {
  return (
    <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
      {items.map((it) => (
        <div key={it.label} className="min-w-0">
          <dt className="text-xs text-slate-500">{it.label}</dt>
          <dd className="mt-0.5 text-sm text-slate-900 wrap-break-word">{it.value}</dd>
        </div>
      ))}
    </dl>
  );
}
