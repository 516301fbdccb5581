"use server";
import { defineAction } from "@/lib/actions/pipeline";
import { removeCalendarRunOp, setCalendarRunOp } from "@/lib/calendar/operations";

const page = { revalidate: { path: "/ministry/calendar" } };

export const setCalendarRunAction = defineAction(setCalendarRunOp, page);
export const removeCalendarRunAction = defineAction(removeCalendarRunOp, page);
