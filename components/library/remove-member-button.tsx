"use client";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { removeMemberAction } from "@/lib/library/actions";

/** 调出: the ministry takes a member out of the library, with a reason, after confirming. */
export function RemoveMemberButton({ expertId, expertName }: { expertId: string; expertName: string }) {
  const remove = useFormAction(removeMemberAction);
  if (remove.done) return <p role="status" className="text-sm text-emerald-800">已调出</p>;
  return (
    <ConfirmButton form={remove} fields={{ expertId }} label="调出" ariaLabel={`调出 ${expertName}`} variant="ghost" size="sm" compact
      reason={{ label: "调出原因", required: true }} question="确认将该专家调出重点联系专家库？" confirmAriaLabel={`确认调出 ${expertName}`} />
  );
}
