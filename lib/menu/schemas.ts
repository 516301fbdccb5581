import { z } from "zod";
import { DeliveryMode, ServiceForm } from "@/lib/generated/prisma/enums";

const id = (what: string) => z.string({ error: `缺少${what}` }).trim().min(1, `缺少${what}`).max(40, `${what}无效`);

/** The editable fields of a menu item, shared by the create and edit forms. */
export const menuItemFieldsSchema = z.object({
  form: z.enum(ServiceForm, { error: "请选择服务形式" }),
  name: z.string({ error: "请填写名称" }).trim().min(2, "名称至少 2 个字").max(40, "名称不超过 40 个字"),
  description: z.string({ error: "请填写服务内容" }).trim().min(5, "服务内容至少 5 个字").max(500, "服务内容不超过 500 个字"),
  typicalDurationDays: z.coerce
    .number({ error: "请填写典型服务时长" })
    .int("典型服务时长须为整数天")
    .min(1, "典型服务时长至少 1 天")
    .max(3650, "典型服务时长不超过 3650 天"),
  delivery: z.enum(DeliveryMode, { error: "请选择服务方式" }),
  sortOrder: z.coerce.number({ error: "排序须为数字" }).int("排序须为整数").min(0, "排序不能小于 0").max(99999, "排序不超过 99999").default(0),
});
export type MenuItemFields = z.infer<typeof menuItemFieldsSchema>;

export const createMenuItemSchema = menuItemFieldsSchema;

export const updateMenuItemSchema = menuItemFieldsSchema.extend({
  id: id("菜单项"),
  version: z.coerce.number({ error: "缺少版本号" }).int().min(0),
});

export const menuItemIdSchema = z.object({ id: id("菜单项") });

export const MENU_STATES = ["active", "retired"] as const;
export const MENU_STATE_LABEL: Record<(typeof MENU_STATES)[number], string> = { active: "在用", retired: "已停用" };

export const menuSearchSchema = z.object({
  q: z.string().trim().max(40).optional().catch(undefined),
  form: z.enum(ServiceForm).optional().catch(undefined),
  state: z.enum(MENU_STATES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100000).catch(1),
});
export type MenuSearch = z.infer<typeof menuSearchSchema>;
