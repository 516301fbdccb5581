"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/pipeline";
import { setUserStatusOp, unlockUserOp } from "@/lib/users/operations";

const unlock = defineAction(unlockUserOp);
const setStatus = defineAction(setUserStatusOp);

export async function unlockUserAction(...args: Parameters<typeof unlock>) {
  const result = await unlock(...args);
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function setUserStatusAction(...args: Parameters<typeof setStatus>) {
  const result = await setStatus(...args);
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
