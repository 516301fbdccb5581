"use client";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/form-field";
import { submitKeepingInput } from "@/components/ui/use-form-submit";
import { removeMemberAction } from "@/lib/library/actions";

/** 调出: the ministry takes a member out of the library, with a reason, after confirming. */
export function RemoveMemberButton({ expertId, expertName }: { expertId: string; expertName: string }) {
  const [state, remove, pending] = useActionState(removeMemberAction, null);
  const [open, setOpen] = useState(false);
  const reasonId = `exit-reason-${expertId}`;
  const reasonError = state && !state.ok ? state.fieldErrors?.reason?.join("；") : undefined;
  if (state?.ok) return <p role="status" className="text-sm text-emerald-800">已调出</p>;
  if (!open) {
    return <Button size="sm" variant="ghost" onClick={() => setOpen(true)} aria-label={`调出 ${expertName}`}>调出</Button>;
  }
  return (
    <form onSubmit={submitKeepingInput(remove)} className="flex min-w-56 flex-col gap-1 text-left">
      <input type="hidden" name="expertId" value={expertId} />
      <label htmlFor={reasonId} className="text-xs font-medium text-slate-700">调出原因</label>
      <textarea id={reasonId} name="reason" rows={2} maxLength={500} required className={inputClass}
        aria-invalid={reasonError ? true : undefined} aria-describedby={reasonError ? `${reasonId}-error` : undefined} />
      {reasonError && <p id={`${reasonId}-error`} role="alert" className="text-xs text-red-700">{reasonError}</p>}
      <div className="flex items-center gap-1">
        <span className="text-xs text-slate-600">确认将该专家调出重点联系专家库？</span>
        <Button type="submit" size="sm" variant="danger" disabled={pending} aria-label={`确认调出 ${expertName}`}>确认</Button>
        <Button size="sm" variant="ghost" onClick={() => setOpen(false)}>取消</Button>
      </div>
      {state && !state.ok && !reasonError && <p role="alert" className="text-xs text-red-700">{state.error}</p>}
    </form>
  );
}
