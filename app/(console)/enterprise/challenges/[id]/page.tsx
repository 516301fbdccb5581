import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Timeline } from "@/components/ui/timeline";
import { toneOf } from "@/components/dashboard/state-tone";
import { ChallengeFacts } from "@/components/challenges/challenge-facts";
import { ChallengeFiles } from "@/components/challenges/challenge-files";
import { ChallengeForm } from "@/components/challenges/challenge-form";
import { AcceptanceResult, BidList, MilestoneList } from "@/components/challenges/challenge-progress";
import { ConfirmAcceptanceForm, EnterpriseSteps } from "@/components/challenges/enterprise-actions";
import { loadInScope } from "@/lib/auth/load-in-scope";
import { chinaDate } from "@/lib/calendar/china-time";
import { challengeActions, challengeInScope } from "@/lib/challenges/queries";
import { CHALLENGE_STATE_LABEL } from "@/lib/labels";
import { disciplineOptions } from "@/lib/reference/queries";

export const metadata: Metadata = { title: "揭榜挂帅题目" };

export default async function EnterpriseChallengePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user, record: c } = await loadInScope({ path: `/enterprise/challenges/${id}`, ...challengeInScope(id) });
  const { enterprise: allowed } = challengeActions(user, c);
  const disciplines = allowed.edit ? await disciplineOptions() : [];
  return (
    <div className="space-y-6">
      <PageHeader title={c.title} subtitle={<><Badge tone={toneOf(c.state)}>{CHALLENGE_STATE_LABEL[c.state]}</Badge>{c.national ? " · 国家级题目" : ""}</>} />
      {c.state === "RETURNED" && c.returnReason && (
        <p role="note" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">退回修改意见：{c.returnReason}</p>
      )}
      <EnterpriseSteps challengeId={c.id} version={c.version} allowed={{ submit: allowed.submit, withdraw: allowed.withdraw, cancel: allowed.cancel }} />
      {allowed.confirm && (
        <Card title="确认验收结论">
          <AcceptanceResult c={c} />
          <div className="mt-4"><ConfirmAcceptanceForm challengeId={c.id} version={c.version} /></div>
        </Card>
      )}
      {allowed.edit ? (
        <ChallengeForm disciplines={disciplines} enterpriseName={c.enterprise.name} values={{
          challengeId: c.id, version: c.version, title: c.title, problem: c.problem, indicators: c.indicators, requirements: c.requirements,
          rewardYuan: c.rewardYuan, bidDeadline: c.bidDeadline ? chinaDate(c.bidDeadline) : "", ipTerms: c.ipTerms,
          disciplineCodes: c.disciplineCodes, national: c.national,
        }} />
      ) : <ChallengeFacts c={c} />}
      <Card title="附件"><ChallengeFiles challengeId={c.id} items={c.files} editable={allowed.edit} /></Card>
      {c.bids.length > 0 && <Card title={`揭榜方案（${c.bids.length}）`}><BidList bids={c.bids} /></Card>}
      {c.milestones.length > 0 && <Card title="攻关里程碑"><MilestoneList milestones={c.milestones} /></Card>}
      {!allowed.confirm && c.acceptancePassed !== null && <Card title="验收"><AcceptanceResult c={c} /></Card>}
      <Card title="办理记录">
        <Timeline label="题目办理记录" items={c.events.map((e) => ({ key: e.id, at: e.createdAt, label: e.action, by: e.by, detail: e.comment }))} />
      </Card>
    </div>
  );
}
