"use server";
import { defineAction } from "@/lib/actions/pipeline";
import { createAccountOp, grantRoleOp, resetMfaOp, resetPasswordOp, revokeRoleOp, setExpiryOp, setUserStatusOp, unlockUserOp } from "@/lib/users/operations";

export const unlockUserAction = defineAction(unlockUserOp, { revalidate: { path: "/", type: "layout" } });
export const setUserStatusAction = defineAction(setUserStatusOp, { revalidate: { path: "/", type: "layout" } });
export const createAccountAction = defineAction(createAccountOp, { revalidate: { path: "/", type: "layout" } });
export const grantRoleAction = defineAction(grantRoleOp, { revalidate: { path: "/", type: "layout" } });
export const resetPasswordAction = defineAction(resetPasswordOp);
export const setExpiryAction = defineAction(setExpiryOp, { revalidate: { path: "/", type: "layout" } });
export const revokeRoleAction = defineAction(revokeRoleOp, { revalidate: { path: "/", type: "layout" } });
export const resetMfaAction = defineAction(resetMfaOp, { revalidate: { path: "/", type: "layout" } });
