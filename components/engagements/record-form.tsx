"use client";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { EnumSelect } from "@/components/ui/enum-select";
import { FormField, Input, Textarea } from "@/components/ui/form-field";
import { Outcome } from "@/components/ui/outcome";
import { useFormAction } from "@/components/ui/use-form-action";
import { editRecordAction, logRecordAction } from "@/lib/engagements/actions";
import type { ServiceForm } from "@/lib/generated/prisma/enums";
import { SERVICE_FORM_LABEL } from "@/lib/labels";

export type RecordValues = {
  startDate: string; endDate: string; hours: number; form: ServiceForm; content: string; peopleServed: number; peopleTrained: number;
  techniquesPromoted: number; incomeEffect: number;
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

/** The expert's service record: dates, hours, form, content, people served and trained, techniques and income effect. */
export function RecordForm({ target, values, planForms, today, earliest, onDone }: Props) {
  const editing = "recordId" in target;
  const submit = useFormAction<unknown>(editing ? editRecordAction : logRecordAction);
  const { state, pending, fieldErrors: errors } = submit;
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
    <form key={round} onSubmit={submit.onSubmit} className="space-y-3" aria-label={editing ? "修改服务记录" : "填写服务记录"} noValidate>
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
          {(a) => <Input {...a} type="date" name="startDate" min={earliest} max={today} defaultValue={values?.startDate ?? today} />}
        </FormField>
        <FormField id={`${prefix}-end`} label="结束日期" errors={errors.endDate}>
          {(a) => <Input {...a} type="date" name="endDate" min={earliest} max={today} defaultValue={values?.endDate ?? today} />}
        </FormField>
        <FormField id={`${prefix}-hours`} label="服务时长（小时）" errors={errors.hours}>
          {(a) => <Input {...a} type="number" name="hours" min={0.5} step={0.5} defaultValue={values?.hours} />}
        </FormField>
        <FormField id={`${prefix}-form`} label="服务形式" errors={errors.form}>
          {(a) => (
            <EnumSelect {...a} name="form" defaultValue={values?.form ?? forms[0]}
              choices={forms.map((f) => ({ value: f, label: SERVICE_FORM_LABEL[f] }))} />
          )}
        </FormField>
        <FormField id={`${prefix}-served`} label="服务人数" errors={errors.peopleServed}>
          {(a) => <Input {...a} type="number" name="peopleServed" min={0} step={1} defaultValue={values?.peopleServed ?? 0} />}
        </FormField>
        <FormField id={`${prefix}-trained`} label="其中培训人数" errors={errors.peopleTrained}>
          {(a) => <Input {...a} type="number" name="peopleTrained" min={0} step={1} defaultValue={values?.peopleTrained ?? 0} />}
        </FormField>
        <FormField id={`${prefix}-techniques`} label="推广技术（项）" errors={errors.techniquesPromoted}>
          {(a) => <Input {...a} type="number" name="techniquesPromoted" min={0} step={1} defaultValue={values?.techniquesPromoted ?? 0} />}
        </FormField>
        <FormField id={`${prefix}-income`} label="带动增收（万元）" errors={errors.incomeEffect} hint="服务单位反映的增收效果，没有可填 0">
          {(a) => <Input {...a} type="number" name="incomeEffect" min={0} step={0.01} defaultValue={values?.incomeEffect ?? 0} />}
        </FormField>
      </div>
      <FormField id={`${prefix}-content`} label="服务内容" errors={errors.content} hint="做了什么、解决了什么问题、服务对象的反馈">
        {(a) => <Textarea {...a} name="content" rows={3} maxLength={2000} defaultValue={values?.content} className="min-h-20" />}
      </FormField>
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>{pending ? "正在提交…" : editing ? "保存修改" : "提交服务记录"}</Button>
        {onDone && <Button variant="ghost" onClick={onDone}>取消</Button>}
      </div>
      <Outcome state={state} />
    </form>
  );
}
