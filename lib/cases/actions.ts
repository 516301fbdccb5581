"use server";
import { defineAction, EXPIRE_ALL } from "@/lib/actions/pipeline";
import { expiringPortal, PORTAL_TAG } from "@/lib/portal/cache";
import {
  createCaseOp, refreshFiguresOp, removeImageOp, reopenCaseOp, reviewCaseOp, saveCaseOp, submitCaseOp, uploadImageOp, withdrawCaseOp,
} from "@/lib/cases/operations";

export const createCaseAction = defineAction(createCaseOp, EXPIRE_ALL);
export const saveCaseAction = defineAction(saveCaseOp, EXPIRE_ALL);
export const refreshFiguresAction = defineAction(refreshFiguresOp, EXPIRE_ALL);
export const submitCaseAction = defineAction(submitCaseOp, EXPIRE_ALL);
export const reopenCaseAction = defineAction(reopenCaseOp, EXPIRE_ALL);
// These two change what the public sees: the portal's cached case reads expire with them.
export const reviewCaseAction = expiringPortal(defineAction(reviewCaseOp, EXPIRE_ALL), [PORTAL_TAG.cases]);
export const withdrawCaseAction = expiringPortal(defineAction(withdrawCaseOp, EXPIRE_ALL), [PORTAL_TAG.cases]);
export const uploadCaseImageAction = defineAction(uploadImageOp, EXPIRE_ALL);
export const removeCaseImageAction = defineAction(removeImageOp, EXPIRE_ALL);
