"use server";
import { defineAction, REFRESH_VIEW } from "@/lib/actions/pipeline";
import { applyFitOp, previewSettingsOp, proposeRefitOp, resetSettingsOp, rollbackFitOp, updateSettingsOp } from "@/lib/match-settings/operations";

export const updateSettingsAction = defineAction(updateSettingsOp, REFRESH_VIEW);
export const resetSettingsAction = defineAction(resetSettingsOp, REFRESH_VIEW);
export const previewSettingsAction = defineAction(previewSettingsOp);
export const proposeRefitAction = defineAction(proposeRefitOp, REFRESH_VIEW);
export const applyFitAction = defineAction(applyFitOp, REFRESH_VIEW);
export const rollbackFitAction = defineAction(rollbackFitOp, REFRESH_VIEW);
