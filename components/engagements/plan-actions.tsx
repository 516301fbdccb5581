"use client";
import { Button } from "@/components/ui/button";
import { ConfirmButton, useSteps } from "@/components/ui/confirm-button";
import { EnumSelect } from "@/components/ui/enum-select";
import { FieldError } from "@/components/ui/field-error";
import { FormField, Input, Textarea } from "@/components/ui/form-field";
import { Outcome } from "@/components/ui/outcome";
import { useFormAction } from "@/components/ui/use-form-action";
import { agreePlanAction, savePlanAction } from "@/lib/engagements/actions";
import type { EngagementType, ServiceForm } from "@/lib/generated/prisma/enums";
import { ENGAGEMENT_TYPE_LABEL, SERVICE_FORM_LABEL } from "@/lib/labels";

type Plan = {
  type: EngagementType; goals: string | null; schedule: string | null; place: string | null; deliverables: string | null;
  forms: ServiceForm[];
};

type Props = {
  engagementId: string;
  version: number;
  plan: Plan;
  canEdit: boolean;
  canAgree: boolean;
  /** The user's side has already agreed (to this version or an earlier one kept by their own edits). */
  agreed: boolean;
  /** What the plan still lacks before it can be agreed. */
  missing: string[];
};

/** Edit the work plan (either side) and agree to it (each side, asked first: both agreeing starts the service). */
export function PlanActions({ engagementId, version, plan, canEdit, canAgree, agreed, missing }: Props) {
  const save = useFormAction(savePlanAction);
  const agree = useFormAction(agreePlanAction);
  // The form stays open until a save succeeds.
  const editor = useSteps(save);
  const editing = editor.current === "edit";
  const errors = save.fieldErrors;

  return (
    <div className="mt-4 space-y-3 border-t border-slate-100 pt-4">
      {!editing && (canEdit || (canAgree && !agreed)) && (
        <div className="flex flex-wrap gap-2">
          {canEdit && <Button variant="secondary" onClick={() => editor.open("edit")} autoFocus={editor.refocus("edit")}>修改工作方案</Button>}
          {canAgree && !agreed && (
            <ConfirmButton form={agree} fields={{ engagementId, version }} label="同意工作方案" variant="primary" disabled={missing.length > 0}
              tone="brand" formLabel="同意工作方案" question="同意即表示按此方案开展服务。双方都同意后服务开始，方案不能再修改。确认同意？"
              confirm="确认同意" pendingLabel="正在提交…" />
          )}
        </div>
      )}
      {canAgree && !agreed && missing.length > 0 && !editing && (
        <p className="text-sm text-amber-800">工作方案尚缺{missing.join("、")}，补充后双方才能确认。</p>
      )}
      {agree.done && <Outcome state={agree.state} success="已同意工作方案" />}
      {editing && (
        <form onSubmit={save.onSubmit} className="space-y-4" aria-label="修改工作方案" noValidate>
          <input type="hidden" name="engagementId" value={engagementId} />
          <input type="hidden" name="version" value={version} />
          <p className="text-sm text-slate-600">保存后，对方此前的同意将失效，需要对方重新确认。</p>
          <FormField id="plan-type" label="服务类型" errors={errors.type}>
            {(a) => <EnumSelect {...a} name="type" defaultValue={plan.type} choices={ENGAGEMENT_TYPE_LABEL} />}
          </FormField>
          <FormField id="plan-goals" label="服务目标" errors={errors.planGoals}>
            {(a) => <Textarea {...a} name="planGoals" rows={3} maxLength={2000} defaultValue={plan.goals ?? ""} className="min-h-20" />}
          </FormField>
          <FormField id="plan-schedule" label="进度安排" errors={errors.planSchedule} hint="分阶段写明时间和工作内容">
            {(a) => <Textarea {...a} name="planSchedule" rows={4} maxLength={2000} defaultValue={plan.schedule ?? ""} className="min-h-24" />}
          </FormField>
          <fieldset aria-describedby={errors.planForms ? "plan-forms-error" : undefined}>
            <legend className="text-sm font-medium text-slate-700">服务形式</legend>
            <div className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-3">
              {Object.entries(SERVICE_FORM_LABEL).map(([k, v]) => (
                <label key={k} className="inline-flex items-center gap-2 text-sm">
                  <input type="checkbox" name="planForms" value={k} defaultChecked={plan.forms.includes(k as ServiceForm)} /> {v}
                </label>
              ))}
            </div>
            <FieldError id="plan-forms-error" errors={errors.planForms} className="mt-1" />
          </fieldset>
          <FormField id="plan-place" label="服务地点" errors={errors.planPlace}>
            {(a) => <Input {...a} name="planPlace" maxLength={200} defaultValue={plan.place ?? ""} />}
          </FormField>
          <FormField id="plan-deliverables" label="预期成果" errors={errors.planDeliverables} hint="如技术方案、培训人次、示范面积、总结报告">
            {(a) => <Textarea {...a} name="planDeliverables" rows={2} maxLength={1000} defaultValue={plan.deliverables ?? ""} className="min-h-16" />}
          </FormField>
          <div className="flex gap-2">
            <Button type="submit" disabled={save.pending}>{save.pending ? "正在保存…" : "保存工作方案"}</Button>
            <Button variant="ghost" onClick={editor.cancel}>收起</Button>
          </div>
        </form>
      )}
      <Outcome state={save.state} />
    </div>
  );
}
