"use client";
import { useActionState, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { FormField, inputClass, Select } from "@/components/ui/form-field";
import { submitKeepingInput } from "@/components/ui/use-form-submit";
import type { ActionResult } from "@/lib/actions/pipeline";
import { editRecordAction, logRecordAction } from "@/lib/engagements/actions";
import type { ServiceForm } from "@/lib/generated/prisma/enums";
import { SERVICE_FORM_LABEL } from "@/lib/labels";
import { fieldErrorsOf, Outcome } from "@/components/ui/outcome";

export type RecordValues = {
  startDate: string; endDate: string; hours: number; form: ServiceForm; content: string; peopleServed: number; peopleTrained: number;
};

type Props = {
  /** A new record for this engagement, or a change to an existing record. */
  target: { engagementId: string } | { recordId: string; version: number };
  values?: RecordValues;
  /** Forms of the work plan, listed first. */
  planForms: ServiceForm[];
  today: string;
  earliest: string;
  onDone?: () => void;
};

/** The expert's service record: dates, hours, form, content, people served and trained. */
export function RecordForm({ target, values, planForms, today, earliest, onDone }: Props) {
  const editing = "recordId" in target;
  // The previous result is not used by either action, so one signature serves both.
  type Submit = (prev: ActionResult<unknown> | null, data: FormData) => Promise<ActionResult<unknown>>;
  const action = (editing ? editRecordAction : logRecordAction) as Submit;
  const [state, submit, pending] = useActionState(action, null);
  const errors = fieldErrorsOf(state);
  const prefix = editing ? `rec-${target.recordId}` : "rec-new";
  const forms = [...planForms, ...(Object.keys(SERVICE_FORM_LABEL) as ServiceForm[]).filter((f) => !planForms.includes(f))];
  // A new record's form is cleared after it is saved (by remounting it).
  const [round, setRound] = useState(0);
  const [seen, setSeen] = useState(state);
  if (state !== seen) {
    setSeen(state);
    if (state?.ok && !editing) setRound((r) => r + 1);
  }
  // A saved change closes the edit form (the parent owns whether it is open).
  useEffect(() => {
    if (state?.ok && editing) onDone?.();
  }, [state, editing, onDone]);

  return (
    <form key={round} onSubmit={submitKeepingInput(submit)} className="space-y-3" aria-label={editing ? "修改服务记录" : "填写服务记录"} noValidate>
      {"recordId" in target ? (
        <>
          <input type="hidden" name="recordId" value={target.recordId} />
          <input type="hidden" name="version" value={target.version} />
        </>
      ) : (
        <input type="hidden" name="engagementId" value={target.engagementId} />
      )}
      <div className="grid gap-3 sm:grid-cols-3">
        <FormField id={`${prefix}-start`} label="开始日期" errors={errors.startDate}>
          {(a) => <input {...a} type="date" name="startDate" min={earliest} max={today} defaultValue={values?.startDate ?? today} className={inputClass} />}
        </FormField>
        <FormField id={`${prefix}-end`} label="结束日期" errors={errors.endDate}>
          {(a) => <input {...a} type="date" name="endDate" min={earliest} max={today} defaultValue={values?.endDate ?? today} className={inputClass} />}
        </FormField>
        <FormField id={`${prefix}-hours`} label="服务时长（小时）" errors={errors.hours}>
          {(a) => <input {...a} type="number" name="hours" min={0.5} step={0.5} defaultValue={values?.hours} className={inputClass} />}
        </FormField>
        <FormField id={`${prefix}-form`} label="服务形式" errors={errors.form}>
          {(a) => (
            <Select {...a} name="form" defaultValue={values?.form ?? forms[0]}>
              {forms.map((f) => <option key={f} value={f}>{SERVICE_FORM_LABEL[f]}</option>)}
            </Select>
          )}
        </FormField>
        <FormField id={`${prefix}-served`} label="服务人数" errors={errors.peopleServed}>
          {(a) => <input {...a} type="number" name="peopleServed" min={0} step={1} defaultValue={values?.peopleServed ?? 0} className={inputClass} />}
        </FormField>
        <FormField id={`${prefix}-trained`} label="其中培训人数" errors={errors.peopleTrained}>
          {(a) => <input {...a} type="number" name="peopleTrained" min={0} step={1} defaultValue={values?.peopleTrained ?? 0} className={inputClass} />}
        </FormField>
      </div>
      <FormField id={`${prefix}-content`} label="服务内容" errors={errors.content} hint="做了什么、解决了什么问题、服务对象的反馈">
        {(a) => <textarea {...a} name="content" rows={3} maxLength={2000} defaultValue={values?.content} className={cn(inputClass, "min-h-20")} />}
      </FormField>
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>{pending ? "正在提交…" : editing ? "保存修改" : "提交服务记录"}</Button>
        {onDone && <Button variant="ghost" onClick={onDone}>取消</Button>}
      </div>
      <Outcome state={state} />
    </form>
  );
}
