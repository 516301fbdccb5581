"use server";
import { defineAction } from "@/lib/actions/pipeline";
import { applyFitOp, previewSettingsOp, proposeRefitOp, resetSettingsOp, rollbackFitOp, updateSettingsOp } from "@/lib/match-settings/operations";

const everywhere = { revalidate: { path: "/", type: "layout" as const } };

export const updateSettingsAction = defineAction(updateSettingsOp, everywhere);
export const resetSettingsAction = defineAction(resetSettingsOp, everywhere);
export const previewSettingsAction = defineAction(previewSettingsOp);
export const proposeRefitAction = defineAction(proposeRefitOp, everywhere);
export const applyFitAction = defineAction(applyFitOp, everywhere);
export const rollbackFitAction = defineAction(rollbackFitOp, everywhere);
