import type { Metadata } from "next";
import { NeedMenuList, NeedProblem } from "@/components/needs/need-content";
import { DefinitionList } from "@/components/dashboard/definition-list";
import { toneOf } from "@/components/dashboard/state-tone";
import { TeamPanel } from "@/components/engagements/team-panel";
import { NeedMatchesCard } from "@/components/matches/need-matches-card";
import { NeedAttachments } from "@/components/needs/need-attachments";
import { ReviewNeedForm, UnitNeedActions } from "@/components/needs/need-actions";
import { NeedTimeline } from "@/components/needs/need-timeline";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { loadInScope } from "@/lib/auth/load-in-scope";
import { formatDate, formatDateTime } from "@/lib/format";
import { DELIVERY_MODE_LABEL, NEED_STATE_LABEL, URGENCY_LABEL } from "@/lib/labels";
import { describeNeed, needInScope } from "@/lib/needs/queries";
import { PRIORITY_FLAGS, PRIORITY_LABEL } from "@/lib/needs/schemas";

export const metadata: Metadata = { title: "需求详情" };

export default async function NeedDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user, record } = await loadInScope({ path: `/needs/${id}`, ...needInScope(id) });
  const need = await describeNeed(user, record);

  const priorities = PRIORITY_FLAGS.filter((f) => need[f]).map((f) => PRIORITY_LABEL[f]);
  const unitActs = need.allowed.edit || need.allowed.submit || need.allowed.withdraw;
  const window = need.windowStart || need.windowEnd ? `${formatDate(need.windowStart)} 至 ${formatDate(need.windowEnd)}` : "不限";
  return (
    <>
      <PageHeader
        title={need.title}
        subtitle={
          <span className="inline-flex flex-wrap items-center gap-2">
            <span className="font-mono">{need.code}</span>
            <Badge tone={toneOf(need.state)}>{NEED_STATE_LABEL[need.state]}</Badge>
            {need.submittedAt && <span>提交于 {formatDateTime(need.submittedAt)}</span>}
          </span>
        }
      />
      {need.reviewComment && (need.state === "RETURNED" || need.state === "REJECTED") && (
        <p className="mb-6 rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200">
          <span className="font-medium">{need.state === "RETURNED" ? "退回修改意见" : "不予通过原因"}：</span>{need.reviewComment}
        </p>
      )}
      <div className="grid gap-6 xl:grid-cols-3">
        <div className="space-y-6 xl:col-span-2">
          <Card title="需求信息">
            <DefinitionList
              items={[
                { label: "填报单位", value: need.unit.name },
                ...(need.onBehalfOf ? [{ label: "代填", value: `由 ${need.enteredByName ?? need.unit.name}（${need.unit.name}）代 ${need.onBehalfOf} 填报` }] : []),
                { label: "服务地点", value: need.place },
                { label: "期望时间", value: window },
                { label: "学科领域", value: need.disciplineNames.join("、") || "—" },
                { label: "所属行业", value: need.industryNames.join("、") || "—" },
                { label: "需要专家人数", value: `${need.expertsWanted} 名` },
                { label: "服务方式", value: DELIVERY_MODE_LABEL[need.delivery] },
                { label: "紧迫程度", value: URGENCY_LABEL[need.urgency] },
                { label: "优先支持方向", value: priorities.length ? priorities.join("、") : "—" },
              ]}
            />
            <NeedProblem bottleneck={need.bottleneck} expectedOutcome={need.expectedOutcome} />
          </Card>
          <Card title="所点服务项目">
            <NeedMenuList items={need.menu} />
          </Card>
          <Card title="附件">
            <NeedAttachments
              needId={need.id}
              editable={need.allowed.attach}
              items={need.attachments.map((a) => ({ id: a.id, fileName: a.fileName, sizeBytes: a.sizeBytes, uploadedAt: formatDate(a.createdAt) }))}
            />
          </Card>
          <NeedMatchesCard needId={need.id} />
          <TeamPanel user={user} needId={need.id} />
        </div>
        <div className="space-y-6">
          {unitActs && (
            <Card title="办理">
              <UnitNeedActions needId={need.id} version={need.version} allowed={need.allowed} />
            </Card>
          )}
          {need.allowed.review && (
            <Card title="审核">
              <ReviewNeedForm needId={need.id} version={need.version} />
            </Card>
          )}
          <Card title="办理过程">
            <NeedTimeline steps={need.timeline} />
          </Card>
        </div>
      </div>
    </>
  );
}
