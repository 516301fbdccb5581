"use client";
import { useActionState, useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { FormField, Input, inputClass } from "@/components/ui/form-field";
import { fieldErrorsOf, Outcome } from "@/components/ui/outcome";
import { submitKeepingInput } from "@/components/ui/use-form-submit";
import { MATCH_STATE_LABEL, PROFESSIONAL_TITLE_LABEL } from "@/lib/labels";
import {
  applyNeedAction, assignExpertAction, decideApplicationAction, inviteExpertAction, respondMatchAction, withdrawMatchAction,
} from "@/lib/matches/actions";
import { findAssignableExpertsAction } from "@/lib/matches/lookup-actions";
import type { AssignableExpert } from "@/lib/matches/queries";

// The matching forms: the province invites, assigns by hand, withdraws and decides applications; the expert
// answers an invitation and applies to a need. Every form shows the action's Chinese error and field errors;
// steps that cannot be undone (withdraw, decline, reject) ask first.

/** 邀请 on a recommendation row. */
export function InviteButton({ needId, expertId, expertName }: { needId: string; expertId: string; expertName: string }) {
  const [state, invite, pending] = useActionState(inviteExpertAction, null);
  return (
    <form onSubmit={submitKeepingInput(invite)} className="space-y-1">
      <input type="hidden" name="needId" value={needId} />
      <input type="hidden" name="expertId" value={expertId} />
      <Button type="submit" size="sm" disabled={pending || state?.ok} aria-label={`邀请 ${expertName}`}>
        {pending ? "正在邀请…" : state?.ok ? "已邀请" : "邀请"}
      </Button>
      {state && !state.ok && <p role="alert" className="text-xs text-red-700">{state.error}</p>}
    </form>
  );
}

/** 手动指派: find an expert the province may see, give the reason, assign. */
export function AssignExpertForm({ needId, disabledReason }: { needId: string; disabledReason?: string | null }) {
  const [state, assign, pending] = useActionState(assignExpertAction, null);
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<AssignableExpert[] | null>(null);
  const [chosen, setChosen] = useState("");
  const [searching, startSearch] = useTransition();
  const errors = fieldErrorsOf(state);
  function search() {
    startSearch(async () => {
      setResults(await findAssignableExpertsAction(needId, query));
      setChosen("");
    });
  }
  if (disabledReason) return <p className="text-sm text-slate-600">{disabledReason}</p>;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-2">
        <FormField id={`assign-q-${needId}`} label="查找专家" hint="姓名、工作单位或擅长领域；本省专家和开放跨区域共享的外省专家" className="min-w-64 flex-1">
          {(a) => (
            <Input {...a} type="search" value={query} maxLength={60} onChange={(e) => setQuery(e.target.value)}
              onKeyDown={(e) => { if (e.key === "Enter") { e.preventDefault(); search(); } }} />
          )}
        </FormField>
        <Button variant="secondary" onClick={search} disabled={searching || !query.trim()}>{searching ? "正在查找…" : "查找"}</Button>
      </div>
      {results && results.length === 0 && <p role="status" className="text-sm text-slate-600">没有找到可指派的专家，请换个关键词。</p>}
      {results && results.length > 0 && (
        <form onSubmit={submitKeepingInput(assign)} className="space-y-3" noValidate>
          <input type="hidden" name="needId" value={needId} />
          <fieldset>
            <legend className="text-sm font-medium text-slate-700">选择专家</legend>
            <ul className="mt-1 divide-y divide-slate-100 rounded-md ring-1 ring-slate-200">
              {results.map((e) => (
                <li key={e.id} className="px-3 py-2 text-sm">
                  <label className={cn("flex items-start gap-2", !e.assignable && "text-slate-500")}>
                    <input type="radio" name="expertId" value={e.id} disabled={!e.assignable} checked={chosen === e.id}
                      onChange={() => setChosen(e.id)} className="mt-1" />
                    <span>
                      <span className="font-medium">{e.name}</span>
                      <span className="ml-2 text-slate-600">{e.employer} · {PROFESSIONAL_TITLE_LABEL[e.title]} · {e.place}</span>
                      {e.shared && <span className="ml-2"><Badge>外省共享</Badge></span>}
                      {e.matchState && <span className="ml-2"><Badge tone="warning">{MATCH_STATE_LABEL[e.matchState]}</Badge></span>}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
            {errors.expertId && <p className="mt-1 text-sm text-red-700">{errors.expertId.join("；")}</p>}
          </fieldset>
          <FormField id={`assign-reason-${needId}`} label="指派理由（必填，专家和单位都会看到）" errors={errors.reason}>
            {(a) => <textarea {...a} name="reason" rows={3} maxLength={500} required className={cn(inputClass, "min-h-20")} />}
          </FormField>
          <Button type="submit" disabled={pending || !chosen}>{pending ? "正在指派…" : "指派"}</Button>
        </form>
      )}
      <Outcome state={state} />
    </div>
  );
}

/** 撤回 an invitation, an acceptance or a proposal: asks for the reason and a confirmation. */
export function WithdrawMatchForm({ matchId, version, expertName }: { matchId: string; version: number; expertName: string }) {
  const [state, withdraw, pending] = useActionState(withdrawMatchAction, null);
  const [open, setOpen] = useState(false);
  const errors = fieldErrorsOf(state);
  if (state?.ok) return <Outcome state={state} />;
  if (!open) return <Button size="sm" variant="ghost" onClick={() => setOpen(true)} aria-label={`撤回 ${expertName}`}>撤回</Button>;
  return (
    <form onSubmit={submitKeepingInput(withdraw)} className="space-y-2 rounded-md bg-red-50 p-3 ring-1 ring-red-200" noValidate>
      <input type="hidden" name="matchId" value={matchId} />
      <input type="hidden" name="version" value={version} />
      <FormField id={`withdraw-reason-${matchId}`} label={`撤回 ${expertName} 的原因（必填，将告知专家）`} errors={errors.reason}>
        {(a) => <textarea {...a} name="reason" rows={2} maxLength={500} required className={inputClass} />}
      </FormField>
      <p className="text-sm text-red-800">撤回后名额即释放，专家将收到通知。确认撤回？</p>
      <div className="flex gap-2">
        <Button type="submit" size="sm" variant="danger" disabled={pending}>{pending ? "正在撤回…" : "确认撤回"}</Button>
        <Button size="sm" variant="secondary" onClick={() => setOpen(false)}>取消</Button>
      </div>
      <Outcome state={state} />
    </form>
  );
}

/** The province decides an expert's application: approve (takes a seat) or reject with a reason. */
export function DecideApplicationForm({ matchId, version, expertName, seatsFull }: { matchId: string; version: number; expertName: string; seatsFull: boolean }) {
  const [state, decide, pending] = useActionState(decideApplicationAction, null);
  const [rejecting, setRejecting] = useState(false);
  const errors = fieldErrorsOf(state);
  if (state?.ok) return <Outcome state={state} />;
  return (
    <div className="space-y-2">
      {!rejecting && (
        <div className="flex flex-wrap items-center gap-2">
          <form onSubmit={submitKeepingInput(decide)}>
            <input type="hidden" name="matchId" value={matchId} />
            <input type="hidden" name="version" value={version} />
            <input type="hidden" name="decision" value="approve" />
            <Button type="submit" size="sm" disabled={pending || seatsFull} aria-label={`同意 ${expertName} 的申请`}>同意申请</Button>
          </form>
          <Button size="sm" variant="ghost" onClick={() => setRejecting(true)} aria-label={`不同意 ${expertName} 的申请`}>不同意</Button>
          {seatsFull && <span className="text-xs text-slate-600">名额已满，需先撤回一位才能同意</span>}
        </div>
      )}
      {rejecting && (
        <form onSubmit={submitKeepingInput(decide)} className="space-y-2 rounded-md bg-red-50 p-3 ring-1 ring-red-200" noValidate>
          <input type="hidden" name="matchId" value={matchId} />
          <input type="hidden" name="version" value={version} />
          <input type="hidden" name="decision" value="reject" />
          <FormField id={`reject-reason-${matchId}`} label={`不同意 ${expertName} 申请的原因（必填，将告知专家）`} errors={errors.reason}>
            {(a) => <textarea {...a} name="reason" rows={2} maxLength={500} required className={inputClass} />}
          </FormField>
          <div className="flex gap-2">
            <Button type="submit" size="sm" variant="danger" disabled={pending}>{pending ? "正在提交…" : "确认不同意"}</Button>
            <Button size="sm" variant="secondary" onClick={() => setRejecting(false)}>取消</Button>
          </div>
        </form>
      )}
      <Outcome state={state} />
    </div>
  );
}

/**
 * The expert's answer: accept (optionally offering fewer hours) or decline with a reason, confirmed before sending.
 */
export function RespondForm({ matchId, version, needTitle }: { matchId: string; version: number; needTitle: string }) {
  const [state, respond, pending] = useActionState(respondMatchAction, null);
  const [mode, setMode] = useState<"idle" | "accept" | "decline">("idle");
  const errors = fieldErrorsOf(state);
  if (state?.ok) return <Outcome state={state} />;
  return (
    <div className="space-y-2">
      {mode === "idle" && (
        <div className="flex flex-wrap gap-2">
          <Button size="sm" onClick={() => setMode("accept")} aria-label={`接受邀请：${needTitle}`}>接受邀请</Button>
          <Button size="sm" variant="secondary" onClick={() => setMode("decline")} aria-label={`婉拒邀请：${needTitle}`}>婉拒</Button>
        </div>
      )}
      {mode === "accept" && (
        <form onSubmit={submitKeepingInput(respond)} className="space-y-2 rounded-md bg-emerald-50 p-3 ring-1 ring-emerald-200" noValidate>
          <input type="hidden" name="matchId" value={matchId} />
          <input type="hidden" name="version" value={version} />
          <input type="hidden" name="decision" value="accept" />
          <FormField id={`hours-${matchId}`} label="可投入时间（小时）" hint="可选；时间有限时请注明，便于单位安排" errors={errors.offeredHours}>
            {(a) => <Input {...a} name="offeredHours" type="number" inputMode="numeric" min={1} max={2000} step={1} className="max-w-40" />}
          </FormField>
          <div className="flex gap-2">
            <Button type="submit" size="sm" disabled={pending}>{pending ? "正在提交…" : "确认接受"}</Button>
            <Button size="sm" variant="secondary" onClick={() => setMode("idle")}>取消</Button>
          </div>
        </form>
      )}
      {mode === "decline" && (
        <form onSubmit={submitKeepingInput(respond)} className="space-y-2 rounded-md bg-red-50 p-3 ring-1 ring-red-200" noValidate>
          <input type="hidden" name="matchId" value={matchId} />
          <input type="hidden" name="version" value={version} />
          <input type="hidden" name="decision" value="decline" />
          <FormField id={`decline-reason-${matchId}`} label="婉拒原因（必填，将告知省级）" errors={errors.reason}>
            {(a) => <textarea {...a} name="reason" rows={2} maxLength={500} required className={inputClass} />}
          </FormField>
          <p className="text-sm text-red-800">婉拒后将不再向您推荐该需求，且不能撤销。确认婉拒？</p>
          <div className="flex gap-2">
            <Button type="submit" size="sm" variant="danger" disabled={pending}>{pending ? "正在提交…" : "确认婉拒"}</Button>
            <Button size="sm" variant="secondary" onClick={() => setMode("idle")}>取消</Button>
          </div>
        </form>
      )}
      <Outcome state={state} />
    </div>
  );
}

/** 申请承接 an open need, with a short note for the province. */
export function ApplyForm({ needId, needTitle }: { needId: string; needTitle: string }) {
  const [state, apply, pending] = useActionState(applyNeedAction, null);
  const [open, setOpen] = useState(false);
  const errors = fieldErrorsOf(state);
  if (state?.ok) return <Outcome state={state} />;
  if (!open) return <Button size="sm" onClick={() => setOpen(true)} aria-label={`申请承接：${needTitle}`}>申请承接</Button>;
  return (
    <form onSubmit={submitKeepingInput(apply)} className="space-y-2 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200" noValidate>
      <input type="hidden" name="needId" value={needId} />
      <FormField id={`apply-note-${needId}`} label="申请说明（必填）" hint="相关经验、可服务时间等，省级审定时参考" errors={errors.note}>
        {(a) => <textarea {...a} name="note" rows={3} maxLength={500} required className={inputClass} />}
      </FormField>
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={pending}>{pending ? "正在提交…" : "提交申请"}</Button>
        <Button size="sm" variant="secondary" onClick={() => setOpen(false)}>取消</Button>
      </div>
      <Outcome state={state} />
    </form>
  );
}
