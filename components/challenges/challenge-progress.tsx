import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { toneOf } from "@/components/dashboard/state-tone";
import type { ChallengeDetail } from "@/lib/challenges/queries";
import { formatDate } from "@/lib/format";
import { BID_STATE_LABEL, MILESTONE_STATE_LABEL } from "@/lib/labels";

type Bid = ChallengeDetail["bids"][number];
type Milestone = ChallengeDetail["milestones"][number];

/** The bids: lead, team with roles, proposal, plan, reviewers' scores; `action` renders a bid's button (挂帅). */
export function BidList({ bids, action }: { bids: Bid[]; action?: (b: Bid) => ReactNode }) {
  if (!bids.length) return <p className="text-sm text-slate-600">暂无揭榜方案。</p>;
  return (
    <ul className="space-y-4" aria-label="揭榜方案">
      {bids.map((b) => (
        <li key={b.id} className="rounded-md p-3 ring-1 ring-slate-200">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p className="text-sm font-medium text-slate-900">
              {b.expert.name}团队<span className="ml-1 font-normal text-slate-600">（{b.expert.employer}）</span>
              <span className="ml-2"><Badge tone={toneOf(b.state)}>{BID_STATE_LABEL[b.state]}</Badge></span>
            </p>
            <span className="text-sm text-slate-700">
              {b.average === null ? "尚无评分" : `平均分 ${b.average}（${b.scores.length} 位评审）`}
            </span>
          </div>
          <p className="mt-1 text-sm text-slate-700">
            团队：{b.expert.name}（负责人）{b.members.map((m) => `、${m.expert.name}（${m.role}）`).join("")}
          </p>
          <p className="mt-2 whitespace-pre-line text-sm text-slate-700"><span className="font-medium">方案：</span>{b.proposal}</p>
          {b.plan && <p className="mt-1 whitespace-pre-line text-sm text-slate-700"><span className="font-medium">计划：</span>{b.plan}</p>}
          {b.scores.length > 0 && (
            <ul className="mt-2 space-y-1 text-sm text-slate-700" aria-label={`${b.expert.name}团队的评审意见`}>
              {b.scores.map((s, i) => <li key={i}>{s.reviewer.expert.name}：{s.score} 分，{s.comment}</li>)}
            </ul>
          )}
          {action && <div className="mt-2">{action(b)}</div>}
        </li>
      ))}
    </ul>
  );
}

/** The selected team's milestones with their checks; `action` renders a milestone's form (report, check). */
export function MilestoneList({ milestones, action }: { milestones: Milestone[]; action?: (m: Milestone) => ReactNode }) {
  if (!milestones.length) return <p className="text-sm text-slate-600">挂帅后按揭榜方案的里程碑推进。</p>;
  return (
    <ol className="space-y-3" aria-label="里程碑">
      {milestones.map((m) => (
        <li key={m.id} className="rounded-md p-3 ring-1 ring-slate-200">
          <p className="text-sm font-medium text-slate-900">
            {m.title}<span className="ml-2 font-normal text-slate-600">计划 {formatDate(m.dueOn)}</span>
            <span className="ml-2"><Badge tone={toneOf(m.state)}>{MILESTONE_STATE_LABEL[m.state]}</Badge></span>
          </p>
          {m.report && <p className="mt-1 text-sm text-slate-700">进展：{m.report}</p>}
          {m.checkComment && <p className="mt-1 text-sm text-slate-700">检查意见：{m.checkComment}</p>}
          {action && <div className="mt-2">{action(m)}</div>}
        </li>
      ))}
    </ol>
  );
}

/** The acceptance verdict, indicator by indicator. */
export function AcceptanceResult({ c }: { c: Pick<ChallengeDetail, "indicatorResults" | "acceptancePassed" | "acceptanceNote" | "acceptedAt" | "confirmedAt"> }) {
  if (c.acceptancePassed === null || !Array.isArray(c.indicatorResults)) return null;
  const results = c.indicatorResults as { indicator: string; met: boolean }[];
  return (
    <div className="space-y-2">
      <p className="text-sm">
        验收结论：<Badge tone={c.acceptancePassed ? "success" : "danger"}>{c.acceptancePassed ? "通过" : "未通过"}</Badge>
        <span className="ml-2 text-slate-600">{formatDate(c.acceptedAt)}{c.confirmedAt ? `，企业已于 ${formatDate(c.confirmedAt)} 确认` : "，待企业确认"}</span>
      </p>
      <ol className="list-decimal space-y-1 pl-5 text-sm text-slate-700" aria-label="技术指标验收情况">
        {results.map((r, i) => <li key={i}>{r.indicator}：{r.met ? "达到" : "未达到"}</li>)}
      </ol>
      {c.acceptanceNote && <p className="text-sm text-slate-700">验收意见：{c.acceptanceNote}</p>}
    </div>
  );
}
