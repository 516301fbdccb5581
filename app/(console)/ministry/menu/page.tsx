import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { LinkButton } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ExportLinks } from "@/components/ui/export-links";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { MenuRowActions } from "@/components/menu/menu-row-actions";
import { MenuSearchForm } from "@/components/menu/menu-search-form";
import { requirePermission } from "@/lib/auth/session";
import { formatNumber } from "@/lib/format";
import { DELIVERY_MODE_LABEL, SERVICE_FORM_LABEL } from "@/lib/labels";
import { searchMenuItems } from "@/lib/menu/queries";
import { menuSearchSchema } from "@/lib/menu/schemas";
import { firstValues, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "服务菜单" };

const PATH = "/ministry/menu";

export default async function MenuPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePermission(PATH, "menu.manage");
  const search = menuSearchSchema.parse(await firstValues(searchParams));
  const result = await searchMenuItems(search);
  const filters = { q: search.q, form: search.form, state: search.state };
  return (
    <>
      <PageHeader
        title="服务菜单"
        subtitle="基层单位“点餐式”填报需求时从这里选择服务项目。已被需求选用的菜单项只能停用，不能删除。"
        actions={
          <>
            <LinkButton href={`${PATH}/new`}>新增菜单项</LinkButton>
            <ExportLinks href="/api/export/menu" params={filters} />
          </>
        }
      />
      <MenuSearchForm action={PATH} values={filters} />
      <p className="mt-4 mb-2 text-sm text-slate-600" role="status">共 {formatNumber(result.total)} 个菜单项</p>
      {result.groups.length === 0 ? (
        <EmptyState title="没有符合条件的菜单项">请调整查询条件，或新增菜单项。</EmptyState>
      ) : (
        <div className="space-y-6">
          {result.groups.map((group) => (
            <section key={group.form} aria-labelledby={`form-${group.form}`}>
              <h2 id={`form-${group.form}`} className="mb-2 text-base font-semibold text-slate-800">
                {SERVICE_FORM_LABEL[group.form]}
              </h2>
              <Table caption={`${SERVICE_FORM_LABEL[group.form]}类菜单项`}>
                <THead>
                  <tr>
                    <Th>名称</Th><Th>服务内容</Th><Th>典型时长</Th><Th>服务方式</Th><Th>排序</Th><Th>状态</Th>
                    <Th>选用需求</Th><Th className="text-right">操作</Th>
                  </tr>
                </THead>
                <TBody>
                  {group.items.map((item) => (
                    <tr key={item.id}>
                      <Td className="whitespace-nowrap font-medium">{item.name}</Td>
                      <Td className="min-w-64 text-slate-600">{item.description}</Td>
                      <Td className="whitespace-nowrap">{item.typicalDurationDays} 天</Td>
                      <Td className="whitespace-nowrap">{DELIVERY_MODE_LABEL[item.delivery]}</Td>
                      <Td className="tabular-nums">{item.sortOrder}</Td>
                      <Td>{item.retiredAt ? <Badge>已停用</Badge> : <Badge tone="success">在用</Badge>}</Td>
                      <Td className="tabular-nums">{formatNumber(item.needCount)} 项</Td>
                      <Td>
                        <MenuRowActions id={item.id} name={item.name} retired={!!item.retiredAt} needCount={item.needCount} />
                      </Td>
                    </tr>
                  ))}
                </TBody>
              </Table>
            </section>
          ))}
        </div>
      )}
      <Pagination page={result.page} pageSize={result.pageSize} total={result.total} basePath={PATH} params={filters} />
    </>
  );
}
