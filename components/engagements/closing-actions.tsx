"use client";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { FormField, inputClass } from "@/components/ui/form-field";
import { submitKeepingInput } from "@/components/ui/use-form-submit";
import { cancelAction, feedbackAction, finishAction } from "@/lib/engagements/actions";
import { fieldErrorsOf, Outcome } from "@/components/ui/outcome";

/** 结束服务 (either side), asked first; explains why it is not possible yet when records are missing or waiting. */
export function FinishButton({ engagementId, version, blocker }: { engagementId: string; version: number; blocker: string | null }) {
  const [state, finish, pending] = useActionState(finishAction, null);
  const [asking, setAsking] = useState(false);
  return (
    <div className="space-y-2">
      {!asking && <Button onClick={() => setAsking(true)} disabled={!!blocker}>结束服务</Button>}
      {blocker && <p className="text-sm text-slate-600">{blocker}</p>}
      {asking && (
        <form onSubmit={(e) => { submitKeepingInput(finish)(e); setAsking(false); }} className="space-y-2 rounded-md bg-amber-50 p-3 ring-1 ring-amber-200" aria-label="结束服务">
          <input type="hidden" name="engagementId" value={engagementId} />
          <input type="hidden" name="version" value={version} />
          <p className="text-sm text-amber-900">结束后不能再填写服务记录，双方评价后服务项目结束。确认结束服务？</p>
          <div className="flex gap-2">
            <Button type="submit" size="sm" disabled={pending}>确认结束</Button>
            <Button size="sm" variant="ghost" onClick={() => setAsking(false)}>取消</Button>
          </div>
        </form>
      )}
      <Outcome state={state} />
    </div>
  );
}

const RATINGS = [
  { value: 5, label: "5 分 · 非常满意" }, { value: 4, label: "4 分 · 满意" }, { value: 3, label: "3 分 · 一般" },
  { value: 2, label: "2 分 · 不太满意" }, { value: 1, label: "1 分 · 不满意" },
];

/** One side's rating (1–5) and comment; the comment is required for 2 points or fewer. Given once. */
export function FeedbackForm({ engagementId, about }: { engagementId: string; about: string }) {
  const [state, give, pending] = useActionState(feedbackAction, null);
  const [rating, setRating] = useState<number | null>(null);
  const errors = fieldErrorsOf(state);
  if (state?.ok) return <Outcome state={state} success="评价已提交" />;
  return (
    <form onSubmit={submitKeepingInput(give)} className="space-y-3" aria-label={`评价${about}`} noValidate>
      <input type="hidden" name="engagementId" value={engagementId} />
      <fieldset aria-describedby={errors.rating ? "rating-error" : undefined}>
        <legend className="text-sm font-medium text-slate-700">对{about}的评分</legend>
        <div className="mt-2 flex flex-wrap gap-4">
          {RATINGS.map((r) => (
            <label key={r.value} className="inline-flex items-center gap-2 text-sm">
              <input type="radio" name="rating" value={r.value} checked={rating === r.value} onChange={() => setRating(r.value)} /> {r.label}
            </label>
          ))}
        </div>
        {errors.rating && <p id="rating-error" className="mt-1 text-sm text-red-700">请选择评分</p>}
      </fieldset>
      <FormField id="feedback-comment" label={rating !== null && rating <= 2 ? "评价意见（必填，请写明原因）" : "评价意见（可选）"} errors={errors.comment}>
        {(a) => <textarea {...a} name="comment" rows={3} maxLength={1000} className={cn(inputClass, "min-h-20")} />}
      </FormField>
      <Button type="submit" disabled={pending}>{pending ? "正在提交…" : "提交评价"}</Button>
      {state && !state.ok && !Object.keys(errors).length && <Outcome state={state} />}
    </form>
  );
}

/** The province cancels with a reason, asked first (it cannot be undone). */
export function CancelForm({ engagementId, version }: { engagementId: string; version: number }) {
  const [state, cancel, pending] = useActionState(cancelAction, null);
  const [open, setOpen] = useState(false);
  const reasonError = fieldErrorsOf(state).reason;
  if (state?.ok) return <Outcome state={state} />;
  return (
    <div className="space-y-2">
      {!open && <Button variant="secondary" onClick={() => setOpen(true)}>取消服务项目</Button>}
      {open && (
        <form onSubmit={submitKeepingInput(cancel)} className="space-y-2 rounded-md bg-red-50 p-3 ring-1 ring-red-200" aria-label="取消服务项目" noValidate>
          <input type="hidden" name="engagementId" value={engagementId} />
          <input type="hidden" name="version" value={version} />
          <FormField id="cancel-reason" label="取消原因（将告知服务单位和专家）" errors={reasonError}>
            {(a) => <textarea {...a} name="reason" rows={2} maxLength={500} className={inputClass} />}
          </FormField>
          <p className="text-sm text-red-800">取消后服务项目终止，专家的服务名额释放，且不能恢复。</p>
          <div className="flex gap-2">
            <Button type="submit" variant="danger" size="sm" disabled={pending}>确认取消</Button>
            <Button size="sm" variant="ghost" onClick={() => setOpen(false)}>返回</Button>
          </div>
        </form>
      )}
      {state && !state.ok && !reasonError && <Outcome state={state} />}
    </div>
  );
}
