"use server";
import { defineAction, REFRESH_VIEW } from "@/lib/actions/pipeline";
import { requestMeta } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/actions/pipeline";
import {
  addAchievementOp, addAvailabilityOp, approveExpertOp, createExpertOp, decideProfileChangeOp, registerExpertPublic, rejectExpertOp,
  removeAchievementOp, removeAvailabilityOp, revealPersonalOp, updateAchievementOp, updateExpertOp,
} from "@/lib/experts/operations";

export const createExpertAction = defineAction(createExpertOp, REFRESH_VIEW);
export const updateExpertAction = defineAction(updateExpertOp, REFRESH_VIEW);
export const approveExpertAction = defineAction(approveExpertOp, REFRESH_VIEW);
export const rejectExpertAction = defineAction(rejectExpertOp, REFRESH_VIEW);
export const decideProfileChangeAction = defineAction(decideProfileChangeOp, REFRESH_VIEW);
export const revealPersonalAction = defineAction(revealPersonalOp);
export const addAchievementAction = defineAction(addAchievementOp, REFRESH_VIEW);
export const updateAchievementAction = defineAction(updateAchievementOp, REFRESH_VIEW);
export const removeAchievementAction = defineAction(removeAchievementOp, REFRESH_VIEW);
export const addAvailabilityAction = defineAction(addAvailabilityOp, REFRESH_VIEW);
export const removeAvailabilityAction = defineAction(removeAvailabilityOp, REFRESH_VIEW);

export async function registerExpertAction(_prev: ActionResult<{ expertId: string }> | null, raw: FormData) {
  return registerExpertPublic(raw, await requestMeta());
}
