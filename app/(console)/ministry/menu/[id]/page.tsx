import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { MenuItemForm } from "@/components/menu/menu-item-form";
import { requirePermission } from "@/lib/auth/session";
import { formatNumber } from "@/lib/format";
import { menuItemForEdit } from "@/lib/menu/queries";

export const metadata: Metadata = { title: "编辑菜单项" };

export default async function EditMenuItemPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePermission(`/ministry/menu/${id}`, "menu.manage");
  const item = await menuItemForEdit(id);
  if (!item) notFound();
  return (
    <>
      <PageHeader
        title="编辑菜单项"
        subtitle={
          <span className="inline-flex flex-wrap items-center gap-2">
            {item.name}
            {item.retiredAt ? <Badge>已停用</Badge> : <Badge tone="success">在用</Badge>}
            <span>已被 {formatNumber(item.needCount)} 项需求选用</span>
          </span>
        }
      />
      <MenuItemForm
        item={{
          id: item.id, version: item.version, form: item.form, name: item.name, description: item.description,
          typicalDurationDays: item.typicalDurationDays, delivery: item.delivery, sortOrder: item.sortOrder,
        }}
      />
    </>
  );
}
