"use client";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { DecisionForm } from "@/components/ui/decision-form";
import { Outcome } from "@/components/ui/outcome";
import { useFormAction } from "@/components/ui/use-form-action";
import { cancelAction, feedbackAction, finishAction } from "@/lib/engagements/actions";
import { LOW_RATING } from "@/lib/engagements/schemas";

/** 结束服务 (either side), asked first; explains why it is not possible yet when records are missing or waiting. */
export function FinishButton({ engagementId, version, blocker }: { engagementId: string; version: number; blocker: string | null }) {
  const finish = useFormAction(finishAction);
  return (
    <div className="space-y-2">
      <ConfirmButton form={finish} fields={{ engagementId, version }} label="结束服务" variant="primary" disabled={!!blocker}
        tone="warning" formLabel="结束服务" question="结束后不能再填写服务记录，双方评价后服务项目结束。确认结束服务？" confirm="确认结束" />
      {blocker && <p className="text-sm text-slate-600">{blocker}</p>}
      {finish.done && <Outcome state={finish.state} />}
    </div>
  );
}

const RATINGS = [
  { value: 5, label: "5 分 · 非常满意" }, { value: 4, label: "4 分 · 满意" }, { value: 3, label: "3 分 · 一般" },
  { value: 2, label: "2 分 · 不太满意" }, { value: 1, label: "1 分 · 不满意" },
].map((r) => ({ ...r, reasonRequired: r.value <= LOW_RATING }));

/** One side's rating (1–5) and comment; the comment is required for 2 points or fewer. Given once. */
export function FeedbackForm({ engagementId, about }: { engagementId: string; about: string }) {
  const give = useFormAction(feedbackAction);
  if (give.done) return <Outcome state={give.state} success="评价已提交" />;
  return (
    <DecisionForm form={give} fields={{ engagementId }} name="rating" legend={`对${about}的评分`} decisions={RATINGS}
      reason={{ id: "feedback-comment", name: "comment", label: "评价意见", required: "请写明原因", maxLength: 1000 }}
      submit="提交评价" pendingLabel="正在提交…" formLabel={`评价${about}`} />
  );
}

/** The province cancels with a reason, asked first (it cannot be undone). */
export function CancelForm({ engagementId, version }: { engagementId: string; version: number }) {
  const cancel = useFormAction(cancelAction);
  if (cancel.done) return <Outcome state={cancel.state} />;
  return (
    <ConfirmButton form={cancel} fields={{ engagementId, version }} label="取消服务项目" formLabel="取消服务项目"
      reason={{ label: "取消原因（将告知服务单位和专家）" }} question="取消后服务项目终止，专家的服务名额释放，且不能恢复。"
      confirm="确认取消" cancelLabel="返回" />
  );
}
