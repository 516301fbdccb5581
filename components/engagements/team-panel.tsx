import Link from "next/link";
import { toneOf } from "@/components/dashboard/state-tone";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { TeamActions } from "@/components/engagements/team-actions";
import type { SessionUser } from "@/lib/auth/roles";
import { needTeam } from "@/lib/engagements/queries";
import { formatDateTime } from "@/lib/format";
import { ENGAGEMENT_STATE_LABEL, MATCH_SOURCE_LABEL, PROFESSIONAL_TITLE_LABEL } from "@/lib/labels";

/**
 * The need's expert team, on the need's page: experts who accepted and wait for the unit to confirm them (with why
 * they were matched and the time they offer), and confirmed experts with a link to their engagement. Nothing is
 * shown when there is no one yet or the user may not see the need's engagements.
 */
export async function TeamPanel({ user, needId }: { user: SessionUser; needId: string }) {
  const team = await needTeam(user, needId);
  if (!team || (!team.waiting.length && !team.confirmed.length)) return null;
  return (
    <Card title="专家团队" action={<span className="text-xs text-slate-600">计划 {team.expertsWanted} 名，已确认 {team.confirmed.length} 名</span>}>
      {team.waiting.length > 0 && (
        <section aria-labelledby="team-waiting" className="mb-4">
          <h3 id="team-waiting" className="text-sm font-medium text-slate-800">已接受邀请，待单位确认</h3>
          <ul className="mt-2 space-y-3">
            {team.waiting.map((m) => (
              <li key={m.matchId} className="rounded-md p-3 ring-1 ring-slate-200">
                <p className="text-sm">
                  <span className="font-medium text-slate-900">{m.name}</span>
                  <span className="ml-2 text-slate-600">{m.employer} · {PROFESSIONAL_TITLE_LABEL[m.title]}</span>
                </p>
                <p className="mt-1 text-xs text-slate-600">
                  {MATCH_SOURCE_LABEL[m.source]} · 匹配度 {Math.round(m.score * 100)} 分
                  {m.offeredHours ? ` · 可投入约 ${m.offeredHours} 小时` : ""}
                  {m.respondedAt ? ` · ${formatDateTime(m.respondedAt)} 接受` : ""}
                </p>
                {m.explanation && <p className="mt-1 text-sm text-slate-700">推荐理由：{m.explanation}</p>}
                {team.canDecide && <div className="mt-2"><TeamActions matchId={m.matchId} version={m.version} expertName={m.name} /></div>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {team.confirmed.length > 0 && (
        <section aria-labelledby="team-confirmed">
          <h3 id="team-confirmed" className="text-sm font-medium text-slate-800">已确认的专家</h3>
          <ul className="mt-2 divide-y divide-slate-100">
            {team.confirmed.map((m) => (
              <li key={m.matchId} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                <span>
                  <span className="font-medium text-slate-900">{m.name}</span>
                  <span className="ml-2 text-slate-600">{m.employer}</span>
                </span>
                {m.engagementId && m.engagementState && (
                  <span className="inline-flex items-center gap-2">
                    <Badge tone={toneOf(m.engagementState)}>{ENGAGEMENT_STATE_LABEL[m.engagementState]}</Badge>
                    <Link href={`/engagements/${m.engagementId}`} className="text-brand-700 underline-offset-2 hover:underline">查看服务项目<span className="sr-only">：{m.name}</span></Link>
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </Card>
  );
}
