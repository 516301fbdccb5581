"use client";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/form-field";
import { submitKeepingInput } from "@/components/ui/use-form-submit";
import { decideTeamAction } from "@/lib/engagements/actions";
import { fieldErrorsOf, Outcome } from "@/components/ui/outcome";

/** The unit's decision on an expert who accepted: confirm (asked first) or decline with a reason. */
export function TeamActions({ matchId, version, expertName }: { matchId: string; version: number; expertName: string }) {
  const [state, decide, pending] = useActionState(decideTeamAction, null);
  const [mode, setMode] = useState<"idle" | "confirm" | "release">("idle");
  const reasonId = `team-reason-${matchId}`;
  const reasonError = fieldErrorsOf(state).reason?.join("；");

  if (state?.ok) {
    return <p role="status" className="text-sm text-emerald-800">{state.data.engagementId ? `已确认 ${expertName} 加入专家团队` : `已不予确认 ${expertName}`}</p>;
  }
  return (
    <div className="space-y-2">
      {mode === "idle" && (
        <div className="flex flex-wrap gap-2">
          <Button size="sm" onClick={() => setMode("confirm")} aria-label={`确认 ${expertName} 加入团队`}>确认加入团队</Button>
          <Button size="sm" variant="secondary" onClick={() => setMode("release")} aria-label={`不予确认 ${expertName}`}>不予确认</Button>
        </div>
      )}
      {mode === "confirm" && (
        <form onSubmit={submitKeepingInput(decide)} className="space-y-2 rounded-md bg-brand-50 p-3 ring-1 ring-brand-100" aria-label={`确认 ${expertName}`}>
          <input type="hidden" name="matchId" value={matchId} />
          <input type="hidden" name="version" value={version} />
          <input type="hidden" name="decision" value="confirm" />
          <p className="text-sm text-slate-800">确认后 {expertName} 加入专家团队，双方开始商定工作方案；确认后不能撤销。</p>
          <div className="flex gap-2">
            <Button type="submit" size="sm" disabled={pending}>{pending ? "正在确认…" : "确认"}</Button>
            <Button size="sm" variant="ghost" onClick={() => setMode("idle")}>取消</Button>
          </div>
        </form>
      )}
      {mode === "release" && (
        <form onSubmit={submitKeepingInput(decide)} className="space-y-2 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200" aria-label={`不予确认 ${expertName}`} noValidate>
          <input type="hidden" name="matchId" value={matchId} />
          <input type="hidden" name="version" value={version} />
          <input type="hidden" name="decision" value="release" />
          <label htmlFor={reasonId} className="block text-sm font-medium text-slate-700">不予确认的原因（将告知专家和省级管理员）</label>
          <textarea id={reasonId} name="reason" rows={2} maxLength={500} className={inputClass}
            aria-invalid={reasonError ? true : undefined} aria-describedby={reasonError ? `${reasonId}-error` : undefined} />
          {reasonError && <p id={`${reasonId}-error`} className="text-sm text-red-700">{reasonError}</p>}
          <div className="flex gap-2">
            <Button type="submit" size="sm" variant="danger" disabled={pending}>确认不予确认</Button>
            <Button size="sm" variant="ghost" onClick={() => setMode("idle")}>取消</Button>
          </div>
        </form>
      )}
      {state && !state.ok && !reasonError && <Outcome state={state} />}
    </div>
  );
}
