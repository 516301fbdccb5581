"use client";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { approveExpertAction, rejectExpertAction } from "@/lib/experts/actions";

/** Approve or reject a self-registration; both ask for confirmation, rejection needs a reason. */
export function ReviewPanel({ expertId, name }: { expertId: string; name: string }) {
  const approve = useFormAction(approveExpertAction);
  const reject = useFormAction(rejectExpertAction);
  if (approve.done || reject.done) {
    return <p role="status" className="text-sm text-emerald-800">{approve.done ? "已审核通过，账号已开通。" : "已退回注册申请，申请人已收到通知。"}</p>;
  }
  return (
    <div className="flex flex-wrap gap-2">
      <ConfirmButton form={approve} fields={{ expertId }} label="审核通过" variant="primary" tone="neutral"
        question={`确认通过 ${name} 的注册？通过后将开通专家账号。`} confirm="确认通过" />
      <ConfirmButton form={reject} fields={{ expertId }} label="不予通过" tone="neutral" reason={{ label: "不通过的原因（将告知申请人）", rows: 3 }}
        confirm="确认不予通过" confirmVariant="danger" />
    </div>
  );
}
