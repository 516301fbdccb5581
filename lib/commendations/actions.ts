"use server";
import { defineAction } from "@/lib/actions/pipeline";
import { decideOp, nominateOp, withdrawOp } from "@/lib/commendations/operations";

const everywhere = { revalidate: { path: "/", type: "layout" as const } };

export const nominateAction = defineAction(nominateOp, everywhere);
export const decideCommendationAction = defineAction(decideOp, everywhere);
export const withdrawCommendationAction = defineAction(withdrawOp, everywhere);
