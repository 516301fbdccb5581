"use server";
import { defineAction, EXPIRE_ALL } from "@/lib/actions/pipeline";
import { completeOp, linkEngagementOp, progressOp, startOp } from "@/lib/activities/progress-operations";

export const startAction = defineAction(startOp, EXPIRE_ALL);
export const linkEngagementAction = defineAction(linkEngagementOp, EXPIRE_ALL);
export const progressAction = defineAction(progressOp, EXPIRE_ALL);
export const completeAction = defineAction(completeOp, EXPIRE_ALL);
