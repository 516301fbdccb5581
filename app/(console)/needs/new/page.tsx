import type { Metadata } from "next";
import { NeedForm } from "@/components/needs/need-form";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { activeMenuByForm } from "@/lib/menu/queries";
import { orderingUnitOf } from "@/lib/needs/queries";
import { disciplineOptions, industryOptions, regionOptions } from "@/lib/reference/queries";

export const metadata: Metadata = { title: "点餐下单" };

export default async function NewNeedPage() {
  const user = await requirePermission("/needs/new", "need.create");
  const unit = await orderingUnitOf(user);
  if (!unit) {
    return (
      <>
        <PageHeader title="点餐下单" />
        <EmptyState title="账号尚未关联单位">请联系省级管理员为账号设置所属单位。</EmptyState>
      </>
    );
  }
  const [menu, regions, disciplines, industries] = await Promise.all([
    activeMenuByForm(), regionOptions(unit.provinceCode), disciplineOptions(), industryOptions(),
  ]);
  return (
    <>
      <PageHeader title="点餐下单" subtitle="从服务菜单中选择需要的服务，再说明面临的瓶颈问题。提交后由省级人社部门审核。" />
      <NeedForm
        unitName={unit.name}
        canProxy={unit.canProxy}
        menu={menu}
        regions={regions}
        disciplines={disciplines}
        industries={industries}
        values={{
          menuItemIds: [], title: "", bottleneck: "", disciplineCodes: [], industryCodes: [], regionCode: unit.regionCode,
          windowStart: "", windowEnd: "", expertsWanted: 1, delivery: "EITHER", expectedOutcome: "", urgency: "NORMAL",
          breakBottleneck: false, promoteTechnology: false, raiseFarmerIncome: false, onBehalfOf: "",
        }}
      />
    </>
  );
}
