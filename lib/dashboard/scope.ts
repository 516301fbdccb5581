import { listScope, type Operation } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";

// Each dashboard is scoped by its own console operation: listScope(user, "console.<role>") yields exactly the
// provinces / organizations / self the user's grants for that role cover, so a user with several roles sees, on
// each console, only what that role grants.

/** Province codes ("51") the user's grants for `op` cover; empty for none (or national, handled separately). */
export function provinceScope(user: SessionUser, op: Operation): string[] {
  const scope = listScope(user, op);
  if (!scope || scope.all) return [];
  return [...new Set(scope.provinceCodes)];
}

export function organizationScope(user: SessionUser, op: Operation): string[] {
  const scope = listScope(user, op);
  if (!scope || scope.all) return [];
  return scope.organizationIds;
}

export function selfScope(user: SessionUser, op: Operation): string | null {
  const scope = listScope(user, op);
  if (!scope || scope.all) return null;
  return scope.userId;
}

export function isNational(user: SessionUser, op: Operation): boolean {
  return listScope(user, op)?.all === true;
}

/** Turn Prisma groupBy rows (with `_count: { _all: true }`) into { value: count }. */
export function countBy<F extends string, K extends string>(
  rows: ({ [P in F]: K } & { _count: { _all: number } })[],
  field: F,
): Partial<Record<K, number>> {
  const out: Partial<Record<K, number>> = {};
  for (const row of rows) out[row[field]] = (out[row[field]] ?? 0) + row._count._all;
  return out;
}

export function sum(counts: Partial<Record<string, number>>): number {
  return Object.values(counts).reduce<number>((a, b) => a + (b ?? 0), 0);
}
