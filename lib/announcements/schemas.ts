import { z } from "zod";

const text = (max: number, label: string) =>
  z.preprocess((v) => (typeof v === "string" ? v.trim() : ""), z.string().max(max, `${label}不超过 ${max} 字`));
const id = z.string({ error: "缺少公告" }).trim().min(1, "缺少公告").max(40);
const version = z.coerce.number({ error: "缺少版本号" }).int().min(0);

/** A new announcement (no id) or an edit (id and the version the editor saw). Plain text: paragraphs by line. */
export const announcementSchema = z.object({
  announcementId: z.preprocess((v) => (v === "" ? undefined : v), id.optional()),
  version: z.preprocess((v) => (v === "" || v === undefined ? undefined : v), version.optional()),
  title: text(80, "标题").pipe(z.string().min(4, "请填写标题（至少 4 个字）")),
  body: text(5000, "正文").pipe(z.string().min(10, "请填写正文（至少 10 个字）")),
  pinned: z.preprocess((v) => v === "1" || v === "on" || v === true, z.boolean()),
  publishNow: z.preprocess((v) => v === "1" || v === "on" || v === true, z.boolean()),
});
export type AnnouncementInput = z.infer<typeof announcementSchema>;

export const announcementStepSchema = z.object({
  announcementId: id,
  version,
  step: z.enum(["publish", "withdraw"], { error: "请选择操作" }),
});

export const announcementSearchSchema = z.object({
  page: z.coerce.number().int().min(1).max(10000).catch(1),
});
