"use server";
import { defineAction } from "@/lib/actions/pipeline";
import { expiringPortal, PORTAL_TAG } from "@/lib/portal/cache";
import { saveAnnouncementOp, stepAnnouncementOp } from "@/lib/announcements/operations";

const everywhere = { revalidate: { path: "/", type: "layout" as const } };

export const saveAnnouncementAction = expiringPortal(defineAction(saveAnnouncementOp, everywhere), [PORTAL_TAG.announcements]);
export const stepAnnouncementAction = expiringPortal(defineAction(stepAnnouncementOp, everywhere), [PORTAL_TAG.announcements]);
