"use client";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { FormField, Input, Textarea } from "@/components/ui/form-field";
import { Outcome } from "@/components/ui/outcome";
import { useFormAction } from "@/components/ui/use-form-action";
import { completeAction, linkEngagementAction, progressAction, startAction } from "@/lib/activities/progress-actions";
import { SERVICE_FORM_LABEL } from "@/lib/labels";
import type { ServiceForm } from "@/lib/generated/prisma/enums";

export function StartButton({ activityId, version }: { activityId: string; version: number }) {
  const start = useFormAction(startAction);
  if (start.done) return <Outcome state={start.state} />;
  return (
    <ConfirmButton form={start} fields={{ activityId, version }} label="开始实施" variant="primary" tone="brand" formLabel="开始实施"
      question="开始实施后按月报送进展（每月至多一次）。确认开始？" confirm="确认开始" />
  );
}

export function LinkEngagementButton({ activityId, engagementId, label }: { activityId: string; engagementId: string; label: string }) {
  const link = useFormAction(linkEngagementAction);
  if (link.done) return <Outcome state={link.state} />;
  return (
    <form onSubmit={link.onSubmit} className="inline-flex flex-col items-end gap-1">
      <input type="hidden" name="activityId" value={activityId} />
      <input type="hidden" name="engagementId" value={engagementId} />
      <Button type="submit" size="sm" variant="secondary" disabled={link.pending} aria-label={`关联：${label}`}>关联</Button>
      {link.error && <Outcome state={link.state} />}
    </form>
  );
}

type Prefill = { expertsCount: number; serviceHours: number; serviceDays: number; peopleServed: number; peopleTrained: number; forms: ServiceForm[] };

const FIGURES: [keyof Omit<Prefill, "forms">, string][] = [
  ["expertsCount", "服务专家（人）"], ["serviceHours", "服务时长（小时）"], ["serviceDays", "服务天数（天）"],
  ["peopleServed", "服务人数（人次）"], ["peopleTrained", "培训人数（人次）"],
];

/** The month's short report, pre-filled from the confirmed service records (entered once, reused here). */
export function ProgressForm({ activityId, period, prefill }: { activityId: string; period: string; prefill: Prefill }) {
  const report = useFormAction(progressAction);
  if (report.done) return <Outcome state={report.state} />;
  return (
    <form onSubmit={report.onSubmit} className="space-y-3" aria-label={`报送 ${period} 进展`} noValidate>
      <input type="hidden" name="activityId" value={activityId} />
      <input type="hidden" name="period" value={period} />
      <div className="grid gap-3 sm:grid-cols-3">
        {FIGURES.map(([key, label]) => (
          <FormField key={key} id={`progress-${key}`} label={label} errors={report.fieldErrors[key]}>
            {(a) => <Input {...a} name={key} type="number" min={0} step={1} defaultValue={prefill[key]} />}
          </FormField>
        ))}
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">服务形式</legend>
        <div className="mt-1 flex flex-wrap gap-3">
          {(Object.keys(SERVICE_FORM_LABEL) as ServiceForm[]).map((f) => (
            <label key={f} className="inline-flex items-center gap-1 text-sm">
              <input type="checkbox" name="forms" value={f} defaultChecked={prefill.forms.includes(f)} /> {SERVICE_FORM_LABEL[f]}
            </label>
          ))}
        </div>
      </fieldset>
      <FormField id="progress-content" label="本期进展（简要）" errors={report.fieldErrors.content ?? report.fieldErrors.period}
        hint="简要说明本月服务内容、成效和下阶段安排，不超过 1000 字。">
        {(a) => <Textarea {...a} name="content" rows={3} maxLength={1000} required />}
      </FormField>
      <Button type="submit" disabled={report.pending}>{report.pending ? "正在报送…" : `报送 ${period} 进展`}</Button>
      {report.error && !Object.keys(report.fieldErrors).length && <Outcome state={report.state} />}
    </form>
  );
}

type Target = { indicator: string; target: number; unit: string };

export function CompleteForm({ activityId, version, targets }: { activityId: string; version: number; targets: Target[] }) {
  const complete = useFormAction(completeAction);
  if (complete.done) return <Outcome state={complete.state} />;
  return (
    <form onSubmit={complete.onSubmit} className="space-y-3" aria-label="提交总结，完成活动" noValidate>
      <input type="hidden" name="activityId" value={activityId} />
      <input type="hidden" name="version" value={version} />
      {targets.length > 0 && (
        <div className="grid gap-3 sm:grid-cols-2">
          {targets.map((t, i) => (
            <FormField key={i} id={`actual-${i}`} label={`${t.indicator}：实际完成（目标 ${t.target} ${t.unit}）`} errors={complete.fieldErrors[`actual.${i}`]}>
              {(a) => <Input {...a} name={`actual.${i}`} type="number" min={0} step="any" required />}
            </FormField>
          ))}
        </div>
      )}
      <FormField id="final-report" label="活动总结（必填）" errors={complete.fieldErrors.finalReport}>
        {(a) => <Textarea {...a} name="finalReport" rows={5} maxLength={5000} required />}
      </FormField>
      <Button type="submit" disabled={complete.pending}>{complete.pending ? "正在提交…" : "提交总结，完成活动"}</Button>
      {complete.error && <Outcome state={complete.state} />}
    </form>
  );
}
