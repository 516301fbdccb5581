import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Timeline } from "@/components/ui/timeline";
import { toneOf } from "@/components/dashboard/state-tone";
import { ChallengeFacts } from "@/components/challenges/challenge-facts";
import { ChallengeFiles } from "@/components/challenges/challenge-files";
import { AcceptanceResult, BidList, MilestoneList } from "@/components/challenges/challenge-progress";
import {
  AcceptanceForm, AssignReviewersForm, CheckMilestoneForm, CloseBiddingButton, SelectBidButton, VerifyForm, type ReviewerChoice,
} from "@/components/challenges/government-panels";
import type { ChallengeDetail } from "@/lib/challenges/queries";
import { CHALLENGE_STATE_LABEL } from "@/lib/labels";

type Allowed = { publish: boolean; close: boolean; assignReviewers: boolean; select: boolean; check: boolean; accept: boolean };

/** The government's page of a challenge (province, ministry): verify and publish, close, review, select, check, accept. */
export function ManageChallenge({ c, allowed, reviewers }: { c: ChallengeDetail; allowed: Allowed; reviewers: ReviewerChoice[] }) {
  const open = c.bids.filter((b) => b.state === "SUBMITTED" || b.state === "SHORTLISTED");
  return (
    <div className="space-y-6">
      <PageHeader title={c.title} subtitle={<>{c.enterprise.name} · <Badge tone={toneOf(c.state)}>{CHALLENGE_STATE_LABEL[c.state]}</Badge></>} />
      {allowed.publish && <Card title="审核发榜"><VerifyForm challengeId={c.id} version={c.version} /></Card>}
      {allowed.close && (
        <Card title="揭榜进行中">
          <p className="mb-3 text-sm text-slate-600">已收到 {open.length} 份揭榜方案。截止日期后或方案足够时，可截止揭榜并组织评审。</p>
          <CloseBiddingButton challengeId={c.id} version={c.version} />
        </Card>
      )}
      <ChallengeFacts c={c} />
      <Card title="附件"><ChallengeFiles challengeId={c.id} items={c.files} editable={false} /></Card>
      {c.state !== "SUBMITTED" && c.state !== "RETURNED" && c.state !== "CANCELLED" && (
        <Card title={`揭榜方案（${c.bids.length}）`}>
          {c.reviewers.length > 0 && <p className="mb-3 text-sm text-slate-700">评审专家：{c.reviewers.map((r) => `${r.expert.name}（${r.expert.employer}）`).join("、")}</p>}
          <BidList bids={c.bids} action={allowed.select ? (b) => (b.state === "SUBMITTED" || b.state === "SHORTLISTED") && (
            <SelectBidButton challengeId={c.id} version={c.version} bidId={b.id} lead={b.expert.name} />
          ) : undefined} />
        </Card>
      )}
      {allowed.assignReviewers && <Card title="分配评审专家（回避）"><AssignReviewersForm challengeId={c.id} choices={reviewers} /></Card>}
      {c.milestones.length > 0 && (
        <Card title="里程碑与中期检查">
          <MilestoneList milestones={c.milestones} action={allowed.check ? (m) => m.state === "REPORTED" && <CheckMilestoneForm milestoneId={m.id} title={m.title} /> : undefined} />
        </Card>
      )}
      {(allowed.accept || c.acceptancePassed !== null) && (
        <Card title="验收">
          <AcceptanceResult c={c} />
          {allowed.accept && (c.milestones.every((m) => m.state === "PASSED")
            ? <AcceptanceForm challengeId={c.id} version={c.version} indicators={c.indicators} />
            : <p className="text-sm text-slate-600">全部里程碑通过中期检查后，对照技术指标逐条验收。</p>)}
        </Card>
      )}
      <Card title="办理记录">
        <Timeline label="题目办理记录" items={c.events.map((e) => ({ key: e.id, at: e.createdAt, label: e.action, by: e.by, detail: e.comment }))} />
      </Card>
    </div>
  );
}
