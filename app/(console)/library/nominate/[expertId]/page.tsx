import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { DefinitionList } from "@/components/dashboard/definition-list";
import { TitleAndCategories } from "@/components/library/expert-summary";
import { NominateForm } from "@/components/library/nominate-form";
import { loadInScope } from "@/lib/auth/load-in-scope";
import { formatDate } from "@/lib/format";
import { EXPERT_STATUS_LABEL, LIBRARY_STATUS_LABEL } from "@/lib/labels";
import { candidateInScope } from "@/lib/library/queries";

export const metadata: Metadata = { title: "推荐专家入库" };

export default async function NominateExpertPage({ params }: { params: Promise<{ expertId: string }> }) {
  const { expertId } = await params;
  const path = `/library/nominate/${expertId}`;
  // The expert's province, read from the database, must be the province's own.
  const { record: expert } = await loadInScope({ path, ...candidateInScope(expertId) });
  return (
    <>
      <PageHeader title={`推荐 ${expert.name} 进入重点联系专家库`} subtitle="请核对入库条件，经专家本人确认自愿、身体健康后提交推荐。" />
      <div className="space-y-6">
        <Card title="专家信息">
          <DefinitionList
            items={[
              { label: "姓名", value: expert.name },
              { label: "工作单位", value: expert.employer },
              { label: "所在地区", value: expert.regionName },
              { label: "职称与人才类别", value: <TitleAndCategories title={expert.title} talentCategories={expert.talentCategories} /> },
              { label: "专业领域", value: expert.disciplineNames.join("、") || "—" },
              { label: "档案状态", value: EXPERT_STATUS_LABEL[expert.status] },
              { label: "当前入库状态", value: LIBRARY_STATUS_LABEL[expert.libraryStatus] },
              ...(expert.isRetired
                ? [{ label: "退休专家本人确认", value: `自愿：${formatDate(expert.consentAttestedAt)}；健康：${formatDate(expert.healthAttestedAt)}` }]
                : []),
            ]}
          />
        </Card>
        <NominateForm
          expertId={expert.id}
          expertName={expert.name}
          candidate={{
            status: expert.status, title: expert.title, talentCategories: expert.talentCategories,
            libraryStatus: expert.libraryStatus, hasPendingNomination: expert.hasPendingNomination,
          }}
        />
      </div>
    </>
  );
}
