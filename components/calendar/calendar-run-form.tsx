"use client";
import { Button } from "@/components/ui/button";
import { EnumSelect } from "@/components/ui/enum-select";
import { FieldError } from "@/components/ui/field-error";
import { FormField, Input } from "@/components/ui/form-field";
import { useFormAction } from "@/components/ui/use-form-action";
import { setCalendarRunAction } from "@/lib/calendar/actions";
import { MAX_RUN_DAYS } from "@/lib/calendar/schemas";

/** One run of days: a holiday (放假) or make-up working days (调休上班), with the festival's name. */
export function CalendarRunForm() {
  const save = useFormAction(setCalendarRunAction);
  const { state, fieldErrors: errors } = save;
  return (
    <form onSubmit={save.onSubmit} className="space-y-4" aria-label="录入节假日安排">
      <div className="grid gap-4 sm:grid-cols-4">
        <FormField id="calendar-name" label="节日名称" errors={errors.name} hint="如：国庆节、春节">
          {(a) => <Input {...a} name="name" maxLength={20} required />}
        </FormField>
        <FormField id="calendar-kind" label="安排" errors={errors.kind}>
          {(a) => <EnumSelect {...a} name="kind" defaultValue="HOLIDAY" choices={{ HOLIDAY: "放假", WORKDAY: "调休上班（周末）" }} />}
        </FormField>
        <FormField id="calendar-start" label="开始日期" errors={errors.start}>
          {(a) => <Input {...a} type="date" name="start" required />}
        </FormField>
        <FormField id="calendar-end" label="结束日期" errors={errors.end} hint={`单日可不填；一次最多 ${MAX_RUN_DAYS} 天`}>
          {(a) => <Input {...a} type="date" name="end" />}
        </FormField>
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={save.pending}>{save.pending ? "保存中…" : "保存"}</Button>
        {state?.ok && <p role="status" className="text-sm text-emerald-700">{state.message}（{state.data.days} 天）</p>}
        <FieldError errors={save.error} alert />
      </div>
      <p className="text-xs text-slate-500">已录入的日期再次录入时以新的安排为准。修改只影响此后发出的邀请，已发出邀请的答复期限不变。</p>
    </form>
  );
}
