"use client";
import { Button } from "@/components/ui/button";
import { FormField, Input, Textarea } from "@/components/ui/form-field";
import { Outcome } from "@/components/ui/outcome";
import { useFormAction } from "@/components/ui/use-form-action";
import { scoreAction } from "@/lib/activities/review-actions";
import type { RubricCriterion } from "@/lib/activities/rubric";

/** Points for each criterion of the plan's rubric (0..weight) and the comment; submitted once. */
export function ScoreForm({ reviewId, version, rubric }: { reviewId: string; version: number; rubric: readonly RubricCriterion[] }) {
  const score = useFormAction(scoreAction);
  if (score.done) return <Outcome state={score.state} success="评分已提交" />;
  const errorOf = (key: string) => score.fieldErrors[`score.${key}`];
  return (
    <form onSubmit={score.onSubmit} className="space-y-4" aria-label="评分" noValidate>
      <input type="hidden" name="reviewId" value={reviewId} />
      <input type="hidden" name="version" value={version} />
      <div className="grid gap-3 sm:grid-cols-2">
        {rubric.map((c) => (
          <FormField key={c.key} id={`score-${c.key}`} label={`${c.label}（0–${c.weight} 分）`} errors={errorOf(c.key)}>
            {(a) => <Input {...a} name={`score.${c.key}`} type="number" inputMode="numeric" min={0} max={c.weight} step={1} required />}
          </FormField>
        ))}
      </div>
      <FormField id="score-comment" label="评审意见（必填）" errors={score.fieldErrors.comment} hint="请说明主要优点、不足和建议，将供遴选会参考。">
        {(a) => <Textarea {...a} name="comment" rows={4} maxLength={2000} required />}
      </FormField>
      <p className="text-sm text-slate-600">评分提交后不能修改。</p>
      <Button type="submit" disabled={score.pending}>{score.pending ? "正在提交…" : "提交评分"}</Button>
      {score.error && !Object.keys(score.fieldErrors).length && <Outcome state={score.state} />}
      {score.error && Object.keys(score.fieldErrors).length > 0 && <p role="alert" className="text-sm text-red-700">请检查评分和评审意见</p>}
    </form>
  );
}
