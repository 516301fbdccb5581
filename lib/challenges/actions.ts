"use server";
import { defineAction } from "@/lib/actions/pipeline";
import {
  acceptanceOp, assignReviewersOp, cancelChallengeOp, checkMilestoneOp, closeBiddingOp, confirmAcceptanceOp, removeChallengeFileOp,
  reportMilestoneOp, saveChallengeOp, scoreBidOp, selectBidOp, submitBidOp, submitChallengeOp, uploadChallengeFileOp,
  verifyChallengeOp, withdrawBidOp, withdrawChallengeOp,
} from "@/lib/challenges/operations";

const everywhere = { revalidate: { path: "/", type: "layout" as const } };

export const saveChallengeAction = defineAction(saveChallengeOp, everywhere);
export const submitChallengeAction = defineAction(submitChallengeOp, everywhere);
export const withdrawChallengeAction = defineAction(withdrawChallengeOp, everywhere);
export const cancelChallengeAction = defineAction(cancelChallengeOp, everywhere);
export const verifyChallengeAction = defineAction(verifyChallengeOp, everywhere);
export const closeBiddingAction = defineAction(closeBiddingOp, everywhere);
export const assignReviewersAction = defineAction(assignReviewersOp, everywhere);
export const selectBidAction = defineAction(selectBidOp, everywhere);
export const submitBidAction = defineAction(submitBidOp, everywhere);
export const withdrawBidAction = defineAction(withdrawBidOp, everywhere);
export const scoreBidAction = defineAction(scoreBidOp, everywhere);
export const reportMilestoneAction = defineAction(reportMilestoneOp, everywhere);
export const checkMilestoneAction = defineAction(checkMilestoneOp, everywhere);
export const acceptanceAction = defineAction(acceptanceOp, everywhere);
export const confirmAcceptanceAction = defineAction(confirmAcceptanceOp, everywhere);
export const uploadChallengeFileAction = defineAction(uploadChallengeFileOp, everywhere);
export const removeChallengeFileAction = defineAction(removeChallengeFileOp, everywhere);
