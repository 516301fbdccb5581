"use server";
import { defineAction } from "@/lib/actions/pipeline";
import { changePasswordOp } from "@/lib/account/operations";

export const changePasswordAction = defineAction(changePasswordOp);
