"use server";
import { defineAction } from "@/lib/actions/pipeline";
import { assignReviewersOp, removeReviewerOp, scoreOp } from "@/lib/activities/review-operations";

const everywhere = { revalidate: { path: "/", type: "layout" as const } };

export const assignReviewersAction = defineAction(assignReviewersOp, everywhere);
export const removeReviewerAction = defineAction(removeReviewerOp, everywhere);
export const scoreAction = defineAction(scoreOp, everywhere);
