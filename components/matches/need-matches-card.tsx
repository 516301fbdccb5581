import Link from "next/link";
import { toneOf } from "@/components/dashboard/state-tone";
import { AssignExpertForm, DecideApplicationForm, InviteButton, WithdrawMatchForm } from "@/components/matches/match-actions";
import { Deadline, Explanation, ScoreBar, ScoreParts } from "@/components/matches/score";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { getSessionUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { MATCH_SOURCE_LABEL, MATCH_STATE_LABEL, NEED_STATE_LABEL, PROFESSIONAL_TITLE_LABEL } from "@/lib/labels";
import { needMatchPanel, type NeedMatchPanel } from "@/lib/matches/queries";

// The 专家匹配 card on a need's page. The province (match.invite over the need's province) sees the engine's
// recommendations with their reasons, assigns by hand and acts on every match; the unit and the ministry see who has
// been invited and how they answered, read-only.

type MatchView = NeedMatchPanel["matches"][number];

function Seats({ seats }: { seats: NeedMatchPanel["seats"] }) {
  return (
    <span className="text-sm text-slate-600">
      计划 {seats.wanted} 人 · 已占 {seats.held} 人{seats.full && <span className="ml-1"><Badge tone="warning">名额已满</Badge></span>}
    </span>
  );
}

function Recommendations({ panel }: { panel: NeedMatchPanel }) {
  return (
    <section aria-labelledby="reco-heading" className="space-y-3">
      <h3 id="reco-heading" className="text-sm font-semibold text-slate-800">系统推荐</h3>
      {panel.recommendations.length === 0 ? (
        <EmptyState title="暂无可推荐的专家">可以在下方“手动指派”中按姓名查找专家；被排除的原因见下方说明。</EmptyState>
      ) : (
        <ol className="divide-y divide-slate-100 rounded-md ring-1 ring-slate-200" aria-label="推荐专家">
          {panel.recommendations.map((r, i) => (
            <li key={r.expert.id} className="flex flex-wrap items-start justify-between gap-3 px-3 py-3">
              <div className="min-w-0 flex-1 space-y-1">
                <p className="text-sm">
                  <span className="mr-2 text-slate-500">{i + 1}.</span>
                  <Link href={`/experts/${r.expert.id}`} className="font-medium text-brand-700 underline hover:text-brand-800">{r.expert.name}</Link>
                  <span className="ml-2 text-slate-600">{r.expert.employer} · {PROFESSIONAL_TITLE_LABEL[r.expert.title]} · {r.expert.place}</span>
                  {!r.expert.own && <span className="ml-2"><Badge>外省共享</Badge></span>}
                </p>
                <ScoreBar score={r.score} />
                <Explanation text={r.explanation} />
                <ScoreParts parts={r.parts} />
              </div>
              <div className="text-right">
                {r.invite.ok ? (
                  <InviteButton needId={panel.needId} expertId={r.expert.id} expertName={r.expert.name} />
                ) : (
                  <span className="inline-flex flex-col items-end gap-1">
                    <Button size="sm" variant="secondary" disabled aria-label={`邀请 ${r.expert.name}`} aria-describedby={`reco-why-${r.expert.id}`}>邀请</Button>
                    <span id={`reco-why-${r.expert.id}`} className="text-xs text-slate-600">{r.invite.reason}</span>
                  </span>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
      <p className="text-xs text-slate-600">
        检索到 {panel.candidates} 位候选专家
        {panel.filtered.length > 0 ? `，按硬性条件排除：${panel.filtered.map((f) => `${f.label} ${f.count} 位`).join("；")}` : "，无因硬性条件排除的专家"}。
        本省专家和开放跨区域共享的外省专家参与推荐。
      </p>
    </section>
  );
}

function MatchDetails({ m }: { m: MatchView }) {
  const notes = [
    m.assignReason && `指派理由：${m.assignReason}`,
    m.applyNote && `申请说明：${m.applyNote}`,
    m.offeredHours && `可投入 ${m.offeredHours} 小时`,
    m.declineReason && `婉拒原因：${m.declineReason}`,
    m.closeReason && `${m.state === "REJECTED" ? "不同意原因" : "撤回原因"}：${m.closeReason}`,
  ].filter(Boolean) as string[];
  return (
    <>
      {notes.map((n) => <p key={n} className="text-sm text-slate-700">{n}</p>)}
    </>
  );
}

function ProvinceMatches({ panel, now }: { panel: NeedMatchPanel; now: Date }) {
  return (
    <section aria-labelledby="matches-heading" className="space-y-3">
      <h3 id="matches-heading" className="text-sm font-semibold text-slate-800">邀请与申请</h3>
      {panel.matches.length === 0 ? (
        <p className="text-sm text-slate-600">尚未邀请专家。可从上方推荐中邀请，或手动指派。</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-md ring-1 ring-slate-200" aria-label="该需求的匹配记录">
          {panel.matches.map((m) => (
            <li key={m.id} className="space-y-1 px-3 py-3">
              <p className="flex flex-wrap items-center gap-2 text-sm">
                <Link href={`/experts/${m.expert.id}`} className="font-medium text-brand-700 underline hover:text-brand-800">{m.expert.name}</Link>
                <span className="text-slate-600">{m.expert.employer} · {PROFESSIONAL_TITLE_LABEL[m.expert.title]}</span>
                <Badge tone={toneOf(m.state)}>{MATCH_STATE_LABEL[m.state]}</Badge>
                <Badge>{MATCH_SOURCE_LABEL[m.source]}</Badge>
              </p>
              {m.score !== null && <ScoreBar score={m.score} />}
              <Explanation text={m.explanation} />
              <p className="text-xs text-slate-600">
                {m.invitedAt ? `邀请于 ${formatDateTime(m.invitedAt)}` : m.source === "EXPERT_APPLIED" ? "专家主动申请" : "尚未发出邀请"}
                {m.respondedAt && ` · 答复于 ${formatDateTime(m.respondedAt)}`}
              </p>
              {m.state === "INVITED" && (
                <p className="text-sm text-slate-700">答复期限：<Deadline respondBy={m.respondBy} now={now} /></p>
              )}
              <MatchDetails m={m} />
              {m.allowed.decide && <DecideApplicationForm matchId={m.id} version={m.version} expertName={m.expert.name} seatsFull={panel.seats.full} />}
              {m.allowed.withdraw && <WithdrawMatchForm matchId={m.id} version={m.version} expertName={m.expert.name} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ReadonlyMatches({ panel, now }: { panel: NeedMatchPanel; now: Date }) {
  if (panel.matches.length === 0) return <p className="text-sm text-slate-600">省级尚未邀请专家。需求发布后，省级将根据推荐结果邀请专家。</p>;
  return (
    <ul className="divide-y divide-slate-100" aria-label="该需求的匹配记录">
      {panel.matches.map((m) => (
        <li key={m.id} className="space-y-1 py-2 text-sm">
          <p className="flex flex-wrap items-center gap-2">
            <span className="font-medium text-slate-800">{m.expert.name}</span>
            <span className="text-slate-600">{m.expert.employer} · {PROFESSIONAL_TITLE_LABEL[m.expert.title]}</span>
            <Badge tone={toneOf(m.state)}>{MATCH_STATE_LABEL[m.state]}</Badge>
          </p>
          <p className="text-xs text-slate-600">
            {MATCH_SOURCE_LABEL[m.source]}
            {m.invitedAt && ` · 邀请于 ${formatDateTime(m.invitedAt)}`}
            {m.respondedAt && ` · 答复于 ${formatDateTime(m.respondedAt)}`}
            {m.offeredHours && ` · 可投入 ${m.offeredHours} 小时`}
          </p>
          {m.state === "INVITED" && <p className="text-xs text-slate-600">答复期限：<Deadline respondBy={m.respondBy} now={now} /></p>}
        </li>
      ))}
    </ul>
  );
}

export async function NeedMatchesCard({ needId }: { needId: string }) {
  const user = await getSessionUser();
  const panel = user ? await needMatchPanel(user, needId) : null;
  if (!panel) return null;
  // Nothing to show before the need is published, unless matches exist (a cancelled need keeps its history).
  if (!panel.invitable && panel.matches.length === 0) return null;
  const now = new Date();
  return (
    <Card title="专家匹配" action={<Seats seats={panel.seats} />}>
      {panel.mode === "province" ? (
        <div className="space-y-6">
          {panel.invitable ? <Recommendations panel={panel} /> : (
            <p className="text-sm text-slate-600">需求当前为“{NEED_STATE_LABEL[panel.needState]}”，不再邀请专家。</p>
          )}
          {panel.invitable && (
            <section aria-labelledby="assign-heading" className="space-y-2">
              <h3 id="assign-heading" className="text-sm font-semibold text-slate-800">手动指派</h3>
              <AssignExpertForm needId={panel.needId}
                disabledReason={panel.seats.full ? `名额已满（计划 ${panel.seats.wanted} 人），如需更换请先撤回一位。` : null} />
            </section>
          )}
          <ProvinceMatches panel={panel} now={now} />
        </div>
      ) : (
        <ReadonlyMatches panel={panel} now={now} />
      )}
    </Card>
  );
}
