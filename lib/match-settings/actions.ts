"use server";
import { defineAction } from "@/lib/actions/pipeline";
import { previewSettingsOp, resetSettingsOp, updateSettingsOp } from "@/lib/match-settings/operations";

const everywhere = { revalidate: { path: "/", type: "layout" as const } };

export const updateSettingsAction = defineAction(updateSettingsOp, everywhere);
export const resetSettingsAction = defineAction(resetSettingsOp, everywhere);
export const previewSettingsAction = defineAction(previewSettingsOp);
