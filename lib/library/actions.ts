"use server";
import { defineAction } from "@/lib/actions/pipeline";
import {
  confirmMembershipOp, decideNominationOp, leaveLibraryOp, nominateOp, removeMemberOp, withdrawNominationOp,
} from "@/lib/library/operations";

const revalidate = { revalidate: { path: "/", type: "layout" as const } };

export const nominateAction = defineAction(nominateOp, revalidate);
export const withdrawNominationAction = defineAction(withdrawNominationOp, revalidate);
export const decideNominationAction = defineAction(decideNominationOp, revalidate);
export const confirmMembershipAction = defineAction(confirmMembershipOp, revalidate);
export const leaveLibraryAction = defineAction(leaveLibraryOp, revalidate);
export const removeMemberAction = defineAction(removeMemberOp, revalidate);
