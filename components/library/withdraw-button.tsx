"use client";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { withdrawNominationAction } from "@/lib/library/actions";

/** A province takes back its pending nomination, after confirming. */
export function WithdrawButton({ nominationId, expertName }: { nominationId: string; expertName: string }) {
  const withdraw = useFormAction(withdrawNominationAction);
  return (
    <ConfirmButton form={withdraw} fields={{ nominationId }} label="撤回" ariaLabel={`撤回对 ${expertName} 的推荐`} variant="ghost" size="sm"
      compact question="确认撤回？" confirmAriaLabel={`确认撤回对 ${expertName} 的推荐`} />
  );
}
