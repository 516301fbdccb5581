"use server";
import { defineAction, EXPIRE_ALL } from "@/lib/actions/pipeline";
import { activityFeedbackOp, evaluateOp } from "@/lib/activities/evaluation-operations";

export const evaluateAction = defineAction(evaluateOp, EXPIRE_ALL);
export const activityFeedbackAction = defineAction(activityFeedbackOp, EXPIRE_ALL);
