import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { mayActOnAccount, type SessionUser } from "@/lib/auth/roles";
import type { UserSearch } from "@/lib/users/schemas";
import { ACCOUNT_SCOPE_SELECT, accountsWhere, grantScope, scopeOfAccount, STAFF_ROLES } from "@/lib/users/scope";
import { GRANTABLE_ROLES, ROLE_ORG_TYPES } from "@/lib/users/schemas";
import { can } from "@/lib/auth/permissions";
import { scopeWhere } from "@/lib/auth/scope";
import { EXPORT_ROW_LIMIT } from "@/lib/export/table";
import type { InScope } from "@/lib/auth/load-in-scope";

export const USER_PAGE_SIZE = 20;

/** Accounts the user may manage (全国 for the ministry, 本省 for a province), filtered and paged. */
export async function searchUsers(user: SessionUser, search: UserSearch, now = new Date(), pageSize = USER_PAGE_SIZE) {
  const scope = accountsWhere(user);
  if (!scope) return { total: 0, rows: [], page: 1, pageSize };
  const filters: Prisma.UserWhereInput[] = [scope];
  if (search.q) {
    filters.push({
      OR: [
        { username: { contains: search.q, mode: "insensitive" } },
        { displayName: { contains: search.q } },
        { organization: { name: { contains: search.q } } },
      ],
    });
  }
  if (search.role) filters.push({ roles: { some: { role: search.role } } });
  if (search.status === "LOCKED") filters.push({ lockedUntil: { gt: now } });
  else if (search.status) filters.push({ status: search.status });
  const where = { AND: filters };
  const [total, rows] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: [{ lockedUntil: { sort: "desc", nulls: "last" } }, { username: "asc" }],
      skip: (search.page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true, username: true, displayName: true, status: true, lockedUntil: true, lastLoginAt: true, expiresAt: true,
        organization: { select: { name: true } },
        roles: { select: { role: true } },
      },
    }),
  ]);
  return {
    total,
    page: search.page,
    pageSize,
    rows: rows.map((r) => ({
      id: r.id,
      username: r.username,
      displayName: r.displayName,
      status: r.status,
      lockedUntil: r.lockedUntil && r.lockedUntil > now ? r.lockedUntil : null,
      lastLoginAt: r.lastLoginAt,
      expiresAt: r.expiresAt,
      organizationName: r.organization?.name ?? null,
      roles: r.roles.map((g) => g.role),
      isSelf: r.id === user.id,
      manageable: mayActOnAccount(user.roles, r.roles.map((g) => g.role)),
    })),
  };
}

/** Every account of the list (its filters, the user's scope), for the download. */
export async function usersForExport(user: SessionUser, search: UserSearch) {
  return (await searchUsers(user, { ...search, page: 1 }, new Date(), EXPORT_ROW_LIMIT)).rows;
}

/**
 * What the 新建账号 form offers: the roles the user may give (staff roles only nationally) and the organizations of
 * the user's scope those roles may sit in. The action checks both again from the database.
 */
export async function grantOptions(user: SessionUser) {
  const national = can(user, "user.create", { provinceCode: null });
  const roles = GRANTABLE_ROLES.filter((r) => national || !(STAFF_ROLES as readonly string[]).includes(r));
  const types = [...new Set(roles.flatMap((r) => ROLE_ORG_TYPES[r]))];
  const scope = scopeWhere<Prisma.OrganizationWhereInput>(user, "user.create", {
    province: (codes) => ({ region: { provinceCode: { in: codes } } }),
  });
  const organizations = scope
    ? await db.organization.findMany({
      where: { AND: [scope, { type: { in: types } }] },
      orderBy: [{ regionCode: "asc" }, { name: "asc" }],
      take: 2000,
      select: { id: true, name: true, type: true },
    })
    : [];
  return { roles, organizations };
}

/** One account for its page (`/ministry/users/[id]`, `/province/users/[id]`): missing or out of scope is a 404. */
export function accountInScope(id: string): InScope<AccountDetail> {
  return {
    operation: "user.manage",
    entity: { type: "User", id },
    load: () => loadAccount(id),
    scopeOf: (a) => a.scope,
  };
}

export type AccountDetail = NonNullable<Awaited<ReturnType<typeof loadAccount>>>;

async function loadAccount(id: string, now = new Date()) {
  const u = await db.user.findUnique({
    where: { id },
    select: {
      ...ACCOUNT_SCOPE_SELECT,
      id: true, username: true, displayName: true, status: true, lockedUntil: true, lastLoginAt: true, lastLoginIp: true,
      expiresAt: true, createdAt: true, mustChangePassword: true, mfaSecret: true, mfaEnabledAt: true,
      organization: { select: { name: true, region: { select: { provinceCode: true } } } },
      _count: { select: { mfaRecoveryCodes: { where: { usedAt: null } } } },
    },
  });
  if (!u) return null;
  const grants = await db.roleAssignment.findMany({
    where: { userId: id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true, role: true, provinceCode: true, createdAt: true,
      organization: { select: { name: true, region: { select: { provinceCode: true } } } },
      province: { select: { name: true } },
    },
  });
  return {
    id: u.id, username: u.username, displayName: u.displayName, status: u.status,
    lockedUntil: u.lockedUntil && u.lockedUntil > now ? u.lockedUntil : null,
    lastLoginAt: u.lastLoginAt, lastLoginIp: u.lastLoginIp, expiresAt: u.expiresAt, createdAt: u.createdAt, mustChangePassword: u.mustChangePassword,
    organizationName: u.organization?.name ?? null,
    /** 已启用 / 设置中 (a secret, not yet confirmed) / 未设置. The secret itself never leaves this function. */
    mfa: u.mfaEnabledAt ? ("ENABLED" as const) : u.mfaSecret ? ("PENDING" as const) : ("NONE" as const),
    mfaEnabledAt: u.mfaEnabledAt,
    recoveryCodesLeft: u._count.mfaRecoveryCodes,
    scope: scopeOfAccount(u),
    roles: grants.map((g) => ({
      id: g.id, role: g.role, createdAt: g.createdAt,
      place: g.organization?.name ?? g.province?.name ?? null,
      /** Where the grant acts, as the revoke operation checks it. */
      scope: grantScope(g.role, g.organization?.region.provinceCode ?? g.provinceCode),
    })),
  };
}
