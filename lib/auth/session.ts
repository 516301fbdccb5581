import { cache } from "react";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { writeAudit, metaFromHeaders, type RequestMeta } from "@/lib/audit/log";
import { authOptions } from "@/lib/auth/options";
import { can, holds, OPERATIONS, type Operation, type ResourceScope } from "@/lib/auth/permissions";
import { sessionState } from "@/lib/auth/session-policy";
import type { SessionUser } from "@/lib/auth/roles";
import { MFA_ENROL_PATH, mfaEnrolmentDue } from "@/lib/mfa/policy";

/**
 * `endedFor`: the account whose session just ended (timed out, disabled, password changed), for the audit log.
 * `mustChange`: a signed-in account that must change its one-time password first; it may do nothing else
 * (requireUser sends it to the change-password page, the pipeline refuses every other action).
 */
export type SessionLookup =
  | { user: SessionUser }
  | { user: null; expired: boolean; endedFor?: { id: string; why: string }; mustChange?: SessionUser; mustEnrolMfa?: SessionUser };

export const MUST_CHANGE_PATH = "/account/password?reason=must-change";

/**
 * The signed-in user, with status and roles re-read from the database so that disabling an account,
 * revoking a role or changing the password takes effect on the next request on every instance.
 * Cached per request, so the layout and the page share one lookup.
 */
export const lookupSession = cache(async function lookupSession(): Promise<SessionLookup> {
  const session = await getServerSession(authOptions);
  if (!session?.uid) return { user: null, expired: false };
  if (sessionState(session) === "expired") return { user: null, expired: true, endedFor: { id: session.uid, why: "会话超时" } };
  const row = await db.user.findUnique({
    where: { id: session.uid },
    select: {
      id: true, username: true, displayName: true, status: true, passwordChangedAt: true, mustChangePassword: true,
      mfaEnabledAt: true,
      roles: { select: { role: true, organizationId: true, provinceCode: true }, orderBy: { createdAt: "asc" } },
    },
  });
  if (!row || row.status !== "ACTIVE") return { user: null, expired: true, endedFor: row ? { id: row.id, why: "账号已停用" } : undefined };
  // A password change ends every session that began before it (1 s slack for the change's own session clock).
  if (session.loginAt && row.passwordChangedAt.getTime() > session.loginAt + 1000) {
    return { user: null, expired: true, endedFor: { id: row.id, why: "密码已修改" } };
  }
  const user = { id: row.id, username: row.username, displayName: row.displayName, roles: row.roles };
  if (row.mustChangePassword) return { user: null, expired: false, mustChange: user };
  // Second factor required for this account's roles but not yet set up: it may only enrol (lib/mfa/policy.ts).
  if (mfaEnrolmentDue(row)) return { user: null, expired: false, mustEnrolMfa: user };
  return { user };
});

export async function getSessionUser(): Promise<SessionUser | null> {
  return (await lookupSession()).user;
}

export async function requestMeta(): Promise<RequestMeta> {
  try {
    return metaFromHeaders(await headers());
  } catch {
    return { ip: null, userAgent: null };
  }
}

/**
 * For pages: the user, or a redirect to the login page (saying why when the session timed out). An account that
 * must change its password is sent to the change-password page, the one page that accepts it (`forPasswordChange`).
 */
export async function requireUser(returnTo: string, forPasswordChange = false, forMfaEnrolment = false): Promise<SessionUser> {
  const found = await lookupSession();
  if (found.user) return found.user;
  if (found.mustEnrolMfa) {
    if (forMfaEnrolment) return found.mustEnrolMfa;
    redirect(MFA_ENROL_PATH);
  }
  if (found.mustChange) {
    if (forPasswordChange) return found.mustChange;
    redirect(MUST_CHANGE_PATH);
  }
  const params = new URLSearchParams({ callbackUrl: returnTo });
  if (found.expired) params.set("reason", "expired");
  await auditSessionEnded(found, returnTo);
  redirect(`/login?${params}`);
}

/** Record a request that arrived with a session that has ended (GB/T 22239: the attempt is recorded). */
export async function auditSessionEnded(found: SessionLookup, target: string) {
  if (found.user || !found.endedFor) return;
  await writeAudit(db, {
    actor: { id: found.endedFor.id },
    operation: "auth.session",
    outcome: "DENIED",
    entityType: "User",
    entityId: found.endedFor.id,
    summary: `会话已失效（${found.endedFor.why}），访问 ${target.slice(0, 200)} 被要求重新登录`,
    meta: await requestMeta(),
  });
}

/** Record a refusal in the audit log. */
export async function auditDenied(user: SessionUser, operation: Operation, entity?: { type: string; id: string }) {
  await writeAudit(db, {
    actor: { id: user.id, displayName: user.displayName, role: user.roles[0]?.role },
    operation,
    outcome: "DENIED",
    entityType: entity?.type,
    entityId: entity?.id,
    summary: `越权访问被拒：${OPERATIONS[operation]}`,
    meta: await requestMeta(),
  });
}

/**
 * For pages: the user if they may perform `operation` (over `resource` when given), else the refusal is
 * audited and the user sent to the 403 page.
 */
export async function requirePermission(
  returnTo: string,
  operation: Operation,
  resource?: ResourceScope,
  entity?: { type: string; id: string },
): Promise<SessionUser> {
  const user = await requireUser(returnTo, operation === "account.changePassword", operation === "account.mfa");
  const allowed = resource ? can(user, operation, resource) : holds(user, operation);
  if (!allowed) {
    await auditDenied(user, operation, entity);
    redirect("/forbidden");
  }
  return user;
}
