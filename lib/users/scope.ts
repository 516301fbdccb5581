import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ResourceScope } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { scopeWhere } from "@/lib/auth/scope";
import { notFound } from "@/lib/errors";

/**
 * The province an account belongs to, read from the database: its organization's region, else its expert
 * profile's province, else the province of a role grant. Ministry accounts belong to no province, so only
 * national scope can manage them.
 */
export async function accountScope(tx: Tx, userId: string): Promise<ResourceScope> {
  const u = await tx.user.findUnique({
    where: { id: userId },
    select: {
      organization: { select: { region: { select: { provinceCode: true } } } },
      expertProfile: { select: { provinceCode: true } },
      roles: { select: { role: true, provinceCode: true } },
    },
  });
  if (!u) throw notFound("账号");
  const isMinistry = u.roles.some((r) => r.role === "MINISTRY_ADMIN");
  const provinceCode =
    u.organization?.region.provinceCode ?? u.expertProfile?.provinceCode ?? u.roles.find((r) => r.provinceCode)?.provinceCode ?? null;
  return { provinceCode: isMinistry ? null : provinceCode };
}

/** The same rule as a where-clause: the accounts the user may manage (user.manage); null for none. */
export function accountsWhere(user: Pick<SessionUser, "id" | "roles">): Prisma.UserWhereInput | null {
  return scopeWhere<Prisma.UserWhereInput>(user, "user.manage", {
    province: (codes) => ({
      AND: [
        { roles: { none: { role: "MINISTRY_ADMIN" } } },
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
