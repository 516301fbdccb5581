import type { Metadata } from "next";
import { NeedForm } from "@/components/needs/need-form";
import { LinkButton } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { loadInScope } from "@/lib/auth/load-in-scope";
import { NEED_STATE_LABEL } from "@/lib/labels";
import { activeMenuByForm } from "@/lib/menu/queries";
import { describeNeed, needInScope, unitOfNeed } from "@/lib/needs/queries";
import { disciplineOptions, industryOptions, regionOptions } from "@/lib/reference/queries";

export const metadata: Metadata = { title: "修改需求" };

const isoDate = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");

export default async function EditNeedPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user, record } = await loadInScope({ path: `/needs/${id}/edit`, ...needInScope(id, "need.update") });
  const need = await describeNeed(user, record);
  if (!need.allowed.edit) {
    return (
      <>
        <PageHeader title="修改需求" subtitle={need.title} />
        <EmptyState title={`需求当前为“${NEED_STATE_LABEL[need.state]}”，不能修改`}>
          只有草稿或退回修改的需求可以修改。
          <div className="mt-3"><LinkButton href={`/needs/${id}`} variant="secondary">返回需求详情</LinkButton></div>
        </EmptyState>
      </>
    );
  }
  const unit = await unitOfNeed(need.unitId);
  const [menu, regions, disciplines, industries] = await Promise.all([
    activeMenuByForm(), regionOptions(unit.provinceCode), disciplineOptions(), industryOptions(),
  ]);
  return (
    <>
      <PageHeader title="修改需求" subtitle={`${need.code}：修改后可重新提交审核`} />
      {need.reviewComment && need.state === "RETURNED" && (
        <p className="mb-6 rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200">
          <span className="font-medium">退回修改意见：</span>{need.reviewComment}
        </p>
      )}
      <NeedForm
        need={{ id: need.id, version: need.version }}
        unitName={unit.name}
        canProxy={unit.canProxy}
        menu={menu}
        regions={regions}
        disciplines={disciplines}
        industries={industries}
        values={{
          menuItemIds: need.menu.map((m) => m.id), title: need.title, bottleneck: need.bottleneck,
          disciplineCodes: need.disciplineCodes, industryCodes: need.industryCodes, regionCode: need.regionCode,
          windowStart: isoDate(need.windowStart), windowEnd: isoDate(need.windowEnd), expertsWanted: need.expertsWanted,
          delivery: need.delivery, expectedOutcome: need.expectedOutcome, urgency: need.urgency,
          breakBottleneck: need.breakBottleneck, promoteTechnology: need.promoteTechnology,
          raiseFarmerIncome: need.raiseFarmerIncome, onBehalfOf: need.onBehalfOf ?? "",
        }}
      />
    </>
  );
}
