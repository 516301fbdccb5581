import { Prisma } from "@/lib/generated/prisma/client";
import { can, PERMISSIONS } from "@/lib/auth/permissions";
import { scopeWhere } from "@/lib/auth/scope";
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

/** SHARED_WHERE for one expert already loaded. */
const isShared = (e: Pick<ExpertScopeFields, "shareAcrossRegions" | "status">) =>
  e.shareAcrossRegions === SHARED_WHERE.shareAcrossRegions && e.status === SHARED_WHERE.status;

/** The experts staff of these provinces see: their own, and the shared experts of other provinces. */
export function seenFromProvincesWhere(provinceCodes: string[]): Prisma.ExpertProfileWhereInput {
  return { OR: [{ provinceCode: { in: provinceCodes } }, { ...SHARED_WHERE, provinceCode: { notIn: provinceCodes } }] };
}

/**
 * The same rule in SQL over an "ExpertProfile" row aliased `alias`, for lib/matching/retrieval (which ranks in
 * SQL). Built from SHARED_WHERE; tests/integration/scope-kit.test.ts checks both forms pick the same experts.
 */
export function seenFromProvincesSql(provinceCodes: string[], alias = "e"): Prisma.Sql {
  const col = (name: keyof typeof SHARED_WHERE | "provinceCode") => Prisma.raw(`${alias}."${name}"`);
  return Prisma.sql`(${col("provinceCode")} = ANY(${provinceCodes}::text[])
    OR (${col("shareAcrossRegions")} = ${SHARED_WHERE.shareAcrossRegions} AND ${col("status")}::text = ${SHARED_WHERE.status}))`;
}

/** The experts a user may list; null when none. */
export function expertListWhere(user: User): Prisma.ExpertProfileWhereInput | null {
  return scopeWhere<Prisma.ExpertProfileWhereInput>(user, "expert.read", {
    province: seenFromProvincesWhere,
    self: (userId) => ({ userId }),
  });
}

const resource = (e: ExpertScopeFields) => ({ provinceCode: e.provinceCode, ownerUserId: e.userId });

/** Whether the user may see this expert (masked). */
export function canRead(user: User, expert: ExpertScopeFields): boolean {
  if (can(user, "expert.read", resource(expert))) return true;
  return isShared(expert) && sharingProvinces(user).length > 0;
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
