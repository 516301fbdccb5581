"use server";
import { defineAction } from "@/lib/actions/pipeline";
import { activityFeedbackOp, evaluateOp } from "@/lib/activities/evaluation-operations";

const everywhere = { revalidate: { path: "/", type: "layout" as const } };

export const evaluateAction = defineAction(evaluateOp, everywhere);
export const activityFeedbackAction = defineAction(activityFeedbackOp, everywhere);
