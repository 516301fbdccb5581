"use client";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { FieldError } from "@/components/ui/field-error";
import { Outcome } from "@/components/ui/outcome";
import { useFormAction } from "@/components/ui/use-form-action";
import { assignReviewersAction, removeReviewerAction } from "@/lib/activities/review-actions";

export type Candidate = { userId: string; name: string; employer: string; province: string; recusal: string | null };

/** Pick reviewers from the search results; the service enforces recusal and the minimum of two. */
export function AssignReviewersForm({ activityId, candidates }: { activityId: string; candidates: Candidate[] }) {
  const assign = useFormAction(assignReviewersAction);
  return (
    <form onSubmit={assign.onSubmit} className="space-y-3" aria-label="分配评审专家" noValidate>
      <input type="hidden" name="activityId" value={activityId} />
      <fieldset aria-describedby={assign.fieldErrors.reviewerIds ? "reviewer-ids-error" : undefined}>
        <legend className="text-sm font-medium text-slate-700">选择评审专家</legend>
        <ul className="mt-2 divide-y divide-slate-100 rounded-md ring-1 ring-slate-200">
          {candidates.map((c) => (
            <li key={c.userId} className="flex flex-wrap items-center gap-2 px-3 py-2">
              <label className="inline-flex items-center gap-2 text-sm">
                <input type="checkbox" name="reviewerIds" value={c.userId} className="h-4 w-4" />
                <span className="font-medium">{c.name}</span>
              </label>
              <span className="text-xs text-slate-600">{c.employer} · {c.province}</span>
              {c.recusal && <Badge tone="warning">{c.recusal}</Badge>}
            </li>
          ))}
        </ul>
        <FieldError id="reviewer-ids-error" errors={assign.fieldErrors.reviewerIds} className="mt-1" />
      </fieldset>
      <Button type="submit" disabled={assign.pending}>{assign.pending ? "正在分配…" : "分配所选专家"}</Button>
      {(assign.done || (assign.error && !assign.fieldErrors.reviewerIds)) && <Outcome state={assign.state} />}
    </form>
  );
}

export function RemoveReviewerButton({ reviewId, name }: { reviewId: string; name: string }) {
  const remove = useFormAction(removeReviewerAction);
  if (remove.done) return <Outcome state={remove.state} />;
  return (
    <ConfirmButton form={remove} fields={{ reviewId }} label="撤销" ariaLabel={`撤销${name}的评审分配`} size="sm" compact
      question="撤销后该专家不再评审本申报。确认撤销？" confirm="确认撤销" formLabel={`撤销${name}的评审分配`} />
  );
}
