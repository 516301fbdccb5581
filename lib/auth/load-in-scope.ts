import { notFound } from "next/navigation";
import { can, type Operation, type ResourceScope } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { auditDenied, requirePermission, requireUser } from "@/lib/auth/session";

// One way to load a single record for a detail page. A record outside the user's scope answers 404, exactly like
// a missing one, so a page never confirms that an id exists; the refusal is still audited (DENIED).

type Entity = { type: string; id: string };

/** How to load one record and decide whether the user may see it (its scope read from the loaded row). */
export type InScope<R> = {
  /** The operation the page performs; a function of the record when the record decides it (an import's kind). */
  operation: Operation | ((record: R) => Operation);
  entity: Entity;
  load: () => Promise<R | null>;
} & (
  | { scopeOf: (record: R) => ResourceScope }
  /** For rules wider than one grant (an expert shared across regions). */
  | { allows: (user: SessionUser, record: R) => boolean }
);

/** The record if it exists and the user may perform the operation over it; null otherwise (a refusal is audited). */
export async function recordInScope<R>(user: SessionUser, spec: InScope<R>): Promise<R | null> {
  const record = await spec.load();
  if (!record) return null;
  const operation = typeof spec.operation === "function" ? spec.operation(record) : spec.operation;
  const allowed = "allows" in spec ? spec.allows(user, record) : can(user, operation, spec.scopeOf(record));
  if (allowed) return record;
  await auditDenied(user, operation, spec.entity);
  return null;
}

/** The record for a page, or notFound() when it is missing or out of the user's scope (the refusal audited). */
export async function inScopeOrNotFound<R>(user: SessionUser, spec: InScope<R>): Promise<R> {
  const record = await recordInScope(user, spec);
  if (!record) notFound();
  return record;
}

/**
 * For detail pages: the signed-in user (holding the operation, else /forbidden) and the record in their scope;
 * a missing or out-of-scope record is notFound().
 */
export async function loadInScope<R>(spec: InScope<R> & { path: string }): Promise<{ user: SessionUser; record: R }> {
  const user = typeof spec.operation === "function" ? await requireUser(spec.path) : await requirePermission(spec.path, spec.operation);
  return { user, record: await inScopeOrNotFound(user, spec) };
}
