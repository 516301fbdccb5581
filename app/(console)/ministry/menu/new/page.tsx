import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { MenuItemForm } from "@/components/menu/menu-item-form";
import { requirePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "新增菜单项" };

export default async function NewMenuItemPage() {
  await requirePermission("/ministry/menu/new", "menu.manage");
  return (
    <>
      <PageHeader title="新增菜单项" subtitle="新增后立即出现在基层单位的点餐菜单和门户“服务菜单”中。" />
      <MenuItemForm />
    </>
  );
}
