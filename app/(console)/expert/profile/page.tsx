import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ExpertBadges } from "@/components/experts/expert-badges";
import { ExpertEditor } from "@/components/experts/expert-editor";
import { MatchabilityCard } from "@/components/experts/matchability-card";
import { requirePermission } from "@/lib/auth/session";
import { profileFormOptions } from "@/lib/experts/form-options";
import { expertDetail, ownExpertId, pendingProfileChange } from "@/lib/experts/queries";
import { ProfileChangePanel } from "@/components/experts/profile-change-panel";
import { formatDate } from "@/lib/format";

export const metadata: Metadata = { title: "我的档案" };

export default async function MyProfilePage() {
  const user = await requirePermission("/expert/profile", "console.expert");
  const id = await ownExpertId(user.id);
  const e = id ? await expertDetail(id) : null;
  if (!e) {
    return (
      <>
        <PageHeader title="我的档案" />
        <EmptyState title="尚未建立专家档案">请联系所在省级人社部门完善您的专家信息。</EmptyState>
      </>
    );
  }
  const options = await profileFormOptions();
  const pendingChange = await pendingProfileChange(e.id);
  return (
    <>
      <PageHeader title="我的档案" subtitle={`最近确认：${formatDate(e.lastConfirmedAt)}。每次保存即确认档案信息有效（重点联系专家每年至少确认一次）。`} />
      <div className="space-y-6">
        <Card>
          <div className="flex flex-wrap items-center gap-3 text-sm text-slate-700">
            <span className="font-medium">{e.name}</span>
            <ExpertBadges status={e.status} libraryStatus={e.libraryStatus} stale={e.stale} isRetired={e.isRetired} />
          </div>
        </Card>
        {pendingChange && (
          <Card title="信息变更待省级审核">
            <ProfileChangePanel change={pendingChange} canDecide={false} expertName={e.name} />
          </Card>
        )}
        <MatchabilityCard m={e.matchability} />
        <ExpertEditor e={e} options={options} canViewPersonal cancelHref="/expert" selfEdit />
      </div>
    </>
  );
}
