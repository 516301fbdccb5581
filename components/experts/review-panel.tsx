"use client";
import { useActionState, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { approveExpertAction, rejectExpertAction } from "@/lib/experts/actions";

/** Approve or reject a self-registration; both ask for confirmation, rejection needs a reason. */
export function ReviewPanel({ expertId, name }: { expertId: string; name: string }) {
  const [approveState, approve] = useActionState(approveExpertAction, null);
  const [rejectState, reject] = useActionState(rejectExpertAction, null);
  const [pending, startTransition] = useTransition();
  const [mode, setMode] = useState<"idle" | "approve" | "reject">("idle");
  const done = approveState?.ok || rejectState?.ok;
  const error = (approveState && !approveState.ok && approveState.error) || (rejectState && !rejectState.ok && rejectState.error);
  const reasonErrors = rejectState && !rejectState.ok ? rejectState.fieldErrors?.reason : undefined;

  if (done) return <p role="status" className="text-sm text-emerald-800">{approveState?.ok ? "已审核通过，账号已开通。" : "已退回注册申请，申请人已收到通知。"}</p>;
  return (
    <div className="space-y-3">
      {mode === "idle" && (
        <div className="flex flex-wrap gap-2">
          <Button onClick={() => setMode("approve")}>审核通过</Button>
          <Button variant="secondary" onClick={() => setMode("reject")}>不予通过</Button>
        </div>
      )}
      {mode === "approve" && (
        <div className="flex flex-wrap items-center gap-2">
          <span className="text-sm text-slate-700">确认通过 {name} 的注册？通过后将开通专家账号。</span>
          <Button disabled={pending} onClick={() => startTransition(() => approve({ expertId }))}>确认通过</Button>
          <Button variant="ghost" onClick={() => setMode("idle")}>取消</Button>
        </div>
      )}
      {mode === "reject" && (
        <form className="space-y-2" onSubmit={(e) => {
          e.preventDefault();
          const form = new FormData(e.currentTarget);
          startTransition(() => reject(form));
        }}>
          <input type="hidden" name="expertId" value={expertId} />
          <FormField id="reason" label="不通过的原因（将告知申请人）" errors={reasonErrors}>
            {(a) => <textarea {...a} name="reason" rows={3} maxLength={500}
              className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-brand-600 focus:outline-none" />}
          </FormField>
          <div className="flex gap-2">
            <Button type="submit" variant="danger" disabled={pending}>确认不予通过</Button>
            <Button variant="ghost" onClick={() => setMode("idle")}>取消</Button>
          </div>
        </form>
      )}
      {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
    </div>
  );
}
