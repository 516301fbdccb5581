import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { DefinitionList } from "@/components/dashboard/definition-list";
import { StateBreakdown } from "@/components/dashboard/state-breakdown";
import { toneOf } from "@/components/dashboard/state-tone";
import { requirePermission } from "@/lib/auth/session";
import { expertDashboard } from "@/lib/dashboard/expert-queries";
import { libraryCardFor } from "@/lib/library/queries";
import { LibraryCard } from "@/components/library/library-card";
import {
  byStateRows, ENGAGEMENT_STATE_LABEL, EXPERT_STATUS_LABEL, LIBRARY_STATUS_LABEL, MATCH_STATE_LABEL,
  PROFESSIONAL_TITLE_LABEL, SERVICE_FORM_LABEL, TALENT_CATEGORY_LABEL,
} from "@/lib/labels";

export const metadata: Metadata = { title: "专家工作台" };

export default async function ExpertDashboardPage() {
  const user = await requirePermission("/expert", "console.expert");
  const [data, membership] = await Promise.all([expertDashboard(user), libraryCardFor(user)]);
  const p = data?.profile;
  return (
    <>
      <PageHeader title="专家工作台" subtitle={p ? `${p.name}，欢迎使用专家人才服务基层平台` : undefined}
        actions={p && <LinkButton href="/tracking" variant="secondary">我的服务成效</LinkButton>} />
      {!p ? (
        <EmptyState title="尚未建立专家档案">请联系所在省级人社部门完善您的专家信息。</EmptyState>
      ) : (
        <div className="space-y-6">
          <Card title="我的档案">
            <DefinitionList
              items={[
                { label: "职称", value: PROFESSIONAL_TITLE_LABEL[p.title] },
                { label: "工作单位", value: p.employer },
                { label: "所在地区", value: p.regionName },
                { label: "档案状态", value: <Badge tone={toneOf(p.status)}>{EXPERT_STATUS_LABEL[p.status]}</Badge> },
                { label: "重点联系专家库", value: <Badge tone={toneOf(p.libraryStatus)}>{LIBRARY_STATUS_LABEL[p.libraryStatus]}</Badge> },
                { label: "当前服务项目", value: `${p.activeEngagements} / ${p.maxConcurrent} 项（上限）` },
                {
                  label: "人才类别",
                  value: p.talentCategories.length
                    ? <span className="flex flex-wrap gap-1">{p.talentCategories.map((c) => <Badge key={c} tone="brand">{TALENT_CATEGORY_LABEL[c]}</Badge>)}</span>
                    : "—",
                },
                { label: "愿意提供的服务形式", value: p.preferredForms.map((f) => SERVICE_FORM_LABEL[f]).join("、") || "—" },
              ]}
            />
          </Card>
          {membership && <LibraryCard m={membership} />}
          <Card title="我的匹配与邀请（按状态）">
            <StateBreakdown rows={byStateRows(MATCH_STATE_LABEL, data.matchesByState)} highlight={["INVITED"]} hideZero />
          </Card>
          <Card title="我的服务项目（按状态）">
            <StateBreakdown rows={byStateRows(ENGAGEMENT_STATE_LABEL, data.engagementsByState)} highlight={["AWAITING_FEEDBACK"]} hideZero />
          </Card>
        </div>
      )}
    </>
  );
}
