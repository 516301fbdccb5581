import type { ReactNode } from "react";
import { Button, LinkButton } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

/** A GET filter form: the filters live in the URL, so results can be bookmarked and paged. */
export function SearchForm({ action, label, className, children }: { action: string; label: string; className?: string; children: ReactNode }) {
  return (
    <form method="get" action={action} role="search" aria-label={label}
      className={cn("grid gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-2", className)}>
      {children}
      <div className="col-span-full flex items-end gap-2">
        <Button type="submit">查询</Button>
        <LinkButton href={action} variant="secondary">重置</LinkButton>
      </div>
    </form>
  );
}
