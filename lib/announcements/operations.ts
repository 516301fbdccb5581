import { db } from "@/lib/db";
import type { ActionDefinition } from "@/lib/actions/pipeline";
import type { AnnouncementState } from "@/lib/generated/prisma/enums";
import { announcementSchema, announcementStepSchema } from "@/lib/announcements/schemas";
import { saveAnnouncement, stepAnnouncement } from "@/lib/announcements/service";

// Announcements are national (the ministry's): the scope authorized is the whole country.

export const saveAnnouncementOp = {
  operation: "announcement.manage",
  schema: announcementSchema,
  successMessage: (d) => (d.created ? (d.state === "PUBLISHED" ? "公告已发布" : "公告草稿已保存") : "公告已修改"),
  async run(ctx) {
    ctx.authorize({}, ctx.input.announcementId ? { type: "Announcement", id: ctx.input.announcementId } : undefined);
    return db.$transaction(async (tx) => {
      const r = await saveAnnouncement(tx, ctx.input, ctx.user.id);
      await ctx.audit(tx, {
        operation: r.created ? (r.state === "PUBLISHED" ? "announcement.publish" : "announcement.create") : "announcement.update",
        entityType: "Announcement", entityId: r.id, summary: `${r.created ? "新建" : "修改"}通知公告「${ctx.input.title}」`,
        after: { title: ctx.input.title, pinned: ctx.input.pinned, state: r.state },
      });
      return r;
    });
  },
} satisfies ActionDefinition<typeof announcementSchema, { id: string; state: AnnouncementState; created: boolean }>;

export const stepAnnouncementOp = {
  operation: "announcement.manage",
  schema: announcementStepSchema,
  successMessage: (d) => (d.state === "PUBLISHED" ? "公告已发布" : "公告已撤下"),
  async run(ctx) {
    ctx.authorize({}, { type: "Announcement", id: ctx.input.announcementId });
    return db.$transaction(async (tx) => {
      const r = await stepAnnouncement(tx, ctx.input);
      await ctx.audit(tx, {
        operation: ctx.input.step === "publish" ? "announcement.publish" : "announcement.withdraw",
        entityType: "Announcement", entityId: ctx.input.announcementId, summary: `${ctx.input.step === "publish" ? "发布" : "撤下"}通知公告「${r.title}」`,
        before: { state: r.from }, after: { state: r.to },
      });
      return { state: r.to };
    });
  },
} satisfies ActionDefinition<typeof announcementStepSchema, { state: AnnouncementState }>;
