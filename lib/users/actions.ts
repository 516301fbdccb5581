"use server";
import { defineAction, REFRESH_VIEW } from "@/lib/actions/pipeline";
import { createAccountOp, grantRoleOp, resetMfaOp, resetPasswordOp, revokeRoleOp, setExpiryOp, setUserStatusOp, unlockUserOp } from "@/lib/users/operations";

export const unlockUserAction = defineAction(unlockUserOp, REFRESH_VIEW);
export const setUserStatusAction = defineAction(setUserStatusOp, REFRESH_VIEW);
export const createAccountAction = defineAction(createAccountOp, REFRESH_VIEW);
export const grantRoleAction = defineAction(grantRoleOp, REFRESH_VIEW);
export const resetPasswordAction = defineAction(resetPasswordOp);
export const setExpiryAction = defineAction(setExpiryOp, REFRESH_VIEW);
export const revokeRoleAction = defineAction(revokeRoleOp, REFRESH_VIEW);
export const resetMfaAction = defineAction(resetMfaOp, REFRESH_VIEW);
