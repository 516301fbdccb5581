import type { Prisma } from "@/lib/generated/prisma/client";
import { can, listScope, PERMISSIONS } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";

// Who sees which expert (notice §4: share experts across regions):
//   ministry — every expert;  province — its own province's experts, plus ACTIVE experts of other provinces who
//   allow cross-region sharing (read-only, personal data masked);  expert — their own profile.
// Editing stays with the expert and the province of the expert's region. Every page, list, export and action
// uses these functions, with the expert's province, owner and sharing flag read from the database.

export type ExpertScopeFields = {
  provinceCode: string;
  userId: string | null;
  shareAcrossRegions: boolean;
  status: "PENDING" | "ACTIVE" | "SUSPENDED";
};

type User = Pick<SessionUser, "id" | "roles">;

/** Provinces whose staff may read shared experts of other provinces. */
function sharingProvinces(user: User): string[] {
  return user.roles.filter((g) => PERMISSIONS[g.role]?.["expert.read"] === "province" && g.provinceCode).map((g) => g.provinceCode!);
}

/** Shared experts: active and willing to be seen by other provinces. */
export const SHARED_WHERE = { shareAcrossRegions: true, status: "ACTIVE" } satisfies Prisma.ExpertProfileWhereInput;

/** The experts a user may list; null when none. */
export function expertListWhere(user: User): Prisma.ExpertProfileWhereInput | null {
  const scope = listScope(user, "expert.read");
  if (!scope) return null;
  if (scope.all) return {};
  const or: Prisma.ExpertProfileWhereInput[] = [];
  if (scope.provinceCodes.length) {
    or.push({ provinceCode: { in: scope.provinceCodes } });
    or.push({ ...SHARED_WHERE, provinceCode: { notIn: scope.provinceCodes } });
  }
  if (scope.userId) or.push({ userId: scope.userId });
  return or.length ? { OR: or } : null;
}

const resource = (e: ExpertScopeFields) => ({ provinceCode: e.provinceCode, ownerUserId: e.userId });

/** Whether the user may see this expert (masked). */
export function canRead(user: User, expert: ExpertScopeFields): boolean {
  if (can(user, "expert.read", resource(expert))) return true;
  return expert.shareAcrossRegions && expert.status === "ACTIVE" && sharingProvinces(user).length > 0;
}

/** Whether the user may edit this expert's profile (the expert, or the province of the expert's region). */
export function canEdit(user: User, expert: Pick<ExpertScopeFields, "provinceCode" | "userId">): boolean {
  return can(user, "expert.update", { provinceCode: expert.provinceCode, ownerUserId: expert.userId });
}

/** Whether the user may ask for the unmasked phone, e-mail and ID number (each request is audited). */
export function canViewPersonal(user: User, expert: Pick<ExpertScopeFields, "provinceCode" | "userId">): boolean {
  return can(user, "expert.viewPersonal", { provinceCode: expert.provinceCode, ownerUserId: expert.userId });
}

/** Whether the user may approve or reject this expert's registration. */
export function canApprove(user: User, expert: Pick<ExpertScopeFields, "provinceCode">): boolean {
  return can(user, "expert.approve", { provinceCode: expert.provinceCode });
}

/** Whether the expert is one of the user's own province (versus shared from another). */
export function isOwnProvince(user: User, expert: Pick<ExpertScopeFields, "provinceCode">): boolean {
  return user.roles.some((g) => g.provinceCode === expert.provinceCode);
}

/** The fields the scope rules need, for a select. */
export const SCOPE_SELECT = { provinceCode: true, userId: true, shareAcrossRegions: true, status: true } as const;
