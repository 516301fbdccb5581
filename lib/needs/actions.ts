"use server";
import { defineAction } from "@/lib/actions/pipeline";
import {
  createNeedOp, removeAttachmentOp, reviewNeedOp, submitNeedOp, updateNeedOp, uploadAttachmentOp, withdrawNeedOp,
} from "@/lib/needs/operations";

const everywhere = { revalidate: { path: "/", type: "layout" as const } };

export const createNeedAction = defineAction(createNeedOp, everywhere);
export const updateNeedAction = defineAction(updateNeedOp, everywhere);
export const submitNeedAction = defineAction(submitNeedOp, everywhere);
export const withdrawNeedAction = defineAction(withdrawNeedOp, everywhere);
export const reviewNeedAction = defineAction(reviewNeedOp, everywhere);
export const uploadAttachmentAction = defineAction(uploadAttachmentOp, everywhere);
export const removeAttachmentAction = defineAction(removeAttachmentOp, everywhere);
