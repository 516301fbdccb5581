"use client";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { removeCalendarRunAction } from "@/lib/calendar/actions";
import type { CalendarRun } from "@/lib/calendar/schemas";

/** Delete one listed run, after a confirmation. */
export function RemoveRunButton({ run }: { run: CalendarRun }) {
  const remove = useFormAction(removeCalendarRunAction);
  const label = `${run.name} ${run.start === run.end ? run.start : `${run.start} 至 ${run.end}`}`;
  return (
    <ConfirmButton form={remove} fields={{ start: run.start, end: run.end, kind: run.kind, name: run.name }} label="删除"
      ariaLabel={`删除 ${label}`} variant="ghost" size="sm" compact question="删除后这些日期按普通工作日或周末计算，确认删除？"
      confirmAriaLabel={`确认删除 ${label}`} />
  );
}
