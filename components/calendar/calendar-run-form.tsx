"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormField, Input, Select } from "@/components/ui/form-field";
import { submitKeepingInput } from "@/components/ui/use-form-submit";
import { setCalendarRunAction } from "@/lib/calendar/actions";
import { MAX_RUN_DAYS } from "@/lib/calendar/schemas";

/** One run of days: a holiday (放假) or make-up working days (调休上班), with the festival's name. */
export function CalendarRunForm() {
  const [state, save, saving] = useActionState(setCalendarRunAction, null);
  const errors = state && !state.ok ? state.fieldErrors ?? {} : {};
  return (
    <form onSubmit={submitKeepingInput(save)} className="space-y-4" aria-label="录入节假日安排">
      <div className="grid gap-4 sm:grid-cols-4">
        <FormField id="calendar-name" label="节日名称" errors={errors.name} hint="如：国庆节、春节">
          {(a) => <Input {...a} name="name" maxLength={20} required />}
        </FormField>
        <FormField id="calendar-kind" label="安排" errors={errors.kind}>
          {(a) => (
            <Select {...a} name="kind" defaultValue="HOLIDAY">
              <option value="HOLIDAY">放假</option>
              <option value="WORKDAY">调休上班（周末）</option>
            </Select>
          )}
        </FormField>
        <FormField id="calendar-start" label="开始日期" errors={errors.start}>
          {(a) => <Input {...a} type="date" name="start" required />}
        </FormField>
        <FormField id="calendar-end" label="结束日期" errors={errors.end} hint={`单日可不填；一次最多 ${MAX_RUN_DAYS} 天`}>
          {(a) => <Input {...a} type="date" name="end" />}
        </FormField>
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={saving}>{saving ? "保存中…" : "保存"}</Button>
        {state?.ok && <p role="status" className="text-sm text-emerald-700">{state.message}（{state.data.days} 天）</p>}
        {state && !state.ok && <p role="alert" className="text-sm text-red-700">{state.error}</p>}
      </div>
      <p className="text-xs text-slate-500">已录入的日期再次录入时以新的安排为准。修改只影响此后发出的邀请，已发出邀请的答复期限不变。</p>
    </form>
  );
}
