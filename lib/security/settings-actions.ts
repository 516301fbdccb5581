"use server";
import { defineAction } from "@/lib/actions/pipeline";
import { saveSecuritySettingsOp } from "@/lib/security/operations";

export const saveSecuritySettingsAction = defineAction(saveSecuritySettingsOp, { revalidate: { path: "/ministry/security" } });
