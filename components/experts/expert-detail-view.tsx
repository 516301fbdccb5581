import { Card } from "@/components/ui/card";
import { DefinitionList } from "@/components/dashboard/definition-list";
import { AchievementsEditor } from "@/components/experts/achievements-editor";
import { AvailabilityEditor } from "@/components/experts/availability-editor";
import { ExpertBadges } from "@/components/experts/expert-badges";
import { MatchabilityCard } from "@/components/experts/matchability-card";
import { PersonalDataPanel } from "@/components/experts/personal-data";
import { ProfileChangePanel } from "@/components/experts/profile-change-panel";
import { ReviewPanel } from "@/components/experts/review-panel";
import type { ExpertAccess, ExpertDetail, PendingProfileChange } from "@/lib/experts/queries";
import { formatDate, formatDateTime } from "@/lib/format";
import {
  GENDER_LABEL, LIBRARY_STATUS_LABEL, PROFESSIONAL_TITLE_LABEL, SERVICE_FORM_LABEL, TALENT_CATEGORY_LABEL,
} from "@/lib/labels";

const SOURCE_LABEL = { SELF: "自助注册", PROVINCE: "省级录入", IMPORT: "批量导入" } as const;
const join = (xs: string[]) => (xs.length ? xs.join("、") : "—");

export function toDateString(d: Date) {
  return d.toISOString().slice(0, 10);
}

/** The read-only profile (personal data masked), with the review and reveal controls the user is allowed. */
export function ExpertDetailView({ e, access, pendingChange = null }: {
  e: ExpertDetail; access: ExpertAccess; pendingChange?: PendingProfileChange | null;
}) {
  const rejected = e.status === "SUSPENDED" && e.source === "SELF" && !!e.reviewComment;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-2">
        <ExpertBadges status={e.status} libraryStatus={e.libraryStatus} stale={e.stale} isRetired={e.isRetired}
          shared={!access.own && !access.self && !access.approve && !access.viewPersonal} rejected={rejected} />
      </div>
      {e.status === "PENDING" && access.approve && (
        <Card title="注册审核">
          <p className="mb-3 text-sm text-slate-600">该专家于 {formatDateTime(e.createdAt)} 自助注册，请核实身份与资质后审核。</p>
          <ReviewPanel expertId={e.id} name={e.name} />
        </Card>
      )}
      {pendingChange && (access.approve || access.self || access.own) && (
        <Card title="信息变更待省级审核">
          <ProfileChangePanel change={pendingChange} canDecide={access.approve && !access.self} expertName={e.name} />
        </Card>
      )}
      {rejected && (
        <Card title="注册审核">
          <p className="text-sm text-red-700">注册未通过。原因：{e.reviewComment}</p>
        </Card>
      )}
      <MatchabilityCard m={e.matchability} />
      <Card title="基本信息">
        <DefinitionList items={[
          { label: "姓名", value: e.name },
          { label: "性别", value: GENDER_LABEL[e.gender] },
          { label: "出生年份", value: e.birthYear },
          { label: "职称", value: PROFESSIONAL_TITLE_LABEL[e.title] },
          { label: "工作单位", value: e.employer },
          { label: "所在地区", value: e.regionName },
          { label: "人才类别", value: join(e.talentCategories.map((c) => TALENT_CATEGORY_LABEL[c])) },
          { label: "重点联系专家库", value: `${LIBRARY_STATUS_LABEL[e.libraryStatus]}${e.libraryJoinedAt ? `（${formatDate(e.libraryJoinedAt)} 入库）` : ""}` },
          { label: "信息来源", value: SOURCE_LABEL[e.source] },
          { label: "最近确认", value: formatDate(e.lastConfirmedAt) },
          { label: "登录账号", value: e.user ? e.user.username : "未开通" },
        ]} />
      </Card>
      <Card title="专业领域">
        <DefinitionList items={[
          { label: "学科", value: join(e.disciplineNames) },
          { label: "行业", value: join(e.industryNames) },
          { label: "专长", value: join(e.skills) },
        ]} />
        {e.bio && <p className="mt-4 whitespace-pre-line text-sm text-slate-700">{e.bio}</p>}
      </Card>
      <Card title="服务意愿">
        <DefinitionList items={[
          { label: "服务形式", value: join(e.preferredForms.map((f) => SERVICE_FORM_LABEL[f])) },
          { label: "愿意服务的地区", value: e.serviceRegionNames.length ? join(e.serviceRegionNames) : "不限" },
          { label: "接受远程服务", value: e.acceptsRemote ? "是" : "否" },
          { label: "同时服务项目", value: `${e.activeEngagements} / ${e.maxConcurrent}` },
          { label: "跨地区共享", value: e.shareAcrossRegions ? "同意" : "不同意" },
          ...(e.isRetired ? [
            { label: "健康声明", value: e.healthAttestedAt ? `已声明（${formatDate(e.healthAttestedAt)}）` : "未声明" },
            { label: "自愿参加声明", value: e.consentAttestedAt ? `已声明（${formatDate(e.consentAttestedAt)}）` : "未声明" },
          ] : []),
        ]} />
      </Card>
      <Card title="联系方式">
        <PersonalDataPanel expertId={e.id} masked={e.personal} canReveal={access.viewPersonal} />
      </Card>
      <Card title="代表性成果">
        <AchievementsEditor expertId={e.id} items={e.achievements} editable={false} />
      </Card>
      <Card title="服务时段">
        <AvailabilityEditor expertId={e.id} editable={false}
          items={e.availability.map((a) => ({ ...a, startsOn: toDateString(a.startsOn), endsOn: toDateString(a.endsOn) }))} />
      </Card>
    </div>
  );
}
