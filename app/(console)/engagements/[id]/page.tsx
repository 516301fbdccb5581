import type { Metadata } from "next";
import Link from "next/link";
import { DefinitionList } from "@/components/dashboard/definition-list";
import { toneOf } from "@/components/dashboard/state-tone";
import { CancelForm, FeedbackForm, FinishButton } from "@/components/engagements/closing-actions";
import { Timeline } from "@/components/ui/timeline";
import { PlanActions } from "@/components/engagements/plan-actions";
import { RecordForm } from "@/components/engagements/record-form";
import { RecordList } from "@/components/engagements/record-list";
import { Explanation } from "@/components/matches/score";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { loadInScope } from "@/lib/auth/load-in-scope";
import { describeEngagement, engagementInScope, type EngagementDetail } from "@/lib/engagements/queries";
import { chinaDate } from "@/lib/calendar/china-time";
import { formatDate, formatDateTime } from "@/lib/format";
import {
  ENGAGEMENT_STATE_LABEL, ENGAGEMENT_TYPE_LABEL, FEEDBACK_PARTY_LABEL, MATCH_SOURCE_LABEL, NEED_STATE_LABEL,
  PROFESSIONAL_TITLE_LABEL, SERVICE_FORM_LABEL,
} from "@/lib/labels";

export const metadata: Metadata = { title: "服务项目" };

/** What happens next, in one sentence for the user's side. */
function nextStep(e: EngagementDetail): string | null {
  switch (e.state) {
    case "PLANNING":
      if (!e.party) return "双方正在商定工作方案。";
      return e.ownAgreement ? "您已同意工作方案，等待对方确认；对方修改方案后需要您重新确认。" : "请与对方商定工作方案，确认无误后点击“同意工作方案”。双方同意后服务开始。";
    case "ACTIVE":
      if (e.party === "EXPERT") return "每次服务后请填写服务记录，由服务单位确认。服务完成后可结束服务。";
      if (e.party === "UNIT") return "请及时确认专家填写的服务记录；服务完成后可结束服务。";
      return "服务进行中。";
    case "AWAITING_FEEDBACK":
      return e.allowed.feedback ? "服务已结束，请评价。双方评价后服务项目结束。" : "服务已结束，等待评价。";
    case "CLOSED":
      return "双方均已评价，服务项目已结束。";
    case "CANCELLED":
      return null;
  }
}

function Stars({ rating }: { rating: number }) {
  return <span aria-hidden="true" className="text-amber-600">{"★".repeat(rating)}<span className="text-slate-500">{"☆".repeat(5 - rating)}</span></span>;
}

export default async function EngagementPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user, record } = await loadInScope({ path: `/engagements/${id}`, ...engagementInScope(id) });
  const e = await describeEngagement(user, record);

  const today = chinaDate(new Date());
  const earliest = chinaDate(e.createdAt);
  const agreedLine = (at: Date | null) => (at ? `已同意（${formatDateTime(at)}）` : "尚未同意");
  const given = new Map(e.feedback.map((f) => [f.party, f]));
  const hint = nextStep(e);
  return (
    <>
      <PageHeader
        title={e.need.title}
        subtitle={
          <span className="inline-flex flex-wrap items-center gap-2">
            <span className="font-mono">{e.need.code}</span>
            <Badge tone={toneOf(e.state)}>{ENGAGEMENT_STATE_LABEL[e.state]}</Badge>
            <span>{ENGAGEMENT_TYPE_LABEL[e.type]} · 专家 {e.expert.name}</span>
          </span>
        }
      />
      {e.state === "CANCELLED" && (
        <p className="mb-6 rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200">
          <span className="font-medium">服务项目已取消。原因：</span>{e.cancelReason}
        </p>
      )}
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-3">
        <div className="min-w-0 space-y-6 xl:col-span-2">
          <Card title="概况">
            <DefinitionList
              items={[
                { label: "需求", value: e.need.readable ? <Link href={`/needs/${e.need.id}`} className="text-brand-700 underline-offset-2 hover:underline">{e.need.code} {e.need.title}</Link> : `${e.need.code} ${e.need.title}` },
                { label: "需求状态", value: NEED_STATE_LABEL[e.need.state] },
                { label: "服务单位", value: e.need.unit.name },
                { label: "服务地点", value: e.need.place },
                { label: "专家", value: `${e.expert.name}（${e.expert.employer} · ${PROFESSIONAL_TITLE_LABEL[e.expert.title]}）` },
                { label: "匹配方式", value: `${MATCH_SOURCE_LABEL[e.match.source]}${e.match.offeredHours ? ` · 专家可投入约 ${e.match.offeredHours} 小时` : ""}` },
                { label: "期望时间", value: e.need.windowStart || e.need.windowEnd ? `${formatDate(e.need.windowStart)} 至 ${formatDate(e.need.windowEnd)}` : "不限" },
                { label: "团队确认", value: formatDateTime(e.createdAt) },
              ]}
            />
            <Explanation text={e.match.explanation} className="mt-3" />
          </Card>

          <Card title="工作方案">
            <DefinitionList
              items={[
                { label: "服务类型", value: ENGAGEMENT_TYPE_LABEL[e.type] },
                { label: "服务形式", value: e.plan.forms.map((f) => SERVICE_FORM_LABEL[f]).join("、") || "—" },
                { label: "服务地点", value: e.plan.place || "—" },
                { label: "预期成果", value: e.plan.deliverables || "—" },
              ]}
            />
            <div className="mt-4 space-y-3 text-sm">
              <div>
                <h3 className="text-xs text-slate-600">服务目标</h3>
                <p className="mt-0.5 whitespace-pre-wrap text-slate-900">{e.plan.goals || "—"}</p>
              </div>
              <div>
                <h3 className="text-xs text-slate-600">进度安排</h3>
                <p className="mt-0.5 whitespace-pre-wrap text-slate-900">{e.plan.schedule || "—"}</p>
              </div>
            </div>
            <ul className="mt-4 space-y-1 text-sm" aria-label="方案确认情况">
              <li><span className="text-slate-600">服务单位：</span>{agreedLine(e.plan.agreedByUnitAt)}</li>
              <li><span className="text-slate-600">专家：</span>{agreedLine(e.plan.agreedByExpertAt)}</li>
            </ul>
            {(e.allowed.editPlan || e.allowed.agreePlan) && (
              <PlanActions
                engagementId={e.id}
                version={e.version}
                plan={{ type: e.type, goals: e.plan.goals, schedule: e.plan.schedule, place: e.plan.place, deliverables: e.plan.deliverables, forms: e.plan.forms }}
                canEdit={e.allowed.editPlan}
                canAgree={e.allowed.agreePlan}
                agreed={!!e.ownAgreement}
                missing={e.plan.missing}
              />
            )}
          </Card>

          <Card title="服务记录" action={<span className="text-xs text-slate-600">已确认 {e.totals.hours} 小时 · 服务 {e.totals.served} 人 · 培训 {e.totals.trained} 人</span>}>
            {e.records.length === 0 ? (
              <EmptyState title="尚无服务记录">
                {e.allowed.logRecord ? "每次服务后请在下方填写服务记录。" : e.state === "PLANNING" ? "工作方案商定后，专家开始填写服务记录。" : "专家填写服务记录后会显示在这里。"}
              </EmptyState>
            ) : (
              <RecordList
                records={e.records.map((r) => ({
                  ...r, start: r.startDate, end: r.endDate, startDate: chinaDate(r.startDate), endDate: chinaDate(r.endDate),
                }))}
                totals={e.totals}
                planForms={e.plan.forms}
                today={today}
                earliest={earliest}
              />
            )}
          </Card>

          {e.allowed.logRecord && (
            <Card title="填写服务记录">
              <RecordForm target={{ engagementId: e.id }} planForms={e.plan.forms} today={today} earliest={earliest} />
            </Card>
          )}

          {(e.state === "AWAITING_FEEDBACK" || e.state === "CLOSED" || e.feedback.length > 0) && (
            <Card title="评价">
              <div className="grid gap-4 sm:grid-cols-2">
                {(["UNIT", "EXPERT"] as const).map((party) => {
                  const f = given.get(party);
                  return (
                    <section key={party} aria-label={`${FEEDBACK_PARTY_LABEL[party]}的评价`} className="rounded-md p-3 ring-1 ring-slate-200">
                      <h3 className="text-sm font-medium text-slate-800">{FEEDBACK_PARTY_LABEL[party]}的评价</h3>
                      {f ? (
                        <div className="mt-2 space-y-1 text-sm">
                          <p><Stars rating={f.rating} /> <span className="ml-1">{f.rating} 分</span></p>
                          {f.answers.map((a) => <p key={a.key} className="text-slate-700">{a.label}：{a.text}</p>)}
                          {f.comment && <p className="whitespace-pre-wrap text-slate-800">{f.comment}</p>}
                          {f.questionnaireVersion && <p className="text-xs text-slate-600">问卷第 {f.questionnaireVersion} 版</p>}
                          <p className="text-xs text-slate-600">{f.authorName ?? FEEDBACK_PARTY_LABEL[party]} · {formatDateTime(f.at)}</p>
                        </div>
                      ) : e.allowed.feedback && e.party === party ? (
                        <div className="mt-2"><FeedbackForm engagementId={e.id} about={party === "UNIT" ? "专家服务" : "服务单位"} questions={e.questionnaire?.questions} /></div>
                      ) : (
                        <p className="mt-2 text-sm text-slate-600">尚未评价</p>
                      )}
                    </section>
                  );
                })}
              </div>
            </Card>
          )}
        </div>

        <div className="min-w-0 space-y-6">
          <Card title="办理">
            <div className="space-y-3">
              {hint && <p className="text-sm text-slate-700">{hint}</p>}
              {e.allowed.finish && <FinishButton engagementId={e.id} version={e.version} blocker={e.finishBlocker} />}
              {e.allowed.cancel && <CancelForm engagementId={e.id} version={e.version} />}
            </div>
          </Card>
          <Card title="服务过程">
            <Timeline label="服务过程" items={e.timeline} />
          </Card>
        </div>
      </div>
    </>
  );
}
