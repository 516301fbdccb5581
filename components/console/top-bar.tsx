import Link from "next/link";
import { SignOutButton } from "@/components/console/sign-out-button";

type TopBarProps = {
  displayName: string;
  roleLabels: string[];
  unread: number;
  homeHref: string;
};

const linkCls = "rounded px-2 py-1 text-sm text-brand-50 hover:bg-brand-700 hover:text-white";

export function TopBar({ displayName, roleLabels, unread, homeHref }: TopBarProps) {
  // Accounts named after their role (「部级管理员」) show the name once.
  const roles = roleLabels.filter((r) => r !== displayName);
  return (
    <header className="bg-brand-800 text-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href={homeHref} className="text-lg font-semibold tracking-wide">专家人才服务基层平台</Link>
        <div className="flex flex-wrap items-center gap-2">
          <span className="text-sm">
            <span className="font-medium">{displayName}</span>
            {roles.length > 0 && <span className="ml-2 text-brand-100">{roles.join("、")}</span>}
          </span>
          {/* No aria-label: the link's name is its visible text plus the count (axe label-content-name-mismatch). */}
          <Link href="/notifications" className={linkCls}>
            通知
            {unread > 0 ? (
              <span className="ml-1 rounded-full bg-amber-400 px-1.5 text-xs font-semibold text-slate-900">
                <span className="sr-only">，未读 </span>{unread > 99 ? "99+" : unread}<span className="sr-only"> 条</span>
              </span>
            ) : (
              <span className="sr-only">，无未读</span>
            )}
          </Link>
          <Link href="/account/password" className={linkCls}>修改密码</Link>
          <SignOutButton className={`${linkCls} disabled:opacity-60`} />
        </div>
      </div>
    </header>
  );
}
