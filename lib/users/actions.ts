"use server";
import { defineAction } from "@/lib/actions/pipeline";
import { setUserStatusOp, unlockUserOp } from "@/lib/users/operations";

export const unlockUserAction = defineAction(unlockUserOp, { revalidate: { path: "/", type: "layout" } });
export const setUserStatusAction = defineAction(setUserStatusOp, { revalidate: { path: "/", type: "layout" } });
