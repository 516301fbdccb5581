import { listScope } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";

// Whose numbers a viewer may see on the tracking dashboards: the nation (ministry) or the provinces of their grant
// (served there: the need's province, as for engagements). Any other grant sees nothing here — deny by default.

export type TrackingView = { national: true; provinceCodes: null } | { national: false; provinceCodes: string[] };

export function trackingView(user: Pick<SessionUser, "id" | "roles">): TrackingView | null {
  const scope = listScope(user, "tracking.read");
  if (!scope) return null;
  if (scope.all) return { national: true, provinceCodes: null };
  const codes = [...new Set(scope.provinceCodes)];
  return codes.length ? { national: false, provinceCodes: codes } : null;
}
