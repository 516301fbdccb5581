import type { Role } from "@/lib/generated/prisma/enums";

export const ROLES = ["MINISTRY_ADMIN", "PROVINCE_ADMIN", "UNIT_USER", "EXPERT", "BASE_HOST", "ENTERPRISE", "DEPARTMENT_ADMIN", "SYSTEM_ADMIN", "SECURITY_ADMIN", "AUDIT_ADMIN"] as const satisfies readonly Role[];

export const ROLE_LABEL: Record<Role, string> = {
  MINISTRY_ADMIN: "部级管理员",
  PROVINCE_ADMIN: "省级管理员",
  UNIT_USER: "基层单位",
  EXPERT: "专家",
  BASE_HOST: "基地管理员",
  ENTERPRISE: "企业",
  DEPARTMENT_ADMIN: "国务院有关部门",
  SYSTEM_ADMIN: "系统管理员",
  SECURITY_ADMIN: "安全管理员",
  AUDIT_ADMIN: "审计管理员",
};

/** 三员分立: an account holds at most one of these (unique index in the database, lib/admin-roles/service.ts). */
export const ADMIN_ROLES = ["SYSTEM_ADMIN", "SECURITY_ADMIN", "AUDIT_ADMIN"] as const satisfies readonly Role[];
export type AdminRole = (typeof ADMIN_ROLES)[number];
export const isAdminRole = (role: Role): role is AdminRole => (ADMIN_ROLES as readonly Role[]).includes(role);
/** 三员分立: a business administrator may not act on an account holding a 三员 role (lib/users/operations.ts). */
export const mayActOnAccount = (actorRoles: readonly { role: Role }[], accountRoles: readonly Role[]) =>
  actorRoles.some((g) => isAdminRole(g.role)) || !accountRoles.some(isAdminRole);

/** Each role's console; a user lands on the console of their first role. */
export const ROLE_HOME: Record<Role, string> = {
  MINISTRY_ADMIN: "/ministry",
  PROVINCE_ADMIN: "/province",
  UNIT_USER: "/unit",
  EXPERT: "/expert",
  BASE_HOST: "/base",
  ENTERPRISE: "/enterprise",
  DEPARTMENT_ADMIN: "/department",
  SYSTEM_ADMIN: "/system",
  SECURITY_ADMIN: "/security",
  AUDIT_ADMIN: "/audit",
};

export type RoleGrant = { role: Role; organizationId: string | null; provinceCode: string | null };

/** The signed-in user as every guard sees it (roles re-read from the database on each request). */
export type SessionUser = {
  id: string;
  username: string;
  displayName: string;
  roles: RoleGrant[];
};

export function homeFor(user: Pick<SessionUser, "roles">): string {
  const first = user.roles[0];
  return first ? ROLE_HOME[first.role] : "/";
}
