"use server";
import { defineAction, EXPIRE_ALL } from "@/lib/actions/pipeline";
import { expiringPortal, PORTAL_TAG } from "@/lib/portal/cache";
import { saveAnnouncementOp, stepAnnouncementOp } from "@/lib/announcements/operations";

export const saveAnnouncementAction = expiringPortal(defineAction(saveAnnouncementOp, EXPIRE_ALL), [PORTAL_TAG.announcements]);
export const stepAnnouncementAction = expiringPortal(defineAction(stepAnnouncementOp, EXPIRE_ALL), [PORTAL_TAG.announcements]);
