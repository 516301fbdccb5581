"use client";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { removeCalendarRunAction } from "@/lib/calendar/actions";
import type { CalendarRun } from "@/lib/calendar/schemas";

/** Delete one listed run, after a confirmation. */
export function RemoveRunButton({ run }: { run: CalendarRun }) {
  const [state, remove, removing] = useActionState(removeCalendarRunAction, null);
  const [confirming, setConfirming] = useState(false);
  const label = `${run.name} ${run.start === run.end ? run.start : `${run.start} 至 ${run.end}`}`;
  return (
    <div className="flex flex-col items-end gap-1">
      {confirming ? (
        <form action={remove} className="flex items-center gap-1" onSubmit={() => setConfirming(false)}>
          {(["start", "end", "kind", "name"] as const).map((k) => <input key={k} type="hidden" name={k} value={run[k]} />)}
          <span className="text-xs text-slate-600">删除后这些日期按普通工作日或周末计算，确认删除？</span>
          <Button type="submit" size="sm" variant="danger" disabled={removing} aria-label={`确认删除 ${label}`}>确认</Button>
          <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>取消</Button>
        </form>
      ) : (
        <Button size="sm" variant="ghost" onClick={() => setConfirming(true)} aria-label={`删除 ${label}`}>删除</Button>
      )}
      {state && !state.ok && <p role="alert" className="text-xs text-red-700">{state.error}</p>}
    </div>
  );
}
