"use client";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { FieldError } from "@/components/ui/field-error";
import { FormField, Input, Select } from "@/components/ui/form-field";
import { Outcome } from "@/components/ui/outcome";
import { useFormAction } from "@/components/ui/use-form-action";
import { createQuestionnaireDraftAction, publishQuestionnaireAction, saveQuestionnaireDraftAction } from "@/lib/questionnaires/actions";
import { COMMENT, QUESTION_KIND_LABEL, QUESTION_KINDS, SATISFACTION, type Question } from "@/lib/questionnaires/questions";

export function CreateDraftButton({ party, label }: { party: "UNIT" | "EXPERT"; label: string }) {
  const form = useFormAction(createQuestionnaireDraftAction);
  return (
    <form onSubmit={form.onSubmit} className="space-y-2" aria-label={label}>
      <input type="hidden" name="party" value={party} />
      <Button type="submit" variant="secondary" size="sm" disabled={form.pending}>{form.pending ? "正在新建…" : label}</Button>
      <Outcome state={form.state} />
    </form>
  );
}

const BLANK_ROWS = 2;

/**
 * The draft's questions: reword, change the type or whether it must be answered, add (the blank rows), remove (empty
 * the wording). The satisfaction rating stays a required 1–5 rating; the comment stays text.
 */
export function DraftEditor({ id, rowVersion, title, questions, party }: { id: string; rowVersion: number; title: string; questions: Question[]; party: string }) {
  const save = useFormAction(saveQuestionnaireDraftAction);
  const rows: (Question | null)[] = [...questions, ...Array.from({ length: BLANK_ROWS }, () => null)];
  return (
    <form onSubmit={save.onSubmit} className="space-y-4" aria-label={`编辑${party}问卷草稿`} noValidate>
      <input type="hidden" name="questionnaireId" value={id} />
      <input type="hidden" name="rowVersion" value={rowVersion} />
      <FormField id={`${id}-title`} label="问卷名称" errors={save.fieldErrors.title}>
        {(a) => <Input {...a} name="title" defaultValue={title} maxLength={60} required />}
      </FormField>
      <ol className="space-y-3">
        {rows.map((q, i) => {
          const fixed = q?.key === SATISFACTION ? "RATING" : q?.key === COMMENT ? "TEXT" : null;
          return (
            <li key={q?.key ?? `new-${i}`} className="grid gap-2 rounded-md p-3 ring-1 ring-slate-200 sm:grid-cols-[1fr_10rem_7rem]">
              <input type="hidden" name={`q${i}_key`} value={q?.key ?? ""} />
              <FormField id={`${id}-q${i}-label`} label={q ? `第 ${i + 1} 题${fixed ? "（固定题，不能删除题型）" : "（清空即删除）"}` : "新增题目（可选）"}>
                {(a) => <Input {...a} name={`q${i}_label`} defaultValue={q?.label ?? ""} maxLength={100} />}
              </FormField>
              <FormField id={`${id}-q${i}-kind`} label="题型">
                {(a) => fixed ? (
                  <>
                    <input type="hidden" name={`q${i}_kind`} value={fixed} />
                    <Input {...a} value={QUESTION_KIND_LABEL[fixed]} readOnly />
                  </>
                ) : (
                  <Select {...a} name={`q${i}_kind`} defaultValue={q?.kind ?? "YES_NO"}>
                    {QUESTION_KINDS.map((k) => <option key={k} value={k}>{QUESTION_KIND_LABEL[k]}</option>)}
                  </Select>
                )}
              </FormField>
              <label className="mt-6 inline-flex items-center gap-2 text-sm">
                {q?.key === SATISFACTION ? (
                  <><input type="hidden" name={`q${i}_required`} value="1" /><input type="checkbox" checked readOnly disabled aria-label="必答（固定）" /> 必答</>
                ) : (
                  <><input type="checkbox" name={`q${i}_required`} value="1" defaultChecked={q?.required ?? false} /> 必答</>
                )}
              </label>
            </li>
          );
        })}
      </ol>
      <FieldError errors={Object.entries(save.fieldErrors).filter(([k]) => k.startsWith("questions")).flatMap(([, v]) => v)} alert />
      <Button type="submit" disabled={save.pending}>{save.pending ? "正在保存…" : "保存草稿"}</Button>
      <Outcome state={save.state} />
    </form>
  );
}

export function PublishButton({ id, rowVersion, version }: { id: string; rowVersion: number; version: number }) {
  const publish = useFormAction(publishQuestionnaireAction);
  if (publish.done) return <Outcome state={publish.state} />;
  return (
    <ConfirmButton form={publish} fields={{ questionnaireId: id, rowVersion }} label={`发布第 ${version} 版`} variant="primary" formLabel={`发布第 ${version} 版`}
      question="发布后此后的评价使用新版本，原版本停用；已有评价仍按其回答时的版本显示。发布后不能修改。" confirm="确认发布" cancelLabel="返回" tone="brand" />
  );
}
