"use server";
import { defineAction } from "@/lib/actions/pipeline";
import {
  addTeamMemberOp, approveLocalOp, channelDecisionOp, createApplicationOp, createPlanOp, moveRankOp, proposeTeamOp,
  removeTeamMemberOp, revokeRecommendationOp, stepPlanOp, submitApplicationOp, submitRankingOp, updateApplicationOp, updatePlanOp,
} from "@/lib/activities/operations";

const everywhere = { revalidate: { path: "/", type: "layout" as const } };

export const createPlanAction = defineAction(createPlanOp, everywhere);
export const updatePlanAction = defineAction(updatePlanOp, everywhere);
export const stepPlanAction = defineAction(stepPlanOp, everywhere);
export const createApplicationAction = defineAction(createApplicationOp, everywhere);
export const updateApplicationAction = defineAction(updateApplicationOp, everywhere);
export const submitApplicationAction = defineAction(submitApplicationOp, everywhere);
export const addTeamMemberAction = defineAction(addTeamMemberOp, everywhere);
export const removeTeamMemberAction = defineAction(removeTeamMemberOp, everywhere);
export const proposeTeamAction = defineAction(proposeTeamOp, everywhere);
export const channelDecisionAction = defineAction(channelDecisionOp, everywhere);
export const approveLocalAction = defineAction(approveLocalOp, everywhere);
export const revokeRecommendationAction = defineAction(revokeRecommendationOp, everywhere);
export const moveRankAction = defineAction(moveRankOp, everywhere);
export const submitRankingAction = defineAction(submitRankingOp, everywhere);
