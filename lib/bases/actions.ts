"use server";
import { defineAction } from "@/lib/actions/pipeline";
import {
  applicationEvidenceOps, rectificationEvidenceOps, annualReportOp, evaluateOp, issueRectificationOp, nationalDecisionOp, reEvaluateOp, respondRectificationOp, reviewBaseOp,
  saveApplicationOp, submitApplicationOp,
} from "@/lib/bases/operations";

const everywhere = { revalidate: { path: "/", type: "layout" as const } };

export const saveApplicationAction = defineAction(saveApplicationOp, everywhere);
export const submitApplicationAction = defineAction(submitApplicationOp, everywhere);
export const reviewBaseAction = defineAction(reviewBaseOp, everywhere);
export const nationalDecisionAction = defineAction(nationalDecisionOp, everywhere);
export const annualReportAction = defineAction(annualReportOp, everywhere);
export const evaluateAction = defineAction(evaluateOp, everywhere);
export const issueRectificationAction = defineAction(issueRectificationOp, everywhere);
export const respondRectificationAction = defineAction(respondRectificationOp, everywhere);
export const reEvaluateAction = defineAction(reEvaluateOp, everywhere);
export const uploadApplicationEvidenceAction = defineAction(applicationEvidenceOps.upload, everywhere);
export const removeApplicationEvidenceAction = defineAction(applicationEvidenceOps.remove, everywhere);
export const uploadRectificationEvidenceAction = defineAction(rectificationEvidenceOps.upload, everywhere);
export const removeRectificationEvidenceAction = defineAction(rectificationEvidenceOps.remove, everywhere);
