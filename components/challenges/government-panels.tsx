"use client";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { DecisionForm } from "@/components/ui/decision-form";
import { FieldError } from "@/components/ui/field-error";
import { FormField, Textarea } from "@/components/ui/form-field";
import { Outcome } from "@/components/ui/outcome";
import { useFormAction } from "@/components/ui/use-form-action";
import {
  acceptanceAction, assignReviewersAction, checkMilestoneAction, closeBiddingAction, selectBidAction, verifyChallengeAction,
} from "@/lib/challenges/actions";

/** 审核发榜 or 退回修改 with a reason. */
export function VerifyForm({ challengeId, version }: { challengeId: string; version: number }) {
  const form = useFormAction(verifyChallengeAction);
  return (
    <div className="space-y-2">
      <DecisionForm form={form} fields={{ challengeId, version }} name="decision" legend="审核结论" formLabel="审核发榜"
        decisions={[{ value: "publish", label: "审核通过并发榜" }, { value: "return", label: "退回修改", reasonRequired: true, danger: true }]}
        reason={{ id: "verify-reason", label: "意见", required: "退回时写明需要修改的内容" }} submit="提交审核结论" pendingLabel="正在提交…" />
      {form.state?.ok && <Outcome state={form.state} />}
    </div>
  );
}

export function CloseBiddingButton({ challengeId, version }: { challengeId: string; version: number }) {
  const form = useFormAction(closeBiddingAction);
  return (
    <div className="space-y-2">
      <ConfirmButton form={form} fields={{ challengeId, version }} label="截止揭榜" question="截止后不再接受新的揭榜方案，随后分配评审专家。确认截止？" confirm="确认截止" />
      {form.state?.ok && <Outcome state={form.state} />}
    </div>
  );
}

export type ReviewerChoice = { id: string; name: string; employer: string; recusal: string | null };

/** Pick reviewers from the pool; those who must recuse are listed with the reason and cannot be chosen. */
export function AssignReviewersForm({ challengeId, choices }: { challengeId: string; choices: ReviewerChoice[] }) {
  const form = useFormAction(assignReviewersAction);
  return (
    <form onSubmit={form.onSubmit} className="space-y-3" aria-label="分配评审专家" noValidate>
      <input type="hidden" name="challengeId" value={challengeId} />
      <fieldset aria-describedby={form.fieldErrors.expertIds ? "reviewers-error" : undefined}>
        <legend className="text-sm font-medium text-slate-700">评审专家（与出题企业、揭榜方同单位的专家和揭榜团队成员须回避）</legend>
        {choices.length === 0 ? <p className="mt-2 text-sm text-slate-600">专家库中暂无该领域的专家。</p> : (
          <ul className="mt-2 grid gap-1 sm:grid-cols-2">
            {choices.map((c) => (
              <li key={c.id}>
                <label className="inline-flex items-start gap-2 text-sm">
                  <input type="checkbox" name="expertIds" value={c.id} disabled={!!c.recusal} className="mt-1" />
                  <span>
                    {c.name}<span className="text-slate-600">（{c.employer}）</span>
                    {c.recusal && <span className="block text-xs text-amber-800">{c.recusal}</span>}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        )}
        <FieldError id="reviewers-error" errors={form.fieldErrors.expertIds} className="mt-1" />
      </fieldset>
      <Button type="submit" disabled={form.pending}>{form.pending ? "正在分配…" : "分配评审专家"}</Button>
      <Outcome state={form.state} />
    </form>
  );
}

export function SelectBidButton({ challengeId, version, bidId, lead }: { challengeId: string; version: number; bidId: string; lead: string }) {
  const form = useFormAction(selectBidAction);
  return (
    <div className="space-y-2">
      <ConfirmButton form={form} fields={{ challengeId, version, bidId }} label="选定（挂帅）" ariaLabel={`选定${lead}团队挂帅`} variant="primary" size="sm"
        question={`选定${lead}团队后，其他方案均为未选定，不能撤销。确认选定？`} confirm="确认选定" />
      {form.state?.ok && <Outcome state={form.state} />}
    </div>
  );
}

export function CheckMilestoneForm({ milestoneId, title }: { milestoneId: string; title: string }) {
  const form = useFormAction(checkMilestoneAction);
  return (
    <div className="space-y-2">
      <DecisionForm form={form} fields={{ milestoneId }} name="decision" legend={`中期检查：${title}`} formLabel={`中期检查：${title}`}
        decisions={[{ value: "pass", label: "检查通过" }, { value: "return", label: "退回补充", reasonRequired: true, danger: true }]}
        reason={{ id: `check-${milestoneId}`, label: "检查意见", required: "退回时写明需要补充的内容" }} submit="提交检查结论" pendingLabel="正在提交…" />
      {form.state?.ok && <Outcome state={form.state} />}
    </div>
  );
}

/** 验收: each stated indicator met or not; the verdict follows (通过 only when all are met). */
export function AcceptanceForm({ challengeId, version, indicators }: { challengeId: string; version: number; indicators: string[] }) {
  const form = useFormAction(acceptanceAction);
  return (
    <form onSubmit={form.onSubmit} className="space-y-3" aria-label="验收" noValidate>
      <input type="hidden" name="challengeId" value={challengeId} />
      <input type="hidden" name="version" value={version} />
      {indicators.map((x, i) => (
        <fieldset key={i} className="rounded-md p-2 ring-1 ring-slate-200">
          <legend className="px-1 text-sm font-medium text-slate-700">指标 {i + 1}：{x}</legend>
          <div className="flex gap-4 text-sm">
            <label className="inline-flex items-center gap-2"><input type="radio" name={`met-${i}`} value="yes" required /> 达到</label>
            <label className="inline-flex items-center gap-2"><input type="radio" name={`met-${i}`} value="no" /> 未达到</label>
          </div>
        </fieldset>
      ))}
      <FieldError errors={form.fieldErrors.met} />
      <FormField id="acceptance-note" label="验收意见" errors={form.fieldErrors.note}>
        {(a) => <Textarea {...a} name="note" rows={3} maxLength={1000} required />}
      </FormField>
      <Button type="submit" disabled={form.pending}>{form.pending ? "正在提交…" : "出具验收结论"}</Button>
      <Outcome state={form.state} />
    </form>
  );
}
