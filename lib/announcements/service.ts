import type { Tx } from "@/lib/db";
import { conflict, notFound } from "@/lib/errors";
import type { AnnouncementInput } from "@/lib/announcements/schemas";
import { ANNOUNCEMENT_WORKFLOW } from "@/lib/announcements/workflow";

export async function saveAnnouncement(tx: Tx, input: AnnouncementInput, actorId: string, now = new Date()) {
  const { title, body, pinned } = input;
  if (!input.announcementId) {
    const state = input.publishNow ? "PUBLISHED" : ANNOUNCEMENT_WORKFLOW.next("create", null);
    const row = await tx.announcement.create({
      data: { title, body, pinned, state, createdById: actorId, publishedAt: state === "PUBLISHED" ? now : null },
      select: { id: true, state: true },
    });
    return { ...row, created: true };
  }
  const current = await tx.announcement.findUnique({ where: { id: input.announcementId }, select: { state: true } });
  if (!current) throw notFound("公告");
  ANNOUNCEMENT_WORKFLOW.assertAct("edit", current.state);
  const { count } = await tx.announcement.updateMany({
    where: { id: input.announcementId, ...(input.version !== undefined ? { version: input.version } : {}) },
    data: { title, body, pinned, version: { increment: 1 } },
  });
  if (count !== 1) throw conflict(ANNOUNCEMENT_WORKFLOW.conflict);
  return { id: input.announcementId, state: current.state, created: false };
}

export async function stepAnnouncement(tx: Tx, input: { announcementId: string; version: number; step: "publish" | "withdraw" }, now = new Date()) {
  const a = await tx.announcement.findUnique({ where: { id: input.announcementId }, select: { state: true, title: true } });
  if (!a) throw notFound("公告");
  const r = await ANNOUNCEMENT_WORKFLOW.apply(tx, {
    id: input.announcementId, step: input.step, from: a.state, version: input.version,
    data: input.step === "publish" ? { publishedAt: now } : {},
  });
  return { ...r, title: a.title };
}
