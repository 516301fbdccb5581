"use client";
import { Button } from "@/components/ui/button";
import { DecisionForm } from "@/components/ui/decision-form";
import { FieldError } from "@/components/ui/field-error";
import { FormField, Input, Textarea } from "@/components/ui/form-field";
import { Outcome } from "@/components/ui/outcome";
import { useFormAction } from "@/components/ui/use-form-action";
import { activityFeedbackAction, evaluateAction } from "@/lib/activities/evaluation-actions";
import { LOW_ACTIVITY_RATING } from "@/lib/activities/evaluation-schemas";
import { EVALUATION_GRADE_LABEL } from "@/lib/labels";

export function EvaluationForm({ activityId, version, level }: { activityId: string; version: number; level: "PROVINCE" | "MINISTRY" }) {
  const evaluate = useFormAction(evaluateAction);
  const name = level === "PROVINCE" ? "省级评估" : "部级评估";
  if (evaluate.done) return <Outcome state={evaluate.state} />;
  return (
    <form onSubmit={evaluate.onSubmit} className="space-y-3" aria-label={name} noValidate>
      <input type="hidden" name="activityId" value={activityId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="level" value={level} />
      <fieldset aria-describedby={evaluate.fieldErrors.grade ? `${level}-grade-error` : undefined}>
        <legend className="text-sm font-medium text-slate-700">评估等次</legend>
        <div className="mt-1 flex flex-wrap gap-4">
          {Object.entries(EVALUATION_GRADE_LABEL).map(([value, label]) => (
            <label key={value} className="inline-flex items-center gap-2 text-sm"><input type="radio" name="grade" value={value} /> {label}</label>
          ))}
        </div>
        <FieldError id={`${level}-grade-error`} errors={evaluate.fieldErrors.grade} className="mt-1" />
      </fieldset>
      <FormField id={`${level}-score`} label="评估得分（0–100）" errors={evaluate.fieldErrors.score}>
        {(a) => <Input {...a} name="score" type="number" min={0} max={100} step={1} required />}
      </FormField>
      <FormField id={`${level}-comment`} label="评估意见（必填）" errors={evaluate.fieldErrors.comment}>
        {(a) => <Textarea {...a} name="comment" rows={4} maxLength={2000} required />}
      </FormField>
      <Button type="submit" disabled={evaluate.pending}>{evaluate.pending ? "正在提交…" : `提交${name}`}</Button>
      {evaluate.error && !Object.keys(evaluate.fieldErrors).length && <Outcome state={evaluate.state} />}
    </form>
  );
}

const RATINGS = [
  { value: 5, label: "5 分 · 非常满意" }, { value: 4, label: "4 分 · 满意" }, { value: 3, label: "3 分 · 一般" },
  { value: 2, label: "2 分 · 不太满意" }, { value: 1, label: "1 分 · 不满意" },
].map((r) => ({ ...r, reasonRequired: r.value <= LOW_ACTIVITY_RATING }));

export function ActivityFeedbackForm({ activityId }: { activityId: string }) {
  const give = useFormAction(activityFeedbackAction);
  if (give.done) return <Outcome state={give.state} success="评价已提交" />;
  return (
    <DecisionForm form={give} fields={{ activityId }} name="rating" legend="对本活动的评分" decisions={RATINGS}
      reason={{ id: "activity-feedback-comment", name: "comment", label: "评价意见", required: "请写明原因", maxLength: 1000 }}
      submit="提交评价" pendingLabel="正在提交…" formLabel="评价本活动" />
  );
}
