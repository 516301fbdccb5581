"use client";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { DecisionForm } from "@/components/ui/decision-form";
import { Outcome } from "@/components/ui/outcome";
import { useFormAction } from "@/components/ui/use-form-action";
import { cancelChallengeAction, confirmAcceptanceAction, submitChallengeAction, withdrawChallengeAction } from "@/lib/challenges/actions";

type Allowed = { submit: boolean; withdraw: boolean; cancel: boolean };

/** The enterprise's steps on its challenge: submit for publication, withdraw before it, cancel a draft. */
export function EnterpriseSteps({ challengeId, version, allowed }: { challengeId: string; version: number; allowed: Allowed }) {
  const submit = useFormAction(submitChallengeAction);
  const withdraw = useFormAction(withdrawChallengeAction);
  const cancel = useFormAction(cancelChallengeAction);
  const fields = { challengeId, version };
  if (!allowed.submit && !allowed.withdraw && !allowed.cancel) return null;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-start gap-2">
        {allowed.submit && <ConfirmButton form={submit} fields={fields} label="提交发榜" variant="primary" question="提交后由政府审核发榜，审核期间不能修改。确认提交？" confirm="确认提交" />}
        {allowed.withdraw && <ConfirmButton form={withdraw} fields={fields} label="撤回" question="撤回后题目回到草稿，可修改后重新提交。确认撤回？" confirm="确认撤回" />}
        {allowed.cancel && <ConfirmButton form={cancel} fields={fields} label="撤销题目" variant="danger" question="撤销后题目不能再提交。确认撤销？" confirm="确认撤销" tone="danger" />}
      </div>
      <Outcome state={submit.state ?? withdraw.state ?? cancel.state} />
    </div>
  );
}

/** The enterprise confirms the acceptance verdict or objects to it with a reason. */
export function ConfirmAcceptanceForm({ challengeId, version }: { challengeId: string; version: number }) {
  const form = useFormAction(confirmAcceptanceAction);
  return (
    <div className="space-y-2">
      <DecisionForm form={form} fields={{ challengeId, version }} name="decision" legend="对验收结论的意见" formLabel="确认验收结论"
        decisions={[{ value: "confirm", label: "确认验收结论" }, { value: "dispute", label: "提出异议", reasonRequired: true, danger: true }]}
        initial="confirm" reason={{ id: "confirm-reason", label: "意见", required: "提出异议时写明理由" }} submit="提交" pendingLabel="正在提交…" />
      {form.state?.ok && <Outcome state={form.state} />}
    </div>
  );
}
