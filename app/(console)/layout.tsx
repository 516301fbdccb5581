import type { ReactNode } from "react";
import { ConsoleShell } from "@/components/console/console-shell";
import { lookupSession } from "@/lib/auth/session";
import { homeFor, ROLE_LABEL } from "@/lib/auth/roles";
import { navFor } from "@/lib/console/nav";

// Display only: every page under this layout authorizes itself with requirePermission.
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const found = await lookupSession();
  // An account that must change its password sees only that page, without the console around it.
  if (!found.user && (found.mustChange || found.mustEnrolMfa)) return <main id="main" className="mx-auto max-w-xl px-4 py-10">{children}</main>;
  if (!found.user) return <>{children}</>;
  // The unread count comes with the user (lookupSession): the layout adds no query of its own.
  const { user, unread } = found;
  const roleLabels = [...new Set(user.roles.map((g) => ROLE_LABEL[g.role]))];
  return (
    <ConsoleShell
      displayName={user.displayName}
      roleLabels={roleLabels}
      unread={unread}
      homeHref={homeFor(user)}
      sections={navFor(user)}
    >
      {children}
    </ConsoleShell>
  );
}
