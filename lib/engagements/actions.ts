"use server";
import { defineAction, REFRESH_VIEW } from "@/lib/actions/pipeline";
import {
  agreePlanOp, cancelOp, decideTeamOp, editRecordOp, feedbackOp, finishOp, logRecordOp, reviewRecordOp, savePlanOp,
} from "@/lib/engagements/operations";

export const decideTeamAction = defineAction(decideTeamOp, REFRESH_VIEW);
export const savePlanAction = defineAction(savePlanOp, REFRESH_VIEW);
export const agreePlanAction = defineAction(agreePlanOp, REFRESH_VIEW);
export const logRecordAction = defineAction(logRecordOp, REFRESH_VIEW);
export const editRecordAction = defineAction(editRecordOp, REFRESH_VIEW);
export const reviewRecordAction = defineAction(reviewRecordOp, REFRESH_VIEW);
export const finishAction = defineAction(finishOp, REFRESH_VIEW);
export const feedbackAction = defineAction(feedbackOp, REFRESH_VIEW);
export const cancelAction = defineAction(cancelOp, REFRESH_VIEW);
