"use server";
import { defineAction, REFRESH_VIEW } from "@/lib/actions/pipeline";
import {
  createNeedOp, removeAttachmentOp, reviewNeedOp, submitNeedOp, updateNeedOp, uploadAttachmentOp, withdrawNeedOp,
} from "@/lib/needs/operations";

export const createNeedAction = defineAction(createNeedOp, REFRESH_VIEW);
export const updateNeedAction = defineAction(updateNeedOp, REFRESH_VIEW);
export const submitNeedAction = defineAction(submitNeedOp, REFRESH_VIEW);
export const withdrawNeedAction = defineAction(withdrawNeedOp, REFRESH_VIEW);
export const reviewNeedAction = defineAction(reviewNeedOp, REFRESH_VIEW);
export const uploadAttachmentAction = defineAction(uploadAttachmentOp, REFRESH_VIEW);
export const removeAttachmentAction = defineAction(removeAttachmentOp, REFRESH_VIEW);
