import { db } from "@/lib/db";
import { EXPORT_ROW_LIMIT } from "@/lib/export/table";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ServiceForm } from "@/lib/generated/prisma/enums";
import type { MenuSearch } from "@/lib/menu/schemas";

export const MENU_PAGE_SIZE = 50;

const ITEM_SELECT = {
  id: true, form: true, name: true, description: true, typicalDurationDays: true, delivery: true, sortOrder: true,
  retiredAt: true, version: true,
} satisfies Prisma.ServiceMenuItemSelect;

/** Rows of one page grouped by service form, in form order (the enum's declaration order). */
function groupByForm<T extends { form: ServiceForm }>(rows: T[]): { form: ServiceForm; items: T[] }[] {
  const groups: { form: ServiceForm; items: T[] }[] = [];
  for (const row of rows) {
    const last = groups[groups.length - 1];
    if (last?.form === row.form) last.items.push(row);
    else groups.push({ form: row.form, items: [row] });
  }
  return groups;
}

/** The ministry's view: every item, with how many needs ordered it, filtered and paged. */
export async function searchMenuItems(search: MenuSearch, pageSize = MENU_PAGE_SIZE) {
  const filters: Prisma.ServiceMenuItemWhereInput[] = [];
  if (search.q) filters.push({ OR: [{ name: { contains: search.q } }, { description: { contains: search.q } }] });
  if (search.form) filters.push({ form: search.form });
  if (search.state === "active") filters.push({ retiredAt: null });
  if (search.state === "retired") filters.push({ retiredAt: { not: null } });
  const where = { AND: filters };
  const [total, rows] = await Promise.all([
    db.serviceMenuItem.count({ where }),
    db.serviceMenuItem.findMany({
      where,
      orderBy: [{ form: "asc" }, { sortOrder: "asc" }, { name: "asc" }],
      skip: (search.page - 1) * pageSize,
      take: pageSize,
      select: { ...ITEM_SELECT, _count: { select: { needs: true } } },
    }),
  ]);
  const items = rows.map(({ _count, ...r }) => ({ ...r, needCount: _count.needs }));
  return { total, page: search.page, pageSize, groups: groupByForm(items) };
}

export async function menuItemForEdit(id: string) {
  const row = await db.serviceMenuItem.findUnique({ where: { id }, select: { ...ITEM_SELECT, _count: { select: { needs: true } } } });
  if (!row) return null;
  const { _count, ...item } = row;
  return { ...item, needCount: _count.needs };
}

/** Items units may order now (not retired), in menu order. Public: names and descriptions only. */
export async function activeMenuItems() {
  return db.serviceMenuItem.findMany({
    where: { retiredAt: null },
    orderBy: [{ form: "asc" }, { sortOrder: "asc" }, { name: "asc" }],
    select: { id: true, form: true, name: true, description: true, typicalDurationDays: true, delivery: true },
  });
}

/** The active menu grouped by service form: the public portal page and the unit's order form (点餐). */
export async function activeMenuByForm() {
  return groupByForm(await activeMenuItems());
}
export type MenuGroup = Awaited<ReturnType<typeof activeMenuByForm>>[number];

/** Every item of the list (its filters), for the download. */
export async function menuForExport(_user: unknown, search: MenuSearch) {
  return (await searchMenuItems({ ...search, page: 1 }, EXPORT_ROW_LIMIT)).groups.flatMap((g) => g.items);
}
