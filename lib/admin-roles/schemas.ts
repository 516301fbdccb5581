import { z } from "zod";
import { ADMIN_ROLES } from "@/lib/auth/roles";
import { displayNameField, newUsernameField } from "@/lib/users/schemas";

const adminRoleField = z.enum(ADMIN_ROLES, { error: "请选择系统管理员、安全管理员或审计管理员" });

/** 新建三员账号: a dedicated account, holding the one role and nothing else. */
export const adminAccountCreateSchema = z.object({ username: newUsernameField, displayName: displayNameField, role: adminRoleField });

export const adminRoleGrantSchema = z.object({
  username: z.string({ error: "请填写账号" }).trim().min(1, "请填写账号").max(64, "账号过长"),
  role: adminRoleField,
});

export const adminRoleRevokeSchema = z.object({
  userId: z.string({ error: "缺少账号" }).min(1, "缺少账号").max(40),
  role: z.enum(ADMIN_ROLES, { error: "角色不正确" }),
});
