import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { toneOf } from "@/components/dashboard/state-tone";
import { BidForm } from "@/components/challenges/bid-form";
import { ChallengeFacts } from "@/components/challenges/challenge-facts";
import { ChallengeFiles } from "@/components/challenges/challenge-files";
import { MilestoneList } from "@/components/challenges/challenge-progress";
import { ReportMilestoneForm, ScoreBidForm, WithdrawBidButton } from "@/components/challenges/expert-panels";
import { requirePermission } from "@/lib/auth/session";
import { bidFormData, expertChallenge } from "@/lib/challenges/queries";
import { formatDate } from "@/lib/format";
import { BID_STATE_LABEL, CHALLENGE_STATE_LABEL } from "@/lib/labels";

export const metadata: Metadata = { title: "揭榜挂帅题目" };

// Published challenges only: anything else answers 404 whatever the id (expertChallenge reads the public board).
export default async function ExpertChallengePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePermission(`/expert/challenges/${id}`, "challenge.bid");
  const view = await expertChallenge(user, id);
  if (!view) notFound();
  const { challenge: c, myBid } = view;
  const form = view.canBid ? await bidFormData(user, c.id) : null;
  return (
    <div className="space-y-6">
      <PageHeader title={c.title} subtitle={<>{c.enterprise.name} · <Badge tone={toneOf(c.state)}>{CHALLENGE_STATE_LABEL[c.state]}</Badge></>} />
      <ChallengeFacts c={c} />
      <Card title="附件"><ChallengeFiles challengeId={c.id} items={view.files} editable={false} /></Card>
      {myBid && (
        <Card title="我的揭榜方案">
          <p className="text-sm"><Badge tone={toneOf(myBid.state)}>{BID_STATE_LABEL[myBid.state]}</Badge><span className="ml-2 text-slate-600">{formatDate(myBid.createdAt)} 提交</span></p>
          <p className="mt-2 text-sm text-slate-700">团队：{myBid.team}</p>
          <p className="mt-1 whitespace-pre-line text-sm text-slate-700">{myBid.proposal}</p>
          {c.state === "PUBLISHED" && (myBid.state === "SUBMITTED" || myBid.state === "SHORTLISTED") && <div className="mt-3"><WithdrawBidButton bidId={myBid.id} /></div>}
        </Card>
      )}
      {form && <Card title="揭榜"><BidForm challengeId={c.id} choices={form.choices} suggested={form.suggested} /></Card>}
      {!form && !myBid && c.state === "PUBLISHED" && view.me?.status !== "ACTIVE" && (
        <p role="note" className="text-sm text-slate-700">您的专家档案通过审核（进入专家库）后才能揭榜。</p>
      )}
      {view.bidsToReview.length > 0 && (
        <Card title="评审揭榜方案">
          <ul className="space-y-4" aria-label="待评审的揭榜方案">
            {view.bidsToReview.map((b) => (
              <li key={b.id} className="rounded-md p-3 ring-1 ring-slate-200">
                <p className="text-sm font-medium text-slate-900">{b.lead}团队（{b.employer}）</p>
                <p className="mt-1 text-sm text-slate-700">成员：{b.members.join("、") || "—"}</p>
                <p className="mt-1 whitespace-pre-line text-sm text-slate-700">{b.proposal}</p>
                <div className="mt-2"><ScoreBidForm bidId={b.id} lead={b.lead} mine={b.mine} /></div>
              </li>
            ))}
          </ul>
        </Card>
      )}
      {view.milestones.length > 0 && (
        <Card title="攻关里程碑">
          <MilestoneList milestones={view.milestones} action={view.lead && c.state === "AWARDED" ? (m) => m.state === "PLANNED" && <ReportMilestoneForm milestoneId={m.id} title={m.title} /> : undefined} />
        </Card>
      )}
    </div>
  );
}
