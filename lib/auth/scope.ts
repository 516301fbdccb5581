import { listScope, type Operation } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";

/**
 * How an area's records sit in each kind of scope, as where-clauses. A kind left out matches nothing, so a grant
 * the area does not map (say a self grant over needs) lets the user list nothing rather than everything.
 */
export type ScopeBranches<W> = {
  /** Records of these provinces (province grants). */
  province?: (provinceCodes: string[]) => W;
  /** Records of these organizations (unit grants). */
  unit?: (organizationIds: string[]) => W;
  /** The user's own records (self grants). */
  self?: (userId: string) => W;
};

/**
 * The records a user may list for `operation`, as a Prisma where-clause: null when nothing is allowed, `{}` for
 * national scope, else `{ OR: [...] }` over the user's grants.
 */
export function scopeWhere<W extends object>(
  user: Pick<SessionUser, "id" | "roles">,
  operation: Operation,
  branches: ScopeBranches<W>,
): W | null {
  const scope = listScope(user, operation);
  if (!scope) return null;
  if (scope.all) return {} as W;
  const or: W[] = [];
  if (scope.provinceCodes.length && branches.province) or.push(branches.province([...new Set(scope.provinceCodes)]));
  if (scope.organizationIds.length && branches.unit) or.push(branches.unit([...new Set(scope.organizationIds)]));
  if (scope.userId && branches.self) or.push(branches.self(scope.userId));
  return or.length ? ({ OR: or } as unknown as W) : null;
}
