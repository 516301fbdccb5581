"use server";
import { defineAction } from "@/lib/actions/pipeline";
import { completeOp, linkEngagementOp, progressOp, startOp } from "@/lib/activities/progress-operations";

const everywhere = { revalidate: { path: "/", type: "layout" as const } };

export const startAction = defineAction(startOp, everywhere);
export const linkEngagementAction = defineAction(linkEngagementOp, everywhere);
export const progressAction = defineAction(progressOp, everywhere);
export const completeAction = defineAction(completeOp, everywhere);
