import type { Metadata } from "next";
import Link from "next/link";
import { CompleteForm, LinkEngagementButton, ProgressForm, StartButton } from "@/components/activities-review/progress-forms";
import { toneOf } from "@/components/dashboard/state-tone";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { FormField, Input } from "@/components/ui/form-field";
import { PageHeader } from "@/components/ui/page-header";
import { loadInScope } from "@/lib/auth/load-in-scope";
import { formatDate } from "@/lib/format";
import { ACTIVITY_STATE_LABEL, ENGAGEMENT_STATE_LABEL, SERVICE_FORM_LABEL } from "@/lib/labels";
import { trackedInScopeFor, trackingPage } from "@/lib/activities/progress-queries";
import { firstValues, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "进展报送" };

export default async function ProgressPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const { id } = await params;
  const { user, record: a } = await loadInScope({ path: `/activities/${id}/progress`, ...trackedInScopeFor(id) });
  const { period } = await firstValues(searchParams);
  const t = await trackingPage(user, a, period);
  return (
    <>
      <PageHeader
        title={a.title}
        subtitle={<span className="inline-flex flex-wrap items-center gap-2"><Badge tone={toneOf(a.state)}>{ACTIVITY_STATE_LABEL[a.state]}</Badge>
          <span>跟踪问效：进展报送（每月至多一次）{a.startedAt ? ` · ${formatDate(a.startedAt)} 开始实施` : ""}</span></span>}
        actions={<>
          <Link href={`/activities/${a.id}`} className="text-sm text-brand-700 underline underline-offset-2">活动详情</Link>
          <Link href={`/activities/${a.id}/evaluation`} className="text-sm text-brand-700 underline underline-offset-2">评估与评价</Link>
        </>}
      />
      {t.can.start && (
        <Card title="开始实施" className="mb-6">
          <p className="mb-3 text-sm text-slate-600">活动已入选。开始实施后，关联的服务项目的服务记录计入本活动，并按月报送进展。</p>
          <StartButton activityId={a.id} version={a.version} />
        </Card>
      )}
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-3">
        <div className="min-w-0 space-y-6 xl:col-span-2">
          {t.can.report && (
            <Card title={`报送 ${t.period} 进展`}>
              <form method="get" className="mb-4 flex items-end gap-2" aria-label="选择报送月份">
                <FormField id="period" label="报送月份">{(f) => <Input {...f} name="period" type="month" defaultValue={t.period} />}</FormField>
                <Button type="submit" variant="secondary">切换月份</Button>
              </form>
              {t.periodReported ? (
                <p className="text-sm text-slate-600">{t.period} 的进展已报送。每月至多报送一次。</p>
              ) : (
                <>
                  <p className="mb-3 text-sm text-slate-600">
                    以下数字已根据关联服务项目在 {t.period} 已确认的服务记录（{t.prefill.records} 条）自动汇总，可核对后修改。
                  </p>
                  <ProgressForm key={t.period} activityId={a.id} period={t.period} prefill={t.prefill} />
                </>
              )}
            </Card>
          )}
          <Card title={`进展报告（${t.reports.length}）`}>
            <DataTable
              caption="进展报告"
              columns={[
                { header: "月份", className: "whitespace-nowrap", cell: (r) => r.period },
                { header: "进展", cell: (r) => <><p className="whitespace-pre-line">{r.content}</p><p className="mt-1 text-xs text-slate-600">{r.forms.map((f) => SERVICE_FORM_LABEL[f]).join("、")}</p></> },
                { header: "专家 / 时长 / 天数", className: "whitespace-nowrap", cell: (r) => `${r.expertsCount} 人 / ${r.serviceHours} 小时 / ${r.serviceDays} 天` },
                { header: "服务 / 培训", className: "whitespace-nowrap", cell: (r) => `${r.peopleServed} / ${r.peopleTrained} 人次` },
              ]}
              rows={t.reports}
              rowKey={(r) => r.id}
              empty={{ title: "尚未报送进展", body: "活动实施后按月报送，数字从服务记录自动汇总。" }}
            />
          </Card>
          {t.can.complete && (
            <Card title="提交总结，完成活动">
              <CompleteForm activityId={a.id} version={a.version} targets={t.targets} />
            </Card>
          )}
          {a.finalReport && (
            <Card title="活动总结">
              <p className="whitespace-pre-line text-sm text-slate-700">{a.finalReport}</p>
              <ul className="mt-3 list-disc pl-5 text-sm text-slate-700">
                {t.targets.map((x) => <li key={x.indicator}>{x.indicator}：目标 {x.target} {x.unit}，实际 {x.actual ?? "—"} {x.unit}</li>)}
              </ul>
            </Card>
          )}
        </div>
        <div className="min-w-0 space-y-6">
          <Card title={`关联的服务项目（${t.linked.length}）`}>
            {t.linked.length ? (
              <ul className="space-y-2 text-sm">
                {t.linked.map((e) => (
                  <li key={e.id}>
                    <Link href={`/engagements/${e.id}`} className="text-brand-700 underline-offset-2 hover:underline">{e.need}</Link>
                    <div className="text-xs text-slate-600">{e.unit} · 专家 {e.expert} · {ENGAGEMENT_STATE_LABEL[e.state]} · 已确认 {e.confirmedHours} 小时</div>
                  </li>
                ))}
              </ul>
            ) : <p className="text-sm text-slate-600">尚无关联的服务项目。</p>}
          </Card>
          {t.can.link && t.linkable.length > 0 && (
            <Card title="可关联的服务项目">
              <p className="mb-2 text-xs text-slate-600">本活动需求或申报单位需求下的服务项目；关联后其服务记录计入本活动。</p>
              <ul className="space-y-2 text-sm">
                {t.linkable.map((e) => (
                  <li key={e.id} className="flex items-start justify-between gap-2">
                    <span>{e.need}<span className="block text-xs text-slate-600">专家 {e.expert} · {ENGAGEMENT_STATE_LABEL[e.state]}</span></span>
                    <LinkEngagementButton activityId={a.id} engagementId={e.id} label={e.need} />
                  </li>
                ))}
              </ul>
            </Card>
          )}
        </div>
      </div>
    </>
  );
}
