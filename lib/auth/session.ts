import { cache } from "react";
import { decode, type JWT } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { db, type Tx } from "@/lib/db";
import { writeAudit, metaFromHeaders, type RequestMeta } from "@/lib/audit/log";
import { authSecret, sessionCookieName } from "@/lib/auth/secret";
import { can, holds, OPERATIONS, type Operation, type ResourceScope } from "@/lib/auth/permissions";
import { passwordExpired, sessionState } from "@/lib/auth/session-policy";
import type { RoleGrant, SessionUser } from "@/lib/auth/roles";
import { MFA_ENROL_PATH, mfaEnrolmentDue } from "@/lib/mfa/policy";

/**
 * `endedFor`: the account whose session just ended (timed out, disabled, password changed), for the audit log.
 * `mustChange`: a signed-in account that must change its one-time password first; it may do nothing else
 * (requireUser sends it to the change-password page, the pipeline refuses every other action).
 */
export type SessionLookup =
  | { user: SessionUser; /** Unread notifications, for the console's header. */ unread: number }
  | { user: null; expired: boolean; endedFor?: { id: string; why: string }; mustChange?: SessionUser; mustEnrolMfa?: SessionUser };

export const MUST_CHANGE_PATH = "/account/password?reason=must-change";

type SessionRow = {
  id: string; username: string; displayName: string; status: string; passwordChangedAt: Date; mustChangePassword: boolean;
  sessionVersion: number; expiresAt: Date | null; mfaEnabledAt: Date | null; roles: RoleGrant[]; unread: number;
};

/** What lookupSession needs from the decoded session token. */
export type SessionClaims = { uid?: string; loginAt?: number; lastSeen?: number; sv?: number };

/**
 * The session cookie's token, decrypted once. The proxy has already checked and refreshed the cookie on this request;
 * getServerSession would decrypt it, run the callbacks and encrypt a fresh one that a page cannot even send. A token
 * too large for one cookie comes in chunks (`name.0`, `name.1` …), joined in order as next-auth does.
 */
async function readToken(): Promise<JWT | null> {
  const name = sessionCookieName();
  const jar = await cookies();
  const whole = jar.get(name)?.value;
  const chunks = whole ? [whole] : jar.getAll()
    .filter((c) => c.name.startsWith(`${name}.`))
    .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)))
    .map((c) => c.value);
  if (!chunks.length) return null;
  return decode({ token: chunks.join(""), secret: authSecret() }).catch(() => null);
}

/**
 * The per-request read of the signed-in user: status, expiry, session version, password clock and role grants (in
 * grant order), plus the unread notification count the console shows, in one round trip.
 */
async function sessionRow(client: Tx, userId: string): Promise<SessionRow | null> {
  const rows = await client.$queryRaw<SessionRow[]>`
    SELECT u."id", u."username", u."displayName", u."status"::text AS "status", u."passwordChangedAt", u."mustChangePassword",
      u."sessionVersion", u."expiresAt", u."mfaEnabledAt",
      COALESCE((
        SELECT json_agg(json_build_object('role', r."role", 'organizationId', r."organizationId", 'provinceCode', r."provinceCode")
                        ORDER BY r."createdAt", r."id")
        FROM "RoleAssignment" r WHERE r."userId" = u."id"
      ), '[]'::json) AS "roles",
      (SELECT count(*)::int FROM "Notification" n WHERE n."userId" = u."id" AND n."readAt" IS NULL) AS "unread"
    FROM "User" u WHERE u."id" = ${userId}`;
  return rows[0] ?? null;
}

/**
 * The signed-in user, with status and roles re-read from the database so that disabling an account,
 * revoking a role, signing out or changing the password takes effect on the next request on every instance.
 * Cached per request, so the layout and the page share one lookup (one query: sessionRow).
 */
export const lookupSession = cache(async function lookupSession(): Promise<SessionLookup> {
  return resolveSession(db, (await readToken()) as SessionClaims | null);
});

/**
 * The session token checked against the account's row (one read): the session version in the token must equal the
 * account's (sign-out, password change and reset bump it, so a copied cookie is dead server-side), the account must be
 * active and not past its expiry, and a password past its age (or set by an administrator) must be changed first.
 */
export async function resolveSession(client: Tx, session: SessionClaims | null, now = new Date()): Promise<SessionLookup> {
  if (!session?.uid) return { user: null, expired: false };
  if (sessionState(session, now.getTime()) === "expired") return { user: null, expired: true, endedFor: { id: session.uid, why: "会话超时" } };
  const row = await sessionRow(client, session.uid);
  if (!row || row.status !== "ACTIVE") return { user: null, expired: true, endedFor: row ? { id: row.id, why: "账号已停用" } : undefined };
  if (row.expiresAt && row.expiresAt <= now) return { user: null, expired: true, endedFor: { id: row.id, why: "临时账号已到期" } };
  if ((session.sv ?? 0) !== row.sessionVersion) return { user: null, expired: true, endedFor: { id: row.id, why: "会话已注销或密码已修改" } };
  const user = { id: row.id, username: row.username, displayName: row.displayName, roles: row.roles };
  if (row.mustChangePassword || passwordExpired(row.passwordChangedAt, now)) return { user: null, expired: false, mustChange: user };
  // Second factor required for this account's roles but not yet set up: it may only enrol (lib/mfa/policy.ts).
  if (mfaEnrolmentDue(row)) return { user: null, expired: false, mustEnrolMfa: user };
  return { user, unread: row.unread };
}

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
