import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import type { ResourceScope } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { scopeWhere } from "@/lib/auth/scope";
import { notFound } from "@/lib/errors";

/**
 * Staff accounts — ministry, provincial and State Council department administrators — are managed only at national
 * scope: a province manages the accounts below it (units, experts, bases, enterprises), never a peer administrator,
 * whether active or disabled by the ministry.
 */
export const STAFF_ROLES = ["MINISTRY_ADMIN", "PROVINCE_ADMIN", "DEPARTMENT_ADMIN"] as const satisfies readonly Role[];

/** What accountScope reads of an account (detail pages select it too, and derive the scope with scopeOfAccount). */
export const ACCOUNT_SCOPE_SELECT = {
  organization: { select: { region: { select: { provinceCode: true } } } },
  expertProfile: { select: { provinceCode: true } },
  roles: { select: { role: true, provinceCode: true } },
} as const satisfies Prisma.UserSelect;

type ScopeRow = Prisma.UserGetPayload<{ select: typeof ACCOUNT_SCOPE_SELECT }>;

/**
 * The province an account belongs to: its organization's region, else its expert profile's province, else the
 * province of a role grant. Staff accounts belong to no province (STAFF_ROLES).
 */
export function scopeOfAccount(u: ScopeRow): ResourceScope {
  const isStaff = u.roles.some((r) => (STAFF_ROLES as readonly Role[]).includes(r.role));
  const provinceCode =
    u.organization?.region.provinceCode ?? u.expertProfile?.provinceCode ?? u.roles.find((r) => r.provinceCode)?.provinceCode ?? null;
  return { provinceCode: isStaff ? null : provinceCode };
}

/** The province an account belongs to, read from the database (scopeOfAccount). */
export async function accountScope(tx: Tx, userId: string): Promise<ResourceScope> {
  const u = await tx.user.findUnique({ where: { id: userId }, select: ACCOUNT_SCOPE_SELECT });
  if (!u) throw notFound("账号");
  return scopeOfAccount(u);
}

/**
 * The scope a role grant acts in: a staff role is national business; any other role sits in its organization's
 * province. Granting and revoking both check it (besides the account's own scope).
 */
export function grantScope(role: Role, organizationProvinceCode: string | null): ResourceScope {
  return { provinceCode: (STAFF_ROLES as readonly Role[]).includes(role) ? null : organizationProvinceCode };
}

/** The same rule as a where-clause: the accounts the user may manage (user.manage); null for none. */
export function accountsWhere(user: Pick<SessionUser, "id" | "roles">): Prisma.UserWhereInput | null {
  return scopeWhere<Prisma.UserWhereInput>(user, "user.manage", {
    province: (codes) => ({
      AND: [
        { roles: { none: { role: { in: [...STAFF_ROLES] } } } },
        {
          OR: [
            { organization: { region: { provinceCode: { in: codes } } } },
            { organizationId: null, expertProfile: { provinceCode: { in: codes } } },
            { organizationId: null, expertProfile: null, roles: { some: { provinceCode: { in: codes } } } },
          ],
        },
      ],
    }),
  });
}
