"use server";
import { defineAction, EXPIRE_ALL } from "@/lib/actions/pipeline";
import { assignReviewersOp, removeReviewerOp, scoreOp } from "@/lib/activities/review-operations";

export const assignReviewersAction = defineAction(assignReviewersOp, EXPIRE_ALL);
export const removeReviewerAction = defineAction(removeReviewerOp, EXPIRE_ALL);
export const scoreAction = defineAction(scoreOp, EXPIRE_ALL);
