import { db } from "@/lib/db";
import type { ActionDefinition } from "@/lib/actions/pipeline";
import { createMenuItemSchema, menuItemIdSchema, updateMenuItemSchema } from "@/lib/menu/schemas";
import { createMenuItem, deleteMenuItem, retireMenuItem, restoreMenuItem, updateMenuItem } from "@/lib/menu/service";

// The service menu is national: only a national grant of menu.manage covers it (ctx.authorize with no province).
const ENTITY = "ServiceMenuItem";

export const createMenuItemOp = {
  operation: "menu.manage",
  schema: createMenuItemSchema,
  successMessage: "已新增菜单项",
  async run(ctx) {
    ctx.authorize({});
    return db.$transaction(async (tx) => {
      const item = await createMenuItem(tx, ctx.input);
      await ctx.audit(tx, {
        operation: "menu.create", entityType: ENTITY, entityId: item.id, summary: `新增服务菜单项「${item.name}」`,
        after: { ...ctx.input },
      });
      return { id: item.id };
    });
  },
} satisfies ActionDefinition<typeof createMenuItemSchema, { id: string }>;

export const updateMenuItemOp = {
  operation: "menu.manage",
  schema: updateMenuItemSchema,
  successMessage: "已保存",
  async run(ctx) {
    const { id, version, ...fields } = ctx.input;
    ctx.authorize({}, { type: ENTITY, id });
    return db.$transaction(async (tx) => {
      const { before, after } = await updateMenuItem(tx, id, version, fields);
      await ctx.audit(tx, {
        operation: "menu.update", entityType: ENTITY, entityId: id, summary: `修改服务菜单项「${after.name}」`,
        before: {
          form: before.form, name: before.name, description: before.description,
          typicalDurationDays: before.typicalDurationDays, delivery: before.delivery, sortOrder: before.sortOrder,
        },
        after: { ...fields },
      });
      return { id };
    });
  },
} satisfies ActionDefinition<typeof updateMenuItemSchema, { id: string }>;

export const retireMenuItemOp = {
  operation: "menu.manage",
  schema: menuItemIdSchema,
  successMessage: "已停用",
  async run(ctx) {
    ctx.authorize({}, { type: ENTITY, id: ctx.input.id });
    await db.$transaction(async (tx) => {
      await retireMenuItem(tx, ctx.input.id);
      await ctx.audit(tx, {
        operation: "menu.retire", entityType: ENTITY, entityId: ctx.input.id, summary: "停用服务菜单项",
        before: { state: "active" }, after: { state: "retired" },
      });
    });
    return null;
  },
} satisfies ActionDefinition<typeof menuItemIdSchema, null>;

export const restoreMenuItemOp = {
  operation: "menu.manage",
  schema: menuItemIdSchema,
  successMessage: "已恢复使用",
  async run(ctx) {
    ctx.authorize({}, { type: ENTITY, id: ctx.input.id });
    await db.$transaction(async (tx) => {
      await restoreMenuItem(tx, ctx.input.id);
      await ctx.audit(tx, {
        operation: "menu.restore", entityType: ENTITY, entityId: ctx.input.id, summary: "恢复服务菜单项",
        before: { state: "retired" }, after: { state: "active" },
      });
    });
    return null;
  },
} satisfies ActionDefinition<typeof menuItemIdSchema, null>;

export const deleteMenuItemOp = {
  operation: "menu.manage",
  schema: menuItemIdSchema,
  successMessage: "已删除",
  async run(ctx) {
    ctx.authorize({}, { type: ENTITY, id: ctx.input.id });
    await db.$transaction(async (tx) => {
      const item = await deleteMenuItem(tx, ctx.input.id);
      await ctx.audit(tx, {
        operation: "menu.delete", entityType: ENTITY, entityId: ctx.input.id, summary: `删除未被使用的服务菜单项「${item.name}」`,
        before: { name: item.name },
      });
    });
    return null;
  },
} satisfies ActionDefinition<typeof menuItemIdSchema, null>;
