"use server";
import { defineAction, EXPIRE_ALL } from "@/lib/actions/pipeline";
import {
  addTeamMemberOp, approveLocalOp, channelDecisionOp, createApplicationOp, createPlanOp, moveRankOp, proposeTeamOp,
  removeTeamMemberOp, revokeRecommendationOp, stepPlanOp, submitApplicationOp, submitRankingOp, updateApplicationOp, updatePlanOp,
} from "@/lib/activities/operations";

export const createPlanAction = defineAction(createPlanOp, EXPIRE_ALL);
export const updatePlanAction = defineAction(updatePlanOp, EXPIRE_ALL);
export const stepPlanAction = defineAction(stepPlanOp, EXPIRE_ALL);
export const createApplicationAction = defineAction(createApplicationOp, EXPIRE_ALL);
export const updateApplicationAction = defineAction(updateApplicationOp, EXPIRE_ALL);
export const submitApplicationAction = defineAction(submitApplicationOp, EXPIRE_ALL);
export const addTeamMemberAction = defineAction(addTeamMemberOp, EXPIRE_ALL);
export const removeTeamMemberAction = defineAction(removeTeamMemberOp, EXPIRE_ALL);
export const proposeTeamAction = defineAction(proposeTeamOp, EXPIRE_ALL);
export const channelDecisionAction = defineAction(channelDecisionOp, EXPIRE_ALL);
export const approveLocalAction = defineAction(approveLocalOp, EXPIRE_ALL);
export const revokeRecommendationAction = defineAction(revokeRecommendationOp, EXPIRE_ALL);
export const moveRankAction = defineAction(moveRankOp, EXPIRE_ALL);
export const submitRankingAction = defineAction(submitRankingOp, EXPIRE_ALL);
