"use client";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { DecisionForm } from "@/components/ui/decision-form";
import { Outcome } from "@/components/ui/outcome";
import { useFormAction } from "@/components/ui/use-form-action";
import { cancelAction, feedbackAction, finishAction } from "@/lib/engagements/actions";
import { LOW_RATING } from "@/lib/engagements/schemas";
import { FieldError } from "@/components/ui/field-error";
import { FormField, Textarea } from "@/components/ui/form-field";
import { COMMENT, fieldName, SATISFACTION, type Question } from "@/lib/questionnaires/questions";

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

/**
 * One side's feedback: the rating (1–5) and comment, plus the other questions of the side's questionnaire in use
 * (set by the ministry); the comment is required for 2 points or fewer. Given once.
 */
export function FeedbackForm({ engagementId, about, questions = [] }: { engagementId: string; about: string; questions?: Question[] }) {
  const give = useFormAction(feedbackAction);
  if (give.done) return <Outcome state={give.state} success="评价已提交" />;
  const satisfaction = questions.find((q) => q.key === SATISFACTION);
  const comment = questions.find((q) => q.key === COMMENT);
  const others = questions.filter((q) => q.key !== SATISFACTION && q.key !== COMMENT);
  const extra = others.length ? <div className="space-y-3">{others.map((q) => <QuestionField key={q.key} q={q} errors={give.fieldErrors[fieldName(q.key)]} />)}</div> : undefined;
  return (
    <DecisionForm form={give} fields={{ engagementId }} name="rating" legend={satisfaction?.label ?? `对${about}的评分`} decisions={RATINGS}
      reason={{ id: "feedback-comment", name: "comment", label: comment ? `评价意见：${comment.label}` : "评价意见", required: "请写明原因", maxLength: 1000 }}
      submit="提交评价" pendingLabel="正在提交…" formLabel={`评价${about}`} extra={extra} />
  );
}

/** A question of the questionnaire beyond the rating and the comment. */
function QuestionField({ q, errors }: { q: Question; errors?: string[] }) {
  const name = fieldName(q.key);
  const id = `feedback-${q.key}`;
  const mark = q.required ? "（必答）" : "（可选）";
  if (q.kind === "TEXT") {
    return (
      <FormField id={id} label={`${q.label}${mark}`} errors={errors}>
        {(a) => <Textarea {...a} name={name} rows={2} maxLength={1000} required={q.required} />}
      </FormField>
    );
  }
  const choices = q.kind === "YES_NO" ? [["yes", "是"], ["no", "否"]] : [5, 4, 3, 2, 1].map((n) => [String(n), `${n} 分`]);
  return (
    <fieldset aria-describedby={errors?.length ? `${id}-error` : undefined}>
      <legend className="text-sm font-medium text-slate-700">{q.label}{mark}</legend>
      <div className="mt-1 flex flex-wrap gap-4">
        {choices.map(([value, label]) => (
          <label key={value} className="inline-flex items-center gap-2 text-sm">
            <input type="radio" name={name} value={value} required={q.required} /> {label}
          </label>
        ))}
      </div>
      <FieldError id={`${id}-error`} errors={errors} className="mt-1" />
    </fieldset>
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
