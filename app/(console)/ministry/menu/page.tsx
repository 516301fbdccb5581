import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { LinkButton } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { ListPage } from "@/components/ui/list-page";
import { keywordField, type SearchFields } from "@/components/ui/search-form";
import { MenuRowActions } from "@/components/menu/menu-row-actions";
import { requirePermission } from "@/lib/auth/session";
import { formatNumber } from "@/lib/format";
import { DELIVERY_MODE_LABEL, SERVICE_FORM_LABEL } from "@/lib/labels";
import { searchMenuItems } from "@/lib/menu/queries";
import { MENU_STATE_LABEL, menuSearchSchema } from "@/lib/menu/schemas";
import { firstValues, queryValues, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "服务菜单" };

const PATH = "/ministry/menu";

const FIELDS: SearchFields = [
  keywordField("名称或服务内容", { maxLength: 40 }),
  { kind: "select", name: "form", label: "服务形式", choices: SERVICE_FORM_LABEL, all: "全部" },
  { kind: "select", name: "state", label: "状态", choices: MENU_STATE_LABEL, all: "全部" },
];

type Item = Awaited<ReturnType<typeof searchMenuItems>>["groups"][number]["items"][number];

const COLUMNS = [
  { header: "名称", className: "whitespace-nowrap font-medium", cell: (item: Item) => item.name },
  { header: "服务内容", className: "min-w-64 text-slate-600", cell: (item: Item) => item.description },
  { header: "典型时长", className: "whitespace-nowrap", cell: (item: Item) => `${item.typicalDurationDays} 天` },
  { header: "服务方式", className: "whitespace-nowrap", cell: (item: Item) => DELIVERY_MODE_LABEL[item.delivery] },
  { header: "排序", className: "tabular-nums", cell: (item: Item) => item.sortOrder },
  { header: "状态", cell: (item: Item) => (item.retiredAt ? <Badge>已停用</Badge> : <Badge tone="success">在用</Badge>) },
  { header: "选用需求", className: "tabular-nums", cell: (item: Item) => `${formatNumber(item.needCount)} 项` },
  {
    header: "操作", headerClassName: "text-right",
    cell: (item: Item) => <MenuRowActions id={item.id} name={item.name} retired={!!item.retiredAt} needCount={item.needCount} />,
  },
];

export default async function MenuPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePermission(PATH, "menu.manage");
  const search = menuSearchSchema.parse(await firstValues(searchParams));
  const result = await searchMenuItems(search);
  const values = queryValues(search);
  return (
    <ListPage
      title="服务菜单"
      subtitle="基层单位“点餐式”填报需求时从这里选择服务项目。已被需求选用的菜单项只能停用，不能删除。"
      actions={<LinkButton href={`${PATH}/new`}>新增菜单项</LinkButton>}
      exportHref="/api/export/menu"
      path={PATH}
      values={values}
      search={{ label: "服务菜单查询", fields: FIELDS }}
      count={`共 ${formatNumber(result.total)} 个菜单项`}
      empty={result.groups.length === 0 && { title: "没有符合条件的菜单项", body: "请调整查询条件，或新增菜单项。" }}
      page={result}
    >
      <div className="space-y-6">
        {result.groups.map((group) => (
          <section key={group.form} aria-labelledby={`form-${group.form}`}>
            <h2 id={`form-${group.form}`} className="mb-2 text-base font-semibold text-slate-800">
              {SERVICE_FORM_LABEL[group.form]}
            </h2>
            <DataTable caption={`${SERVICE_FORM_LABEL[group.form]}类菜单项`} columns={COLUMNS} rows={group.items} rowKey={(item) => item.id} />
          </section>
        ))}
      </div>
    </ListPage>
  );
}
