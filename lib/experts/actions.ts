"use server";
import { defineAction } from "@/lib/actions/pipeline";
import { requestMeta } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/actions/pipeline";
import {
  addAchievementOp, addAvailabilityOp, approveExpertOp, createExpertOp, decideProfileChangeOp, registerExpertPublic, rejectExpertOp,
  removeAchievementOp, removeAvailabilityOp, revealPersonalOp, updateAchievementOp, updateExpertOp,
} from "@/lib/experts/operations";

const everywhere = { revalidate: { path: "/", type: "layout" as const } };

export const createExpertAction = defineAction(createExpertOp, everywhere);
export const updateExpertAction = defineAction(updateExpertOp, everywhere);
export const approveExpertAction = defineAction(approveExpertOp, everywhere);
export const rejectExpertAction = defineAction(rejectExpertOp, everywhere);
export const decideProfileChangeAction = defineAction(decideProfileChangeOp, everywhere);
export const revealPersonalAction = defineAction(revealPersonalOp);
export const addAchievementAction = defineAction(addAchievementOp, everywhere);
export const updateAchievementAction = defineAction(updateAchievementOp, everywhere);
export const removeAchievementAction = defineAction(removeAchievementOp, everywhere);
export const addAvailabilityAction = defineAction(addAvailabilityOp, everywhere);
export const removeAvailabilityAction = defineAction(removeAvailabilityOp, everywhere);

export async function registerExpertAction(_prev: ActionResult<{ expertId: string }> | null, raw: FormData) {
  return registerExpertPublic(raw, await requestMeta());
}
