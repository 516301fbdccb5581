"use server";
import { defineAction, REFRESH_VIEW } from "@/lib/actions/pipeline";
import {
  confirmMembershipOp, decideNominationOp, leaveLibraryOp, nominateOp, removeMemberOp, withdrawNominationOp,
} from "@/lib/library/operations";

export const nominateAction = defineAction(nominateOp, REFRESH_VIEW);
export const withdrawNominationAction = defineAction(withdrawNominationOp, REFRESH_VIEW);
export const decideNominationAction = defineAction(decideNominationOp, REFRESH_VIEW);
export const confirmMembershipAction = defineAction(confirmMembershipOp, REFRESH_VIEW);
export const leaveLibraryAction = defineAction(leaveLibraryOp, REFRESH_VIEW);
export const removeMemberAction = defineAction(removeMemberOp, REFRESH_VIEW);
