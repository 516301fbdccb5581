"use client";
import { useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { DecisionButtons } from "@/components/ui/decision-form";
import { FieldError } from "@/components/ui/field-error";
import { FormField, Input, Textarea } from "@/components/ui/form-field";
import { Outcome } from "@/components/ui/outcome";
import { useFormAction } from "@/components/ui/use-form-action";
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
  const invite = useFormAction(inviteExpertAction);
  return (
    <form onSubmit={invite.onSubmit} className="space-y-1">
      <input type="hidden" name="needId" value={needId} />
      <input type="hidden" name="expertId" value={expertId} />
      <Button type="submit" size="sm" disabled={invite.pending || invite.done} aria-label={`邀请 ${expertName}`}>
        {invite.pending ? "正在邀请…" : invite.done ? "已邀请" : "邀请"}
      </Button>
      <FieldError errors={invite.error} alert compact />
    </form>
  );
}

/** 手动指派: find an expert the province may see, give the reason, assign. */
export function AssignExpertForm({ needId, disabledReason }: { needId: string; disabledReason?: string | null }) {
  const assign = useFormAction(assignExpertAction);
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<AssignableExpert[] | null>(null);
  const [chosen, setChosen] = useState("");
  const [searching, startSearch] = useTransition();
  const errors = assign.fieldErrors;
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
        <form onSubmit={assign.onSubmit} className="space-y-3" noValidate>
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
            <FieldError errors={errors.expertId} className="mt-1" />
          </fieldset>
          <FormField id={`assign-reason-${needId}`} label="指派理由（必填，专家和单位都会看到）" errors={errors.reason}>
            {(a) => <Textarea {...a} name="reason" rows={3} maxLength={500} required className="min-h-20" />}
          </FormField>
          <Button type="submit" disabled={assign.pending || !chosen}>{assign.pending ? "正在指派…" : "指派"}</Button>
        </form>
      )}
      <Outcome state={assign.state} />
    </div>
  );
}

/** 撤回 an invitation, an acceptance or a proposal: asks for the reason and a confirmation. */
export function WithdrawMatchForm({ matchId, version, expertName }: { matchId: string; version: number; expertName: string }) {
  const withdraw = useFormAction(withdrawMatchAction);
  if (withdraw.done) return <Outcome state={withdraw.state} />;
  return (
    <ConfirmButton form={withdraw} fields={{ matchId, version }} label="撤回" ariaLabel={`撤回 ${expertName}`} variant="ghost" size="sm"
      reason={{ label: `撤回 ${expertName} 的原因（必填，将告知专家）`, required: true }}
      question="撤回后名额即释放，专家将收到通知。确认撤回？" confirm="确认撤回" pendingLabel="正在撤回…" />
  );
}

/** The province decides an expert's application: approve (takes a seat) or reject with a reason. */
export function DecideApplicationForm({ matchId, version, expertName, seatsFull }: { matchId: string; version: number; expertName: string; seatsFull: boolean }) {
  const decide = useFormAction(decideApplicationAction);
  if (decide.done) return <Outcome state={decide.state} />;
  return (
    <DecisionButtons form={decide} fields={{ matchId, version }}
      decisions={[
        { value: "approve", direct: true, label: "同意申请", ariaLabel: `同意 ${expertName} 的申请`, disabled: seatsFull },
        {
          value: "reject", label: "不同意", ariaLabel: `不同意 ${expertName} 的申请`, variant: "ghost",
          reason: { label: `不同意 ${expertName} 申请的原因（必填，将告知专家）`, required: true },
          confirm: "确认不同意", pendingLabel: "正在提交…",
        },
      ]}
      note={seatsFull && <span className="text-xs text-slate-600">名额已满，需先撤回一位才能同意</span>} />
  );
}

/**
 * The expert's answer: accept (optionally offering fewer hours) or decline with a reason, confirmed before sending.
 */
export function RespondForm({ matchId, version, needTitle }: { matchId: string; version: number; needTitle: string }) {
  const respond = useFormAction(respondMatchAction);
  if (respond.done) return <Outcome state={respond.state} />;
  const hours = (
    <FormField id={`hours-${matchId}`} label="可投入时间（小时）" hint="可选；时间有限时请注明，便于单位安排" errors={respond.fieldErrors.offeredHours}>
      {(a) => <Input {...a} name="offeredHours" type="number" inputMode="numeric" min={1} max={2000} step={1} className="max-w-40" autoFocus />}
    </FormField>
  );
  return (
    <DecisionButtons form={respond} fields={{ matchId, version }}
      decisions={[
        {
          value: "accept", label: "接受邀请", ariaLabel: `接受邀请：${needTitle}`, tone: "success",
          extra: hours, confirm: "确认接受", pendingLabel: "正在提交…",
        },
        {
          value: "decline", label: "婉拒", ariaLabel: `婉拒邀请：${needTitle}`, variant: "secondary",
          reason: { label: "婉拒原因（必填，将告知省级）", required: true },
          question: "婉拒后将不再向您推荐该需求，且不能撤销。确认婉拒？", confirm: "确认婉拒", pendingLabel: "正在提交…",
        },
      ]} />
  );
}

/** 申请承接 an open need, with a short note for the province. */
export function ApplyForm({ needId, needTitle }: { needId: string; needTitle: string }) {
  const apply = useFormAction(applyNeedAction);
  if (apply.done) return <Outcome state={apply.state} />;
  return (
    <ConfirmButton form={apply} fields={{ needId }} label="申请承接" ariaLabel={`申请承接：${needTitle}`} variant="primary" size="sm"
      tone="neutral" reason={{ label: "申请说明（必填）", hint: "相关经验、可服务时间等，省级审定时参考", rows: 3, name: "note", required: true }}
      confirm="提交申请" pendingLabel="正在提交…" />
  );
}
