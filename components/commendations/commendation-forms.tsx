"use client";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { DecisionForm } from "@/components/ui/decision-form";
import { FormField, Textarea } from "@/components/ui/form-field";
import { Outcome } from "@/components/ui/outcome";
import { useFormAction } from "@/components/ui/use-form-action";
import { decideCommendationAction, nominateAction, withdrawCommendationAction } from "@/lib/commendations/actions";

export function NominateForm({ expertId, year }: { expertId: string; year: number }) {
  const form = useFormAction(nominateAction);
  const done = form.state?.ok ? form.state.data : null;
  if (done) {
    return (
      <div className="space-y-2">
        <Outcome state={form.state} />
        <Link href={`/commendations/${done.id}`} className="text-sm text-brand-700 underline">查看表彰推荐</Link>
      </div>
    );
  }
  return (
    <form onSubmit={form.onSubmit} className="space-y-4" aria-label="推荐表彰" noValidate>
      <input type="hidden" name="expertId" value={expertId} />
      <input type="hidden" name="year" value={year} />
      <FormField id="nominate-reason" label="推荐理由（必填，至少 10 个字）" errors={form.fieldErrors.reason}>
        {(a) => <Textarea {...a} name="reason" rows={4} maxLength={1000} required />}
      </FormField>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="priority" value="1" /> 同时列入人才项目优先推荐名单（优先推荐）
      </label>
      <Button type="submit" disabled={form.pending}>{form.pending ? "正在提交…" : "提交表彰推荐"}</Button>
      <Outcome state={form.state?.ok ? null : form.state} />
    </form>
  );
}

const DECISIONS = [
  { value: "approve", label: "批准" },
  { value: "reject", label: "不批准", reasonRequired: true, danger: true },
];

export function DecideForm({ commendationId, version }: { commendationId: string; version: number }) {
  const form = useFormAction(decideCommendationAction);
  if (form.done) return <Outcome state={form.state} />;
  return (
    <DecisionForm form={form} fields={{ commendationId, version }} name="decision" legend="审定结果" decisions={DECISIONS}
      reason={{ id: "commendation-decision", label: "审定意见", required: "不批准时请写明原因" }}
      submit="提交审定" pendingLabel="正在提交…" formLabel="审定表彰推荐" />
  );
}

export function WithdrawForm({ commendationId, version }: { commendationId: string; version: number }) {
  const form = useFormAction(withdrawCommendationAction);
  if (form.done) return <Outcome state={form.state} />;
  return (
    <ConfirmButton form={form} fields={{ commendationId, version }} label="撤回推荐" formLabel="撤回表彰推荐"
      reason={{ label: "撤回原因" }} question="撤回后部级不再审定该推荐；本年度可重新推荐。" confirm="确认撤回" cancelLabel="返回" tone="warning" />
  );
}
