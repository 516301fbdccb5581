"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/pipeline";
import { markNotificationsReadOp } from "@/lib/notifications/operations";

const markRead = defineAction(markNotificationsReadOp);

export async function markNotificationsReadAction(...args: Parameters<typeof markRead>) {
  const result = await markRead(...args);
  revalidatePath("/notifications");
  return result;
}
