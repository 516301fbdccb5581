"use server";
import { defineAction, EXPIRE_ALL } from "@/lib/actions/pipeline";
import {
  acceptanceOp, assignReviewersOp, cancelChallengeOp, checkMilestoneOp, closeBiddingOp, confirmAcceptanceOp, removeChallengeFileOp,
  reportMilestoneOp, saveChallengeOp, scoreBidOp, selectBidOp, submitBidOp, submitChallengeOp, uploadChallengeFileOp,
  verifyChallengeOp, withdrawBidOp, withdrawChallengeOp,
} from "@/lib/challenges/operations";

export const saveChallengeAction = defineAction(saveChallengeOp, EXPIRE_ALL);
export const submitChallengeAction = defineAction(submitChallengeOp, EXPIRE_ALL);
export const withdrawChallengeAction = defineAction(withdrawChallengeOp, EXPIRE_ALL);
export const cancelChallengeAction = defineAction(cancelChallengeOp, EXPIRE_ALL);
export const verifyChallengeAction = defineAction(verifyChallengeOp, EXPIRE_ALL);
export const closeBiddingAction = defineAction(closeBiddingOp, EXPIRE_ALL);
export const assignReviewersAction = defineAction(assignReviewersOp, EXPIRE_ALL);
export const selectBidAction = defineAction(selectBidOp, EXPIRE_ALL);
export const submitBidAction = defineAction(submitBidOp, EXPIRE_ALL);
export const withdrawBidAction = defineAction(withdrawBidOp, EXPIRE_ALL);
export const scoreBidAction = defineAction(scoreBidOp, EXPIRE_ALL);
export const reportMilestoneAction = defineAction(reportMilestoneOp, EXPIRE_ALL);
export const checkMilestoneAction = defineAction(checkMilestoneOp, EXPIRE_ALL);
export const acceptanceAction = defineAction(acceptanceOp, EXPIRE_ALL);
export const confirmAcceptanceAction = defineAction(confirmAcceptanceOp, EXPIRE_ALL);
export const uploadChallengeFileAction = defineAction(uploadChallengeFileOp, EXPIRE_ALL);
export const removeChallengeFileAction = defineAction(removeChallengeFileOp, EXPIRE_ALL);
