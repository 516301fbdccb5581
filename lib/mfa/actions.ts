"use server";
import { defineAction } from "@/lib/actions/pipeline";
import { beginMfaOp, confirmMfaOp } from "@/lib/mfa/operations";

export const beginMfaAction = defineAction(beginMfaOp, { revalidate: { path: "/account/mfa" } });
export const confirmMfaAction = defineAction(confirmMfaOp);
