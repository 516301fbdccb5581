import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

type CardProps = {
  title?: string;
  /** Right-aligned extra in the card header (a link, a count). */
  action?: ReactNode;
  className?: string;
  children: ReactNode;
};

/** A white panel; with a title it is a <section> headed by an <h2>. */
export function Card({ title, action, className, children }: CardProps) {
  const body = <div className="p-4 sm:p-5">{children}</div>;
  // min-w-0: in a grid, a card shrinks to its column and its wide table scrolls, instead of widening the page.
  const frame = cn("min-w-0 rounded-lg bg-white shadow-sm ring-1 ring-slate-200", className);
  if (!title) return <div className={frame}>{body}</div>;
  return (
    <section className={frame}>
      <header className="flex items-center justify-between gap-2 border-b border-slate-100 px-4 py-3 sm:px-5">
        <h2 className="text-base font-semibold text-slate-800">{title}</h2>
        {action}
      </header>
      {body}
    </section>
  );
}
