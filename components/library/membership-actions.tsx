"use client";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { FieldError } from "@/components/ui/field-error";
import { useFormAction } from "@/components/ui/use-form-action";
import { confirmMembershipAction, leaveLibraryAction } from "@/lib/library/actions";

/** The member's own actions: the annual 确认信息仍然准确, and 申请退出 with a reason (confirmed first). */
export function MembershipActions({ expertId }: { expertId: string }) {
  const confirm = useFormAction(confirmMembershipAction);
  const leave = useFormAction(leaveLibraryAction);
  return (
    <div className="mt-4 max-w-xl space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <form action={confirm.action}>
          <input type="hidden" name="expertId" value={expertId} />
          <Button type="submit" disabled={confirm.pending}>{confirm.pending ? "提交中…" : "确认信息仍然准确"}</Button>
        </form>
        <ConfirmButton form={leave} fields={{ expertId }} label="申请退出" tone="neutral" reason={{ label: "退出原因", rows: 3, required: true }}
          question="退出后不再作为重点联系专家；如需再次入库，须由省级重新推荐。" confirm="确认退出" confirmVariant="danger" />
      </div>
      {confirm.state?.ok && <p role="status" className="text-sm text-emerald-800">{confirm.state.message}</p>}
      <FieldError errors={confirm.error} alert />
    </div>
  );
}
