import type { ResourceScope } from "@/lib/auth/permissions";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import type { Prisma } from "@/lib/generated/prisma/client";

// Where an activity sits, for each kind of act (read from the row, never from a form):
//   applicant — the applying organisation, in its province (apply, edit, report progress);
//   channel   — who recommends it: the State Council department it applied through, else its province.

type ActivityPlace = { applicantOrgId: string; provinceCode: string; channelOrgId: string | null };

export const applicantScope = (a: ActivityPlace): ResourceScope => ({ organizationId: a.applicantOrgId, provinceCode: a.provinceCode });

export const channelScope = (a: ActivityPlace): ResourceScope =>
  a.channelOrgId ? { organizationId: a.channelOrgId } : { provinceCode: a.provinceCode };

/**
 * Who may read an activity: the ministry; the province it sits in; the applicant; the department it applied through;
 * an expert on its team or assigned to review it (self).
 */
export function canReadActivity(
  user: Pick<SessionUser, "id" | "roles">,
  a: ActivityPlace & { teamUserIds?: readonly string[]; reviewerIds?: readonly string[] },
): boolean {
  const places: ResourceScope[] = [
    { provinceCode: a.provinceCode, organizationId: a.applicantOrgId },
    ...(a.channelOrgId ? [{ organizationId: a.channelOrgId }] : []),
    ...[...(a.teamUserIds ?? []), ...(a.reviewerIds ?? [])].map((ownerUserId) => ({ ownerUserId })),
  ];
  return places.some((p) => can(user, "activity.read", p));
}

/** The same rule as a where-clause for lists (null: nothing). */
export function activityReadWhere(user: Pick<SessionUser, "id" | "roles">): Prisma.DemonstrationActivityWhereInput | null {
  const ors: Prisma.DemonstrationActivityWhereInput[] = [];
  for (const g of user.roles) {
    switch (g.role) {
      case "MINISTRY_ADMIN": return {};
      case "PROVINCE_ADMIN": if (g.provinceCode) ors.push({ provinceCode: g.provinceCode }); break;
      case "UNIT_USER": case "BASE_HOST":
        if (g.organizationId) ors.push({ applicantOrgId: g.organizationId }); break;
      case "DEPARTMENT_ADMIN":
        if (g.organizationId) ors.push({ applicantOrgId: g.organizationId }, { channelOrgId: g.organizationId }); break;
      case "EXPERT":
        ors.push({ team: { some: { expert: { userId: user.id } } } }, { reviews: { some: { reviewerId: user.id } } }); break;
      default: break;
    }
  }
  return ors.length ? { OR: ors } : null;
}
