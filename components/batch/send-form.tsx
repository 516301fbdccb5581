"use client";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import { useFormAction } from "@/components/ui/use-form-action";
import { SEND_FORM_ID } from "@/components/batch/form-ids";
import { sendProposalAction } from "@/lib/batch/actions";
import { MAX_BATCH_SEND } from "@/lib/batch/schemas";

const checkedBoxes = () => document.querySelectorAll<HTMLInputElement>(`input[type=checkbox][form="${SEND_FORM_ID}"][name="matchIds"]:checked`).length;

/**
 * Send invitations to the checked experts of the proposal (asks for confirmation first), then reports each row:
 * sent, or why not (a seat or a place taken meanwhile …). The row checkboxes belong to this form.
 */
export function SendProposalForm() {
  const send = useFormAction(sendProposalAction);
  const { state, pending } = send;
  const [confirming, setConfirming] = useState<number | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (confirming === null) return setConfirming(checkedBoxes());
    setConfirming(null);
    send.onSubmit(event);
  }

  return (
    <form id={SEND_FORM_ID} onSubmit={submit} noValidate className="space-y-3">
      {confirming === null ? (
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={pending} aria-busy={pending}>{pending ? "正在发送邀请…" : "向勾选的专家发送邀请"}</Button>
          <span className="text-xs text-slate-500">每份邀请单独办理，一份未成功不影响其他；单次最多 {MAX_BATCH_SEND} 份。</span>
        </div>
      ) : (
        <div className="flex flex-wrap items-center gap-2 rounded-md bg-amber-50 p-3 ring-1 ring-amber-200">
          <span className="text-sm text-amber-900">
            {confirming === 0 ? "尚未勾选任何专家。" : `将向勾选的 ${confirming} 位专家发出邀请，专家答复前各占用一个名额。确认发送？`}
          </span>
          {confirming > 0 && <Button type="submit" size="sm">确认发送</Button>}
          <Button size="sm" variant="secondary" onClick={() => setConfirming(null)}>{confirming > 0 ? "取消" : "返回"}</Button>
        </div>
      )}
      <FieldError errors={send.error && `${send.error}${send.fieldErrors.matchIds ? `：${send.fieldErrors.matchIds.join("；")}` : ""}`} alert />
      {state?.ok && (
        <div role="status" className="rounded-md bg-white p-3 text-sm ring-1 ring-slate-200">
          <p className="font-medium text-slate-800">已发出 {state.data.sent} 份邀请{state.data.failed ? `，${state.data.failed} 份未发出` : ""}</p>
          <ul className="mt-2 space-y-1" aria-label="发送结果">
            {state.data.results.map((r) => (
              <li key={r.matchId} className={r.ok ? "text-emerald-800" : "text-red-700"}>
                {r.ok ? "已发出" : "未发出"}：{r.expertName || "（已移出方案）"}{r.needCode && ` · ${r.needCode}「${r.needTitle}」`}
                {!r.ok && r.error && `——${r.error}`}
              </li>
            ))}
          </ul>
        </div>
      )}
    </form>
  );
}
