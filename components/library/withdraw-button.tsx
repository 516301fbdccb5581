"use client";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { withdrawNominationAction } from "@/lib/library/actions";

/** A province takes back its pending nomination, after confirming. */
export function WithdrawButton({ nominationId, expertName }: { nominationId: string; expertName: string }) {
  const [state, withdraw, pending] = useActionState(withdrawNominationAction, null);
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="flex flex-col items-end gap-1">
      {!confirming ? (
        <Button size="sm" variant="ghost" onClick={() => setConfirming(true)} aria-label={`撤回对 ${expertName} 的推荐`}>撤回</Button>
      ) : (
        <form action={withdraw} className="flex items-center gap-1" onSubmit={() => setConfirming(false)}>
          <input type="hidden" name="nominationId" value={nominationId} />
          <span className="text-xs text-slate-600">确认撤回？</span>
          <Button type="submit" size="sm" variant="danger" disabled={pending} aria-label={`确认撤回对 ${expertName} 的推荐`}>确认</Button>
          <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>取消</Button>
        </form>
      )}
      {state && !state.ok && <p role="alert" className="text-xs text-red-700">{state.error}</p>}
    </div>
  );
}
