"use server";
import { defineAction } from "@/lib/actions/pipeline";
import { decideOp, publishOp } from "@/lib/activities/selection-operations";

const everywhere = { revalidate: { path: "/", type: "layout" as const } };

export const decideAction = defineAction(decideOp, everywhere);
export const publishAction = defineAction(publishOp, everywhere);
