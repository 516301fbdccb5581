"use client";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/form-field";
import { submitKeepingInput } from "@/components/ui/use-form-submit";
import { confirmMembershipAction, leaveLibraryAction } from "@/lib/library/actions";

/** The member's own actions: the annual 确认信息仍然准确, and 申请退出 with a reason (confirmed first). */
export function MembershipActions({ expertId }: { expertId: string }) {
  const [confirmState, confirm, confirming] = useActionState(confirmMembershipAction, null);
  const [leaveState, leave, leaving] = useActionState(leaveLibraryAction, null);
  const [exitOpen, setExitOpen] = useState(false);
  const reasonError = leaveState && !leaveState.ok ? leaveState.fieldErrors?.reason?.join("；") : undefined;

  return (
    <div className="mt-4 space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <form action={confirm}>
          <input type="hidden" name="expertId" value={expertId} />
          <Button type="submit" disabled={confirming}>{confirming ? "提交中…" : "确认信息仍然准确"}</Button>
        </form>
        {!exitOpen && <Button variant="secondary" onClick={() => setExitOpen(true)}>申请退出</Button>}
      </div>
      {confirmState?.ok && <p role="status" className="text-sm text-emerald-800">{confirmState.message}</p>}
      {confirmState && !confirmState.ok && <p role="alert" className="text-sm text-red-700">{confirmState.error}</p>}
      {exitOpen && (
        <form onSubmit={submitKeepingInput(leave)} className="max-w-xl space-y-2 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200">
          <input type="hidden" name="expertId" value={expertId} />
          <label htmlFor="exit-reason" className="block text-sm font-medium text-slate-700">退出原因</label>
          <textarea id="exit-reason" name="reason" rows={3} maxLength={500} required className={inputClass}
            aria-invalid={reasonError ? true : undefined} aria-describedby={reasonError ? "exit-reason-error" : undefined} />
          {reasonError && <p id="exit-reason-error" className="text-sm text-red-700">{reasonError}</p>}
          <p className="text-sm text-slate-600">退出后不再作为重点联系专家；如需再次入库，须由省级重新推荐。</p>
          <div className="flex gap-2">
            <Button type="submit" variant="danger" disabled={leaving}>确认退出</Button>
            <Button variant="ghost" onClick={() => setExitOpen(false)}>取消</Button>
          </div>
          {leaveState && !leaveState.ok && <p role="alert" className="text-sm text-red-700">{leaveState.error}</p>}
        </form>
      )}
    </div>
  );
}
