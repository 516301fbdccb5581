"use server";
import { defineAction } from "@/lib/actions/pipeline";
import {
  agreePlanOp, cancelOp, decideTeamOp, editRecordOp, feedbackOp, finishOp, logRecordOp, reviewRecordOp, savePlanOp,
} from "@/lib/engagements/operations";

const everywhere = { revalidate: { path: "/", type: "layout" as const } };

export const decideTeamAction = defineAction(decideTeamOp, everywhere);
export const savePlanAction = defineAction(savePlanOp, everywhere);
export const agreePlanAction = defineAction(agreePlanOp, everywhere);
export const logRecordAction = defineAction(logRecordOp, everywhere);
export const editRecordAction = defineAction(editRecordOp, everywhere);
export const reviewRecordAction = defineAction(reviewRecordOp, everywhere);
export const finishAction = defineAction(finishOp, everywhere);
export const feedbackAction = defineAction(feedbackOp, everywhere);
export const cancelAction = defineAction(cancelOp, everywhere);
