"use server";
import { defineAction, REFRESH_VIEW } from "@/lib/actions/pipeline";
import { decideOp, nominateOp, withdrawOp } from "@/lib/commendations/operations";

export const nominateAction = defineAction(nominateOp, REFRESH_VIEW);
export const decideCommendationAction = defineAction(decideOp, REFRESH_VIEW);
export const withdrawCommendationAction = defineAction(withdrawOp, REFRESH_VIEW);
