import Link from "next/link";
import { cn } from "@/components/ui/cn";

type Tab = { href: string; label: string };

/** Links between the library pages; the current one is marked for assistive technology. */
export function LibraryTabs({ current, tabs }: { current: string; tabs: Tab[] }) {
  return (
    <nav aria-label="重点联系专家库" className="mb-4 flex flex-wrap gap-1 border-b border-slate-200">
      {tabs.map((t) => (
        <Link key={t.href} href={t.href} aria-current={t.href === current ? "page" : undefined}
          className={cn("-mb-px border-b-2 px-3 py-2 text-sm",
            t.href === current ? "border-brand-700 font-medium text-brand-800" : "border-transparent text-slate-600 hover:text-brand-700")}>
          {t.label}
        </Link>
      ))}
    </nav>
  );
}

export function libraryTabs(view: "ministry" | "province"): Tab[] {
  return view === "ministry"
    ? [{ href: "/library", label: "待审定推荐" }, { href: "/library/members", label: "入库专家" }]
    : [{ href: "/library", label: "本省推荐记录" }, { href: "/library/nominate", label: "推荐专家入库" }, { href: "/library/members", label: "本省入库专家" }];
}
