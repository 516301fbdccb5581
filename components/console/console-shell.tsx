import type { ReactNode } from "react";
import { SideNav } from "@/components/console/side-nav";
import { TopBar } from "@/components/console/top-bar";
import type { NavSection } from "@/lib/console/nav";

type ConsoleShellProps = {
  displayName: string;
  roleLabels: string[];
  unread: number;
  homeHref: string;
  sections: NavSection[];
  children: ReactNode;
};

export function ConsoleShell({ sections, children, ...bar }: ConsoleShellProps) {
  return (
    <div className="flex min-h-screen flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-brand-800">
        跳到主要内容
      </a>
      <TopBar {...bar} />
      <div className="mx-auto flex w-full max-w-7xl flex-1 flex-col gap-6 px-4 py-6 md:flex-row">
        <aside className="md:w-52 md:shrink-0">
          <SideNav sections={sections} />
        </aside>
        <main id="main" className="min-w-0 flex-1">{children}</main>
      </div>
    </div>
  );
}
