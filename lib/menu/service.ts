import { isPrismaError, type Tx } from "@/lib/db";
import { conflict, invalidInput, invalidTransition, notFound } from "@/lib/errors";
import type { MenuItemFields } from "@/lib/menu/schemas";

// 服务菜单 rules. An item some need has ordered is history: it can be retired (hidden from new orders) and
// restored, never deleted — the NeedMenuItem foreign key (ON DELETE RESTRICT) backs this up in the database.

const DUPLICATE_NAME = "已有同名的菜单项，请换一个名称";

export const MENU_ITEM_NOT_FOUND = "菜单项";


async function assertNameFree(tx: Tx, name: string, exceptId?: string) {
  const other = await tx.serviceMenuItem.findFirst({
    where: { name, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (other) throw invalidInput({ name: [DUPLICATE_NAME] }, DUPLICATE_NAME);
}

/** Runs a write, turning a unique-name race (two creates of the same name at once) into the same message. */
async function uniqueName<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (isPrismaError(err, "P2002")) throw invalidInput({ name: [DUPLICATE_NAME] }, DUPLICATE_NAME);
    throw err;
  }
}

export async function createMenuItem(tx: Tx, fields: MenuItemFields) {
  await assertNameFree(tx, fields.name);
  return uniqueName(() => tx.serviceMenuItem.create({ data: fields }));
}

/** Edit with an optimistic lock: the version the form was loaded with must still be current. */
export async function updateMenuItem(tx: Tx, id: string, version: number, fields: MenuItemFields) {
  const before = await tx.serviceMenuItem.findUnique({ where: { id } });
  if (!before) throw notFound(MENU_ITEM_NOT_FOUND);
  await assertNameFree(tx, fields.name, id);
  const { count } = await uniqueName(() =>
    tx.serviceMenuItem.updateMany({ where: { id, version }, data: { ...fields, version: { increment: 1 } } }),
  );
  if (!count) throw conflict("该菜单项已被他人修改，请刷新页面后重新编辑");
  return { before, after: await tx.serviceMenuItem.findUniqueOrThrow({ where: { id } }) };
}

export async function retireMenuItem(tx: Tx, id: string, now = new Date()) {
  const { count } = await tx.serviceMenuItem.updateMany({
    where: { id, retiredAt: null },
    data: { retiredAt: now, version: { increment: 1 } },
  });
  if (!count) {
    if (!(await tx.serviceMenuItem.findUnique({ where: { id }, select: { id: true } }))) throw notFound(MENU_ITEM_NOT_FOUND);
    throw invalidTransition("该菜单项已经停用");
  }
}

export async function restoreMenuItem(tx: Tx, id: string) {
  const { count } = await tx.serviceMenuItem.updateMany({
    where: { id, retiredAt: { not: null } },
    data: { retiredAt: null, version: { increment: 1 } },
  });
  if (!count) {
    if (!(await tx.serviceMenuItem.findUnique({ where: { id }, select: { id: true } }))) throw notFound(MENU_ITEM_NOT_FOUND);
    throw invalidTransition("该菜单项正在使用中，无需恢复");
  }
}

export function inUseMessage(needs: number) {
  return `该菜单项已被 ${needs} 项需求选用，不能删除，只能停用`;
}

/** Deletes an item no need has ever ordered; items in use can only be retired. */
export async function deleteMenuItem(tx: Tx, id: string) {
  const item = await tx.serviceMenuItem.findUnique({ where: { id }, select: { id: true, name: true, _count: { select: { needs: true } } } });
  if (!item) throw notFound(MENU_ITEM_NOT_FOUND);
  if (item._count.needs > 0) throw invalidTransition(inUseMessage(item._count.needs));
  try {
    const { count } = await tx.serviceMenuItem.deleteMany({ where: { id } });
    if (!count) throw notFound(MENU_ITEM_NOT_FOUND);
  } catch (err) {
    // A need ordered the item between the check and the delete: the foreign key refuses.
    if (isPrismaError(err, "P2003")) throw invalidTransition(inUseMessage(1));
    throw err;
  }
  return item;
}
