import { redirect } from "next/navigation";
import { auditDenied, requireUser } from "@/lib/auth/session";
import type { SessionUser } from "@/lib/auth/roles";
import { libraryView, type LibraryView } from "@/lib/library/queries";

/**
 * For the library pages shared by the ministry (library.decide) and the provinces (library.nominate): the user and
 * which view they get; anyone else is refused (audited) and sent to the 403 page, as requirePermission does.
 */
export async function requireLibraryView(path: string): Promise<{ user: SessionUser; view: LibraryView }> {
  const user = await requireUser(path);
  const view = libraryView(user);
  if (!view) {
    await auditDenied(user, "library.nominate");
    redirect("/forbidden");
  }
  return { user, view };
}
