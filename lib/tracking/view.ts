import { listScope, PERMISSIONS } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";

// Whose numbers a viewer may see on the tracking dashboards: the nation (ministry), the provinces of their grant
// (served there: the need's province, as for engagements), or — for a unit, an expert and a base host — only their
// own: the unit's needs, the expert's engagements, the activities hosted by the host's bases. Any other grant sees
// nothing here — deny by default. An own view never reads the rollups (they carry no unit, expert or base): every
// query runs over the confirmed records with the owner's predicate inside the source (lib/tracking/queries.ts).

/** The owners of an own view, straight from the grants (no lookup): OR-ed together, empty lists match nothing. */
export type OwnScope = {
  /** UNIT_USER grants: needs of these organizations. */
  unitOrgIds: string[];
  /** EXPERT grant: engagements of the expert profile of this account. */
  expertUserIds: string[];
  /** BASE_HOST grants: activities hosted by the bases of these organizations. */
  hostOrgIds: string[];
};

export type TrackingView =
  | { national: true; provinceCodes: null; own?: undefined }
  | { national: false; provinceCodes: string[]; own?: undefined }
  | { national: false; provinceCodes: null; own: OwnScope };

export type OwnRole = "unit" | "expert" | "base";

export function trackingView(user: Pick<SessionUser, "id" | "roles">): TrackingView | null {
  const scope = listScope(user, "tracking.read");
  if (!scope) return null;
  if (scope.all) return { national: true, provinceCodes: null };
  const codes = [...new Set(scope.provinceCodes)];
  if (codes.length) return { national: false, provinceCodes: codes };
  const own: OwnScope = { unitOrgIds: [], expertUserIds: [], hostOrgIds: [] };
  for (const grant of user.roles) {
    const granted = PERMISSIONS[grant.role]?.["tracking.read"];
    if (granted === "unit" && grant.organizationId && grant.role === "UNIT_USER") own.unitOrgIds.push(grant.organizationId);
    else if (granted === "unit" && grant.organizationId && grant.role === "BASE_HOST") own.hostOrgIds.push(grant.organizationId);
    else if (granted === "self" && grant.role === "EXPERT") own.expertUserIds = [user.id];
  }
  if (!own.unitOrgIds.length && !own.expertUserIds.length && !own.hostOrgIds.length) return null;
  return { national: false, provinceCodes: null, own: { unitOrgIds: [...new Set(own.unitOrgIds)], expertUserIds: own.expertUserIds, hostOrgIds: [...new Set(own.hostOrgIds)] } };
}

/** Which own dashboards the view carries (a user may hold several of these roles). */
export function ownRoles(view: TrackingView): OwnRole[] {
  if (!view.own) return [];
  const out: OwnRole[] = [];
  if (view.own.unitOrgIds.length) out.push("unit");
  if (view.own.expertUserIds.length) out.push("expert");
  if (view.own.hostOrgIds.length) out.push("base");
  return out;
}
