"use client";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { FormField, inputClass, Select } from "@/components/ui/form-field";
import { submitKeepingInput } from "@/components/ui/use-form-submit";
import { agreePlanAction, savePlanAction } from "@/lib/engagements/actions";
import type { EngagementType, ServiceForm } from "@/lib/generated/prisma/enums";
import { ENGAGEMENT_TYPE_LABEL, SERVICE_FORM_LABEL } from "@/lib/labels";
import { fieldErrorsOf, Outcome } from "@/components/ui/outcome";

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
  const [saveState, save, saving] = useActionState(savePlanAction, null);
  const [agreeState, agree, agreeing] = useActionState(agreePlanAction, null);
  // The form stays open until a save succeeds (a new successful result closes it).
  const [openedWith, setOpenedWith] = useState<typeof saveState | "closed">("closed");
  const editing = openedWith !== "closed" && (saveState === openedWith || !saveState?.ok);
  const [asking, setAsking] = useState(false);
  const errors = fieldErrorsOf(saveState);

  return (
    <div className="mt-4 space-y-3 border-t border-slate-100 pt-4">
      {!editing && (
        <div className="flex flex-wrap gap-2">
          {canEdit && <Button variant="secondary" onClick={() => setOpenedWith(saveState)}>修改工作方案</Button>}
          {canAgree && !agreed && !asking && (
            <Button onClick={() => setAsking(true)} disabled={missing.length > 0}>同意工作方案</Button>
          )}
        </div>
      )}
      {canAgree && !agreed && missing.length > 0 && !editing && (
        <p className="text-sm text-amber-800">工作方案尚缺{missing.join("、")}，补充后双方才能确认。</p>
      )}
      {asking && !editing && (
        <form onSubmit={(e) => { submitKeepingInput(agree)(e); setAsking(false); }} className="space-y-2 rounded-md bg-brand-50 p-3 ring-1 ring-brand-100" aria-label="同意工作方案">
          <input type="hidden" name="engagementId" value={engagementId} />
          <input type="hidden" name="version" value={version} />
          <p className="text-sm text-slate-800">同意即表示按此方案开展服务。双方都同意后服务开始，方案不能再修改。确认同意？</p>
          <div className="flex gap-2">
            <Button type="submit" size="sm" disabled={agreeing}>{agreeing ? "正在提交…" : "确认同意"}</Button>
            <Button size="sm" variant="ghost" onClick={() => setAsking(false)}>取消</Button>
          </div>
        </form>
      )}
      <Outcome state={agreeState} success="已同意工作方案" />
      {editing && (
        <form onSubmit={submitKeepingInput(save)} className="space-y-4" aria-label="修改工作方案" noValidate>
          <input type="hidden" name="engagementId" value={engagementId} />
          <input type="hidden" name="version" value={version} />
          <p className="text-sm text-slate-600">保存后，对方此前的同意将失效，需要对方重新确认。</p>
          <FormField id="plan-type" label="服务类型" errors={errors.type}>
            {(a) => (
              <Select {...a} name="type" defaultValue={plan.type}>
                {Object.entries(ENGAGEMENT_TYPE_LABEL).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
              </Select>
            )}
          </FormField>
          <FormField id="plan-goals" label="服务目标" errors={errors.planGoals}>
            {(a) => <textarea {...a} name="planGoals" rows={3} maxLength={2000} defaultValue={plan.goals ?? ""} className={cn(inputClass, "min-h-20")} />}
          </FormField>
          <FormField id="plan-schedule" label="进度安排" errors={errors.planSchedule} hint="分阶段写明时间和工作内容">
            {(a) => <textarea {...a} name="planSchedule" rows={4} maxLength={2000} defaultValue={plan.schedule ?? ""} className={cn(inputClass, "min-h-24")} />}
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
            {errors.planForms && <p id="plan-forms-error" className="mt-1 text-sm text-red-700">{errors.planForms.join("；")}</p>}
          </fieldset>
          <FormField id="plan-place" label="服务地点" errors={errors.planPlace}>
            {(a) => <input {...a} name="planPlace" maxLength={200} defaultValue={plan.place ?? ""} className={inputClass} />}
          </FormField>
          <FormField id="plan-deliverables" label="预期成果" errors={errors.planDeliverables} hint="如技术方案、培训人次、示范面积、总结报告">
            {(a) => <textarea {...a} name="planDeliverables" rows={2} maxLength={1000} defaultValue={plan.deliverables ?? ""} className={cn(inputClass, "min-h-16")} />}
          </FormField>
          <div className="flex gap-2">
            <Button type="submit" disabled={saving}>{saving ? "正在保存…" : "保存工作方案"}</Button>
            <Button variant="ghost" onClick={() => setOpenedWith("closed")}>收起</Button>
          </div>
        </form>
      )}
      <Outcome state={saveState} />
    </div>
  );
}
