"use client";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { FormField, Input, Textarea } from "@/components/ui/form-field";
import { Outcome } from "@/components/ui/outcome";
import { useFormAction } from "@/components/ui/use-form-action";
import { reportMilestoneAction, scoreBidAction, withdrawBidAction } from "@/lib/challenges/actions";

export function WithdrawBidButton({ bidId }: { bidId: string }) {
  const form = useFormAction(withdrawBidAction);
  return (
    <div className="space-y-2">
      <ConfirmButton form={form} fields={{ bidId }} label="撤回揭榜方案" variant="danger" tone="danger" question="撤回后可重新揭榜（截止前）。确认撤回？" confirm="确认撤回" />
      {form.state?.ok && <Outcome state={form.state} />}
    </div>
  );
}

/** A reviewer's score (0–100) and opinion of one bid; may be changed until the selection. */
export function ScoreBidForm({ bidId, lead, mine }: { bidId: string; lead: string; mine: { score: number; comment: string } | null }) {
  const form = useFormAction(scoreBidAction);
  return (
    <form onSubmit={form.onSubmit} className="space-y-2" aria-label={`评审${lead}团队的方案`} noValidate>
      <input type="hidden" name="bidId" value={bidId} />
      <div className="grid gap-2 sm:grid-cols-4">
        <FormField id={`score-${bidId}`} label="评分（0—100）" errors={form.fieldErrors.score}>
          {(a) => <Input {...a} name="score" type="number" min={0} max={100} defaultValue={mine?.score ?? ""} required />}
        </FormField>
        <FormField id={`comment-${bidId}`} label="评审意见" errors={form.fieldErrors.comment} className="sm:col-span-3">
          {(a) => <Textarea {...a} name="comment" rows={2} maxLength={500} defaultValue={mine?.comment ?? ""} required />}
        </FormField>
      </div>
      <Button type="submit" size="sm" disabled={form.pending}>{form.pending ? "正在保存…" : mine ? "修改评分" : "提交评分"}</Button>
      <Outcome state={form.state} />
    </form>
  );
}

export function ReportMilestoneForm({ milestoneId, title }: { milestoneId: string; title: string }) {
  const form = useFormAction(reportMilestoneAction);
  return (
    <form onSubmit={form.onSubmit} className="space-y-2" aria-label={`报送进展：${title}`} noValidate>
      <input type="hidden" name="milestoneId" value={milestoneId} />
      <FormField id={`report-${milestoneId}`} label={`完成情况：${title}`} errors={form.fieldErrors.report}>
        {(a) => <Textarea {...a} name="report" rows={2} maxLength={1000} required />}
      </FormField>
      <Button type="submit" size="sm" disabled={form.pending}>{form.pending ? "正在报送…" : "报送进展"}</Button>
      <Outcome state={form.state} />
    </form>
  );
}
