"use client";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { decideNominationAction } from "@/lib/library/actions";

/** 审定: opens a small form with the decision's reason, then 同意入库 or 不同意 (which needs a reason). */
export function DecideActions({ nominationId, expertName }: { nominationId: string; expertName: string }) {
  const decide = useFormAction(decideNominationAction);
  if (decide.state?.ok) {
    return <p role="status" className="text-sm text-emerald-800">{decide.state.data.decision === "ADMIT" ? "已同意入库" : "已不同意入库"}</p>;
  }
  return (
    <ConfirmButton form={decide} fields={{ nominationId }} label="审定" ariaLabel={`审定 ${expertName}`} variant="primary" size="sm" compact
      formLabel={`审定 ${expertName} 的推荐`} reason={{ label: "审定意见（不同意时必填）" }}
      confirm={[
        { label: "同意入库", value: "ADMIT", ariaLabel: `同意 ${expertName} 入库`, variant: "primary" },
        { label: "不同意", value: "DECLINE", ariaLabel: `不同意 ${expertName} 入库`, variant: "danger" },
      ]} />
  );
}
