"use server";
import { defineAction, REFRESH_VIEW } from "@/lib/actions/pipeline";
import {
  applicationEvidenceOps, rectificationEvidenceOps, annualReportOp, evaluateOp, issueRectificationOp, nationalDecisionOp, reEvaluateOp, respondRectificationOp, reviewBaseOp,
  saveApplicationOp, submitApplicationOp,
} from "@/lib/bases/operations";

export const saveApplicationAction = defineAction(saveApplicationOp, REFRESH_VIEW);
export const submitApplicationAction = defineAction(submitApplicationOp, REFRESH_VIEW);
export const reviewBaseAction = defineAction(reviewBaseOp, REFRESH_VIEW);
export const nationalDecisionAction = defineAction(nationalDecisionOp, REFRESH_VIEW);
export const annualReportAction = defineAction(annualReportOp, REFRESH_VIEW);
export const evaluateAction = defineAction(evaluateOp, REFRESH_VIEW);
export const issueRectificationAction = defineAction(issueRectificationOp, REFRESH_VIEW);
export const respondRectificationAction = defineAction(respondRectificationOp, REFRESH_VIEW);
export const reEvaluateAction = defineAction(reEvaluateOp, REFRESH_VIEW);
export const uploadApplicationEvidenceAction = defineAction(applicationEvidenceOps.upload, REFRESH_VIEW);
export const removeApplicationEvidenceAction = defineAction(applicationEvidenceOps.remove, REFRESH_VIEW);
export const uploadRectificationEvidenceAction = defineAction(rectificationEvidenceOps.upload, REFRESH_VIEW);
export const removeRectificationEvidenceAction = defineAction(rectificationEvidenceOps.remove, REFRESH_VIEW);
