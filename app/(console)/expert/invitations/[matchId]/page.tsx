import type { Metadata } from "next";
import { NeedMenuList, NeedProblem } from "@/components/needs/need-content";
import { DefinitionList } from "@/components/dashboard/definition-list";
import { toneOf } from "@/components/dashboard/state-tone";
import { RespondForm } from "@/components/matches/match-actions";
import { windowText } from "@/components/matches/need-summary";
import { Deadline, Explanation, ScoreBar } from "@/components/matches/score";
import { Badge } from "@/components/ui/badge";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { loadInScope } from "@/lib/auth/load-in-scope";
import { formatBytes, formatDate, formatDateTime } from "@/lib/format";
import { DELIVERY_MODE_LABEL, MATCH_SOURCE_LABEL, MATCH_STATE_LABEL, NEED_STATE_LABEL } from "@/lib/labels";
import { describeInvitation, invitationInScope } from "@/lib/matches/queries";
import { PRIORITY_FLAGS, PRIORITY_LABEL } from "@/lib/needs/schemas";

export const metadata: Metadata = { title: "邀请详情" };


export default async function InvitationDetailPage({ params }: { params: Promise<{ matchId: string }> }) {
  const { matchId } = await params;
  const { record } = await loadInScope({ path: `/expert/invitations/${matchId}`, ...invitationInScope(matchId) });
  const m = await describeInvitation(record);
  const now = new Date();
  const n = m.need;
  const priorities = PRIORITY_FLAGS.filter((f) => n[f]).map((f) => PRIORITY_LABEL[f]);
  const items = [
    { label: "来源", value: MATCH_SOURCE_LABEL[m.source] },
    { label: "匹配度", value: <ScoreBar score={m.score} /> },
    ...(m.invitedAt ? [{ label: "邀请时间", value: formatDateTime(m.invitedAt) }] : []),
    ...(m.state === "INVITED" ? [{ label: "答复期限", value: <Deadline respondBy={m.respondBy} now={now} /> }] : []),
    ...(m.respondedAt ? [{ label: "答复时间", value: formatDateTime(m.respondedAt) }] : []),
    ...(m.offeredHours ? [{ label: "可投入时间", value: `${m.offeredHours} 小时` }] : []),
    ...(m.applyNote ? [{ label: "申请说明", value: m.applyNote }] : []),
    ...(m.declineReason ? [{ label: "婉拒原因", value: m.declineReason }] : []),
    ...(m.closeReason ? [{ label: m.state === "REJECTED" ? "未通过原因" : "撤回原因", value: m.closeReason }] : []),
  ];
  return (
    <>
      <PageHeader
        title={n.title}
        subtitle={
          <span className="inline-flex flex-wrap items-center gap-2">
            <span className="font-mono">{n.code}</span>
            <Badge tone={toneOf(m.state)}>{MATCH_STATE_LABEL[m.state]}</Badge>
            <span>需求{NEED_STATE_LABEL[n.state]}</span>
          </span>
        }
        actions={<LinkButton href="/expert/invitations" variant="secondary">返回邀请列表</LinkButton>}
      />
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-3">
        <div className="min-w-0 space-y-6 xl:col-span-2">
          <Card title="需求信息">
            <DefinitionList
              items={[
                { label: "需求单位", value: n.unitName },
                { label: "服务地点", value: n.place },
                { label: "期望时间", value: windowText(n) },
                { label: "学科领域", value: n.disciplineNames.join("、") || "—" },
                { label: "所属行业", value: n.industryNames.join("、") || "—" },
                { label: "需要专家人数", value: `${n.expertsWanted} 名` },
                { label: "服务方式", value: DELIVERY_MODE_LABEL[n.delivery] },
                { label: "优先支持方向", value: priorities.length ? priorities.join("、") : "—" },
              ]}
            />
            <NeedProblem bottleneck={n.bottleneck} expectedOutcome={n.expectedOutcome} />
          </Card>
          <Card title="所点服务项目">
            <NeedMenuList items={n.menuDetails} />
          </Card>
          <Card title="附件">
            {m.attachments === null ? (
              <p className="text-sm text-slate-600">受邀期间及接受邀请后可查看需求附件。</p>
            ) : m.attachments.length === 0 ? (
              <p className="text-sm text-slate-600">暂无附件。</p>
            ) : (
              <ul className="divide-y divide-slate-100" aria-label="附件列表">
                {m.attachments.map((a) => (
                  <li key={a.id} className="py-2 text-sm">
                    <a href={`/api/attachments/${a.id}`} className="text-brand-700 underline hover:text-brand-800">{a.fileName}</a>
                    <span className="ml-2 text-xs text-slate-600">{formatBytes(a.sizeBytes)} · {formatDate(a.createdAt)}</span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
        <div className="min-w-0 space-y-6">
          <Card title={m.source === "EXPERT_APPLIED" ? "我的申请" : "邀请"}>
            <div className="space-y-3">
              <Explanation text={m.explanation} />
              {m.assignReason && <p className="text-sm text-slate-700"><span className="text-slate-500">省级指派理由：</span>{m.assignReason}</p>}
              <DefinitionList items={items} />
            </div>
          </Card>
          {m.state === "INVITED" && (
            <Card title="答复">
              {m.respondBy && m.respondBy < now ? (
                <p className="text-sm text-slate-600">已超过答复期限，邀请即将失效，名额将释放。</p>
              ) : (
                <RespondForm matchId={m.id} version={m.version} needTitle={n.title} />
              )}
            </Card>
          )}
        </div>
      </div>
    </>
  );
}
