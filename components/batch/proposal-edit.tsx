"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { addProposalAction, removeProposalAction } from "@/lib/batch/actions";

/** Take one expert out of the proposal (the row is a draft; the expert can be added again by hand). */
export function RemoveProposalButton({ matchId, expertName }: { matchId: string; expertName: string }) {
  const [state, remove, pending] = useActionState(removeProposalAction, null);
  return (
    <form action={remove} className="inline">
      <input type="hidden" name="matchId" value={matchId} />
      <Button type="submit" size="sm" variant="ghost" disabled={pending} aria-label={`移出 ${expertName}`}>
        {pending ? "正在移出…" : "移出"}
      </Button>
      {state && !state.ok && <p role="alert" className="mt-1 text-xs text-red-700">{state.error}</p>}
    </form>
  );
}

/** Put an expert found by the search into a need's proposal. */
export function AddProposalButton({ needId, expertId, expertName }: { needId: string; expertId: string; expertName: string }) {
  const [state, add, pending] = useActionState(addProposalAction, null);
  return (
    <form action={add} className="inline">
      <input type="hidden" name="needId" value={needId} />
      <input type="hidden" name="expertId" value={expertId} />
      <Button type="submit" size="sm" variant="secondary" disabled={pending} aria-label={`列入方案：${expertName}`}>
        {pending ? "正在列入…" : "列入方案"}
      </Button>
      {state && !state.ok && <p role="alert" className="mt-1 text-xs text-red-700">{state.error}</p>}
      {state?.ok && <p role="status" className="mt-1 text-xs text-emerald-700">{state.message}</p>}
    </form>
  );
}
