import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/roles";
import type { UserSearch } from "@/lib/users/schemas";
import { accountsWhere, STAFF_ROLES } from "@/lib/users/scope";
import { GRANTABLE_ROLES, ROLE_ORG_TYPES } from "@/lib/users/schemas";
import { can } from "@/lib/auth/permissions";
import { scopeWhere } from "@/lib/auth/scope";
import { EXPORT_ROW_LIMIT } from "@/lib/export/table";

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
