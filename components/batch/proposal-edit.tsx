"use client";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import { useFormAction } from "@/components/ui/use-form-action";
import { addProposalAction, removeProposalAction } from "@/lib/batch/actions";

/** Take one expert out of the proposal (the row is a draft; the expert can be added again by hand). */
export function RemoveProposalButton({ matchId, expertName }: { matchId: string; expertName: string }) {
  const remove = useFormAction(removeProposalAction);
  return (
    <form action={remove.action} className="inline">
      <input type="hidden" name="matchId" value={matchId} />
      <Button type="submit" size="sm" variant="ghost" disabled={remove.pending} aria-label={`移出 ${expertName}`}>
        {remove.pending ? "正在移出…" : "移出"}
      </Button>
      <FieldError errors={remove.error} alert compact className="mt-1" />
    </form>
  );
}

/** Put an expert found by the search into a need's proposal. */
export function AddProposalButton({ needId, expertId, expertName }: { needId: string; expertId: string; expertName: string }) {
  const add = useFormAction(addProposalAction);
  return (
    <form action={add.action} className="inline">
      <input type="hidden" name="needId" value={needId} />
      <input type="hidden" name="expertId" value={expertId} />
      <Button type="submit" size="sm" variant="secondary" disabled={add.pending} aria-label={`列入方案：${expertName}`}>
        {add.pending ? "正在列入…" : "列入方案"}
      </Button>
      <FieldError errors={add.error} alert compact className="mt-1" />
      {add.state?.ok && <p role="status" className="mt-1 text-xs text-emerald-700">{add.state.message}</p>}
    </form>
  );
}
