"use client";
import { useActionState, useState, useTransition } from "react";
import { Button, LinkButton } from "@/components/ui/button";
import { FormField, inputClass } from "@/components/ui/form-field";
import { cn } from "@/components/ui/cn";
import type { ActionResult } from "@/lib/actions/pipeline";
import { reviewNeedAction, submitNeedAction, withdrawNeedAction } from "@/lib/needs/actions";

type Allowed = { edit: boolean; submit: boolean; withdraw: boolean; review: boolean };

function Outcome({ state }: { state: ActionResult<unknown> | null }) {
  if (!state) return null;
  return state.ok ? (
    <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-emerald-200">{state.message ?? "已保存"}</p>
  ) : (
    <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-red-200">{state.error}</p>
  );
}

/** The unit's steps: edit, submit, withdraw (withdraw asks for confirmation first). */
export function UnitNeedActions({ needId, version, allowed }: { needId: string; version: number; allowed: Allowed }) {
  const [submitState, submit, submitting] = useActionState(submitNeedAction, null);
  const [withdrawState, withdraw, withdrawing] = useActionState(withdrawNeedAction, null);
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        {allowed.edit && <LinkButton href={`/needs/${needId}/edit`} variant="secondary">修改需求</LinkButton>}
        {allowed.submit && (
          <form action={submit}>
            <input type="hidden" name="needId" value={needId} />
            <input type="hidden" name="version" value={version} />
            <Button type="submit" disabled={submitting}>{submitting ? "正在提交…" : "提交审核"}</Button>
          </form>
        )}
        {allowed.withdraw && !confirming && <Button variant="ghost" onClick={() => setConfirming(true)}>撤销需求</Button>}
      </div>
      {allowed.withdraw && confirming && (
        <form action={withdraw} className="flex flex-wrap items-center gap-2 rounded-md bg-red-50 p-3 ring-1 ring-red-200" onSubmit={() => setConfirming(false)}>
          <input type="hidden" name="needId" value={needId} />
          <input type="hidden" name="version" value={version} />
          <span className="text-sm text-red-800">撤销后需求不再办理，且不能恢复。确认撤销？</span>
          <Button type="submit" variant="danger" size="sm" disabled={withdrawing}>确认撤销</Button>
          <Button size="sm" variant="secondary" onClick={() => setConfirming(false)}>取消</Button>
        </form>
      )}
      <Outcome state={submitState} />
      <Outcome state={withdrawState} />
    </div>
  );
}

/** The province's review: approve, return for revision or reject; a reason is required for the last two. */
export function ReviewNeedForm({ needId, version }: { needId: string; version: number }) {
  const [state, setState] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  const [decision, setDecision] = useState("approve");
  // onSubmit rather than a form action: React resets a form after its action, which would put the radio buttons
  // back to their first value while the label still says otherwise, and drop the reason just typed.
  function review(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => setState(await reviewNeedAction(null, form)));
  }
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const choices = [
    { value: "approve", label: "审核通过（发布，进入匹配）" },
    { value: "return", label: "退回修改" },
    { value: "reject", label: "不予通过" },
  ];
  return (
    <form onSubmit={review} className="space-y-3" noValidate>
      <input type="hidden" name="needId" value={needId} />
      <input type="hidden" name="version" value={version} />
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">审核结论</legend>
        <div className="mt-2 flex flex-wrap gap-4">
          {choices.map((c) => (
            <label key={c.value} className="inline-flex items-center gap-2 text-sm">
              <input type="radio" name="decision" value={c.value} checked={decision === c.value} onChange={() => setDecision(c.value)} /> {c.label}
            </label>
          ))}
        </div>
      </fieldset>
      <FormField id="reason" label={decision === "approve" ? "审核意见（可选）" : "审核意见（必填，将告知填报单位）"} errors={errors.reason}>
        {(a) => <textarea {...a} name="reason" maxLength={500} rows={3} className={cn(inputClass, "min-h-20")} />}
      </FormField>
      <Button type="submit" variant={decision === "approve" ? "primary" : "danger"} disabled={pending}>
        {pending ? "正在保存…" : "确认"}
      </Button>
      <Outcome state={state} />
    </form>
  );
}
