"use server";
import { defineAction } from "@/lib/actions/pipeline";
import { grantAdminRoleOp, revokeAdminRoleOp } from "@/lib/admin-roles/operations";

export const grantAdminRoleAction = defineAction(grantAdminRoleOp, { revalidate: { path: "/security/admins" } });
export const revokeAdminRoleAction = defineAction(revokeAdminRoleOp, { revalidate: { path: "/security/admins" } });
