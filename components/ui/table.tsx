import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/** A horizontally scrollable table with a caption for screen readers (visible when `showCaption`). */
export function Table({ caption, showCaption, children }: { caption: string; showCaption?: boolean; children: ReactNode }) {
  return (
    // Focusable, so a keyboard user can scroll a table wider than the screen (WCAG 2.1.1; the table keeps its caption).
    <div className="overflow-x-auto rounded-lg ring-1 ring-slate-200 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600" tabIndex={0}>
      <table className="min-w-full divide-y divide-slate-200 bg-white text-sm">
        <caption className={showCaption ? "px-3 py-2 text-left text-sm text-slate-600" : "sr-only"}>{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export function THead({ children }: { children: ReactNode }) {
  return <thead className="bg-slate-50">{children}</thead>;
}

export function TBody({ children }: { children: ReactNode }) {
  return <tbody className="divide-y divide-slate-100">{children}</tbody>;
}

export function Th({ className, ...props }: ComponentProps<"th">) {
  return <th scope="col" className={cn("whitespace-nowrap px-3 py-2 text-left font-medium text-slate-600", className)} {...props} />;
}

export function Td({ className, ...props }: ComponentProps<"td">) {
  return <td className={cn("px-3 py-2 align-top text-slate-800", className)} {...props} />;
}
