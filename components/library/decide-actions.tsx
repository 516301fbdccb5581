"use client";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/form-field";
import { submitKeepingInput } from "@/components/ui/use-form-submit";
import { decideNominationAction } from "@/lib/library/actions";

/** 审定: opens a small form with the decision's reason, then 同意入库 or 不同意 (which needs a reason). */
export function DecideActions({ nominationId, expertName }: { nominationId: string; expertName: string }) {
  const [state, decide, pending] = useActionState(decideNominationAction, null);
  const [open, setOpen] = useState(false);
  const reasonId = `reason-${nominationId}`;
  const reasonError = state && !state.ok ? state.fieldErrors?.reason?.join("；") : undefined;

  if (state?.ok) {
    return <p role="status" className="text-sm text-emerald-800">{state.data.decision === "ADMIT" ? "已同意入库" : "已不同意入库"}</p>;
  }
  if (!open) {
    return <Button size="sm" onClick={() => setOpen(true)} aria-label={`审定 ${expertName}`}>审定</Button>;
  }
  return (
    <form onSubmit={submitKeepingInput(decide)} className="flex min-w-64 flex-col gap-2" aria-label={`审定 ${expertName} 的推荐`}>
      <input type="hidden" name="nominationId" value={nominationId} />
      <label htmlFor={reasonId} className="text-xs font-medium text-slate-700">审定意见（不同意时必填）</label>
      <textarea id={reasonId} name="reason" rows={2} maxLength={500} className={inputClass}
        aria-invalid={reasonError ? true : undefined} aria-describedby={reasonError ? `${reasonId}-error` : undefined} />
      {reasonError && <p id={`${reasonId}-error`} role="alert" className="text-xs text-red-700">{reasonError}</p>}
      <div className="flex flex-wrap gap-1">
        <Button type="submit" size="sm" name="decision" value="ADMIT" disabled={pending} aria-label={`同意 ${expertName} 入库`}>同意入库</Button>
        <Button type="submit" size="sm" variant="danger" name="decision" value="DECLINE" disabled={pending} aria-label={`不同意 ${expertName} 入库`}>不同意</Button>
        <Button size="sm" variant="ghost" onClick={() => setOpen(false)}>取消</Button>
      </div>
      {state && !state.ok && !reasonError && <p role="alert" className="text-xs text-red-700">{state.error}</p>}
    </form>
  );
}
