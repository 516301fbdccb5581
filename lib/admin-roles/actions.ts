"use server";
import { defineAction, REFRESH_VIEW } from "@/lib/actions/pipeline";
import { createAdminAccountOp, grantAdminRoleOp, resetAdminMfaOp, resetAdminPasswordOp, revokeAdminRoleOp } from "@/lib/admin-roles/operations";

export const createAdminAccountAction = defineAction(createAdminAccountOp, { revalidate: { path: "/security/admins" } });
export const grantAdminRoleAction = defineAction(grantAdminRoleOp, { revalidate: { path: "/security/admins" } });
export const revokeAdminRoleAction = defineAction(revokeAdminRoleOp, { revalidate: { path: "/security/admins" } });
export const resetAdminPasswordAction = defineAction(resetAdminPasswordOp);
export const resetAdminMfaAction = defineAction(resetAdminMfaOp, REFRESH_VIEW);
