"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import type { NavSection } from "@/lib/console/nav";

/** The console's side navigation; the item for the current page carries aria-current="page". */
export function SideNav({ sections }: { sections: NavSection[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="工作台导航" className="space-y-5">
      {sections.map((section, i) => (
        <div key={`${i}-${section.heading}`}>
          <p id={`nav-section-${i}`} className="px-3 text-xs font-semibold tracking-wide text-slate-500">{section.heading}</p>
          <ul aria-labelledby={`nav-section-${i}`} className="mt-1 space-y-0.5">
            {section.items.map((item) => {
              const active = pathname === item.href;
              return (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    aria-current={active ? "page" : undefined}
                    className={cn(
                      "block rounded-md px-3 py-2 text-sm",
                      active ? "bg-brand-700 font-medium text-white" : "text-slate-700 hover:bg-brand-50 hover:text-brand-800",
                    )}
                  >
                    {item.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}
