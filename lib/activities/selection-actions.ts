"use server";
import { defineAction, EXPIRE_ALL } from "@/lib/actions/pipeline";
import { decideOp, publishOp } from "@/lib/activities/selection-operations";

export const decideAction = defineAction(decideOp, EXPIRE_ALL);
export const publishAction = defineAction(publishOp, EXPIRE_ALL);
