import type { OrgType } from "@/lib/generated/prisma/enums";
import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";

export const userSearchSchema = z.object({
  q: z.string().trim().max(60).optional().catch(undefined),
  role: z.enum(ROLES).optional().catch(undefined),
  status: z.enum(["ACTIVE", "PENDING", "DISABLED", "LOCKED"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100000).catch(1),
});
export type UserSearch = z.infer<typeof userSearchSchema>;

export const userIdSchema = z.object({ userId: z.string({ error: "缺少账号" }).min(1, "缺少账号").max(40) });

export const setUserStatusSchema = userIdSchema.extend({
  status: z.enum(["ACTIVE", "DISABLED"], { error: "状态只能是启用或停用" }),
});

/** Roles an administrator may give (experts come from the expert area, with their profile). */
export const GRANTABLE_ROLES = ["MINISTRY_ADMIN", "PROVINCE_ADMIN", "DEPARTMENT_ADMIN", "UNIT_USER", "BASE_HOST", "ENTERPRISE"] as const;
export type GrantableRole = (typeof GRANTABLE_ROLES)[number];

/** Which organizations a role may sit in. */
export const ROLE_ORG_TYPES: Record<GrantableRole, readonly OrgType[]> = {
  MINISTRY_ADMIN: ["MINISTRY"],
  PROVINCE_ADMIN: ["PROVINCIAL_BUREAU"],
  DEPARTMENT_ADMIN: ["DEPARTMENT"],
  UNIT_USER: ["COUNTY_GOVERNMENT", "TOWNSHIP_GOVERNMENT", "ENTERPRISE", "COOPERATIVE", "HOSPITAL", "SCHOOL", "RESEARCH_STATION", "EMPLOYER", "OTHER"],
  BASE_HOST: ["BASE_HOST"],
  ENTERPRISE: ["ENTERPRISE"],
};


const roleField = z.enum(GRANTABLE_ROLES, { error: "请选择角色" });
const organizationField = z.string({ error: "请选择所在单位" }).min(1, "请选择所在单位").max(40);

/** A temporary account's last day (China time, inclusive); empty for a permanent account. */
const expiryField = z.preprocess(
  (v) => (v === "" || v === null ? undefined : v),
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "有效期格式为 年-月-日").optional(),
);

/** A new account's name and its holder's name (business accounts here, 三员 accounts in lib/admin-roles). */
export const newUsernameField = z.string({ error: "请填写账号" }).trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{2,31}$/, "账号为 3–32 位字母、数字、下划线、点或连字符，以字母或数字开头");
export const displayNameField = z.string({ error: "请填写姓名" }).trim().min(1, "请填写姓名").max(40, "姓名不超过 40 字");

export const createAccountSchema = z.object({
  username: newUsernameField,
  displayName: displayNameField,
  role: roleField,
  organizationId: organizationField,
  expiresOn: expiryField,
});
export type CreateAccountInput = z.infer<typeof createAccountSchema>;

export const grantRoleSchema = userIdSchema.extend({ role: roleField, organizationId: organizationField });

export const setExpirySchema = userIdSchema.extend({ expiresOn: expiryField });

export const revokeRoleSchema = userIdSchema.extend({ grantId: z.string({ error: "缺少角色" }).min(1, "缺少角色").max(40) });
