"use server";
import { defineAction } from "@/lib/actions/pipeline";
import { expiringPortal, PORTAL_TAG } from "@/lib/portal/cache";
import {
  createCaseOp, refreshFiguresOp, removeImageOp, reopenCaseOp, reviewCaseOp, saveCaseOp, submitCaseOp, uploadImageOp, withdrawCaseOp,
} from "@/lib/cases/operations";

const everywhere = { revalidate: { path: "/", type: "layout" as const } };

export const createCaseAction = defineAction(createCaseOp, everywhere);
export const saveCaseAction = defineAction(saveCaseOp, everywhere);
export const refreshFiguresAction = defineAction(refreshFiguresOp, everywhere);
export const submitCaseAction = defineAction(submitCaseOp, everywhere);
export const reopenCaseAction = defineAction(reopenCaseOp, everywhere);
// These two change what the public sees: the portal's cached case reads expire with them.
export const reviewCaseAction = expiringPortal(defineAction(reviewCaseOp, everywhere), [PORTAL_TAG.cases]);
export const withdrawCaseAction = expiringPortal(defineAction(withdrawCaseOp, everywhere), [PORTAL_TAG.cases]);
export const uploadCaseImageAction = defineAction(uploadImageOp, everywhere);
export const removeCaseImageAction = defineAction(removeImageOp, everywhere);
