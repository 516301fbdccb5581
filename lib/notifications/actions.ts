"use server";
import { defineAction, REFRESH_VIEW } from "@/lib/actions/pipeline";
import { markNotificationsReadOp } from "@/lib/notifications/operations";

// The top bar's unread count sits in the console layout, so the whole layout is refreshed.
export const markNotificationsReadAction = defineAction(markNotificationsReadOp, REFRESH_VIEW);
