"use client";
import { Button, LinkButton } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { DecisionForm } from "@/components/ui/decision-form";
import { Outcome } from "@/components/ui/outcome";
import { useFormAction } from "@/components/ui/use-form-action";
import { reviewNeedAction, submitNeedAction, withdrawNeedAction } from "@/lib/needs/actions";

type Allowed = { edit: boolean; submit: boolean; withdraw: boolean; review: boolean };

/** The unit's steps: edit, submit, withdraw (withdraw asks for confirmation first). */
export function UnitNeedActions({ needId, version, allowed }: { needId: string; version: number; allowed: Allowed }) {
  const submit = useFormAction(submitNeedAction);
  const withdraw = useFormAction(withdrawNeedAction);
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        {allowed.edit && <LinkButton href={`/needs/${needId}/edit`} variant="secondary">修改需求</LinkButton>}
        {allowed.submit && (
          <form action={submit.action}>
            <input type="hidden" name="needId" value={needId} />
            <input type="hidden" name="version" value={version} />
            <Button type="submit" disabled={submit.pending}>{submit.pending ? "正在提交…" : "提交审核"}</Button>
          </form>
        )}
        {allowed.withdraw && (
          <ConfirmButton form={withdraw} fields={{ needId, version }} label="撤销需求" variant="ghost"
            question="撤销后需求不再办理，且不能恢复。确认撤销？" confirm="确认撤销" />
        )}
      </div>
      <Outcome state={submit.state} />
      {withdraw.done && <Outcome state={withdraw.state} />}
    </div>
  );
}

/** The province's review: approve, return for revision or reject; a reason is required for the last two. */
export function ReviewNeedForm({ needId, version }: { needId: string; version: number }) {
  const review = useFormAction(reviewNeedAction);
  return (
    <>
      <DecisionForm form={review} fields={{ needId, version }} name="decision" legend="审核结论" initial="approve"
        decisions={[
          { value: "approve", label: "审核通过（发布，进入匹配）" },
          { value: "return", label: "退回修改", reasonRequired: true, danger: true },
          { value: "reject", label: "不予通过", reasonRequired: true, danger: true },
        ]}
        reason={{ id: "reason", label: "审核意见", required: "将告知填报单位" }}
        submit="确认" pendingLabel="正在保存…" />
      {review.done && <Outcome state={review.state} />}
    </>
  );
}
